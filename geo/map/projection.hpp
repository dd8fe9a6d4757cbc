#pragma once
// Map projections through PROJ on the map's sphere, with the clip domain that belongs to each.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "geo/map/clip.hpp"
#include "geo/map/proj_handles.hpp"

namespace geo {

struct XY {
    double x = 0, y = 0;  // projected metres
};

struct Bounds {
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    [[nodiscard]] double width() const { return max_x - min_x; }
    [[nodiscard]] double height() const { return max_y - min_y; }
};

// What the user asked for: a named projection with a centre, or any PROJ string / EPSG code of a projected CRS.
struct ProjectionSpec {
    std::string name = "ortho";  // canonical name, or "custom"
    LonLat center{127.5, 38.5};  // the Korean peninsula
    std::string custom;          // PROJ string or AUTHORITY:CODE when name == "custom"

    bool operator==(const ProjectionSpec&) const = default;
};

// The named projections, in the order menus and error messages list them.
std::span<const std::string_view> projection_names();

// Parses "ortho", an alias such as "globe", "+proj=..." or "EPSG:3035"; the error lists the valid names.
std::variant<ProjectionSpec, std::string> parse_projection(std::string_view text, LonLat center);

// Is the projection a world map (only the centre longitude counts) rather than a view round a centre point?
bool is_world_map(const ProjectionSpec& spec);

// Whether views in this projection turn the globe (move the projection centre) rather than the camera.
[[nodiscard]] bool turns_globe(const ProjectionSpec& spec);

class Projection {
public:
    static std::variant<Projection, std::string> create(const ProjectionSpec& spec);

    [[nodiscard]] const ProjectionSpec& spec() const { return spec_; }
    [[nodiscard]] const ClipDomain& domain() const { return domain_; }
    // PROJ string of the projection as drawn, on the map's sphere (for custom CRSs: the CRS's own definition).
    [[nodiscard]] const std::string& definition() const { return definition_; }
    // The CRS as WKT2, for georeferenced exports.
    [[nodiscard]] std::string wkt() const;
    // Bounding box of the domain outline: what zoom 0 fits into the view.
    [[nodiscard]] const Bounds& world_bounds() const { return world_bounds_; }

    // Projects geographic degrees to metres with one PJ per thread; points PROJ cannot project become NaN.
    void forward(std::span<const LonLat> in, std::span<XY> out) const;
    [[nodiscard]] std::optional<XY> forward(LonLat p) const;
    // Metres back to degrees; nullopt off the map (beyond the globe's rim, past the cut).
    [[nodiscard]] std::optional<LonLat> inverse(XY p) const;

    // The bare PROJ call the benchmark compares `forward` against: radians in place, same threads, no checks.
    // `data` holds radians on the way in and metres on the way out.
    void bare_proj_trans(std::span<XY> data) const;

    [[nodiscard]] std::size_t thread_count() const { return workers_.size(); }

private:
    Projection() = default;
    ProjectionSpec spec_;
    ClipDomain domain_;
    std::string definition_;
    Bounds world_bounds_;
    std::vector<ProjWithContext> workers_;  // workers_[0] also serves single-point calls
    // World maps run PROJ with lon_0 = 0 on longitudes relative to the centre: PROJ folds input longitudes into
    // [-180, 180] before subtracting lon_0, which would put both sides of the seam on the same edge.
    double input_lon_offset_ = 0;
};

}  // namespace geo

#pragma once
// The Natural Earth basemap in geographic coordinates, read from the converted FlatGeobuf files
// (geo/map/flatgeobuf.hpp).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "geo/map/clip.hpp"

namespace geo {

enum class Detail { Coarse110m, Medium50m, Fine10m };
inline constexpr Detail kAllDetails[] = {Detail::Coarse110m, Detail::Medium50m, Detail::Fine10m};

std::string_view detail_name(Detail d);  // "110m", "50m", "10m"
std::optional<Detail> parse_detail(std::string_view text);

// A layer's paths plus a bounding cap per path, computed once so that every re-projection can skip or copy whole
// paths cheaply.
struct BasemapLayer {
    LonLatPaths paths;
    std::vector<BoundingCap> caps;
};

struct Basemap {
    Detail detail = Detail::Coarse110m;
    BasemapLayer land;     // rings (outer rings and holes alike; filled even-odd)
    BasemapLayer borders;  // lines where two countries meet
    BasemapLayer coast;    // lines where land meets sea
};

// Reads land-RES.fgb, borders-RES.fgb and coast-RES.fgb from `basemap_dir`; the error names the file and problem.
std::variant<Basemap, std::string> load_basemap(const std::filesystem::path& basemap_dir, Detail detail);

// Reads one layer file; `rings` selects polygon rings (true) or line strings (false).
std::variant<LonLatPaths, std::string> read_paths(const std::filesystem::path& file, bool rings);

}  // namespace geo

namespace geo {

// The level of detail that suits a scale: 110m far out, 50m in between, 10m close in. One Natural Earth vertex
// per few pixels at most, so the map neither looks coarse nor wastes time on invisible detail.
// One Natural Earth level coarser (110m stays 110m): what a turning globe rebuilds while it turns.
inline Detail coarser(Detail d) { return d == Detail::Fine10m ? Detail::Medium50m : Detail::Coarse110m; }

inline Detail detail_for_scale(double metres_per_pixel) {
    if (metres_per_pixel > 7000.0) return Detail::Coarse110m;
    if (metres_per_pixel > 1500.0) return Detail::Medium50m;
    return Detail::Fine10m;
}

}  // namespace geo

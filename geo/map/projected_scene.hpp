#pragma once
// Everything the renderer draws of the basemap, clipped and projected for one projection: built when the
// projection or the level of detail changes, never per frame.
#include <cstdint>
#include <vector>

#include "geo/map/basemap.hpp"
#include "geo/map/projection.hpp"

namespace geo {

struct FloatBounds {
    float min_x, min_y, max_x, max_y;
};

// Paths in projected metres as float pairs, ready for upload, with per-path bounds for view culling.
struct ProjectedPaths {
    std::vector<float> xy;                 // x0, y0, x1, y1, ...
    std::vector<std::uint32_t> starts{0};  // path i is vertices [starts[i], starts[i + 1])
    std::vector<FloatBounds> bounds;       // one per path

    [[nodiscard]] std::size_t path_count() const { return starts.size() - 1; }
    [[nodiscard]] std::size_t vertex_count() const { return xy.size() / 2; }
};

struct SceneTimings {
    double clip_ms = 0, project_ms = 0, pack_ms = 0;
};

struct ProjectedScene {
    ProjectionSpec spec;
    Detail detail = Detail::Coarse110m;
    Bounds world;              // outline bounds: what zoom 0 fits
    ProjectedPaths ocean;      // the domain outline as one ring (the globe's disk, the world map's outline)
    ProjectedPaths land;       // rings, filled even-odd
    ProjectedPaths borders;    // lines
    ProjectedPaths coast;      // lines
    ProjectedPaths graticule;  // lines
    double cull_radius_deg = 180.0;
    SceneTimings timings;
};

// Lines are cut into pieces of at most this many vertices so that culling can skip most of a long coastline.
inline constexpr std::size_t kMaxLinePieceVertices = 256;

// `cull_radius_deg` narrows the horizon of globe and azimuthal views to the cap the camera can see, so that a
// zoomed-in globe clips and projects only what is on screen; the ocean keeps the full outline.
ProjectedScene build_scene(const Projection& projection, const Basemap& basemap, const LonLatPaths& graticule,
                           double cull_radius_deg = 180.0);

// Clips and projects one set of paths (rings or lines) for `projection`; exposed for tests and benchmarks.
ProjectedPaths project_paths(const Projection& projection, const LonLatPaths& paths, bool rings,
                             std::span<const BoundingCap> caps = {});

}  // namespace geo

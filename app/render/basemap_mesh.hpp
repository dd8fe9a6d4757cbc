#pragma once
// The basemap's vertex arrays as the GPU takes them, at every level of detail: built from a projected scene on the
// scene builder's worker thread, so that the frame loop only copies them into buffers. Plain data, no GL calls.
#include <cstdint>
#include <vector>

#include "geo/map/path_simplification.hpp"
#include "geo/map/projected_scene.hpp"

namespace diplomap {

// Rings as triangle fans for an even-odd stencil fill, all levels in one array. A long ring is cut into chunks,
// each fanned round its own centre, so that every fan is small and one off screen can be skipped; a triangle
// joining neighbouring chunks' centres, and one fan over all the centres, make the parity come out as for the
// whole ring (see make_basemap_mesh's comment).
struct FillMesh {
    struct Level {
        std::vector<std::int32_t> firsts, counts;  // one entry per fan, as glMultiDrawArrays takes them
        std::vector<geo::FloatBounds> bounds;
    };
    std::vector<float> vertices;  // x, y pairs
    std::vector<Level> levels;    // geo::kLevelTolerancesMetres[first_level ...]
    bool convex = false;          // one convex ring (the ocean of every built-in projection): drawn without stencil
};

// Edges per chunk of a long ring: small enough that a chunk's fan is local, large enough that the fans of chunk
// centres and their joins stay few.
inline constexpr std::size_t kFillChunkEdges = 64;

// Lines as one vertex array in which segment i runs from vertex i to vertex i + 1; a break vertex (kLineBreak)
// between paths makes the segments that touch it vanish, so a run of paths is one draw call.
struct LineMesh {
    struct Level {
        std::vector<std::uint32_t> firsts, ends;  // vertex range of each path
        std::vector<geo::FloatBounds> bounds;
    };
    std::vector<float> vertices;
    std::vector<Level> levels;
};

inline constexpr float kLineBreak = 1e30F;  // the line shader drops any segment with an end this far out

struct BasemapMesh {
    geo::ProjectionSpec spec;
    geo::Detail detail = geo::Detail::Coarse110m;
    geo::Bounds world;            // the projection's outline bounds: what zoom 0 fits
    std::size_t first_level = 0;  // every layer holds levels first_level to first_level + its levels' size - 1
    FillMesh ocean, land;
    LineMesh borders, coast, graticule;
};

// Levels `finest` to `coarsest` of geo::kLevelTolerancesMetres: the viewer takes all of them, so that zooming
// never waits; an export, whose scale is fixed, takes the one it draws.
BasemapMesh make_basemap_mesh(const geo::ProjectedScene& scene, std::size_t finest = 0,
                              std::size_t coarsest = geo::kLevelCount - 1);

}  // namespace diplomap

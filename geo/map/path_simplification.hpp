#pragma once
// Level of detail within one Natural Earth level: Douglas–Peucker simplification of projected paths, computed once
// per scene as a significance per vertex, so that any tolerance is a cheap filter. Drawing 10m coastlines at a
// scale where a pixel spans several of their vertices costs the software rasteriser dearly and shows nothing more.
#include <cstdint>
#include <iterator>
#include <span>
#include <vector>

#include "geo/map/projected_scene.hpp"

namespace geo {

// For each vertex, the largest Douglas–Peucker tolerance (projected metres) at which it is still kept: keeping the
// vertices with significance >= t gives the Douglas–Peucker simplification at tolerance t, nested across t. A
// line's two ends are always kept; a ring keeps its first vertex, the one farthest from it and the next most
// significant one, so that it never shrinks below a triangle.
std::vector<float> douglas_peucker_significance(const ProjectedPaths& paths, bool rings);

// The vertices kept at one tolerance, as indices into the full paths: path paths[j] keeps the vertices
// vertices[starts[j]] to vertices[starts[j + 1] - 1], in order. Paths left too short are not listed.
struct KeptVertices {
    std::vector<std::uint32_t> paths;
    std::vector<std::uint32_t> starts{0};
    std::vector<std::uint32_t> vertices;
    [[nodiscard]] std::size_t path_count() const { return paths.size(); }
};

// The vertices whose significance reaches `tolerance`. Levels nest, so a finer level's result, when given, is
// filtered instead of all vertices: each coarser level then costs only what the finer one kept.
KeptVertices keep_significant(const ProjectedPaths& paths, std::span<const float> significance, float tolerance,
                              bool rings, const KeptVertices* finer = nullptr);

}  // namespace geo

namespace geo {

// Tolerances of the simplified levels a scene is drawn at, in projected metres; level 0 is the full data. Each
// level doubles the last, so that the level chosen for a scale is within a factor two of what it needs.
inline constexpr float kLevelTolerancesMetres[] = {0.0F,    150.0F,  300.0F,  600.0F,  1200.0F,
                                                   2400.0F, 4800.0F, 9600.0F, 19200.0F};
inline constexpr std::size_t kLevelCount = std::size(kLevelTolerancesMetres);

// Douglas–Peucker moves an edge by at most its tolerance; this many pixels is below what anti-aliased lines show.
inline constexpr double kSimplifyPixels = 0.6;
// While the view moves the eye cannot follow sub-pixel detail; the full level is back on the first still frame.
inline constexpr double kMovingSimplifyPixels = 1.5;

// The coarsest level whose tolerance stays within `pixels` at `metres_per_pixel`.
inline std::size_t level_for_scale(double metres_per_pixel, double pixels = kSimplifyPixels) {
    std::size_t level = 0;
    while (level + 1 < kLevelCount && kLevelTolerancesMetres[level + 1] <= pixels * metres_per_pixel) ++level;
    return level;
}

// Fills take half the lines' tolerance: their edges are not anti-aliased, so a moved edge flips whole pixels
// (land drawn as sea), where a line moved as far only shades its fringe differently.
inline std::size_t fill_level_for_scale(double metres_per_pixel, double pixels = kSimplifyPixels) {
    return level_for_scale(metres_per_pixel, 0.5 * pixels);
}

}  // namespace geo

#pragma once
// Level of detail within one Natural Earth level: Douglas–Peucker simplification of projected paths, computed once
// per scene as a significance per vertex, so that any tolerance is a cheap filter. Drawing 10m coastlines at a
// scale where a pixel spans several of their vertices costs the software rasteriser dearly and shows nothing more.
#include <iterator>
#include <span>
#include <vector>

#include "geo/projected_scene.hpp"

namespace geo {

// For each vertex, the largest Douglas–Peucker tolerance (projected metres) at which it is still kept: keeping the
// vertices with significance >= t gives the Douglas–Peucker simplification at tolerance t, nested across t. A
// line's two ends are always kept; a ring keeps its first vertex and the one farthest from it.
std::vector<float> douglas_peucker_significance(const ProjectedPaths& paths, bool rings);

// The paths with only the vertices whose significance reaches `tolerance`. Rings left with fewer than 3 vertices
// are dropped (they cover less than a pixel at the scale the tolerance is for); bounds stay those of the full paths.
ProjectedPaths simplify_paths(const ProjectedPaths& paths, std::span<const float> significance, float tolerance,
                              bool rings);

}  // namespace geo

namespace geo {

// Tolerances of the simplified levels a scene is drawn at, in projected metres; level 0 is the full data. Each
// level doubles the last, so that the level chosen for a scale is within a factor two of what it needs.
inline constexpr float kLevelTolerancesMetres[] = {0.0F,    150.0F,  300.0F,  600.0F,  1200.0F,
                                                   2400.0F, 4800.0F, 9600.0F, 19200.0F};
inline constexpr std::size_t kLevelCount = std::size(kLevelTolerancesMetres);

// Douglas–Peucker moves an edge by at most its tolerance; this many pixels is below what anti-aliased lines show.
inline constexpr double kSimplifyPixels = 0.4;

// The coarsest level whose tolerance stays within `pixels` at `metres_per_pixel`.
inline std::size_t level_for_scale(double metres_per_pixel, double pixels = kSimplifyPixels) {
    std::size_t level = 0;
    while (level + 1 < kLevelCount && kLevelTolerancesMetres[level + 1] <= pixels * metres_per_pixel) ++level;
    return level;
}

}  // namespace geo

#pragma once
// Projected paths written out by hand, for the simplification and mesh tests of both suites.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "geo/map/projected_scene.hpp"

namespace diplomap::test {

// One path per entry (x0, y0, x1, y1, ...), each with its bounds.
inline geo::ProjectedPaths make_paths(const std::vector<std::vector<float>>& paths) {
    geo::ProjectedPaths out;
    for (const auto& p : paths) {
        out.xy.insert(out.xy.end(), p.begin(), p.end());
        out.starts.push_back(static_cast<std::uint32_t>(out.xy.size() / 2));
        geo::FloatBounds b{std::numeric_limits<float>::max(), std::numeric_limits<float>::max(),
                           std::numeric_limits<float>::lowest(), std::numeric_limits<float>::lowest()};
        for (std::size_t i = 0; i + 1 < p.size(); i += 2)
            b = {std::min(b.min_x, p[i]), std::min(b.min_y, p[i + 1]), std::max(b.max_x, p[i]),
                 std::max(b.max_y, p[i + 1])};
        out.bounds.push_back(b);
    }
    return out;
}

}  // namespace diplomap::test

#pragma once
// Many polylines or rings in one flat array: cache-friendly, cheap to hand to PROJ and to GL.
#include <cstdint>
#include <span>
#include <vector>

#include "geo/map/sphere.hpp"

namespace geo {

template <typename Point>
struct PathSet {
    std::vector<Point> points;
    std::vector<std::uint32_t> starts{0};  // path i is points[starts[i], starts[i + 1])

    [[nodiscard]] std::size_t size() const { return starts.size() - 1; }
    [[nodiscard]] bool empty() const { return size() == 0; }
    [[nodiscard]] std::span<const Point> path(std::size_t i) const {
        return {points.data() + starts[i], points.data() + starts[i + 1]};
    }
    void close_path() {
        if (points.size() != starts.back()) starts.push_back(static_cast<std::uint32_t>(points.size()));
    }
    void clear() {
        points.clear();
        starts.assign(1, 0);
    }
    void append(std::span<const Point> path) {
        points.insert(points.end(), path.begin(), path.end());
        close_path();
    }
};

// Rings are implicitly closed: the last point is not a repeat of the first.
using LonLatPaths = PathSet<LonLat>;

}  // namespace geo

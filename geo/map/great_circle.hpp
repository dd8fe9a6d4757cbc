#pragma once
// Great circles on the map's sphere through PROJ's geodesic API (f = 0): arcs, routes and tests all follow the
// geodesics that PROJ and GeographicLib compute, rather than a formula of our own.
#include <geodesic.h>

#include <cstddef>
#include <vector>

#include "geo/map/sphere.hpp"

namespace geo {

class GreatCircle {
public:
    // The shorter great circle from `from` to `to` (for antipodes, the one PROJ picks).
    GreatCircle(LonLat from, LonLat to);

    [[nodiscard]] double length_m() const { return line_.s13; }
    [[nodiscard]] double arc_deg() const { return line_.a13; }
    // The point `metres` along the circle from the start; negative or beyond the end continues the circle.
    // Longitudes are unrolled from the start's, so they change continuously and may leave [-180, 180].
    [[nodiscard]] LonLat at_distance(double metres) const;

private:
    geod_geodesicline line_{};
    double start_lon_ = 0;
};

// Equal segments for `arc_deg` of great circle: none longer than max_segment_deg, at least min_segments.
[[nodiscard]] std::size_t segment_count(double arc_deg, double max_segment_deg, std::size_t min_segments);

// Points at equal distances along the great circle, both ends included: the first is `from` exactly, the last is
// `to` with its longitude unrolled like the points before it (`to.lon` plus a multiple of 360).
[[nodiscard]] std::vector<LonLat> densify_great_circle(LonLat from, LonLat to, double max_segment_deg,
                                                       std::size_t min_segments = 8);

// `to` with its longitude moved by whole turns to within 180 degrees of `near_lon`.
[[nodiscard]] LonLat unrolled_near(LonLat to, double near_lon);

}  // namespace geo

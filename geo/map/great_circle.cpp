#include "geo/map/great_circle.hpp"

#include <algorithm>
#include <cmath>

namespace geo {
namespace {

// Segment counts beyond this come only from absurd options; they would allocate without limit.
constexpr double kMaxSegments = 1e6;

const geod_geodesic& map_sphere() {
    static const geod_geodesic sphere = [] {
        geod_geodesic g{};
        geod_init(&g, kEarthRadiusMetres, 0.0);
        return g;
    }();
    return sphere;
}

}  // namespace

GreatCircle::GreatCircle(LonLat from, LonLat to) : start_lon_(from.lon) {
    geod_inverseline(&line_, &map_sphere(), from.lat, from.lon, to.lat, to.lon,
                     GEOD_LATITUDE | GEOD_LONGITUDE | GEOD_AZIMUTH | GEOD_DISTANCE_IN);
}

LonLat GreatCircle::at_distance(double metres) const {
    double lat = 0, lon = 0;
    geod_genposition(&line_, GEOD_LONG_UNROLL, metres, &lat, &lon, nullptr, nullptr, nullptr, nullptr, nullptr,
                     nullptr);
    // Unrolled longitudes count from the line's own start longitude; ours may be unrolled beyond [-180, 180].
    return {start_lon_ + (lon - line_.lon1), lat};
}

std::size_t segment_count(double arc_deg, double max_segment_deg, std::size_t min_segments) {
    double n = max_segment_deg > 0 ? std::ceil(arc_deg / max_segment_deg) : 0.0;
    if (!std::isfinite(n)) n = kMaxSegments;
    return std::max(min_segments, static_cast<std::size_t>(std::clamp(n, 0.0, kMaxSegments)));
}

LonLat unrolled_near(LonLat to, double near_lon) {
    return {to.lon + 360.0 * std::round((near_lon - to.lon) / 360.0), to.lat};
}

std::vector<LonLat> densify_great_circle(LonLat from, LonLat to, double max_segment_deg, std::size_t min_segments) {
    const GreatCircle circle(from, to);
    const std::size_t n = segment_count(circle.arc_deg(), max_segment_deg, std::max<std::size_t>(min_segments, 1));
    std::vector<LonLat> points;
    points.reserve(n + 1);
    points.push_back(from);
    for (std::size_t i = 1; i < n; ++i)
        points.push_back(circle.at_distance(circle.length_m() * static_cast<double>(i) / static_cast<double>(n)));
    points.push_back(unrolled_near(to, circle.at_distance(circle.length_m()).lon));
    return points;
}

}  // namespace geo

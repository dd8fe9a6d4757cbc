#include "geo/story/story_home.hpp"

#include <geodesic.h>

#include <vector>

namespace geo {

LonLat story_home_center(const Story& story, LonLat fallback, double max_distance_deg) {
    std::vector<LonLat> heart;
    for (const Place& p : story.places)
        if (p.main) heart.push_back({p.lon, p.lat});
    if (heart.empty())
        for (const Place& p : story.places) heart.push_back({p.lon, p.lat});
    if (heart.empty()) return fallback;

    // On the unit sphere geodesic distances are angles in radians.
    geod_geodesic sphere{};
    geod_init(&sphere, 1.0, 0.0);
    constexpr double kDegrees = 180.0 / 3.14159265358979323846;
    LonLat center = heart.front();
    // Step towards the farthest place until every place is close enough; halving the excess each time converges
    // without overshooting when places pull in different directions.
    for (int step = 0; step < 200; ++step) {
        double farthest = 0, azimuth = 0;
        for (const LonLat& p : heart) {
            double distance = 0, azi1 = 0, azi2 = 0;
            geod_inverse(&sphere, center.lat, center.lon, p.lat, p.lon, &distance, &azi1, &azi2);
            if (distance * kDegrees > farthest) {
                farthest = distance * kDegrees;
                azimuth = azi1;
            }
        }
        const double excess = farthest - max_distance_deg;
        if (excess <= 0.01) break;
        double lat = 0, lon = 0, azi2 = 0;
        geod_direct(&sphere, center.lat, center.lon, azimuth, (0.5 * excess + 0.01) / kDegrees, &lat, &lon, &azi2);
        center = {wrap_longitude(lon), lat};
    }
    return center;
}

}  // namespace geo

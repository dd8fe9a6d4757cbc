#include "geo/map/graticule.hpp"

namespace geo {

LonLatPaths make_graticule(double step_deg) {
    constexpr double kDensify = 1.0;
    LonLatPaths out;
    const double last_parallel = 90.0 - step_deg;
    for (double lon = -180.0; lon < 180.0; lon += step_deg) {
        for (double lat = -last_parallel; lat <= last_parallel + 1e-9; lat += kDensify)
            out.points.push_back({lon, lat});
        out.close_path();
    }
    for (double lat = -last_parallel; lat <= last_parallel + 1e-9; lat += step_deg) {
        for (double lon = -180.0; lon <= 180.0 + 1e-9; lon += kDensify) out.points.push_back({lon, lat});
        out.close_path();
    }
    return out;
}

}  // namespace geo

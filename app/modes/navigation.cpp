#include "app/modes/navigation.hpp"

#include <algorithm>
#include <cmath>

namespace diplomap {

void drag_view(ViewState& view, double dx, double dy) {
    if (!turns_globe(view.spec)) {
        view.camera.pan_pixels(dx, dy);
        return;
    }
    // The point under the cursor follows it: at the centre of the disk one pixel is 1/(scale * R) radians.
    const double radians_per_pixel = 1.0 / (view.camera.pixels_per_metre * geo::kEarthRadiusMetres);
    geo::LonLat& c = view.spec.center;
    c.lon = geo::wrap_longitude(c.lon - dx * radians_per_pixel * geo::kRadToDeg);
    c.lat = std::clamp(c.lat + dy * radians_per_pixel * geo::kRadToDeg, -89.0, 89.0);
}

double visible_cap_radius_deg(const ViewState& view) {
    if (view.spec.name != "ortho") return 180.0;
    const geo::Bounds v = view.camera.visible();
    double farthest = 0;
    for (double x : {v.min_x, v.max_x})
        for (double y : {v.min_y, v.max_y}) farthest = std::max(farthest, std::hypot(x, y));
    if (farthest >= 0.97 * geo::kEarthRadiusMetres) return 90.0;
    // Quantised so that small moves do not ask for a new scene; the margin covers the corners between steps.
    const double exact = std::asin(farthest / geo::kEarthRadiusMetres) * geo::kRadToDeg + 3.0;
    for (double step : {6.0, 10.0, 15.0, 22.5, 30.0, 45.0, 60.0, 75.0})
        if (exact <= step) return step;
    return 90.0;
}

}  // namespace diplomap

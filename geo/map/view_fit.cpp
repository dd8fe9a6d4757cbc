#include "geo/map/view_fit.hpp"

#include <algorithm>
#include <cmath>

namespace geo {

LonLat spherical_midpoint(std::span<const LonLat> points) {
    if (points.empty()) return {};
    Vec3 sum;
    for (const LonLat& p : points) {
        const Vec3 v = to_unit_vector(p);
        sum = {sum.x + v.x, sum.y + v.y, sum.z + v.z};
    }
    if (std::sqrt(dot(sum, sum)) < 1e-9 * static_cast<double>(points.size())) return points.front();
    return to_lon_lat(sum);
}

std::optional<Bounds> projected_bounds(const Projection& projection, std::span<const LonLat> points) {
    std::optional<Bounds> out;
    for (const LonLat& p : points) {
        const auto xy = projection.forward(p);
        if (!xy || !std::isfinite(xy->x) || !std::isfinite(xy->y)) continue;
        if (!out) {
            out = Bounds{xy->x, xy->y, xy->x, xy->y};
        } else {
            out = Bounds{std::min(out->min_x, xy->x), std::min(out->min_y, xy->y), std::max(out->max_x, xy->x),
                         std::max(out->max_y, xy->y)};
        }
    }
    return out;
}

CameraPose fit_bounds(const Bounds& bounds, int width, int height, const PixelRect& free, const FitOptions& options) {
    const double room_x = std::max(free.width() - 2 * options.margin_px, 16.0);
    const double room_y = std::max(free.height() - 2 * options.margin_px, 16.0);
    const double extent_x = std::max(bounds.width(), options.min_extent_m);
    const double extent_y = std::max(bounds.height(), options.min_extent_m);
    double scale = std::min(room_x / extent_x, room_y / extent_y);
    if (options.max_pixels_per_metre > 0) scale = std::min(scale, options.max_pixels_per_metre);
    if (options.min_pixels_per_metre > 0) scale = std::max(scale, options.min_pixels_per_metre);
    const XY middle{0.5 * (bounds.min_x + bounds.max_x), 0.5 * (bounds.min_y + bounds.max_y)};
    const double free_x = 0.5 * (free.left + free.right), free_y = 0.5 * (free.top + free.bottom);
    // Camera::metres_to_pixel inverted for the middle of the bounds landing on the middle of the free rectangle.
    return {{middle.x - (free_x - 0.5 * width) / scale, middle.y + (free_y - 0.5 * height) / scale}, scale};
}

std::optional<ViewPose> fit_view(const ProjectionSpec& current, bool turn_globe, std::span<const LonLat> points,
                                 int width, int height, const PixelRect& free, double margin_px) {
    if (points.empty()) return std::nullopt;
    ProjectionSpec target = current;
    if (turn_globe) target.center = spherical_midpoint(points);
    auto created = Projection::create(target);
    const auto* projection = std::get_if<Projection>(&created);
    if (!projection) return std::nullopt;
    const auto bounds = projected_bounds(*projection, points);
    if (!bounds) return std::nullopt;
    const Bounds& world = projection->world_bounds();
    FitOptions fit;
    fit.margin_px = margin_px;
    // Never farther out than the whole world, never closer than a city's surroundings.
    fit.min_pixels_per_metre = 0.8 * std::min(width / world.width(), height / world.height());
    fit.max_pixels_per_metre = fit.min_pixels_per_metre * 64.0;
    return ViewPose{target.center, fit_bounds(*bounds, width, height, free, fit)};
}

double ease_in_out(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

ViewPose interpolate_view(const ViewPose& from, const ViewPose& to, double t, double max_pull_back) {
    t = std::clamp(t, 0.0, 1.0);
    ViewPose pose;
    const Vec3 a = to_unit_vector(from.center), b = to_unit_vector(to.center);
    const double angle = angular_distance_deg(a, b) * kDegToRad;
    if (angle < 1e-9) {
        pose.center = to.center;
    } else {
        const double s = std::sin(angle);
        const double wa = std::sin((1 - t) * angle) / s, wb = std::sin(t * angle) / s;
        pose.center = to_lon_lat({wa * a.x + wb * b.x, wa * a.y + wb * b.y, wa * a.z + wb * b.z});
    }
    pose.camera.center = {from.camera.center.x + t * (to.camera.center.x - from.camera.center.x),
                          from.camera.center.y + t * (to.camera.center.y - from.camera.center.y)};
    // How far the view travels, in screen widths at the smaller of the two scales: the globe's turn counts as the
    // arc length it sweeps at the surface.
    const double scale = std::min(from.camera.pixels_per_metre, to.camera.pixels_per_metre);
    const double travel_m = angle * kEarthRadiusMetres + std::hypot(to.camera.center.x - from.camera.center.x,
                                                                    to.camera.center.y - from.camera.center.y);
    const double screens = travel_m * scale / 1000.0;
    const double pull_back = std::clamp(std::log2(1.0 + screens) * 0.5, 0.0, max_pull_back);
    const double log_scale = (1 - t) * std::log2(from.camera.pixels_per_metre) +
                             t * std::log2(to.camera.pixels_per_metre) - pull_back * 4 * t * (1 - t);
    pose.camera.pixels_per_metre = std::exp2(log_scale);
    return pose;
}

}  // namespace geo

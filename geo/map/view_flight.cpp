#include "geo/map/view_flight.hpp"

#include <algorithm>
#include <cmath>

#include "geo/map/sphere.hpp"

namespace geo {
namespace {

double pan_metres(const ViewPose& from, const ViewPose& to, bool on_globe) {
    const double camera =
        std::hypot(to.camera.center.x - from.camera.center.x, to.camera.center.y - from.camera.center.y);
    if (!on_globe) return camera;
    const double angle = angular_distance_deg(to_unit_vector(from.center), to_unit_vector(to.center)) * kDegToRad;
    return angle * kEarthRadiusMetres + camera;
}

LonLat great_circle_point(LonLat from, LonLat to, double f) {
    const Vec3 a = to_unit_vector(from), b = to_unit_vector(to);
    const double angle = angular_distance_deg(a, b) * kDegToRad;
    if (angle < 1e-12) return to;
    const double s = std::sin(angle);
    const double wa = std::sin((1 - f) * angle) / s, wb = std::sin(f * angle) / s;
    return to_lon_lat({wa * a.x + wb * b.x, wa * a.y + wb * b.y, wa * a.z + wb * b.z});
}

// Below this pan (metres) the path is a pure zoom: the general formulas divide by the pan.
constexpr double kPurePanEpsilon = 1e-6;

}  // namespace

ViewFlight::ViewFlight(const ViewPose& from, const ViewPose& to, double width_px, bool on_globe,
                       const FlightParameters& parameters)
    : from_(from), to_(to), on_globe_(on_globe), width_px_(std::max(width_px, 1.0)), rho_(parameters.rho) {
    w0_ = width_px_ / from.camera.pixels_per_metre;
    w1_ = width_px_ / to.camera.pixels_per_metre;
    u1_ = pan_metres(from, to, on_globe);
    const double rho2 = rho_ * rho_;
    if (u1_ < kPurePanEpsilon * std::max(w0_, w1_)) {
        path_length_ = std::abs(std::log(w1_ / w0_)) / rho_;
    } else {
        // The paper's r_i = ln(-b_i + sqrt(b_i^2 + 1)) is -asinh(b_i); written as asinh it keeps its precision
        // when b_i is large (a long zoom with a short pan), where the difference of two near-equal terms would not.
        const auto r = [&](double w, double sign) {
            const double b = (w1_ * w1_ - w0_ * w0_ + sign * rho2 * rho2 * u1_ * u1_) / (2 * w * rho2 * u1_);
            return -std::asinh(b);
        };
        r0_ = r(w0_, +1);
        path_length_ = (r(w1_, -1) - r0_) / rho_;
    }
    const double speed = parameters.speed > 0 ? parameters.speed : kFlightSpeed;
    duration_ = std::clamp(path_length_ / speed, parameters.min_seconds, parameters.max_seconds);
}

double ViewFlight::pan_fraction(double seconds) const {
    if (seconds >= duration_) return 1;
    if (seconds <= 0) return 0;
    if (u1_ < kPurePanEpsilon * std::max(w0_, w1_)) return ease_in_out(seconds / duration_);
    const double s = path_length_ * ease_in_out(seconds / duration_);
    const double rho2 = rho_ * rho_;
    const double u = w0_ / rho2 * std::cosh(r0_) * std::tanh(rho_ * s + r0_) - w0_ / rho2 * std::sinh(r0_);
    return std::clamp(u / u1_, 0.0, 1.0);
}

ViewPose ViewFlight::at(double seconds) const {
    if (seconds <= 0) return from_;
    if (seconds >= duration_) return to_;
    // Eased along the path: the paper's constant speed starts and stops with a jolt on a projector.
    const double s = path_length_ * ease_in_out(seconds / duration_);
    double w = 0;
    if (u1_ < kPurePanEpsilon * std::max(w0_, w1_)) {
        w = w0_ * std::exp((w1_ >= w0_ ? 1.0 : -1.0) * rho_ * s);
    } else {
        w = w0_ * std::cosh(r0_) / std::cosh(rho_ * s + r0_);
    }
    const double f = pan_fraction(seconds);
    ViewPose pose;
    pose.center = on_globe_ ? great_circle_point(from_.center, to_.center, f) : to_.center;
    pose.camera.center = {from_.camera.center.x + f * (to_.camera.center.x - from_.camera.center.x),
                          from_.camera.center.y + f * (to_.camera.center.y - from_.camera.center.y)};
    pose.camera.pixels_per_metre = width_px_ / w;
    return pose;
}

}  // namespace geo

#pragma once
// Camera fits and flights: where the view must look, and at what scale, so that a set of points (both ends of a
// relation, a route) stands inside the part of the window the panels leave free; and a smooth way there. On the
// globe the view turns (the projection centre moves to the points' midpoint); flat maps keep their projection and
// move the camera. Plain math in projected metres, shared by the viewer and its tests.
#include <optional>
#include <span>

#include "geo/map/projection.hpp"
#include "geo/map/sphere.hpp"

namespace geo {

// The point on the sphere halfway between the points (for two: the great-circle midpoint); the first point when
// they cancel out (antipodes). Empty span: {0, 0}.
[[nodiscard]] LonLat spherical_midpoint(std::span<const LonLat> points);

// Projected bounds of the points that the projection can show; nullopt when none can.
[[nodiscard]] std::optional<Bounds> projected_bounds(const Projection& projection, std::span<const LonLat> points);

// A rectangle of framebuffer pixels (y down): the part of the window where the map is not covered by panels.
struct PixelRect {
    double left = 0, top = 0, right = 0, bottom = 0;
    [[nodiscard]] double width() const { return right - left; }
    [[nodiscard]] double height() const { return bottom - top; }
};

// What the camera needs: the projected point at the centre of the window, and the scale.
struct CameraPose {
    XY center;
    double pixels_per_metre = 1;
};

struct FitOptions {
    double margin_px = 48;            // kept free round the points inside `free`
    double min_extent_m = 900'000;    // a single place is shown with this much round it
    double max_pixels_per_metre = 0;  // 0: no limit; otherwise the closest the fit may come
    double min_pixels_per_metre = 0;  // the farthest the fit may go
};

// The pose that puts `bounds` at the middle of `free` and as large as fits there.
[[nodiscard]] CameraPose fit_bounds(const Bounds& bounds, int width, int height, const PixelRect& free,
                                    const FitOptions& options = {});

// A view as a flight moves it: the projection centre (the globe turns) and the camera.
struct ViewPose {
    LonLat center;
    CameraPose camera;
};

// Where a flight to `points` ends: with `turn_globe` the projection centre moves to the points' midpoint,
// otherwise it stays; the camera then fits the points into `free`. Also clamps the scale between the whole
// world (at 0.8 times the scale that fits it) and 64 times closer. Nullopt when the projection shows none of them.
[[nodiscard]] std::optional<ViewPose> fit_view(const ProjectionSpec& current, bool turn_globe,
                                               std::span<const LonLat> points, int width, int height,
                                               const PixelRect& free, double margin_px);

// The view at `t` (0..1, eased) of a flight from `from` to `to`: the centre moves along the great circle, the
// camera's centre linearly, the scale geometrically, so that zooming feels even. When the centre or the camera
// travels far, the view pulls back half way (up to `max_pull_back` halvings) so the reader sees where it goes.
[[nodiscard]] ViewPose interpolate_view(const ViewPose& from, const ViewPose& to, double t, double max_pull_back = 1.5);

// Smoothstep easing of linear time in [0, 1].
[[nodiscard]] double ease_in_out(double t);

}  // namespace geo

#pragma once
// The view onto projected metres: which point sits at the viewport's centre and how many pixels a metre takes.
// Plain math, no GL, so navigation is testable without a display.
#include <algorithm>
#include <cmath>

#include "geo/map/projection.hpp"

namespace diplomap {

struct Camera {
    geo::XY center;  // projected metres at the viewport centre
    double pixels_per_metre = 1e-5;
    int width = 1, height = 1;  // framebuffer pixels

    // Scale at which the whole world's outline fits the viewport, with a small margin.
    static double fit_scale(const geo::Bounds& world, int width, int height) {
        constexpr double kMargin = 0.96;
        return kMargin * std::min(width / world.width(), height / world.height());
    }
    // Zoom 0 fits the world; each +1 doubles the scale.
    static Camera fit(const geo::Bounds& world, int width, int height, double zoom, geo::XY center) {
        return {center, fit_scale(world, width, height) * std::exp2(zoom), width, height};
    }
    [[nodiscard]] double zoom(const geo::Bounds& world) const {
        return std::log2(pixels_per_metre / fit_scale(world, width, height));
    }

    // Pixels are counted from the top-left corner, y down, as windows and images do.
    [[nodiscard]] geo::XY pixel_to_metres(double px, double py) const {
        return {center.x + (px - 0.5 * width) / pixels_per_metre, center.y - (py - 0.5 * height) / pixels_per_metre};
    }
    [[nodiscard]] geo::XY metres_to_pixel(geo::XY m) const {
        return {0.5 * width + (m.x - center.x) * pixels_per_metre, 0.5 * height - (m.y - center.y) * pixels_per_metre};
    }
    [[nodiscard]] geo::Bounds visible() const {
        const geo::XY a = pixel_to_metres(0, height), b = pixel_to_metres(width, 0);
        return {a.x, a.y, b.x, b.y};
    }
    // Keeps the map point under pixel (px, py) fixed while scaling by `factor`.
    void zoom_about(double px, double py, double factor) {
        const geo::XY anchor = pixel_to_metres(px, py);
        pixels_per_metre *= factor;
        const geo::XY moved = pixel_to_metres(px, py);
        center = {center.x + anchor.x - moved.x, center.y + anchor.y - moved.y};
    }
    void pan_pixels(double dx, double dy) {
        center = {center.x - dx / pixels_per_metre, center.y + dy / pixels_per_metre};
    }
};

}  // namespace diplomap

#include "geo/map/label_layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace geo {
namespace {

// Between a marker's edge and its label, in pixels: enough that the text does not seem to touch the symbol.
constexpr double kLabelGapPx = 3.0;

// Strict, like LabelBox::intersects: a label may touch a marker's edge but not cover any of it.
bool box_overlaps_circle(const LabelBox& box, double cx, double cy, double radius) {
    if (radius <= 0.0) return false;
    const double dx = cx - std::clamp(cx, box.min_x, box.max_x);
    const double dy = cy - std::clamp(cy, box.min_y, box.max_y);
    return dx * dx + dy * dy < radius * radius;
}

bool inside(const LabelBox& box, double width, double height) {
    return box.min_x >= 0.0 && box.min_y >= 0.0 && box.max_x <= width && box.max_y <= height;
}

LabelBox box_at(double min_x, double min_y, const LabelCandidate& c) {
    return {min_x, min_y, min_x + c.width, min_y + c.height};
}

// The positions round a marker in order of preference: beside it on the reading side first, then the other side,
// then above and below (centred), then the corners, whose nearest point sits on the marker's diagonal at the same
// gap so that the text never covers the marker.
std::array<LabelBox, 8> positions(const LabelCandidate& c) {
    const double gap = c.marker_radius + kLabelGapPx;
    const double diagonal = gap * std::numbers::sqrt2 / 2.0;
    const double x = c.anchor_x, y = c.anchor_y, w = c.width, h = c.height;
    return {{
        box_at(x + gap, y - h / 2.0, c),                // right
        box_at(x - gap - w, y - h / 2.0, c),            // left
        box_at(x - w / 2.0, y - gap - h, c),            // above
        box_at(x - w / 2.0, y + gap, c),                // below
        box_at(x + diagonal, y - diagonal - h, c),      // above right
        box_at(x - diagonal - w, y - diagonal - h, c),  // above left
        box_at(x + diagonal, y + diagonal, c),          // below right
        box_at(x - diagonal - w, y + diagonal, c),      // below left
    }};
}

bool usable(const LabelCandidate& c) {
    return std::isfinite(c.anchor_x) && std::isfinite(c.anchor_y) && std::isfinite(c.marker_radius) &&
           std::isfinite(c.width) && std::isfinite(c.height) && c.width > 0.0 && c.height > 0.0;
}

}  // namespace

const std::vector<PlacedLabel>& LabelLayout::place(std::span<const LabelCandidate> candidates, double viewport_width,
                                                   double viewport_height) {
    order_.resize(candidates.size());
    for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = i;
    // std::stable_sort may allocate a buffer every call; breaking ties by index gives the same order without one.
    std::sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
        if (candidates[a].priority != candidates[b].priority) return candidates[a].priority > candidates[b].priority;
        return a < b;
    });

    placed_.clear();
    placed_.reserve(candidates.size());
    for (const std::size_t index : order_) {
        const LabelCandidate& candidate = candidates[index];
        if (!usable(candidate)) continue;
        for (const LabelBox& box : positions(candidate)) {
            if (!inside(box, viewport_width, viewport_height)) continue;
            const bool hits_label = std::any_of(placed_.begin(), placed_.end(),
                                                [&](const PlacedLabel& p) { return p.box.intersects(box); });
            if (hits_label) continue;
            const bool hits_marker = std::any_of(candidates.begin(), candidates.end(), [&](const LabelCandidate& m) {
                return box_overlaps_circle(box, m.anchor_x, m.anchor_y, m.marker_radius);
            });
            if (hits_marker) continue;
            placed_.push_back({index, box});
            break;
        }
    }
    return placed_;
}

}  // namespace geo

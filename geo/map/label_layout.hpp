#pragma once
// Placing place names beside their markers in screen pixels so that no two labels overlap: labels are placed in
// priority order, each tries a few positions round its marker, and one that fits nowhere gives way. Pure geometry,
// so it is tested without a display; the frame loop reuses its vectors and allocates nothing once warm.
#include <cstddef>
#include <span>
#include <vector>

namespace geo {

struct LabelBox {
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;  // pixels, y down
    [[nodiscard]] bool intersects(const LabelBox& o) const {
        return min_x < o.max_x && o.min_x < max_x && min_y < o.max_y && o.min_y < max_y;
    }
};

struct LabelCandidate {
    double anchor_x = 0, anchor_y = 0;  // the marker's centre in pixels
    double marker_radius = 0;           // pixels; the label keeps clear of it
    double width = 0, height = 0;       // the text's size in pixels
    int priority = 0;                   // higher goes first; equal priorities keep their order
};

struct PlacedLabel {
    std::size_t candidate = 0;  // index into the candidates
    LabelBox box;               // where the text goes
};

class LabelLayout {
public:
    // Places what fits inside the viewport [0, width] x [0, height]; the result is valid until the next call.
    // Labels also keep clear of every candidate's marker, so that no name covers another place.
    const std::vector<PlacedLabel>& place(std::span<const LabelCandidate> candidates, double viewport_width,
                                          double viewport_height);

private:
    std::vector<std::size_t> order_;
    std::vector<PlacedLabel> placed_;
};

}  // namespace geo

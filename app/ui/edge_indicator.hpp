#pragma once
// An edge indicator: a main place the home view does not frame (or that has left the view), shown by an arrow at
// the border of the free area pointing towards it, with its name and distance beside the arrow; a click flies
// there. The geometry is a pure function (tested without a window); draw_edge_indicator puts it on screen.
#include <string>
#include <string_view>

#include "geo/map/view_fit.hpp"

struct ImDrawList;

namespace diplomap {

struct EdgeIndicatorBox {
    double tip_x = 0, tip_y = 0;  // the arrow's point, just inside the free area's border
    double dir_x = 0, dir_y = 0;  // unit vector from the free area's centre towards the place (y down)
    geo::PixelRect text;          // where the name and distance go, on the centre's side of the arrow
    geo::PixelRect box;           // arrow and text, inside the free area; the part that takes a click
};

// The indicator for a place seen from the free area's centre in direction (dir_x, dir_y) (y down, any length but
// zero): the arrow (`arrow_size` from its point to its base) where that ray meets the border inset by `inset`, and
// a box of `text_width` x `text_height` for the name and distance on the centre's side of the arrow (beside it when
// it points sideways, below or above it when it points up or down), kept inside the inset free area.
EdgeIndicatorBox place_edge_indicator(const geo::PixelRect& free, double dir_x, double dir_y, double inset,
                                      double arrow_size, double text_width, double text_height);

// The screen direction (y down, north up) of the great circle from `from` towards `to`: its initial bearing.
void bearing_direction(double from_lon, double from_lat, double to_lon, double to_lat, double& dir_x, double& dir_y);

// "Washington · 11 026 km": the name and the great-circle distance, in whole kilometres with thin grouping.
std::string indicator_text(std::string_view name, double metres);

// Draws an indicator laid out by place_edge_indicator with the same `arrow_size_px` (framebuffer pixels, divided by
// `pixel_ratio` to UI points); the text is centred in the indicator's text box.
void draw_edge_indicator(ImDrawList& list, const EdgeIndicatorBox& indicator, const std::string& text,
                         float pixel_ratio, float arrow_size_px, bool hovered);

}  // namespace diplomap

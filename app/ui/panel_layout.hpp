#pragma once
// Where the panels open the first time (afterwards ImGui's imgui.ini remembers where the reader put them), and
// which part of the window they leave free for the map, so that a camera flight lands where the reader can see it.
#include <array>
#include <cstdint>

#include "geo/map/view_fit.hpp"

namespace diplomap {

enum class Panel : std::uint8_t { article, people, timeline, layers, search, count };

struct PanelRect {
    float left = 0, top = 0, right = 0, bottom = 0;  // UI points
    bool shown = false;
};

// What the panels reported in the frame just drawn.
struct PanelRects {
    std::array<PanelRect, static_cast<std::size_t>(Panel::count)> rects{};
    void clear() { rects.fill({}); }
    PanelRect& operator[](Panel p) { return rects[static_cast<std::size_t>(p)]; }
};

// Inside a panel's Begin/End: records the window's rectangle (collapsed windows count as their title bar).
void report_panel_rect(PanelRects& rects, Panel panel);

// Sets the next window's first position and size for `panel` in a display of the given size (UI points), below
// the menu bar (`top`) and above the status bar (`bottom`).
void place_panel_first_time(Panel panel, float display_width, float display_height, float top, float bottom);
// The same for the current display, below the main menu bar and above the status bar. Call right before Begin.
void place_panel_first_time(Panel panel);

// The largest part of the display between the panels that hug the left and right edges and above those along the
// bottom, in framebuffer pixels.
geo::PixelRect free_map_rect(const PanelRects& rects, float display_width, float display_height, float top,
                             float bottom, float pixel_ratio);

}  // namespace diplomap

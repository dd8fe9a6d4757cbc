#pragma once
// Where the panels sit, computed afresh every frame (ImGui 1.86 has no docking): a left column (search above the
// article), a right column (people above layers and legend) and a bottom strip (the timeline) between the two
// columns, each parted from the map by a splitter the reader can drag. Panels never float over the map: the map
// gets the free rectangle that remains, and a hidden panel gives its room back to it. The timeline runs between
// the columns rather than under them so the columns keep the full height for reading, and the axis spans the
// width of the map it dates.
#include <array>
#include <cstddef>
#include <cstdint>

#include "geo/map/view_fit.hpp"

namespace diplomap {

enum class Panel : std::uint8_t { article, people, timeline, layers, search, count };
inline constexpr std::size_t kPanelCount = static_cast<std::size_t>(Panel::count);

struct PanelRect {
    float left = 0, top = 0, right = 0, bottom = 0;  // UI points
    bool shown = false;

    [[nodiscard]] float width() const { return right - left; }
    [[nodiscard]] float height() const { return bottom - top; }
};

// Each panel's rectangle in this frame: the layout's, which the panels then report as drawn.
struct PanelRects {
    std::array<PanelRect, kPanelCount> rects{};
    void clear() { rects.fill({}); }
    PanelRect& operator[](Panel p) { return rects[static_cast<std::size_t>(p)]; }
    const PanelRect& operator[](Panel p) const { return rects[static_cast<std::size_t>(p)]; }
};

// The sizes the reader dragged the splitters to, kept in the settings. Column widths and the strip's height are
// UI points at UI scale 1 (they grow with the scale); the splits are the upper panel's share of its column.
struct PanelSizes {
    float left_width = 340.0F;
    float right_width = 380.0F;
    float bottom_height = 170.0F;
    float left_split = 0.20F;   // search above the article: a field, and a list of hits while searching
    float right_split = 0.45F;  // people above layers

    bool operator==(const PanelSizes&) const = default;
};

enum class SplitterId : std::uint8_t { left_column, right_column, bottom_strip, left_stack, right_stack, count };
inline constexpr std::size_t kSplitterCount = static_cast<std::size_t>(SplitterId::count);

// A band between a panel and the map (or two stacked panels) that drags one of the PanelSizes.
struct Splitter {
    PanelRect rect;             // where it can be grabbed; shown is false when either side is hidden
    bool drags_x = true;        // true: a vertical bar dragged sideways
    float value = 0;            // the size in force now (after shrinking), in the PanelSizes field's unit
    float units_per_point = 1;  // how much `value` changes per point the mouse moves (sign: which way grows it)
    float min = 0, max = 0;     // the limits a drag keeps `value` within
};

struct PanelLayoutInput {
    float display_width = 0, display_height = 0;  // UI points
    float top = 0;                                // height of the menu bar
    float bottom = 0;                             // height of the status bar
    std::array<bool, kPanelCount> shown{};
    PanelSizes sizes;
    float ui_scale = 1.0F;
    // The height of the play controls' line (draw_animation_strip), which takes the timeline's place at the bottom
    // when the timeline is hidden; 0: no such line.
    float controls_height = 0;
};

struct PanelLayout {
    PanelRects panels;   // hidden panels: shown false and empty
    PanelRect map;       // the free area; the map's centre is its centre
    PanelRect controls;  // the play controls' line, shown only when the timeline is hidden
    std::array<Splitter, kSplitterCount> splitters{};

    [[nodiscard]] const Splitter& splitter(SplitterId id) const { return splitters[static_cast<std::size_t>(id)]; }
};

// Thickness of a splitter band, UI points at scale 1.
inline constexpr float kSplitterThickness = 6.0F;
// The least room for the map, as a share of the display: columns and strip shrink before the map goes below it.
inline constexpr float kMinMapWidthShare = 0.40F;
inline constexpr float kMinMapHeightShare = 0.45F;

PanelLayout layout_panels(const PanelLayoutInput& input);

// The free area in framebuffer pixels, for the camera and for fitting flights into it.
geo::PixelRect map_pixel_rect(const PanelLayout& layout, float pixel_ratio);

// Call right before a panel's Begin: pins the window to the panel's rectangle in `rects` for this frame and
// returns the flags that keep the reader from moving, resizing or collapsing it. When `rects` holds no rectangle
// for the panel (a caller that lays nothing out), the panel goes where layout_panels puts it with every panel shown.
int place_panel(const PanelRects& rects, Panel panel);

// Inside a panel's Begin/End: records the window's rectangle as drawn.
void report_panel_rect(PanelRects& rects, Panel panel);

}  // namespace diplomap

#include "app/ui/panel_layout.hpp"

#include <imgui.h>

#include <algorithm>

namespace diplomap {
namespace {

// The narrowest a column and the lowest the strip may be dragged (UI points at scale 1); a small window may still
// squeeze them further, for the map's sake.
constexpr float kMinColumnWidth = 180.0F;
constexpr float kMinStripHeight = 110.0F;
constexpr float kMinSplit = 0.12F, kMaxSplit = 0.88F;

bool is_shown(const PanelLayoutInput& input, Panel p) { return input.shown[static_cast<std::size_t>(p)]; }

Splitter& splitter(PanelLayout& layout, SplitterId id) { return layout.splitters[static_cast<std::size_t>(id)]; }

// Lays out a column of two stacked panels (either may be hidden) from `top` to `bottom`.
void stack(PanelLayout& layout, const PanelLayoutInput& input, float left, float right, float top, float bottom,
           Panel upper, Panel lower, float split, SplitterId id, float gap) {
    const bool has_upper = is_shown(input, upper), has_lower = is_shown(input, lower);
    if (has_upper && !has_lower) layout.panels[upper] = {left, top, right, bottom, true};
    if (has_lower && !has_upper) layout.panels[lower] = {left, top, right, bottom, true};
    if (!has_upper || !has_lower) return;
    const float room = std::max(bottom - top - gap, 0.0F);
    const float share = std::clamp(split, kMinSplit, kMaxSplit);
    const float middle = top + room * share;
    layout.panels[upper] = {left, top, right, middle, true};
    layout.panels[lower] = {left, middle + gap, right, bottom, true};
    Splitter& s = splitter(layout, id);
    s.rect = {left, middle, right, middle + gap, true};
    s.drags_x = false;
    s.value = share;
    s.units_per_point = room > 0 ? 1.0F / room : 0.0F;
    s.min = kMinSplit;
    s.max = kMaxSplit;
}

}  // namespace

PanelLayout layout_panels(const PanelLayoutInput& input) {
    PanelLayout layout;
    const float scale = std::max(input.ui_scale, 0.1F);
    const float gap = kSplitterThickness * scale;
    const float width = std::max(input.display_width, 0.0F);
    const float body_top = input.top, body_bottom = std::max(input.display_height - input.bottom, body_top);
    const float body_height = body_bottom - body_top;

    const bool has_left = is_shown(input, Panel::search) || is_shown(input, Panel::article);
    const bool has_right = is_shown(input, Panel::people) || is_shown(input, Panel::layers);
    const bool has_strip = is_shown(input, Panel::timeline);

    // Columns: as wide as the reader made them, but together never so wide that the map drops below its share.
    float left = has_left ? std::max(input.sizes.left_width, kMinColumnWidth) * scale : 0.0F;
    float right = has_right ? std::max(input.sizes.right_width, kMinColumnWidth) * scale : 0.0F;
    const float gaps = (has_left ? gap : 0.0F) + (has_right ? gap : 0.0F);
    const float column_room = std::max(width * (1.0F - kMinMapWidthShare) - gaps, 0.0F);
    if (left + right > column_room) {
        const float shrink = column_room / (left + right);
        left *= shrink;
        right *= shrink;
    }
    const float map_left = has_left ? left + gap : 0.0F;
    const float map_right = std::max(has_right ? width - right - gap : width, map_left);

    // The strip: likewise never so high that the map drops below its share of the height.
    const float strip_room = std::max(body_height * (1.0F - kMinMapHeightShare) - gap, 0.0F);
    const float strip =
        has_strip ? std::min(std::max(input.sizes.bottom_height, kMinStripHeight) * scale, strip_room) : 0.0F;
    const bool has_controls = !has_strip && input.controls_height > 0;
    const float controls = has_controls ? std::min(input.controls_height, body_height * 0.2F) : 0.0F;
    const float map_bottom = has_strip ? body_bottom - strip - gap : body_bottom - controls;
    layout.map = {map_left, body_top, map_right, map_bottom, true};
    if (has_controls) layout.controls = {map_left, map_bottom, map_right, body_bottom, true};

    if (has_strip) {
        layout.panels[Panel::timeline] = {map_left, body_bottom - strip, map_right, body_bottom, true};
        Splitter& s = splitter(layout, SplitterId::bottom_strip);
        s.rect = {map_left, map_bottom, map_right, map_bottom + gap, true};
        s.drags_x = false;
        s.value = strip / scale;
        s.units_per_point = -1.0F / scale;  // dragging up makes the strip higher
        s.min = kMinStripHeight;
        s.max = std::max(strip_room / scale, kMinStripHeight);
    }
    const float column_max = std::max(column_room / scale, kMinColumnWidth);
    if (has_left) {
        stack(layout, input, 0.0F, left, body_top, body_bottom, Panel::search, Panel::article, input.sizes.left_split,
              SplitterId::left_stack, gap);
        Splitter& s = splitter(layout, SplitterId::left_column);
        s.rect = {left, body_top, left + gap, body_bottom, true};
        s.value = left / scale;
        s.units_per_point = 1.0F / scale;
        s.min = kMinColumnWidth;
        s.max = column_max;
    }
    if (has_right) {
        stack(layout, input, width - right, width, body_top, body_bottom, Panel::people, Panel::layers,
              input.sizes.right_split, SplitterId::right_stack, gap);
        Splitter& s = splitter(layout, SplitterId::right_column);
        s.rect = {width - right - gap, body_top, width - right, body_bottom, true};
        s.value = right / scale;
        s.units_per_point = -1.0F / scale;  // dragging left makes the right column wider
        s.min = kMinColumnWidth;
        s.max = column_max;
    }
    return layout;
}

geo::PixelRect map_pixel_rect(const PanelLayout& layout, float pixel_ratio) {
    const PanelRect& m = layout.map;
    return {m.left * pixel_ratio, m.top * pixel_ratio, m.right * pixel_ratio, m.bottom * pixel_ratio};
}

int place_panel(const PanelRects& rects, Panel panel) {
    PanelRect rect = rects[panel];
    if (!rect.shown) {
        PanelLayoutInput input;
        const ImVec2 display = ImGui::GetIO().DisplaySize;
        input.display_width = display.x;
        input.display_height = display.y;
        input.top = input.bottom = ImGui::GetFrameHeight();
        input.shown.fill(true);
        input.ui_scale = ImGui::GetFontSize() / 16.0F;
        rect = layout_panels(input).panels[panel];
    }
    ImGui::SetNextWindowPos(ImVec2(rect.left, rect.top), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(rect.width(), rect.height()), ImGuiCond_Always);
    // Not saved either: where a panel sits is the layout's business, not imgui.ini's.
    return ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
           ImGuiWindowFlags_NoSavedSettings;
}

void report_panel_rect(PanelRects& rects, Panel panel) {
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    rects[panel] = {pos.x, pos.y, pos.x + size.x, pos.y + size.y, true};
}

}  // namespace diplomap

#include "app/ui/panel_layout.hpp"

#include <imgui.h>

#include <algorithm>

namespace diplomap {

void report_panel_rect(PanelRects& rects, Panel panel) {
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    rects[panel] = {pos.x, pos.y, pos.x + size.x, pos.y + size.y, true};
}

void place_panel_first_time(Panel panel, float display_width, float display_height, float top, float bottom) {
    const float pad = 6.0F;
    // Wider at larger UI scales, but never so wide that the map disappears.
    const float scale = ImGui::GetFontSize() / 16.0F;
    const float side =
        std::min(std::clamp(display_width * 0.30F, 300.0F * scale, 620.0F * scale), display_width * 0.36F);
    const float left_column =
        std::min(std::clamp(display_width * 0.20F, 240.0F * scale, 380.0F * scale), display_width * 0.24F);
    const float timeline_height = std::clamp(ImGui::GetFontSize() * 9.5F, 130.0F, display_height * 0.35F);
    const float usable_bottom = display_height - bottom;
    const float article_bottom = usable_bottom - pad;
    ImVec2 pos, size;
    switch (panel) {
        case Panel::article:
            pos = {display_width - side - pad, top + pad};
            size = {side, (article_bottom - top - pad) * 0.64F};
            break;
        case Panel::people: {
            const float article_height = (article_bottom - top - pad) * 0.64F;
            pos = {display_width - side - pad, top + pad + article_height + pad};
            size = {side, article_bottom - pos.y};
            break;
        }
        case Panel::search:
            pos = {pad, top + pad};
            size = {left_column, ImGui::GetFontSize() * 8.0F};
            break;
        case Panel::layers: {
            const float y = top + pad + ImGui::GetFontSize() * 8.0F + pad;
            pos = {pad, y};
            size = {left_column, std::max(usable_bottom - timeline_height - pad - y - pad, 120.0F)};
            break;
        }
        case Panel::timeline:
            pos = {pad, usable_bottom - timeline_height - pad};
            size = {display_width - side - 3 * pad, timeline_height};
            break;
        case Panel::count: return;
    }
    ImGui::SetNextWindowPos(pos, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(size, ImGuiCond_FirstUseEver);
}

void place_panel_first_time(Panel panel) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    place_panel_first_time(panel, display.x, display.y, ImGui::GetFrameHeight(), ImGui::GetFrameHeight());
}

geo::PixelRect free_map_rect(const PanelRects& rects, float display_width, float display_height, float top,
                             float bottom, float pixel_ratio) {
    float left = 0, right = display_width, lower = display_height - bottom;
    for (const PanelRect& r : rects.rects) {
        if (!r.shown) continue;
        const float middle_x = 0.5F * (r.left + r.right), width = r.right - r.left;
        if (r.top > display_height * 0.6F && width > display_width * 0.4F) {
            lower = std::min(lower, r.top);  // a band along the bottom
        } else if (middle_x < display_width * 0.35F) {
            left = std::max(left, r.right);
        } else if (middle_x > display_width * 0.65F) {
            right = std::min(right, r.left);
        }
    }
    // Panels that leave too little room are ignored: better a flight behind a panel than into a sliver.
    if (right - left < display_width * 0.25F) left = 0, right = display_width;
    if (lower - top < display_height * 0.25F) lower = display_height - bottom;
    return {left * pixel_ratio, top * pixel_ratio, right * pixel_ratio, lower * pixel_ratio};
}

}  // namespace diplomap

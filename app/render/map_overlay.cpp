#include "app/render/map_overlay.hpp"

#include <imgui.h>

namespace diplomap {

void draw_map_credit(ImDrawList& list, float width_px, float height_px, float ui_scale) {
    constexpr const char* kCredit = "Natural Earth";
    ImFont* font = ImGui::GetFont();
    const float size = 13.0F * ui_scale;
    const ImVec2 text = font->CalcTextSizeA(size, 1e9F, 0.0F, kCredit);
    const float pad = 4.0F * ui_scale;
    const ImVec2 max(width_px - pad, height_px - pad);
    const ImVec2 min(max.x - text.x - 2 * pad, max.y - text.y - pad);
    list.AddRectFilled(min, max, IM_COL32(255, 255, 255, 150), 3.0F * ui_scale);
    list.AddText(font, size, ImVec2(min.x + pad, min.y + 0.5F * pad), IM_COL32(40, 50, 60, 230), kCredit);
}

}  // namespace diplomap

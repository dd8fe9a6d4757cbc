#include "app/ui/splitters.hpp"

#include <imgui.h>

#include <algorithm>

namespace diplomap {
namespace {

float& size_of(PanelSizes& sizes, SplitterId id) {
    switch (id) {
        case SplitterId::left_column: return sizes.left_width;
        case SplitterId::right_column: return sizes.right_width;
        case SplitterId::bottom_strip: return sizes.bottom_height;
        case SplitterId::left_stack: return sizes.left_split;
        default: return sizes.right_split;  // right_stack; count is never drawn
    }
}

constexpr const char* kNames[kSplitterCount] = {"##split-left", "##split-right", "##split-bottom", "##split-left-stack",
                                                "##split-right-stack"};

}  // namespace

float dragged_value(const Splitter& splitter, float points) {
    return std::clamp(splitter.value + points * splitter.units_per_point, splitter.min, splitter.max);
}

bool draw_splitters(const PanelLayout& layout, PanelSizes& sizes) {
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav;
    bool changed = false;
    for (std::size_t i = 0; i < kSplitterCount; ++i) {
        const Splitter& s = layout.splitters[i];
        if (!s.rect.shown || s.rect.width() <= 0 || s.rect.height() <= 0) continue;
        ImGui::SetNextWindowPos(ImVec2(s.rect.left, s.rect.top), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(s.rect.width(), s.rect.height()), ImGuiCond_Always);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0F);
        if (ImGui::Begin(kNames[i], nullptr, kFlags)) {
            ImGui::InvisibleButton("##grip", ImVec2(s.rect.width(), s.rect.height()));
            const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
            if (hovered || active)
                ImGui::SetMouseCursor(s.drags_x ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
            if (active) {
                const ImVec2 delta = ImGui::GetIO().MouseDelta;
                const float moved = s.drags_x ? delta.x : delta.y;
                if (moved != 0.0F) {
                    float& size = size_of(sizes, static_cast<SplitterId>(i));
                    // From the size in force, not the stored one: a column the window squeezed moves at once.
                    size = dragged_value(s, moved);
                    changed = true;
                }
            }
            // A line down the middle of the band shows where to grab, brighter under the mouse.
            const ImU32 color = ImGui::GetColorU32(active    ? ImGuiCol_SeparatorActive
                                                   : hovered ? ImGuiCol_SeparatorHovered
                                                             : ImGuiCol_Separator);
            ImDrawList& list = *ImGui::GetWindowDrawList();
            const ImVec2 a = s.drags_x ? ImVec2(0.5F * (s.rect.left + s.rect.right), s.rect.top)
                                       : ImVec2(s.rect.left, 0.5F * (s.rect.top + s.rect.bottom));
            const ImVec2 b = s.drags_x ? ImVec2(a.x, s.rect.bottom) : ImVec2(s.rect.right, a.y);
            list.AddLine(a, b, color, hovered || active ? 2.0F : 1.0F);
        }
        ImGui::End();
        ImGui::PopStyleVar(3);
    }
    return changed;
}

}  // namespace diplomap

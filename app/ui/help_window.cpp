#include "app/ui/help_window.hpp"

#include <imgui.h>

namespace diplomap {

void draw_help_window(bool& open) {
    if (!open) return;
    ImGui::SetNextWindowSize(ImVec2(420, 0), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Keyboard and mouse", &open, ImGuiWindowFlags_NoCollapse)) {
        struct Row {
            const char* keys;
            const char* action;
        };
        constexpr Row kRows[] = {
            {"Mouse wheel", "zoom about the cursor"},
            {"Drag", "pan (turn the globe)"},
            {"Double-click", "zoom in"},
            {"Arrow keys", "pan (turn the globe)"},
            {"+ / -", "zoom in / out"},
            {"0", "reset the view"},
            {"Click", "select a place, arc or route; click empty map to clear"},
            {"Escape", "clear the selection"},
            {"Space", "pause or play the animation"},
            {"[ / ]", "animation slower / faster (0.25x to 4x)"},
            {"Home", "play the story from the start"},
            {"L", "labels in German or English"},
            {"F1", "show or hide this help"},
        };
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
            for (const Row& row : kRows) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.keys);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.action);
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

}  // namespace diplomap

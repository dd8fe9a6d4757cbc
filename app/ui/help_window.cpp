#include "app/ui/help_window.hpp"

#include <imgui.h>

namespace diplomap {

void draw_help_window(bool& open) {
    if (!open) return;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30.0F, 0), ImGuiCond_Appearing);
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
            {"Ctrl+F", "find a place or person"},
            {"Ctrl+O", "open a story folder"},
            {"Ctrl+E", "export the current view (PNG or GeoTIFF)"},
            {"Ctrl+plus / Ctrl+minus", "larger / smaller UI (HiDPI, projectors)"},
            {"Ctrl+0", "UI at 100 %"},
            {"Ctrl+Q", "quit"},
            {"F2", "show or hide the article"},
            {"F3", "show or hide the people"},
            {"F4", "show or hide the timeline"},
            {"F5", "show or hide layers and legend"},
            {"F6", "show or hide the search"},
            {"Click an excerpt", "select its relation and fly the map to it"},
            {"Drag the timeline", "show what was known on that day"},
            {"Click a legend entry", "show or hide that kind of relation"},
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

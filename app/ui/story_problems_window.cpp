#include "app/ui/story_problems_window.hpp"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "app/style/translations.hpp"

namespace diplomap {

void draw_story_problems_window(const geo::Diagnostics& problems, bool showing_last_good_story,
                                std::string_view language) {
    if (problems.empty()) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5F, viewport->WorkPos.y + 40.0F),
                            ImGuiCond_Appearing, ImVec2(0.5F, 0.0F));
    ImGui::SetNextWindowSize(ImVec2(std::min(760.0F, viewport->WorkSize.x - 40.0F), 0), ImGuiCond_Appearing);
    ImGui::SetNextWindowBgAlpha(0.94F);
    const UiLanguage ui = ui_language(language);
    char heading[160];
    std::snprintf(heading, sizeof heading, tr(problems.size() == 1 ? UiText::problems_one : UiText::problems_many, ui),
                  problems.size());
    const std::string title = std::string(heading) + "###story-problems";
    if (ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_NoCollapse)) {
        ImGui::TextWrapped(
            "%s", tr(showing_last_good_story ? UiText::problems_last_good : UiText::problems_nothing_drawn, ui));
        ImGui::Separator();
        const float height = std::min(ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(problems.size() + 1),
                                      viewport->WorkSize.y * 0.5F);
        if (ImGui::BeginChild("list", ImVec2(0, height), false)) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0F, 0.62F, 0.55F, 1.0F));
            ImGui::PushTextWrapPos(0.0F);
            for (const geo::Diagnostic& d : problems) ImGui::TextUnformatted(d.to_string().c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopStyleColor();
        }
        ImGui::EndChild();
    }
    ImGui::End();
}

}  // namespace diplomap

#include "app/ui/status_bar.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "app/style/translations.hpp"

namespace diplomap {

std::string format_lon_lat(geo::LonLat p) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.3f°%c %.3f°%c", std::abs(p.lat), p.lat >= 0 ? 'N' : 'S', std::abs(p.lon),
                  p.lon >= 0 ? 'E' : 'W');
    return buffer;
}

float status_bar_height() { return ImGui::GetFrameHeight(); }

void draw_status_bar(const StatusBarContent& content) {
    const ImGuiIO& io = ImGui::GetIO();
    const float height = status_bar_height();
    ImGui::SetNextWindowPos(ImVec2(0, io.DisplaySize.y - height));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, height));
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                       ImGuiWindowFlags_NoNav;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 3));
    if (ImGui::Begin("##status", nullptr, flags)) {
        const UiLanguage ui = ui_language(content.language);
        const std::string where =
            content.cursor ? format_lon_lat(*content.cursor) : std::string(tr(UiText::status_off_the_map, ui));
        ImGui::Text("%s   |   %s   %s %.1f   Natural Earth %.*s%s%s", where.c_str(), content.projection.c_str(),
                    tr(UiText::status_zoom, ui), content.zoom, static_cast<int>(content.detail.size()),
                    content.detail.data(), content.loading ? "   " : "",
                    content.loading ? tr(UiText::status_updating, ui) : "");
        if (!content.notice.empty()) {
            ImGui::SameLine();
            const ImVec4 colour =
                content.notice_failed ? ImVec4(1.0F, 0.45F, 0.35F, 1.0F) : ImVec4(0.55F, 0.85F, 1.0F, 1.0F);
            ImGui::TextColored(colour, "   %s", content.notice.c_str());
        }
        if (!content.error.empty()) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(1.0F, 0.45F, 0.35F, 1.0F), "   %s", content.error.c_str());
        }
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

}  // namespace diplomap

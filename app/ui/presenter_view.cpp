#include "app/ui/presenter_view.hpp"

#include <algorithm>

namespace diplomap {
namespace {

void caption_lines(const CaptionText& text) {
    ImGui::TextWrapped("%s", text.quote.c_str());
    if (text.speaker.empty()) return;
    // Wrapped like the quotation: a speaker with a long title and a translation note runs past the window's edge.
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", text.speaker.c_str());
    ImGui::PopStyleColor();
}

}  // namespace

void draw_presenter_view(const PresenterViewContent& content) {
    const UiLanguage ui = content.language;
    const std::string counter = formatted(UiText::present_slide_of, ui, content.slide, content.slide_count);
    ImGui::Text("%s   %s %02d:%02d   %s %s", counter.c_str(), tr(UiText::present_elapsed, ui),
                content.elapsed_seconds / 60, content.elapsed_seconds % 60, tr(UiText::present_clock, ui),
                content.clock.c_str());
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr(UiText::present_current_slide, ui));
    caption_lines(content.current);
    if (!content.notes.empty()) {
        ImGui::Separator();
        ImGui::TextDisabled("%s", tr(UiText::present_notes, ui));
        ImGui::TextWrapped("%s", content.notes.c_str());
    }
    ImGui::Separator();
    if (!content.next) {
        ImGui::TextDisabled("%s", tr(UiText::present_end, ui));
        return;
    }
    ImGui::TextDisabled("%s", tr(UiText::present_next_slide, ui));
    const float width = ImGui::GetContentRegionAvail().x;
    if (content.next_picture && content.next_picture->width > 0) {
        const PresenterThumbnail& picture = *content.next_picture;
        // Never wider than the window nor larger than the picture was drawn: an enlarged thumbnail only blurs.
        const float shown = std::min(width, static_cast<float>(picture.width));
        const float height = shown * static_cast<float>(picture.height) / static_cast<float>(picture.width);
        ImGui::Image(picture.texture, ImVec2(shown, height));
    } else {
        ImGui::TextDisabled("%s", tr(UiText::present_drawing_preview, ui));
    }
    caption_lines(*content.next);
}

}  // namespace diplomap

#include "app/ui/search_panel.hpp"

#include <imgui.h>

#include <string>

#include "app/style/translations.hpp"
#include "app/ui/ui_colors.hpp"

namespace diplomap {

void SearchPanel::jump(const geo::Story& story, const geo::SearchHit& hit, geo::SelectionModel& selection,
                       std::optional<std::size_t>& focus_person) {
    if (hit.kind == geo::SearchHit::Kind::place) {
        selection.show(story, {geo::StoryItem::Kind::place, hit.index});
    } else {
        focus_person = hit.index;
        if (const auto& place = story.people[hit.index].place)
            selection.show(story, {geo::StoryItem::Kind::place, *place});
    }
}

void SearchPanel::draw(const geo::Story& story, const geo::StorySearch& search, geo::SelectionModel& selection,
                       std::string_view language, std::optional<std::size_t>& focus_person, bool take_focus, bool& open,
                       PanelRects& rects) {
    if (take_focus) open = true;
    if (!open) return;
    const UiLanguage ui = ui_language(language);
    const int fixed = place_panel(rects, Panel::search);
    if (!ImGui::Begin(window_title(UiText::panel_search, "search", ui).c_str(), &open, fixed)) {
        report_panel_rect(rects, Panel::search);
        ImGui::End();
        return;
    }
    report_panel_rect(rects, Panel::search);
    if (take_focus) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    const bool entered = ImGui::InputTextWithHint("##query", tr(UiText::search_hint, ui), query_.data(), query_.size(),
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    if (searched_in_ != &search || searched_ != query_.data()) {
        searched_in_ = &search;
        searched_ = query_.data();
        hits_ = search.find(searched_);
    }
    if (entered && !hits_.empty()) jump(story, hits_.front(), selection, focus_person);
    if (!searched_.empty() && hits_.empty()) ImGui::TextDisabled("%s", tr(UiText::search_nothing_found, ui));
    for (std::size_t i = 0; i < hits_.size(); ++i) {
        const geo::SearchHit& hit = hits_[i];
        ImGui::PushID(static_cast<int>(i));
        const bool place = hit.kind == geo::SearchHit::Kind::place;
        const std::string& shown = place ? story.places[hit.index].names.get(language) : story.people[hit.index].name;
        std::string label = std::string(tr(place ? UiText::search_place : UiText::search_person, ui)) + shown;
        if (hit.matched != shown) label += "  (" + hit.matched + ")";
        const bool added = place && story.places[hit.index].added;
        if (added) ImGui::PushStyleColor(ImGuiCol_Text, ui_colors::kAdded);
        if (ImGui::Selectable(label.c_str())) jump(story, hit, selection, focus_person);
        if (added) {
            ImGui::PopStyleColor();
            if (ImGui::IsItemHovered() && story.places[hit.index].note)
                ImGui::SetTooltip("%s", story.places[hit.index].note->get(language).c_str());
        }
        ImGui::PopID();
    }
    ImGui::End();
}

}  // namespace diplomap

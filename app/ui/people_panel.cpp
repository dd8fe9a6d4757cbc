#include "app/ui/people_panel.hpp"

#include <imgui.h>

#include <string>

#include "app/style/translations.hpp"
#include "app/ui/ui_colors.hpp"

namespace diplomap {
namespace {

bool speaks_for_selection(const geo::Story& story, const geo::SelectionModel& selection, std::size_t person) {
    const geo::StoryItem& selected = selection.selection().selected;
    if (selected.kind == geo::StoryItem::Kind::place && story.people[person].place == selected.index) return true;
    if (selected.kind == geo::StoryItem::Kind::relation && story.relations[selected.index].speaker == person)
        return true;
    return false;
}

}  // namespace

void draw_people_panel(const geo::Story& story, geo::SelectionModel& selection, std::string_view language,
                       std::optional<std::size_t>& focus, bool& open, PanelRects& rects) {
    if (!open) return;
    const UiLanguage ui = ui_language(language);
    const int fixed = place_panel(rects, Panel::people);
    if (!ImGui::Begin(window_title(UiText::panel_people, "people", ui).c_str(), &open, fixed)) {
        report_panel_rect(rects, Panel::people);
        ImGui::End();
        return;
    }
    report_panel_rect(rects, Panel::people);
    for (std::size_t p = 0; p < story.people.size(); ++p) {
        const geo::Person& person = story.people[p];
        ImGui::PushID(static_cast<int>(p));
        const bool involved = speaks_for_selection(story, selection, p);
        if (focus == p) {
            ImGui::SetNextItemOpen(true);
            ImGui::SetScrollHereY(0.1F);
        }
        if (involved) ImGui::PushStyleColor(ImGuiCol_Header, ImGui::ColorConvertU32ToFloat4(ui_colors::kActive));
        const bool expanded =
            ImGui::CollapsingHeader(person.name.c_str(), involved || focus == p ? ImGuiTreeNodeFlags_Selected : 0);
        if (involved) ImGui::PopStyleColor();
        if (expanded) {
            ImGui::Indent();
            ImGui::PushTextWrapPos(0.0F);
            if (person.role) ImGui::TextUnformatted(person.role->get(language).c_str());
            if (person.affiliation) ImGui::TextDisabled("%s", person.affiliation->get(language).c_str());
            ImGui::PopTextWrapPos();
            if (person.place) {
                const geo::Place& place = story.places[*person.place];
                ImGui::TextDisabled("%s", tr(UiText::people_speaks_from, ui));
                ImGui::SameLine();
                const std::string label = place.names.get(language) + "##place";
                const geo::StoryItem item{geo::StoryItem::Kind::place, *person.place};
                if (ImGui::Selectable(label.c_str(), selection.selection().selected == item, ImGuiSelectableFlags_None))
                    selection.show(story, item);
                if (place.added && ImGui::IsItemHovered() && place.note)
                    ImGui::SetTooltip("%s", place.note->get(language).c_str());
            }
            const auto quotes = geo::quotes_of(story, p);
            if (quotes.empty()) ImGui::TextDisabled("%s", tr(UiText::people_not_quoted, ui));
            for (std::size_t e : quotes) {
                const geo::Excerpt& excerpt = story.excerpts[e];
                const std::string& text = language == "de" || !excerpt.translation.has(language)
                                              ? excerpt.text
                                              : excerpt.translation.get(language);
                ImGui::PushID(static_cast<int>(e));
                const ImVec2 start = ImGui::GetCursorScreenPos();
                const float width = ImGui::GetContentRegionAvail().x;
                ImDrawList& list = *ImGui::GetWindowDrawList();
                list.ChannelsSplit(2);
                list.ChannelsSetCurrent(1);
                ImGui::PushTextWrapPos(0.0F);
                ImGui::Text("„%s“", text.c_str());
                ImGui::PopTextWrapPos();
                const ImVec2 end(start.x + width, ImGui::GetItemRectMax().y);
                const bool hovered = ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(start, end);
                list.ChannelsSetCurrent(0);
                const ImU32 fill = selection.active_excerpt() == e ? ui_colors::kActive
                                   : selection.highlighted(e)      ? ui_colors::kHighlight
                                   : hovered                       ? ui_colors::kHover
                                                                   : 0;
                if (fill != 0)
                    list.AddRectFilled(ImVec2(start.x - 3, start.y - 1), ImVec2(end.x, end.y + 1), fill, 3.0F);
                list.ChannelsMerge();
                if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) selection.select_excerpt(story, e);
                ImGui::PopID();
            }
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
    focus.reset();
    ImGui::End();
}

}  // namespace diplomap

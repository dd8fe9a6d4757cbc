#include "app/ui/story_tooltip.hpp"

#include <imgui.h>

#include <string>

#include "app/style/relation_style.hpp"
#include "app/style/translations.hpp"

namespace diplomap {
namespace {

bool german(std::string_view language) { return language == "de"; }

std::string_view role_name(geo::PlaceRole role, std::string_view language) {
    switch (role) {
        case geo::PlaceRole::capital: return tr(UiText::role_capital, language);
        case geo::PlaceRole::city: return tr(UiText::role_city, language);
        case geo::PlaceRole::venue: return tr(UiText::role_venue, language);
        case geo::PlaceRole::border_crossing: return tr(UiText::role_border_crossing, language);
        case geo::PlaceRole::station: return tr(UiText::role_station, language);
        case geo::PlaceRole::institution: return tr(UiText::role_institution, language);
    }
    return {};
}

void added_note(bool added, const std::optional<geo::Text>& note, std::string_view language) {
    if (!added) return;
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95F, 0.78F, 0.35F, 1.0F));
    ImGui::TextUnformatted(tr(UiText::added_not_from_article, language));
    ImGui::PopStyleColor();
    if (note) ImGui::TextWrapped("%s", note->get(language).c_str());
}

// The first line of a quotation, cut at a sentence end or about 90 characters (on a UTF-8 boundary).
std::string first_line(std::string_view text) {
    constexpr std::size_t kMax = 90;
    std::size_t end = text.find('\n');
    if (end == std::string_view::npos) end = text.size();
    if (end <= kMax) return std::string(text.substr(0, end));
    std::size_t cut = text.rfind(' ', kMax);
    if (cut == std::string_view::npos) cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
    return std::string(text.substr(0, cut)) + " …";
}

void place_tooltip(const geo::Story& story, std::size_t index, std::string_view language) {
    const geo::Place& place = story.places[index];
    ImGui::TextUnformatted(place.names.get(language).c_str());
    ImGui::TextDisabled("%.*s", static_cast<int>(role_name(place.role, language).size()),
                        role_name(place.role, language).data());
    bool first = true;
    for (const geo::Person& person : story.people) {
        if (person.place != index) continue;
        if (first) ImGui::TextUnformatted(tr(UiText::tooltip_speaks_from_here, language));
        first = false;
        std::string line = "  " + person.name;
        if (person.role) line += ", " + person.role->get(language);
        ImGui::TextUnformatted(line.c_str());
    }
    added_note(place.added, place.note, language);
}

void relation_tooltip(const geo::Story& story, std::size_t index, std::string_view language) {
    const geo::Relation& relation = story.relations[index];
    const LineStyle& style = relation_style(relation.kind);
    const std::string_view kind = german(language) ? style.name_de : style.name_en;
    ImGui::TextColored(ImVec4(style.color[0], style.color[1], style.color[2], 1.0F), "%.*s",
                       static_cast<int>(kind.size()), kind.data());
    ImGui::SameLine();
    const std::string route = story.places[relation.from_place].map_label(language) + " → " +
                              story.places[relation.to_place].map_label(language);
    ImGui::TextUnformatted(route.c_str());
    if (!relation.label.by_language.empty()) ImGui::TextUnformatted(relation.label.get(language).c_str());
    std::string who = relation.speaker ? story.people[*relation.speaker].name : std::string();
    if (relation.date) who += (who.empty() ? "" : ", ") + relation.date->text;
    if (!who.empty()) ImGui::TextDisabled("%s", who.c_str());
    if (!relation.excerpts.empty()) {
        const geo::Excerpt& excerpt = story.excerpts[relation.excerpts.front()];
        const std::string line = german(language) || !excerpt.translation.has(language)
                                     ? first_line(excerpt.text)
                                     : first_line(excerpt.translation.get(language));
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0F);
        ImGui::TextWrapped("„%s“", line.c_str());
        ImGui::PopTextWrapPos();
    }
    added_note(relation.added, relation.note, language);
}

void route_tooltip(const geo::Story& story, std::size_t index, std::string_view language) {
    const geo::Route& route = story.routes[index];
    ImGui::TextUnformatted(route.label.get(language).c_str());
    if (route.date) ImGui::TextDisabled("%s", route.date->text.c_str());
    added_note(route.added, route.note, language);
}

}  // namespace

void draw_story_tooltip(const geo::Story& story, const geo::StoryItem& item, std::string_view language) {
    if (item.empty()) return;
    ImGui::BeginTooltip();
    switch (item.kind) {
        case geo::StoryItem::Kind::place:
            if (item.index < story.places.size()) place_tooltip(story, item.index, language);
            break;
        case geo::StoryItem::Kind::relation:
            if (item.index < story.relations.size()) relation_tooltip(story, item.index, language);
            break;
        case geo::StoryItem::Kind::route:
            if (item.index < story.routes.size()) route_tooltip(story, item.index, language);
            break;
        case geo::StoryItem::Kind::none: break;
    }
    ImGui::EndTooltip();
}

}  // namespace diplomap

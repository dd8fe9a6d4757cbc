#include "app/ui/edit_panel.hpp"

#include <imgui.h>

#include <array>
#include <cstdio>
#include <string_view>

#include "app/style/edit_step_text.hpp"
#include "app/style/relation_style.hpp"
#include "app/ui/text_field.hpp"
#include "app/ui/ui_colors.hpp"

namespace diplomap {
namespace {

constexpr std::array<geo::PlaceRole, 6> kRoles{geo::PlaceRole::capital, geo::PlaceRole::city,
                                               geo::PlaceRole::venue,   geo::PlaceRole::border_crossing,
                                               geo::PlaceRole::station, geo::PlaceRole::institution};
constexpr std::array<UiText, 6> kRoleNames{UiText::role_capital, UiText::role_city,
                                           UiText::role_venue,   UiText::role_border_crossing,
                                           UiText::role_station, UiText::role_institution};
constexpr std::array<geo::RouteMode, 4> kModes{geo::RouteMode::train, geo::RouteMode::plane, geo::RouteMode::car,
                                               geo::RouteMode::ship};

const char* role_name(geo::PlaceRole role, UiLanguage ui) {
    for (std::size_t i = 0; i < kRoles.size(); ++i)
        if (kRoles[i] == role) return tr(kRoleNames[i], ui);
    return "";
}

std::string kind_name(geo::RelationKind kind, UiLanguage ui) {
    const LineStyle& style = relation_style(kind);
    return std::string(ui == UiLanguage::de ? style.name_de : style.name_en);
}

// The language the story is written in: what a plain name or title is in.
std::string story_language(const geo::StoryDocument& document) {
    return document.language().empty() ? std::string("de") : document.language();
}

// A combo of the story's people, "(none)" first; returns the id picked this frame ("" for none).
std::optional<std::string> person_combo(const char* label, const geo::Story& story, std::optional<std::size_t> current,
                                        UiLanguage ui) {
    std::optional<std::string> picked;
    const char* shown =
        current && *current < story.people.size() ? story.people[*current].name.c_str() : tr(UiText::edit_none, ui);
    if (ImGui::BeginCombo(label, shown)) {
        if (ImGui::Selectable(tr(UiText::edit_none, ui), !current)) picked = std::string();
        for (std::size_t i = 0; i < story.people.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(story.people[i].name.c_str(), current == i)) picked = story.people[i].id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return picked;
}

// The first words of an excerpt, for lists.
std::string excerpt_preview(const geo::Excerpt& excerpt) {
    constexpr std::size_t kBytes = 48;
    if (excerpt.text.size() <= kBytes) return excerpt.text;
    std::size_t cut = kBytes;
    while (cut > 0 && (static_cast<unsigned char>(excerpt.text[cut]) & 0xC0U) == 0x80U) --cut;
    return excerpt.text.substr(0, cut) + "…";
}

void review_and_delete(geo::StoryDocument& document, geo::ItemKind kind, const std::string& id, bool draft,
                       EditPanelRequests& requests, UiLanguage ui) {
    if (draft) {
        ImGui::TextColored(ui_colors::kAdded, "%s", tr(UiText::edit_draft_note, ui));
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(UiText::edit_mark_reviewed, ui))) requests.edited = document.mark_reviewed(kind, id);
    }
    if (ImGui::Button(tr(UiText::edit_delete, ui))) requests.delete_selected = true;
}

}  // namespace

void EditPanel::refill(const geo::StoryDocument& document, const geo::SelectionModel& selection) {
    const geo::Story& story = document.story();
    const std::string language = story_language(document);
    const geo::StoryItem item = selection.selection().selected;
    name_.clear();
    name_en_.clear();
    date_.clear();
    label_.clear();
    translation_.clear();
    switch (item.kind) {
        case geo::StoryItem::Kind::place:
            if (item.index < story.places.size()) {
                const geo::Place& place = story.places[item.index];
                name_ = place.names.get(language);
                name_en_ = place.names.has("en") ? place.names.get("en") : std::string();
            }
            break;
        case geo::StoryItem::Kind::relation:
            if (item.index < story.relations.size() && story.relations[item.index].date)
                date_ = story.relations[item.index].date->text;
            break;
        case geo::StoryItem::Kind::route:
            if (item.index < story.routes.size()) label_ = story.routes[item.index].label.get(language);
            break;
        case geo::StoryItem::Kind::none: break;
    }
    filled_excerpt_ = selection.active_excerpt();
    if (filled_excerpt_ && *filled_excerpt_ < story.excerpts.size()) {
        const geo::Excerpt& excerpt = story.excerpts[*filled_excerpt_];
        translation_ = excerpt.translation.has("en") ? excerpt.translation.get("en") : std::string();
    }
    person_names_.clear();
    person_roles_.clear();
    for (const geo::Person& person : story.people) {
        person_names_.push_back(person.name);
        person_roles_.push_back(person.role ? person.role->get(language) : std::string());
    }
    title_ = story.meta.title.get(language);
    title_en_ = story.meta.title.has("en") ? story.meta.title.get("en") : std::string();
    story_date_ = story.meta.date.text;
    source_ = story.meta.source;
}

EditPanelRequests EditPanel::draw(geo::StoryDocument& document, std::uint64_t document_version,
                                  const geo::SelectionModel& selection, geo::Gazetteer& gazetteer,
                                  const EditPanelStatus& status, PanelRects& rects, UiLanguage ui) {
    EditPanelRequests requests;
    // The fields follow the document and the selection, but never under the author's typing.
    if ((document_version != filled_version_ || selection.generation() != filled_selection_ ||
         selection.active_excerpt() != filled_excerpt_) &&
        !ImGui::IsAnyItemActive()) {
        refill(document, selection);
        filled_version_ = document_version;
        filled_selection_ = selection.generation();
    }
    const int fixed = place_panel(rects, Panel::people);
    if (!ImGui::Begin(window_title(UiText::edit_panel_title, "edit-panel", ui).c_str(), nullptr, fixed)) {
        report_panel_rect(rects, Panel::people);
        ImGui::End();
        return requests;
    }
    report_panel_rect(rects, Panel::people);

    // Tools and history.
    int tool = status.route_tool ? 1 : 0;
    if (ImGui::RadioButton(tr(UiText::edit_tool_select, ui), &tool, 0)) requests.route_tool = false;
    ImGui::SameLine();
    if (ImGui::RadioButton(tr(UiText::edit_tool_route, ui), &tool, 1)) requests.route_tool = true;
    if (status.route_tool) {
        ImGui::TextWrapped("%s", formatted(UiText::edit_route_points, ui, status.route_points).c_str());
        ImGui::BeginDisabled(status.route_points < 2);
        if (ImGui::Button(tr(UiText::edit_finish_route, ui))) requests.finish_route = true;
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button(tr(UiText::cancel_button, ui))) requests.cancel_route = true;
    }
    ImGui::BeginDisabled(!document.can_undo());
    if (ImGui::Button(tr(UiText::edit_undo, ui))) requests.undo = true;
    if (const geo::EditStep* step = document.undo_step(); step && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", edit_step_text(*step, ui).c_str());
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!document.can_redo());
    if (ImGui::Button(tr(UiText::edit_redo, ui))) requests.redo = true;
    if (const geo::EditStep* step = document.redo_step(); step && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", edit_step_text(*step, ui).c_str());
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr(UiText::edit_save, ui))) requests.save = true;
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(document.dirty() ? UiText::edit_unsaved : UiText::edit_saved_state, ui));
    if (!status.message.empty()) {
        ImGui::PushTextWrapPos(0.0F);
        if (status.message_is_error) {
            ImGui::TextColored(ImVec4(1.0F, 0.45F, 0.35F, 1.0F), "%s", status.message.c_str());
        } else {
            ImGui::TextDisabled("%s", status.message.c_str());
        }
        ImGui::PopTextWrapPos();
    }
    ImGui::Separator();

    ImGui::TextUnformatted(tr(UiText::edit_add_place, ui));
    requests.add_city = place_search_.draw(gazetteer, story_language(document), ui);
    ImGui::Separator();

    const geo::Story& story = document.story();
    const geo::StoryItem item = selection.selection().selected;
    if (item.kind == geo::StoryItem::Kind::place && item.index < story.places.size()) {
        draw_place(document, item.index, requests, ui);
    } else if (item.kind == geo::StoryItem::Kind::relation && item.index < story.relations.size()) {
        draw_relation(document, item.index, requests, ui);
    } else if (item.kind == geo::StoryItem::Kind::route && item.index < story.routes.size()) {
        draw_route(document, item.index, requests, ui);
    } else if (!selection.active_excerpt()) {
        ImGui::TextWrapped("%s", tr(UiText::edit_nothing_selected, ui));
    }
    if (const auto excerpt = selection.active_excerpt();
        excerpt && *excerpt < story.excerpts.size() && !requests.edited)
        draw_excerpt(document, *excerpt, requests, ui);
    ImGui::Separator();
    if (ImGui::Button(tr(UiText::edit_add_slide, ui))) requests.add_slide = true;
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    add_slide_point_ = ImVec2(0.5F * (min.x + max.x), 0.5F * (min.y + max.y));
    if (!requests.edited) draw_people(document, requests, ui);
    if (!requests.edited) draw_story_fields(document, requests, ui);
    ImGui::Separator();
    if (ImGui::Button(tr(UiText::edit_back, ui))) requests.leave = true;
    ImGui::End();
    return requests;
}

void EditPanel::draw_place(geo::StoryDocument& document, std::size_t index, EditPanelRequests& requests,
                           UiLanguage ui) {
    const geo::Place& place = document.story().places[index];
    const std::string id = place.id;
    ImGui::PushID("place");
    ImGui::TextDisabled("%s", id.c_str());
    if (text_field(tr(UiText::edit_name, ui), name_) && !name_.empty())
        requests.edited = document.rename_place(id, name_);
    if (!requests.edited && text_field(tr(UiText::edit_name_english, ui), name_en_) && !name_en_.empty())
        requests.edited = document.rename_place(id, name_en_, "en");
    if (!requests.edited && ImGui::BeginCombo(tr(UiText::edit_role, ui), role_name(place.role, ui))) {
        for (std::size_t r = 0; r < kRoles.size(); ++r)
            if (ImGui::Selectable(tr(kRoleNames[r], ui), kRoles[r] == place.role) && kRoles[r] != place.role)
                requests.edited = document.set_place_role(id, kRoles[r]);
        ImGui::EndCombo();
    }
    bool main = place.main;
    if (!requests.edited && ImGui::Checkbox(tr(UiText::edit_main_place, ui), &main))
        requests.edited = document.set_place_main(id, main);
    if (requests.edited) {
        ImGui::PopID();
        return;
    }
    ImGui::TextDisabled("%s", formatted(UiText::edit_coordinates, ui, place.lon, place.lat).c_str());
    if (place.source) {
        ImGui::PushTextWrapPos(0.0F);
        ImGui::TextDisabled("%s: %s", tr(UiText::edit_source, ui), place.source->c_str());
        ImGui::PopTextWrapPos();
    }
    review_and_delete(document, geo::ItemKind::place, id, place.draft, requests, ui);
    ImGui::PopID();
}

void EditPanel::draw_relation(geo::StoryDocument& document, std::size_t index, EditPanelRequests& requests,
                              UiLanguage ui) {
    const geo::Story& story = document.story();
    const geo::Relation& relation = story.relations[index];
    const std::string id = relation.id;
    const std::string language = story_language(document);
    ImGui::PushID("relation");
    ImGui::TextDisabled("%s", id.c_str());
    ImGui::TextWrapped("%s → %s", story.places[relation.from_place].map_label(language).c_str(),
                       story.places[relation.to_place].map_label(language).c_str());
    if (ImGui::BeginCombo(tr(UiText::edit_kind, ui), kind_name(relation.kind, ui).c_str())) {
        for (geo::RelationKind kind : relation_kinds())
            if (ImGui::Selectable(kind_name(kind, ui).c_str(), kind == relation.kind) && kind != relation.kind)
                requests.edited = document.set_relation_kind(id, kind);
        ImGui::EndCombo();
    }
    if (!requests.edited && text_field(tr(UiText::edit_date, ui), date_, tr(UiText::edit_date_hint, ui)))
        requests.edited = document.set_relation_date(id, date_);
    if (!requests.edited)
        if (auto speaker = person_combo(tr(UiText::edit_speaker, ui), story, relation.speaker, ui))
            requests.edited = document.set_relation_speaker(id, *speaker);
    if (requests.edited) {
        ImGui::PopID();
        return;
    }
    ImGui::TextUnformatted(tr(UiText::edit_excerpts, ui));
    for (std::size_t e : relation.excerpts) {
        ImGui::PushID(static_cast<int>(e));
        if (ImGui::SmallButton(tr(UiText::edit_remove, ui)))
            requests.edited = document.remove_relation_excerpt(id, story.excerpts[e].id);
        ImGui::SameLine();
        ImGui::TextWrapped("%s", excerpt_preview(story.excerpts[e]).c_str());
        ImGui::PopID();
        if (requests.edited) break;
    }
    if (!requests.edited && ImGui::BeginCombo("##add-excerpt", tr(UiText::edit_add_excerpt, ui))) {
        for (std::size_t e = 0; e < story.excerpts.size(); ++e) {
            ImGui::PushID(static_cast<int>(e));
            if (ImGui::Selectable(excerpt_preview(story.excerpts[e]).c_str()))
                requests.edited = document.add_relation_excerpt(id, story.excerpts[e].id);
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    if (!requests.edited) review_and_delete(document, geo::ItemKind::relation, id, relation.draft, requests, ui);
    ImGui::PopID();
}

void EditPanel::draw_route(geo::StoryDocument& document, std::size_t index, EditPanelRequests& requests,
                           UiLanguage ui) {
    const geo::Route& route = document.story().routes[index];
    const std::string id = route.id;
    ImGui::PushID("route");
    ImGui::TextDisabled("%s · %s", id.c_str(), formatted(UiText::edit_waypoints, ui, route.waypoints.size()).c_str());
    if (ImGui::BeginCombo(tr(UiText::edit_travels_by, ui), std::string(geo::to_string(route.mode)).c_str())) {
        for (geo::RouteMode mode : kModes)
            if (ImGui::Selectable(std::string(geo::to_string(mode)).c_str(), mode == route.mode) && mode != route.mode)
                requests.edited = document.set_route_mode(id, mode);
        ImGui::EndCombo();
    }
    if (!requests.edited && text_field(tr(UiText::edit_label, ui), label_))
        requests.edited = document.set_text(geo::ItemKind::route, id, "label", "", label_);
    if (!requests.edited) review_and_delete(document, geo::ItemKind::route, id, route.draft, requests, ui);
    ImGui::PopID();
}

void EditPanel::draw_excerpt(geo::StoryDocument& document, std::size_t index, EditPanelRequests& requests,
                             UiLanguage ui) {
    const geo::Story& story = document.story();
    const geo::Excerpt& excerpt = story.excerpts[index];
    const std::string id = excerpt.id;
    ImGui::PushID("excerpt");
    ImGui::Separator();
    ImGui::TextDisabled("%s · %s", tr(UiText::edit_excerpt, ui), id.c_str());
    ImGui::PushTextWrapPos(0.0F);
    ImGui::TextUnformatted(excerpt.text.c_str());
    ImGui::PopTextWrapPos();
    if (auto speaker = person_combo(tr(UiText::edit_speaker, ui), story, excerpt.speaker, ui))
        requests.edited = document.set_excerpt_speaker(id, *speaker);
    ImGui::TextUnformatted(tr(UiText::edit_translation, ui));
    if (!requests.edited && text_field("##translation", translation_, nullptr, true))
        requests.edited = document.set_translation(id, "en", translation_);
    if (!requests.edited && excerpt.draft) {
        ImGui::TextColored(ui_colors::kAdded, "%s", tr(UiText::edit_draft_note, ui));
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(UiText::edit_mark_reviewed, ui)))
            requests.edited = document.mark_reviewed(geo::ItemKind::excerpt, id);
    }
    if (!requests.edited && ImGui::Button(tr(UiText::edit_delete_excerpt, ui)))
        requests.edited = document.delete_item(geo::ItemKind::excerpt, id);
    ImGui::PopID();
}

void EditPanel::draw_people(geo::StoryDocument& document, EditPanelRequests& requests, UiLanguage ui) {
    if (!ImGui::CollapsingHeader(window_title(UiText::edit_people, "edit-people", ui).c_str())) return;
    const geo::Story& story = document.story();
    for (std::size_t i = 0; i < story.people.size() && i < person_names_.size() && !requests.edited; ++i) {
        const geo::Person& person = story.people[i];
        ImGui::PushID(static_cast<int>(i));
        if (text_field(tr(UiText::edit_name, ui), person_names_[i]) && !person_names_[i].empty())
            requests.edited = document.rename_person(person.id, person_names_[i]);
        if (!requests.edited && text_field(tr(UiText::edit_role, ui), person_roles_[i]))
            requests.edited = document.set_text(geo::ItemKind::person, person.id, "role", "", person_roles_[i]);
        if (!requests.edited && person.draft && ImGui::SmallButton(tr(UiText::edit_mark_reviewed, ui)))
            requests.edited = document.mark_reviewed(geo::ItemKind::person, person.id);
        if (!requests.edited && ImGui::SmallButton(tr(UiText::edit_delete, ui)))
            requests.edited = document.delete_item(geo::ItemKind::person, person.id);
        ImGui::Separator();
        ImGui::PopID();
    }
    if (requests.edited) return;
    text_field("##new-person", new_person_, tr(UiText::edit_new_person_hint, ui));
    ImGui::SameLine();
    if (ImGui::Button(tr(UiText::edit_add, ui)) && !new_person_.empty()) {
        requests.edited = document.add_person(new_person_);
        new_person_.clear();
    }
}

void EditPanel::draw_story_fields(geo::StoryDocument& document, EditPanelRequests& requests, UiLanguage ui) {
    if (!ImGui::CollapsingHeader(window_title(UiText::edit_story, "edit-story", ui).c_str())) return;
    if (text_field(tr(UiText::edit_title, ui), title_))
        requests.edited = document.set_title(story_language(document), title_);
    if (!requests.edited && text_field(tr(UiText::edit_title_english, ui), title_en_))
        requests.edited = document.set_title("en", title_en_);
    if (!requests.edited && text_field(tr(UiText::edit_date, ui), story_date_, tr(UiText::edit_date_hint, ui)))
        requests.edited = document.set_date(story_date_);
    if (!requests.edited && text_field(tr(UiText::edit_source, ui), source_))
        requests.edited = document.set_source(source_);
}

}  // namespace diplomap

#include "app/style/edit_step_text.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace diplomap {

namespace {

UiText text_of(geo::EditStepKind kind) {
    using K = geo::EditStepKind;
    switch (kind) {
        case K::add: return UiText::edit_step_add;
        case K::move_place: return UiText::edit_step_move_place;
        case K::rename: return UiText::edit_step_rename;
        case K::set_role: return UiText::edit_step_set_role;
        case K::make_main: return UiText::edit_step_make_main;
        case K::make_not_main: return UiText::edit_step_make_not_main;
        case K::add_excerpt: return UiText::edit_step_add_excerpt;
        case K::set_speaker: return UiText::edit_step_set_speaker;
        case K::add_relation: return UiText::edit_step_add_relation;
        case K::set_relation_kind: return UiText::edit_step_set_relation_kind;
        case K::set_relation_places: return UiText::edit_step_set_relation_places;
        case K::set_relation_date: return UiText::edit_step_set_relation_date;
        case K::set_relation_route: return UiText::edit_step_set_relation_route;
        case K::add_excerpt_to: return UiText::edit_step_add_excerpt_to;
        case K::remove_excerpt_from: return UiText::edit_step_remove_excerpt_from;
        case K::add_route: return UiText::edit_step_add_route;
        case K::add_waypoint: return UiText::edit_step_add_waypoint;
        case K::move_waypoint: return UiText::edit_step_move_waypoint;
        case K::remove_waypoint: return UiText::edit_step_remove_waypoint;
        case K::set_route_mode: return UiText::edit_step_set_route_mode;
        case K::set_person_place: return UiText::edit_step_set_person_place;
        case K::edit_text: return UiText::edit_step_edit_text;
        case K::edit_title: return UiText::edit_step_edit_title;
        case K::set_story_date: return UiText::edit_step_set_story_date;
        case K::set_story_source: return UiText::edit_step_set_story_source;
        case K::mark_reviewed: return UiText::edit_step_mark_reviewed;
        case K::remove: return UiText::edit_step_remove;
    }
    return UiText::edit_step_add;
}

// The story's text fields by their key in the file; a field not listed keeps its key.
std::string field_text(const std::string& field, UiLanguage language) {
    static constexpr std::array<std::pair<std::string_view, UiText>, 7> kFields{{
        {"names", UiText::edit_field_names},
        {"label", UiText::edit_field_label},
        {"note", UiText::edit_field_note},
        {"role", UiText::edit_field_role},
        {"affiliation", UiText::edit_field_affiliation},
        {"translation", UiText::edit_field_translation},
        {"notes", UiText::edit_field_notes},
    }};
    for (const auto& [key, text] : kFields)
        if (key == field) return tr(text, language);
    return field;
}

}  // namespace

std::string edit_step_text(const geo::EditStep& step, UiLanguage language) {
    const UiText text = text_of(step.kind);
    switch (step.kind) {
        case geo::EditStepKind::add_excerpt_to:
        case geo::EditStepKind::remove_excerpt_from:
            return formatted(text, language, step.subject.c_str(), step.object.c_str());
        case geo::EditStepKind::edit_text:
            return formatted(text, language, field_text(step.object, language).c_str(), step.subject.c_str());
        case geo::EditStepKind::edit_title:
        case geo::EditStepKind::set_story_date:
        case geo::EditStepKind::set_story_source: return tr(text, language);
        default: return formatted(text, language, step.subject.c_str());
    }
}

}  // namespace diplomap

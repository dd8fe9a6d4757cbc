#pragma once
// Every word the interface shows, in English and German: one key per text, one table per language
// (translations_en.cpp, translations_de.cpp). The language setting picks the table; a test fails when a key lacks
// a text in either. Story content (titles, labels, excerpts) is not here: the story brings its own languages.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace diplomap {

enum class UiLanguage : std::uint8_t { en, de };

// German for "de", English for anything else: the two languages the interface speaks.
UiLanguage ui_language(std::string_view code);
// "en" or "de".
std::string_view language_code(UiLanguage language);
// The interface's language for a story in `story_language`: German or English when the story is in one of them,
// otherwise English.
UiLanguage default_ui_language(std::string_view story_language);

// Texts with %d, %s, %zu or %.1f take printf arguments, in the same order in every language.
enum class UiText : std::uint16_t {
    // Panels
    panel_article,
    panel_people,
    panel_timeline,
    panel_layers,
    panel_search,
    // Animation
    play,
    pause,
    speed,
    // Article panel
    article_original,
    article_english,
    article_both,
    article_excerpts,
    article_full_text,
    article_quoted_for_added,
    article_click_to_show,
    // Layers panel
    layer_ocean,
    layer_land,
    layer_borders,
    layer_coast,
    layer_graticule,
    layer_routes,
    layer_arcs,
    layer_markers,
    layer_labels,
    layer_title,
    layer_legend,
    layers_basemap,
    layers_story,
    layers_legend_hint,
    layers_added_tooltip,
    // Added facts
    added_not_from_article,
    legend_added,
    // People panel
    people_speaks_from,
    people_not_quoted,
    // Search panel
    search_hint,
    search_nothing_found,
    search_place,
    search_person,
    // Status bar
    status_off_the_map,
    status_zoom,
    status_updating,
    // Problems window
    problems_one,
    problems_many,
    problems_last_good,
    problems_nothing_drawn,
    // Place roles (tooltips)
    role_capital,
    role_city,
    role_venue,
    role_border_crossing,
    role_station,
    role_institution,
    // Tooltips
    tooltip_speaks_from_here,
    // Timeline panel
    timeline_no_dates,
    timeline_as_of,
    timeline_everything,
    // Help window
    help_title,
    // Key names
    key_mouse_wheel,
    key_drag,
    key_double_click,
    key_arrows,
    key_plus_minus,
    key_zero,
    key_click,
    key_escape,
    key_space,
    key_brackets,
    key_home,
    key_l,
    key_ctrl_f,
    key_ctrl_o,
    key_ctrl_e,
    key_ctrl_plus_minus,
    key_ctrl_zero,
    key_ctrl_q,
    key_f1,
    key_f2,
    key_f3,
    key_f4,
    key_f5,
    key_f6,
    key_click_excerpt,
    key_drag_timeline,
    key_click_legend,
    key_drag_splitter,
    // Help window
    help_zoom_cursor,
    help_pan,
    help_zoom_in,
    help_zoom_in_out,
    help_reset_view,
    help_select,
    help_clear_selection,
    help_pause_play,
    help_slower_faster,
    help_play_from_start,
    help_language,
    help_find,
    help_open,
    help_export,
    help_ui_size,
    help_ui_100,
    help_quit,
    help_toggle_article,
    help_toggle_people,
    help_toggle_timeline,
    help_toggle_layers,
    help_toggle_search,
    help_excerpt,
    help_timeline,
    help_legend,
    help_splitter,
    help_toggle_help,
    // Menus
    menu_file,
    menu_open_story,
    menu_recent_stories,
    menu_export_view,
    menu_quit,
    menu_view,
    menu_ui_scale,
    menu_article_text,
    menu_original,
    menu_english,
    menu_both_side_by_side,
    menu_projection,
    menu_layers,
    menu_relation_kinds,
    menu_show_all,
    menu_story,
    menu_play,
    menu_play_from_start,
    menu_language_german,
    menu_language_english,
    menu_language,
    menu_find,
    menu_clear_selection,
    menu_help,
    menu_keyboard_shortcuts,
    // Open dialog
    open_title,
    open_prompt,
    open_button,
    cancel_button,
    open_no_story_json,
    open_not_found,
    // Export dialog
    export_title,
    export_explanation,
    export_size,
    export_button,
    close_button,
    export_wrote,
    // Pictures (F12) and the export dialog (Shift+F12)
    key_f12,
    key_shift_f12,
    help_save_picture,
    help_export_dialog,
    picture_saved,
    picture_failed,
    export_preset,
    export_preset_window,
    export_preset_custom,
    export_preset_full_hd,
    export_preset_4k,
    export_preset_8k,
    export_preset_square,
    export_preset_upright,
    export_preset_a4_landscape,
    export_preset_a4_portrait,
    export_preset_a3_landscape,
    export_preset_a3_portrait,
    export_format,
    export_format_png,
    export_format_geotiff,
    export_format_mp4,
    export_format_webm,
    export_format_gif,
    export_scale,
    export_scale_automatic,
    export_supersample,
    export_transparent,
    export_panels,
    export_world_file,
    export_range,
    export_fps,
    export_presentation,
    export_file,
    export_exists,
    export_replace_title,
    replace_button,
    export_running,
    export_preparing,
    export_time_left,
    export_cancelled,
    export_failed,
    // Messages
    settings_not_saved,
    no_story_open,
    press_f1,
    // Presentation
    present_slide_of,
    present_autoplay,
    present_notes,
    present_next_slide,
    present_previous_slide,
    present_elapsed,
    present_clock,
    present_blank,
    present_end,
    present_keys_title,
    present_current_slide,
    present_drawing_preview,
    present_presenter_view,
    // Key names
    key_right_space,
    key_left_backspace,
    key_b,
    key_a,
    key_n,
    key_f11,
    // Help window
    help_present_next,
    help_present_previous,
    help_present_home,
    help_present_blank,
    help_present_autoplay,
    help_present_notes,
    help_present_fullscreen,
    help_present_quit,
    help_present_jump,
    help_present_first_last,
    help_present_language,
    help_present_save,
    help_present_explore,
    caption_source,
    caption_translated,
    // Editing
    edit_make_excerpt,
    edit_selection_hint,
    edit_select_hint,
    edit_panel_title,
    edit_tool_select,
    edit_tool_route,
    edit_route_points,
    edit_finish_route,
    edit_add_place,
    edit_add_place_hint,
    edit_no_city,
    edit_undo,
    edit_redo,
    edit_save,
    edit_unsaved,
    edit_saved_state,
    edit_nothing_selected,
    edit_name,
    edit_name_english,
    edit_role,
    edit_main_place,
    edit_coordinates,
    edit_source,
    edit_mark_reviewed,
    edit_draft_note,
    edit_delete,
    edit_kind,
    edit_date,
    edit_date_hint,
    edit_speaker,
    edit_none,
    edit_excerpts,
    edit_add_excerpt,
    edit_remove,
    edit_travels_by,
    edit_label,
    edit_waypoints,
    edit_excerpt,
    edit_translation,
    edit_delete_excerpt,
    edit_people,
    edit_new_person_hint,
    edit_add,
    edit_story,
    edit_title,
    edit_title_english,
    edit_add_slide,
    edit_back,
    edit_new_place_title,
    edit_new_place_prompt,
    edit_ok,
    edit_new_relation_title,
    edit_unsaved_title,
    edit_unsaved_prompt,
    edit_discard,
    edit_save_refused,
    edit_saved,
    edit_refused_title,
    edit_undone,
    edit_redone,
    edit_file_changed,
    edit_cannot_open,
    edit_mode_name,
    menu_edit,
    menu_edit_story,
    help_edit,
    key_e,
    key_ctrl_s,
    key_ctrl_z,
    key_ctrl_shift_z,
    key_r,
    key_ctrl_n,
    key_delete,
    help_edit_add_place,
    help_edit_drag,
    // The editor's steps, for Undo/Redo and the status line (app/style/edit_step_text.hpp)
    edit_step_add,
    edit_step_move_place,
    edit_step_rename,
    edit_step_set_role,
    edit_step_make_main,
    edit_step_make_not_main,
    edit_step_add_excerpt,
    edit_step_set_speaker,
    edit_step_add_relation,
    edit_step_set_relation_kind,
    edit_step_set_relation_places,
    edit_step_set_relation_date,
    edit_step_set_relation_route,
    edit_step_add_excerpt_to,
    edit_step_remove_excerpt_from,
    edit_step_add_route,
    edit_step_add_waypoint,
    edit_step_move_waypoint,
    edit_step_remove_waypoint,
    edit_step_set_route_mode,
    edit_step_set_person_place,
    edit_step_edit_text,
    edit_step_edit_title,
    edit_step_set_story_date,
    edit_step_set_story_source,
    edit_step_mark_reviewed,
    edit_step_remove,
    edit_field_names,
    edit_field_label,
    edit_field_note,
    edit_field_role,
    edit_field_affiliation,
    edit_field_translation,
    edit_field_notes,
    count
};
inline constexpr std::size_t kTextCount = static_cast<std::size_t>(UiText::count);

// The text of `key` in `language`; never null (an empty string for a key a table lacks, which a test forbids).
const char* tr(UiText key, UiLanguage language);
// The same for a language code ("de", "en", a story's "ru": English).
const char* tr(UiText key, std::string_view language_code);
// A text of the tables with printf arguments: the tables keep the same conversions in every language.
template <typename... Args>
std::string formatted(UiText key, UiLanguage language, Args... args) {
    const char* format = tr(key, language);
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-vararg): the tables' texts are printf formats
    const int n = std::snprintf(nullptr, 0, format, args...);
    if (n <= 0) return format;
    std::string text(static_cast<std::size_t>(n) + 1, '\0');
    std::snprintf(text.data(), text.size(), format, args...);  // NOLINT(cppcoreguidelines-pro-type-vararg)
    text.resize(static_cast<std::size_t>(n));
    return text;
}
// An ImGui window or popup name: the text, then "###" and `id`, so the window keeps its place and state when the
// language changes.
std::string window_title(UiText key, std::string_view id, UiLanguage language);

// Window tests read which interface strings a frame drew: while a sink is set (by the viewer core, for the frame,
// when it writes a test report), tr() hands every text it returns to `note` as well. Null: no sink. Per thread.
using TextSink = void (*)(void* context, std::string_view text);
void set_text_sink(TextSink note, void* context);

struct TextEntry {
    UiText key;
    const char* text;
};

// The tables themselves, for the completeness test.
const TextEntry* english_texts(std::size_t& count);
const TextEntry* german_texts(std::size_t& count);

}  // namespace diplomap

#include "app/ui/help_window.hpp"

#include <imgui.h>

#include <span>

#include "app/style/translations.hpp"

namespace diplomap {

namespace {

struct Row {
    UiText keys;
    UiText action;
};

// A table of keys and what they do, two columns.
void draw_key_table(const char* id, std::span<const Row> rows, UiLanguage ui) {
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_RowBg)) return;
    for (const Row& row : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(row.keys, ui));
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", tr(row.action, ui));  // long German texts wrap in their column
    }
    ImGui::EndTable();
}

}  // namespace

void draw_help_window(bool& open, std::string_view language, bool editing) {
    if (!open) return;
    const UiLanguage ui = ui_language(language);
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30.0F, 0), ImGuiCond_Appearing);
    if (ImGui::Begin(window_title(UiText::help_title, "help", ui).c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
        // Moving about the map: exploring and editing alike.
        constexpr Row kMapRows[] = {
            {UiText::key_mouse_wheel, UiText::help_zoom_cursor},
            {UiText::key_drag, UiText::help_pan},
            {UiText::key_arrows, UiText::help_pan},
            {UiText::key_plus_minus, UiText::help_zoom_in_out},
            {UiText::key_zero, UiText::help_reset_view},
            {UiText::key_space, UiText::help_pause_play},
            {UiText::key_l, UiText::help_language},
            {UiText::key_f2, UiText::help_toggle_article},
            {UiText::key_ctrl_q, UiText::help_quit},
            {UiText::key_f1, UiText::help_toggle_help},
        };
        // Exploring only: editing does not answer these keys.
        constexpr Row kExploreRows[] = {
            {UiText::key_double_click, UiText::help_zoom_in},
            {UiText::key_click, UiText::help_select},
            {UiText::key_escape, UiText::help_clear_selection},
            {UiText::key_brackets, UiText::help_slower_faster},
            {UiText::key_home, UiText::help_play_from_start},
            {UiText::key_ctrl_f, UiText::help_find},
            {UiText::key_ctrl_o, UiText::help_open},
            {UiText::key_ctrl_e, UiText::help_export},
            {UiText::key_f12, UiText::help_save_picture},
            {UiText::key_shift_f12, UiText::help_export_dialog},
            {UiText::key_ctrl_plus_minus, UiText::help_ui_size},
            {UiText::key_ctrl_zero, UiText::help_ui_100},
            {UiText::key_e, UiText::help_edit},
            {UiText::key_f3, UiText::help_toggle_people},
            {UiText::key_f4, UiText::help_toggle_timeline},
            {UiText::key_f5, UiText::help_toggle_layers},
            {UiText::key_f6, UiText::help_toggle_search},
            {UiText::key_click_excerpt, UiText::help_excerpt},
            {UiText::key_drag_timeline, UiText::help_timeline},
            {UiText::key_click_legend, UiText::help_legend},
            {UiText::key_drag_splitter, UiText::help_splitter},
        };
        constexpr Row kEditRows[] = {
            {UiText::key_click, UiText::help_edit_add_place},
            {UiText::key_drag, UiText::help_edit_drag},
            {UiText::key_ctrl_n, UiText::edit_add_place},
            {UiText::key_r, UiText::edit_tool_route},
            {UiText::key_delete, UiText::edit_delete},
            {UiText::key_ctrl_z, UiText::edit_undo},
            {UiText::key_ctrl_shift_z, UiText::edit_redo},
            {UiText::key_ctrl_s, UiText::edit_save},
            {UiText::key_e, UiText::edit_back},
        };
        if (editing) {
            draw_key_table("edit-keys", kEditRows, ui);
            ImGui::Separator();
        }
        draw_key_table("keys", kMapRows, ui);
        if (!editing) draw_key_table("explore-keys", kExploreRows, ui);
    }
    ImGui::End();
}

}  // namespace diplomap

#include "app/ui/help_window.hpp"

#include <imgui.h>

#include "app/style/translations.hpp"

namespace diplomap {

void draw_help_window(bool& open, std::string_view language) {
    if (!open) return;
    const UiLanguage ui = ui_language(language);
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30.0F, 0), ImGuiCond_Appearing);
    if (ImGui::Begin(window_title(UiText::help_title, "help", ui).c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
        struct Row {
            UiText keys;
            UiText action;
        };
        constexpr Row kRows[] = {
            {UiText::key_mouse_wheel, UiText::help_zoom_cursor},
            {UiText::key_drag, UiText::help_pan},
            {UiText::key_double_click, UiText::help_zoom_in},
            {UiText::key_arrows, UiText::help_pan},
            {UiText::key_plus_minus, UiText::help_zoom_in_out},
            {UiText::key_zero, UiText::help_reset_view},
            {UiText::key_click, UiText::help_select},
            {UiText::key_escape, UiText::help_clear_selection},
            {UiText::key_space, UiText::help_pause_play},
            {UiText::key_brackets, UiText::help_slower_faster},
            {UiText::key_home, UiText::help_play_from_start},
            {UiText::key_l, UiText::help_language},
            {UiText::key_ctrl_f, UiText::help_find},
            {UiText::key_ctrl_o, UiText::help_open},
            {UiText::key_ctrl_e, UiText::help_export},
            {UiText::key_f12, UiText::help_save_picture},
            {UiText::key_shift_f12, UiText::help_export_dialog},
            {UiText::key_ctrl_plus_minus, UiText::help_ui_size},
            {UiText::key_ctrl_zero, UiText::help_ui_100},
            {UiText::key_ctrl_q, UiText::help_quit},
            {UiText::key_f2, UiText::help_toggle_article},
            {UiText::key_f3, UiText::help_toggle_people},
            {UiText::key_f4, UiText::help_toggle_timeline},
            {UiText::key_f5, UiText::help_toggle_layers},
            {UiText::key_f6, UiText::help_toggle_search},
            {UiText::key_click_excerpt, UiText::help_excerpt},
            {UiText::key_drag_timeline, UiText::help_timeline},
            {UiText::key_click_legend, UiText::help_legend},
            {UiText::key_drag_splitter, UiText::help_splitter},
            {UiText::key_f1, UiText::help_toggle_help},
        };
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
            for (const Row& row : kRows) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(tr(row.keys, ui));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(tr(row.action, ui));
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

}  // namespace diplomap

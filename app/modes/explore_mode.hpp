#pragma once
// Exploring: the map with its panels, menus and dialogs, over the viewer core. Input here pans, zooms and turns
// the map, selects what is under the pointer and drives the panels; P hands over to presenting.
#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/modes/export_job.hpp"
#include "app/modes/viewer_core.hpp"
#include "app/modes/viewer_mode.hpp"
#include "app/style/translations.hpp"
#include "app/ui/article_panel.hpp"
#include "app/ui/export_dialog.hpp"
#include "app/ui/layers_panel.hpp"
#include "app/ui/panel_layout.hpp"
#include "app/ui/search_panel.hpp"
#include "app/ui/timeline_panel.hpp"
#include "geo/story/story_search.hpp"
#include "geo/story/timeline_scale.hpp"

namespace diplomap {

class ExploreMode final : public ViewerMode {
public:
    explicit ExploreMode(ViewerCore& core);

    void enter() override;
    void handle_event(const SDL_Event& event) override;
    void update() override;
    void draw_ui() override;
    void draw_overlay() override;
    [[nodiscard]] bool wants(ModeKind kind) const override {
        return (kind == ModeKind::present && wants_present_) || (kind == ModeKind::edit && wants_edit_);
    }
    void clear_request() override { wants_present_ = wants_edit_ = false; }

    ~ExploreMode() override;
    ExploreMode(const ExploreMode&) = delete;
    ExploreMode& operator=(const ExploreMode&) = delete;

private:
    Settings& settings() { return core_.settings(); }
    void refresh_story();
    void handle_control_key(SDL_Keycode key);
    void handle_key(SDL_Keycode key);
    void draw_menu_bar(UiLanguage ui);
    void draw_open_dialog(UiLanguage ui);
    std::string try_open_story(const std::filesystem::path& path, UiLanguage ui);
    void open_story(const std::filesystem::path& path);
    void open_export_dialog();
    void start_export(const ExportDialogState& choices, bool picture);
    void start_waiting_picture();
    void follow_export(UiLanguage ui);
    void apply_test_export_steps();
    void draw_edge_indicators(ImDrawList& list);

    ViewerCore& core_;
    std::uint64_t seen_story_version_ = 0;
    geo::StorySearch search_;
    std::vector<LegendEntry> legend_;
    geo::TimelineScale timeline_scale_;
    TimelineState timeline_;
    ArticlePanel article_panel_;
    SearchPanel search_panel_;
    std::optional<std::size_t> focus_person_;
    bool focus_search_ = false;
    PanelRects rects_;
    std::array<char, 1024> open_path_{};
    std::string open_error_;
    bool open_dialog_requested_ = false;
    // The export dialog and the export it started, running beside the window (export_job.hpp).
    ExportDialogState export_;
    bool export_dialog_requested_ = false;
    std::unique_ptr<ExportJob> export_job_;
    // F12 presses not yet exported: each is the view at the window's size, exported as the dialog would (the map
    // without the panels), one after the other, each named when its turn comes so that none replaces another.
    int pictures_waiting_ = 0;
    bool export_is_picture_ = false;  // the running export is one of them
    std::string export_message_;
    bool export_failed_ = false;
    struct TestExportStep {
        int frame = 0;
        std::string action;
    };
    std::vector<TestExportStep> test_export_;
    double press_x_ = 0, press_y_ = 0;
    bool help_open_ = false;
    bool wants_present_ = false;
    bool wants_edit_ = false;
};

}  // namespace diplomap

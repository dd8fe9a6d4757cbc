#pragma once
// Editing: the story open as a document (geo/edit/story_document.hpp) over the viewer core, changed by the hand
// on the map (edit_gestures.hpp: click to add a place, drag a marker to move it or onto another place to draw a
// relation, the route tool's clicks), by the article panel (a selection of its text becomes an excerpt), and by
// the editor's panel (app/ui/edit_panel.hpp). Every change is one undoable step; Ctrl+S saves atomically in the
// canonical style, and a save that would make the story invalid is refused with its problems. Leaving, quitting or
// opening another story with unsaved edits asks first. E (or `diplomap edit`) enters and leaves.
#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/modes/edit_gestures.hpp"
#include "app/modes/viewer_core.hpp"
#include "app/modes/viewer_mode.hpp"
#include "app/style/translations.hpp"
#include "app/ui/article_panel.hpp"
#include "app/ui/edit_panel.hpp"
#include "app/ui/panel_layout.hpp"
#include "geo/draft/gazetteer.hpp"
#include "geo/edit/story_document.hpp"

namespace diplomap {

class EditMode final : public ViewerMode {
public:
    explicit EditMode(ViewerCore& core);
    ~EditMode() override;
    EditMode(const EditMode&) = delete;
    EditMode& operator=(const EditMode&) = delete;

    void enter() override;
    void handle_event(const SDL_Event& event) override;
    void update() override;
    void draw_ui() override;
    void draw_overlay() override;
    [[nodiscard]] bool wants(ModeKind kind) const override { return kind == ModeKind::explore && wants_explore_; }
    void clear_request() override { wants_explore_ = false; }
    [[nodiscard]] bool confirm_quit() override;
    // "text:OFFSET" (a byte of the article in the full text), "ui:add-place", "ui:make-excerpt", "ui:add-slide".
    [[nodiscard]] std::optional<ImVec2> test_target(std::string_view name) const override;

private:
    // What waits for the answer to "unsaved changes".
    enum class Pending : std::uint8_t { none, leave, quit, open };

    bool open_document();
    void leave();
    void after_change(const geo::EditResult& result);
    void refresh_map();
    void undo();
    void redo();
    void save();
    void delete_selected();
    void add_slide_from_view();
    void finish_route();
    void ask_before(Pending pending, const std::filesystem::path& open_path = {});
    void carry_out(Pending pending);
    void apply(const EditAction& action);
    [[nodiscard]] MapPointer pointer_at(double x, double y) const;
    [[nodiscard]] std::optional<geo::LonLat> lon_lat_at(double x, double y) const;
    void handle_key(const SDL_Event& event);
    void handle_panel(const EditPanelRequests& requests);
    geo::Gazetteer& gazetteer();

    void draw_menu_bar(UiLanguage ui);
    void draw_new_place_dialog(UiLanguage ui);
    void draw_relation_dialog(UiLanguage ui);
    void draw_unsaved_dialog(UiLanguage ui);
    void draw_refused_dialog(UiLanguage ui);

    ViewerCore& core_;
    std::optional<geo::StoryDocument> document_;
    std::uint64_t document_version_ = 0;
    std::vector<std::string> open_problems_;  // why the story could not be opened for editing
    std::unique_ptr<geo::Gazetteer> geonames_;
    std::unique_ptr<geo::Gazetteer> gazetteer_;  // GeoNames with the exonym table in front, made when first asked
    ArticlePanel article_panel_;
    EditPanel panel_;
    PanelRects rects_;
    EditGestures gestures_;
    EditTool tool_ = EditTool::select;
    std::vector<geo::NewWaypoint> route_;
    std::string message_;
    bool message_is_error_ = false;
    std::string last_excerpt_;  // the excerpt made last: what a new relation quotes unless told otherwise

    // Dialogs.
    std::optional<geo::LonLat> new_place_at_;
    bool new_place_requested_ = false;
    std::string new_place_name_;
    struct NewRelation {
        std::string from, to;
        geo::RelationKind kind = geo::RelationKind::statement;
        std::string date, speaker, excerpt;
    };
    std::optional<NewRelation> new_relation_;
    bool relation_requested_ = false;
    Pending pending_ = Pending::none;
    bool unsaved_requested_ = false;
    std::filesystem::path pending_open_;
    std::vector<std::string> refused_;  // the problems of a refused save
    bool refused_requested_ = false;

    bool pressed_on_map_ = false;
    bool wants_explore_ = false;
    bool help_open_ = false;
    ImVec2 make_excerpt_point_;
};

}  // namespace diplomap

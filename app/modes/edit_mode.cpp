#include "app/modes/edit_mode.hpp"

#include <imgui.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "app/modes/assets.hpp"
#include "app/style/edit_step_text.hpp"
#include "app/style/relation_style.hpp"
#include "app/ui/animation_panel.hpp"
#include "app/ui/help_window.hpp"
#include "app/ui/splitters.hpp"
#include "app/ui/status_bar.hpp"
#include "app/ui/text_field.hpp"
#include "app/ui/ui_colors.hpp"
#include "geo/draft/exonym_table.hpp"
#include "geo/draft/geonames_gazetteer.hpp"
#include "geo/text/file_text.hpp"

namespace diplomap {
namespace {

constexpr double kWheelZoomFactor = 1.25;
constexpr double kClickSlopPixels = 4.0;
// Coordinates set by hand are kept to 1e-4 degrees (about 11 m): finer than a marker, and the file gets short
// numbers rather than a pixel's tenth decimal.
constexpr double kCoordinateSteps = 1e4;  // per degree
constexpr const char* kHandPlacedSource = "placed by hand on the map in diplomap's editor";

// Divided last, so the result is the double nearest the decimal, which the document writes in its shortest form.
double rounded(double degrees) { return std::round(degrees * kCoordinateSteps) / kCoordinateSteps; }

bool enter_pressed() {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter));
}

bool escape_pressed() { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)); }

}  // namespace

EditMode::EditMode(ViewerCore& core) : core_(core), gestures_(kClickSlopPixels * core.pixel_ratio()) {}

EditMode::~EditMode() = default;

// [SECTION] Entering and leaving

void EditMode::enter() {
    article_panel_.set_editing(true);
    // The settled story, every arc drawn: what the author edits is the whole of it, not a moment of the animation.
    core_.animation().seconds = core_.animation().length;
    core_.animation().paused = true;
    if (!open_document()) return;
    core_.hold_story(true);
    refresh_map();
}

bool EditMode::open_document() {
    open_problems_.clear();
    if (!core_.has_story()) {
        open_problems_.emplace_back(tr(UiText::no_story_open, ui_language(core_.language())));
        return false;
    }
    const std::filesystem::path file = core_.story().source_file;
    if (document_ && document_->story_file() == file) return true;
    geo::DocumentOpen opened = geo::StoryDocument::open(file);
    if (!opened.document) {
        for (const geo::Diagnostic& d : opened.problems) open_problems_.push_back(d.to_string());
        return false;
    }
    document_ = std::move(opened.document);
    ++document_version_;
    route_.clear();
    last_excerpt_.clear();
    message_.clear();
    return true;
}

void EditMode::leave() {
    article_panel_.set_editing(false);
    document_.reset();
    route_.clear();
    core_.hold_story(false);
    wants_explore_ = true;
}

bool EditMode::confirm_quit() {
    if (!document_ || !document_->dirty()) return true;
    ask_before(Pending::quit);
    return false;
}

void EditMode::ask_before(Pending pending, const std::filesystem::path& open_path) {
    if (!document_ || !document_->dirty()) {
        pending_open_ = open_path;
        carry_out(pending);
        return;
    }
    pending_ = pending;
    pending_open_ = open_path;
    unsaved_requested_ = true;
}

void EditMode::carry_out(Pending pending) {
    switch (pending) {
        case Pending::none: break;
        case Pending::leave: leave(); break;
        case Pending::quit: core_.quit(); break;
        case Pending::open:
            document_.reset();
            core_.hold_story(false);
            core_.open_story(pending_open_);
            if (open_document()) {
                core_.hold_story(true);
                refresh_map();
            }
            break;
    }
}

// [SECTION] The document and the map

void EditMode::refresh_map() {
    if (!document_) return;
    core_.show_story(document_->story());
    ++document_version_;
}

void EditMode::after_change(const geo::EditResult& result) {
    message_is_error_ = !result.ok();
    if (!result.ok()) {
        message_ = result.error;
        return;
    }
    message_ = edit_step_text(*document_->undo_step(), ui_language(core_.language()));
    if (!result.detail.empty()) message_ += " (" + result.detail + ")";
    refresh_map();
}

void EditMode::undo() {
    if (!document_ || !document_->can_undo()) return;
    const std::string what = edit_step_text(*document_->undo_step(), ui_language(core_.language()));
    document_->undo();
    message_ = formatted(UiText::edit_undone, ui_language(core_.language()), what.c_str());
    message_is_error_ = false;
    refresh_map();
}

void EditMode::redo() {
    if (!document_ || !document_->can_redo()) return;
    const std::string what = edit_step_text(*document_->redo_step(), ui_language(core_.language()));
    document_->redo();
    message_ = formatted(UiText::edit_redone, ui_language(core_.language()), what.c_str());
    message_is_error_ = false;
    refresh_map();
}

void EditMode::save() {
    if (!document_) return;
    const UiLanguage ui = ui_language(core_.language());
    core_.expect_own_write(document_->story_file(), document_->text());
    const geo::DocumentSave saved = document_->save();
    message_is_error_ = !saved.ok();
    if (saved.ok()) {
        message_ = formatted(UiText::edit_saved, ui, document_->story_file().string().c_str());
        return;
    }
    if (!saved.problems.empty()) {
        refused_.clear();
        for (const geo::Diagnostic& d : saved.problems) refused_.push_back(d.to_string());
        refused_requested_ = true;
        message_ = formatted(UiText::edit_save_refused, ui, saved.problems.size());
        return;
    }
    message_ = saved.error;
}

void EditMode::delete_selected() {
    if (!document_) return;
    const geo::Story& story = document_->story();
    const geo::StoryItem item = core_.selection().selection().selected;
    geo::EditResult result;
    switch (item.kind) {
        case geo::StoryItem::Kind::place:
            result = document_->delete_item(geo::ItemKind::place, story.places[item.index].id);
            break;
        case geo::StoryItem::Kind::relation:
            result = document_->delete_item(geo::ItemKind::relation, story.relations[item.index].id);
            break;
        case geo::StoryItem::Kind::route:
            result = document_->delete_item(geo::ItemKind::route, story.routes[item.index].id);
            break;
        case geo::StoryItem::Kind::none:
            if (const auto e = core_.selection().active_excerpt(); e && *e < story.excerpts.size()) {
                result = document_->delete_item(geo::ItemKind::excerpt, story.excerpts[*e].id);
                break;
            }
            return;
    }
    // Indices after the deleted item move: nothing stays selected.
    if (result.ok()) core_.selection().clear();
    after_change(result);
}

void EditMode::add_slide_from_view() {
    if (!document_) return;
    const geo::Story& story = document_->story();
    const ViewState& view = core_.view();
    geo::NewSlide slide;
    slide.projection = view.spec.name;
    const geo::LonLat centre = turns_globe(view.spec)
                                   ? view.spec.center
                                   : core_.projection().inverse(view.camera.center).value_or(view.spec.center);
    slide.center_lon = rounded(centre.lon);
    slide.center_lat = rounded(centre.lat);
    slide.zoom = std::clamp(std::round(view.camera.zoom(core_.world()) * 100.0) / 100.0, 0.0, 12.0);
    const geo::StoryItem item = core_.selection().selection().selected;
    if (item.kind == geo::StoryItem::Kind::place) slide.places.push_back(story.places[item.index].id);
    if (item.kind == geo::StoryItem::Kind::relation) slide.relations.push_back(story.relations[item.index].id);
    if (item.kind == geo::StoryItem::Kind::route) slide.routes.push_back(story.routes[item.index].id);
    after_change(document_->add_slide(slide));
}

void EditMode::finish_route() {
    if (!document_ || route_.size() < 2) return;
    after_change(document_->add_route(geo::RouteMode::car, route_));
    route_.clear();
}

// [SECTION] Input

std::optional<geo::LonLat> EditMode::lon_lat_at(double x, double y) const {
    return core_.projection().inverse(core_.view().camera.pixel_to_metres(x, y));
}

MapPointer EditMode::pointer_at(double x, double y) const {
    MapPointer pointer{x, y, {}};
    if (core_.has_story()) pointer.item = core_.story_view().pick(core_.view().camera, x, y, core_.story_frame());
    return pointer;
}

void EditMode::apply(const EditAction& action) {
    if (!document_) return;
    const geo::Story& story = document_->story();
    switch (action.kind) {
        case EditAction::Kind::none: break;
        case EditAction::Kind::select:
            if (action.item.empty()) {
                core_.selection().clear();
            } else {
                core_.selection().select(story, action.item);
            }
            break;
        case EditAction::Kind::ask_new_place:
            if (const auto at = lon_lat_at(action.x, action.y)) {
                new_place_at_ = geo::LonLat{rounded(at->lon), rounded(at->lat)};
                new_place_requested_ = true;
            }
            break;
        case EditAction::Kind::pan: core_.drag_by(action.dx, action.dy); break;
        case EditAction::Kind::move_place:
            if (const auto at = lon_lat_at(action.x, action.y))
                after_change(document_->move_place(story.places[action.place].id, rounded(at->lon), rounded(at->lat)));
            break;
        case EditAction::Kind::draw_relation: {
            NewRelation relation;
            relation.from = story.places[action.place].id;
            relation.to = story.places[action.to_place].id;
            relation.excerpt = last_excerpt_;
            if (const auto e = story.find_excerpt(last_excerpt_); e && story.excerpts[*e].speaker)
                relation.speaker = story.people[*story.excerpts[*e].speaker].id;
            new_relation_ = relation;
            relation_requested_ = true;
            break;
        }
        case EditAction::Kind::add_waypoint: {
            geo::NewWaypoint waypoint;
            if (action.item.kind == geo::StoryItem::Kind::place) {
                const geo::Place& place = story.places[action.item.index];
                waypoint.place = place.id;
                waypoint.lon = place.lon;
                waypoint.lat = place.lat;
            } else if (const auto at = lon_lat_at(action.x, action.y)) {
                waypoint.lon = rounded(at->lon);
                waypoint.lat = rounded(at->lat);
            } else {
                break;
            }
            route_.push_back(waypoint);
            break;
        }
        case EditAction::Kind::finish_route: finish_route(); break;
        case EditAction::Kind::cancel_route: route_.clear(); break;
    }
}

void EditMode::handle_event(const SDL_Event& e) {
    if (!document_) {
        if (e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_e && !ImGui::GetIO().WantTextInput) leave();
        return;
    }
    ImGuiIO& io = ImGui::GetIO();
    Camera& camera = core_.view().camera;
    switch (e.type) {
        case SDL_MOUSEWHEEL:
            if (!io.WantCaptureMouse && e.wheel.y != 0) {
                core_.cancel_flight();
                camera.zoom_about(core_.mouse_x(), core_.mouse_y(), std::pow(kWheelZoomFactor, e.wheel.y));
            }
            break;
        case SDL_MOUSEBUTTONDOWN:
            if (!io.WantCaptureMouse && e.button.button == SDL_BUTTON_LEFT) {
                pressed_on_map_ = true;
                apply(gestures_.press(pointer_at(core_.mouse_x(), core_.mouse_y()), tool_));
            }
            break;
        case SDL_MOUSEMOTION:
            if (pressed_on_map_) apply(gestures_.move(pointer_at(core_.mouse_x(), core_.mouse_y())));
            break;
        case SDL_MOUSEBUTTONUP:
            if (pressed_on_map_ && e.button.button == SDL_BUTTON_LEFT) {
                pressed_on_map_ = false;
                apply(gestures_.release(pointer_at(core_.mouse_x(), core_.mouse_y())));
            }
            break;
        case SDL_KEYDOWN: handle_key(e); break;
        default: break;
    }
}

void EditMode::handle_key(const SDL_Event& e) {
    const ImGuiIO& io = ImGui::GetIO();
    const SDL_Keycode key = e.key.keysym.sym;
    const bool ctrl = (e.key.keysym.mod & KMOD_CTRL) != 0;
    const bool shift = (e.key.keysym.mod & KMOD_SHIFT) != 0;
    if (ctrl) {
        // A text field being typed in keeps its own undo.
        const bool typing = io.WantTextInput;
        if (key == SDLK_s) save();
        if (key == SDLK_q) ask_before(Pending::quit);
        if (key == SDLK_n) panel_.place_search().focus();
        if (!typing && key == SDLK_z) shift ? redo() : undo();
        if (!typing && key == SDLK_y) redo();
        return;
    }
    // A dialog or a field has the keyboard (the F keys work everywhere).
    if (io.WantCaptureKeyboard && (key < SDLK_F1 || key > SDLK_F6)) return;
    const Camera& camera = core_.view().camera;
    switch (key) {
        case SDLK_RETURN:
        case SDLK_KP_ENTER: apply(gestures_.enter(tool_)); break;
        case SDLK_ESCAPE: apply(gestures_.escape(tool_)); break;
        case SDLK_DELETE: delete_selected(); break;
        case SDLK_r:
            tool_ = tool_ == EditTool::route ? EditTool::select : EditTool::route;
            route_.clear();
            break;
        case SDLK_e: ask_before(Pending::leave); break;
        case SDLK_l: core_.toggle_language(); break;
        case SDLK_SPACE: core_.animation().paused = !core_.animation().paused; break;
        case SDLK_LEFT: core_.drag_by(0.1 * camera.width, 0); break;
        case SDLK_RIGHT: core_.drag_by(-0.1 * camera.width, 0); break;
        case SDLK_UP: core_.drag_by(0, 0.1 * camera.height); break;
        case SDLK_DOWN: core_.drag_by(0, -0.1 * camera.height); break;
        case SDLK_PLUS:
        case SDLK_EQUALS:
        case SDLK_KP_PLUS:
            core_.cancel_flight();
            core_.view().camera.zoom_about(0.5 * camera.width, 0.5 * camera.height, 2.0);
            break;
        case SDLK_MINUS:
        case SDLK_KP_MINUS:
            core_.cancel_flight();
            core_.view().camera.zoom_about(0.5 * camera.width, 0.5 * camera.height, 0.5);
            break;
        case SDLK_0:
        case SDLK_KP_0: core_.reset_view(); break;
        case SDLK_F1: help_open_ = !help_open_; break;
        case SDLK_F2: core_.settings().panels.article = !core_.settings().panels.article; break;
        default: break;
    }
}

void EditMode::update() {
    // The editor keeps the camera where the author works: selections do not fly.
    (void)core_.selection().take_flight_request();
    if (!document_ || !core_.take_file_changed()) return;
    // Live reload saw the file change: the editor's own save is no change; another program's is reported.
    const auto on_disk = geo::read_whole_file(document_->story_file());
    if (on_disk && *on_disk == document_->text()) return;
    message_ = tr(UiText::edit_file_changed, ui_language(core_.language()));
    message_is_error_ = true;
}

geo::Gazetteer& EditMode::gazetteer() {
    if (gazetteer_) return *gazetteer_;
    geonames_ = std::make_unique<geo::GeonamesGazetteer>();
    std::vector<geo::Exonym> exonyms;
    std::string label = "assets/gazetteer/exonyms.tsv";
    // Without the exonym table the type-ahead still finds GeoNames' own names.
    if (auto assets = find_assets(core_.options().view.assets); std::holds_alternative<std::filesystem::path>(assets)) {
        const std::filesystem::path table = std::get<std::filesystem::path>(assets) / "gazetteer" / "exonyms.tsv";
        if (const auto text = geo::read_whole_file(table)) {
            geo::ExonymTableParse parse = geo::parse_exonym_table(*text, table.string());
            if (parse.problems.empty()) exonyms = std::move(parse.rows);
        }
    }
    gazetteer_ = std::make_unique<geo::ExonymGazetteer>(*geonames_, std::move(exonyms), label);
    return *gazetteer_;
}

void EditMode::handle_panel(const EditPanelRequests& requests) {
    if (requests.route_tool) {
        tool_ = *requests.route_tool ? EditTool::route : EditTool::select;
        route_.clear();
    }
    if (requests.finish_route) finish_route();
    if (requests.cancel_route) route_.clear();
    if (requests.undo) undo();
    if (requests.redo) redo();
    if (requests.save) save();
    if (requests.delete_selected) delete_selected();
    if (requests.add_slide) add_slide_from_view();
    if (requests.edited) after_change(*requests.edited);
    if (requests.add_city && document_) {
        const geo::GazetteerCity& city = *requests.add_city;
        const geo::EditResult result =
            document_->add_place(city.name, city.lon, city.lat, geo::PlaceRole::city, city.source);
        after_change(result);
        if (result.ok())
            if (const auto index = document_->story().find_place(result.id))
                core_.selection().select(document_->story(), {geo::StoryItem::Kind::place, *index});
    }
    if (requests.leave) ask_before(Pending::leave);
}

// [SECTION] Drawing

void EditMode::draw_ui() {
    core_.report().mode = "edit";
    ImGuiIO& io = ImGui::GetIO();
    const UiLanguage ui = ui_language(core_.language());
    draw_menu_bar(ui);
    StatusBarContent status;
    status.cursor = lon_lat_at(core_.mouse_x(), core_.mouse_y());
    status.projection = core_.view().spec.name;
    status.detail = geo::detail_name(core_.renderer().scene_detail());
    status.zoom = core_.view().camera.zoom(core_.world());
    status.last_build_ms = core_.last_build_ms();
    status.loading = core_.scene_loading();
    status.error = core_.scene_error();
    status.language = language_code(ui);
    draw_status_bar(status);

    // The article on the left (where the reader selects quotations), the editor's panel in the right column, the
    // play controls below the map; the map keeps what they leave free.
    PanelLayoutInput input;
    input.display_width = io.DisplaySize.x;
    input.display_height = io.DisplaySize.y;
    input.top = ImGui::GetFrameHeight();
    input.bottom = status_bar_height();
    const bool with_story = document_.has_value() && core_.has_story();
    input.shown[static_cast<std::size_t>(Panel::article)] = with_story && core_.settings().panels.article;
    input.shown[static_cast<std::size_t>(Panel::people)] = true;  // the editor's panel
    input.sizes = core_.settings().panel_sizes;
    input.ui_scale = ImGui::GetFontSize() / 16.0F;
    input.controls_height = with_story ? animation_strip_height() : 0.0F;
    const PanelLayout layout = layout_panels(input);
    rects_ = layout.panels;

    if (with_story) {
        const geo::Story& story = document_->story();
        draw_animation_strip(core_.animation(), layout.controls, language_code(ui));
        article_panel_.draw(story, core_.story_version(), core_.selection(), core_.settings().article_language,
                            core_.settings().panels.article, rects_, language_code(ui));
        if (const auto range = article_panel_.take_excerpt_request()) {
            const geo::EditResult result = document_->add_excerpt_from_range(range->first, range->second);
            after_change(result);
            if (result.ok()) {
                last_excerpt_ = result.id;
                article_panel_.text_view().clear_selection();
                if (const auto index = document_->story().find_excerpt(result.id))
                    core_.selection().select_excerpt(document_->story(), *index);
            }
        }
        EditPanelStatus panel_status{tool_ == EditTool::route, route_.size(), message_, message_is_error_};
        handle_panel(
            panel_.draw(*document_, document_version_, core_.selection(), gazetteer(), panel_status, rects_, ui));
    } else {
        place_panel(rects_, Panel::people);
        ImGui::Begin(window_title(UiText::edit_panel_title, "edit-panel", ui).c_str(), nullptr,
                     place_panel(rects_, Panel::people));
        ImGui::TextWrapped("%s", tr(UiText::edit_cannot_open, ui));
        for (const std::string& problem : open_problems_) ImGui::TextWrapped("%s", problem.c_str());
        if (ImGui::Button(tr(UiText::edit_back, ui))) leave();
        ImGui::End();
    }
    draw_splitters(layout, core_.settings().panel_sizes);
    core_.set_free_rect(map_pixel_rect(layout, core_.window().pixel_ratio()));
    core_.frame_home_if_pending();
    make_excerpt_point_ = article_panel_.make_excerpt_point();
    draw_new_place_dialog(ui);
    draw_relation_dialog(ui);
    draw_unsaved_dialog(ui);
    draw_refused_dialog(ui);
    draw_help_window(help_open_, language_code(ui), true);
}

void EditMode::draw_menu_bar(UiLanguage ui) {
    if (!ImGui::BeginMainMenuBar()) return;
    const auto t = [ui](UiText key) { return tr(key, ui); };
    const auto menu = [ui](UiText key, std::string_view id, bool enabled = true) {
        return ImGui::BeginMenu(window_title(key, id, ui).c_str(), enabled);
    };
    const bool editing = document_.has_value();
    if (menu(UiText::menu_file, "file")) {
        if (ImGui::MenuItem(t(UiText::edit_save), t(UiText::key_ctrl_s), false, editing)) save();
        if (menu(UiText::menu_recent_stories, "recent", !core_.settings().recent_stories.empty())) {
            for (const std::string& path : core_.settings().recent_stories)
                if (ImGui::MenuItem(path.c_str())) {
                    ask_before(Pending::open, path);
                    break;  // the list may change under us
                }
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::MenuItem(t(UiText::edit_back), t(UiText::key_e))) ask_before(Pending::leave);
        if (ImGui::MenuItem(t(UiText::menu_quit), t(UiText::key_ctrl_q))) ask_before(Pending::quit);
        ImGui::EndMenu();
    }
    if (menu(UiText::menu_edit, "edit", editing)) {
        const geo::EditStep* undo_step = document_->undo_step();
        const geo::EditStep* redo_step = document_->redo_step();
        const std::string undo_label =
            std::string(t(UiText::edit_undo)) + (undo_step ? " " + edit_step_text(*undo_step, ui) : std::string());
        const std::string redo_label =
            std::string(t(UiText::edit_redo)) + (redo_step ? " " + edit_step_text(*redo_step, ui) : std::string());
        if (ImGui::MenuItem(undo_label.c_str(), t(UiText::key_ctrl_z), false, document_->can_undo())) undo();
        if (ImGui::MenuItem(redo_label.c_str(), t(UiText::key_ctrl_shift_z), false, document_->can_redo())) redo();
        ImGui::Separator();
        if (ImGui::MenuItem(t(UiText::edit_tool_route), t(UiText::key_r), tool_ == EditTool::route)) {
            tool_ = tool_ == EditTool::route ? EditTool::select : EditTool::route;
            route_.clear();
        }
        if (ImGui::MenuItem(t(UiText::edit_add_place), t(UiText::key_ctrl_n))) panel_.place_search().focus();
        if (ImGui::MenuItem(t(UiText::edit_add_slide))) add_slide_from_view();
        if (ImGui::MenuItem(
                t(UiText::edit_delete), t(UiText::key_delete), false,
                !core_.selection().selection().selected.empty() || core_.selection().active_excerpt().has_value()))
            delete_selected();
        ImGui::EndMenu();
    }
    if (menu(UiText::menu_view, "view")) {
        if (ImGui::MenuItem(t(UiText::menu_language_german), t(UiText::key_l), ui == UiLanguage::de))
            core_.set_language("de");
        if (ImGui::MenuItem(t(UiText::menu_language_english), t(UiText::key_l), ui == UiLanguage::en))
            core_.set_language("en");
        ImGui::EndMenu();
    }
    // Where the author is, and whether the file is behind: always in sight.
    if (editing) {
        const std::string where = document_->story_file().string() + (document_->dirty() ? " *" : "");
        ImGui::TextDisabled("%s · %s", t(UiText::edit_mode_name), where.c_str());
    }
    ImGui::EndMainMenuBar();
}

void EditMode::draw_new_place_dialog(UiLanguage ui) {
    const std::string title = window_title(UiText::edit_new_place_title, "edit-new-place", ui);
    if (new_place_requested_) {
        ImGui::OpenPopup(title.c_str());
        new_place_name_.clear();
    }
    new_place_requested_ = false;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 24.0F, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr)) return;
    if (new_place_at_)
        ImGui::TextUnformatted(
            formatted(UiText::edit_new_place_prompt, ui, new_place_at_->lat, new_place_at_->lon).c_str());
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    text_field("##name", new_place_name_);
    const bool ok = ImGui::Button(tr(UiText::edit_ok, ui)) || enter_pressed();
    ImGui::SameLine();
    if (ImGui::Button(tr(UiText::cancel_button, ui)) || escape_pressed()) {
        ImGui::CloseCurrentPopup();
    } else if (ok && !new_place_name_.empty() && new_place_at_ && document_) {
        const geo::EditResult result = document_->add_place(new_place_name_, new_place_at_->lon, new_place_at_->lat,
                                                            geo::PlaceRole::city, kHandPlacedSource);
        after_change(result);
        if (result.ok())
            if (const auto index = document_->story().find_place(result.id))
                core_.selection().select(document_->story(), {geo::StoryItem::Kind::place, *index});
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void EditMode::draw_relation_dialog(UiLanguage ui) {
    const std::string title = window_title(UiText::edit_new_relation_title, "edit-new-relation", ui);
    if (relation_requested_) ImGui::OpenPopup(title.c_str());
    relation_requested_ = false;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 28.0F, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr)) return;
    if (!new_relation_ || !document_) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    NewRelation& r = *new_relation_;
    const geo::Story& story = document_->story();
    const std::string language = story.meta.language;
    const auto label = [&](const std::string& id) {
        const auto index = story.find_place(id);
        return index ? story.places[*index].map_label(language) : id;
    };
    ImGui::TextUnformatted((label(r.from) + " → " + label(r.to)).c_str());
    const auto kind_name = [ui](geo::RelationKind kind) {
        const LineStyle& style = relation_style(kind);
        return std::string(ui == UiLanguage::de ? style.name_de : style.name_en);
    };
    if (ImGui::BeginCombo(tr(UiText::edit_kind, ui), kind_name(r.kind).c_str())) {
        for (geo::RelationKind kind : relation_kinds())
            if (ImGui::Selectable(kind_name(kind).c_str(), kind == r.kind)) r.kind = kind;
        ImGui::EndCombo();
    }
    text_field(tr(UiText::edit_date, ui), r.date, tr(UiText::edit_date_hint, ui));
    const auto speaker = story.find_person(r.speaker);
    if (ImGui::BeginCombo(tr(UiText::edit_speaker, ui),
                          speaker ? story.people[*speaker].name.c_str() : tr(UiText::edit_none, ui))) {
        if (ImGui::Selectable(tr(UiText::edit_none, ui), !speaker)) r.speaker.clear();
        for (const geo::Person& person : story.people)
            if (ImGui::Selectable(person.name.c_str(), person.id == r.speaker)) r.speaker = person.id;
        ImGui::EndCombo();
    }
    const auto excerpt = story.find_excerpt(r.excerpt);
    if (ImGui::BeginCombo(tr(UiText::edit_excerpt, ui),
                          excerpt ? story.excerpts[*excerpt].id.c_str() : tr(UiText::edit_none, ui))) {
        if (ImGui::Selectable(tr(UiText::edit_none, ui), !excerpt)) r.excerpt.clear();
        for (const geo::Excerpt& x : story.excerpts) {
            const std::string text = x.id + ": " + x.text.substr(0, std::min<std::size_t>(x.text.size(), 40));
            if (ImGui::Selectable(text.c_str(), x.id == r.excerpt)) r.excerpt = x.id;
        }
        ImGui::EndCombo();
    }
    const bool ok = ImGui::Button(tr(UiText::edit_ok, ui)) || (enter_pressed() && !ImGui::IsAnyItemActive());
    ImGui::SameLine();
    if (ImGui::Button(tr(UiText::cancel_button, ui)) || escape_pressed()) {
        new_relation_.reset();
        ImGui::CloseCurrentPopup();
    } else if (ok) {
        const geo::EditResult result = document_->add_relation(r.from, r.to, r.kind, r.date, r.speaker, r.excerpt);
        after_change(result);
        if (result.ok())
            if (const auto index = document_->story().find_relation(result.id))
                core_.selection().select(document_->story(), {geo::StoryItem::Kind::relation, *index});
        new_relation_.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void EditMode::draw_unsaved_dialog(UiLanguage ui) {
    const std::string title = window_title(UiText::edit_unsaved_title, "edit-unsaved", ui);
    if (unsaved_requested_) ImGui::OpenPopup(title.c_str());
    unsaved_requested_ = false;
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted(tr(UiText::edit_unsaved_prompt, ui));
    Pending answer = Pending::none;
    bool close = false;
    if (ImGui::Button(tr(UiText::edit_save, ui))) {
        save();
        close = true;
        if (document_ && !document_->dirty()) answer = pending_;
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(UiText::edit_discard, ui))) {
        close = true;
        answer = pending_;
        if (document_) {
            // Discarded: the map shows the file again (leaving, quitting and opening all drop the document).
            while (document_->can_undo()) document_->undo();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(UiText::cancel_button, ui)) || escape_pressed()) close = true;
    if (close) {
        pending_ = Pending::none;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    if (answer != Pending::none) carry_out(answer);
}

void EditMode::draw_refused_dialog(UiLanguage ui) {
    const std::string title = window_title(UiText::edit_refused_title, "edit-refused", ui);
    if (refused_requested_) ImGui::OpenPopup(title.c_str());
    refused_requested_ = false;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36.0F, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr)) return;
    ImGui::TextWrapped("%s", formatted(UiText::edit_save_refused, ui, refused_.size()).c_str());
    ImGui::PushTextWrapPos(0.0F);
    for (const std::string& problem : refused_)
        ImGui::TextColored(ImVec4(1.0F, 0.45F, 0.35F, 1.0F), "%s", problem.c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button(tr(UiText::close_button, ui)) || escape_pressed() || enter_pressed()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void EditMode::draw_overlay() {
    if (!document_) return;
    ImDrawList& list = *ImGui::GetBackgroundDrawList();
    const float ratio = core_.pixel_ratio();
    const float scale = ratio * core_.settings().ui_scale;
    const geo::Story& story = document_->story();
    const ImU32 ink = IM_COL32(255, 214, 80, 255);
    // A drag under way: the marker on its way, or the relation being drawn.
    const EditDragPreview preview = gestures_.preview();
    if (preview.kind != EditDragPreview::Kind::none && preview.place < story.places.size()) {
        const ImVec2 to(static_cast<float>(preview.x / ratio), static_cast<float>(preview.y / ratio));
        if (const auto from = core_.place_point(story.places[preview.place].id)) {
            list.AddLine(*from, to,
                         preview.kind == EditDragPreview::Kind::relation ? ink : IM_COL32(255, 255, 255, 140),
                         2.0F * scale);
        }
        if (preview.kind == EditDragPreview::Kind::relation) {
            if (const auto target = core_.place_point(story.places[preview.target.index].id))
                list.AddCircle(*target, 12.0F * scale, ink, 0, 3.0F * scale);
        } else {
            list.AddCircle(to, 7.0F * scale, ink, 0, 2.5F * scale);
        }
    }
    // The route being drawn, up to the pointer.
    if (tool_ == EditTool::route && !route_.empty()) {
        const Camera& camera = core_.view().camera;
        ImVec2 previous;
        bool have_previous = false;
        for (const geo::NewWaypoint& w : route_) {
            const auto xy = core_.projection().forward({w.lon, w.lat});
            if (!xy) {
                have_previous = false;
                continue;
            }
            const geo::XY p = camera.metres_to_pixel(*xy);
            const ImVec2 point(static_cast<float>(p.x / ratio), static_cast<float>(p.y / ratio));
            if (have_previous) list.AddLine(previous, point, ink, 2.5F * scale);
            list.AddCircleFilled(point, 4.0F * scale, ink);
            previous = point;
            have_previous = true;
        }
        if (have_previous && !ImGui::GetIO().WantCaptureMouse)
            list.AddLine(
                previous,
                ImVec2(static_cast<float>(core_.mouse_x() / ratio), static_cast<float>(core_.mouse_y() / ratio)),
                IM_COL32(255, 214, 80, 120), 1.5F * scale);
    }
}

std::optional<ImVec2> EditMode::test_target(std::string_view name) const {
    if (name.starts_with("text:")) {
        std::size_t offset = 0;
        const std::string_view digits = name.substr(5);
        if (std::from_chars(digits.data(), digits.data() + digits.size(), offset).ec != std::errc())
            return std::nullopt;
        const auto at = article_panel_.text_view().screen_position(offset);
        if (!at) return std::nullopt;
        // Just inside the character, half a line down: where a hand would press to start there.
        return ImVec2(at->x + 1.0F, at->y + 0.5F * ImGui::GetTextLineHeight());
    }
    if (name == "ui:add-place") return panel_.place_search().field_point();
    if (name == "ui:make-excerpt") return make_excerpt_point_;
    if (name == "ui:add-slide") return panel_.add_slide_point();
    return std::nullopt;
}

}  // namespace diplomap

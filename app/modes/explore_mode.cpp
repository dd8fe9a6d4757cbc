#include "app/modes/explore_mode.hpp"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <sstream>
#include <vector>

#include "app/modes/export_mode.hpp"
#include "app/platform/pictures_folder.hpp"
#include "app/style/translations.hpp"
#include "app/ui/animation_panel.hpp"
#include "app/ui/edge_indicator.hpp"
#include "app/ui/help_window.hpp"
#include "app/ui/layers_panel.hpp"
#include "app/ui/map_overlay.hpp"
#include "app/ui/people_panel.hpp"
#include "app/ui/splitters.hpp"
#include "app/ui/status_bar.hpp"
#include "app/ui/story_problems_window.hpp"
#include "app/ui/story_tooltip.hpp"
#include "app/ui/timeline_panel.hpp"
#include "geo/map/great_circle.hpp"
#include "geo/story/story_search.hpp"

namespace diplomap {
namespace {

constexpr double kWheelZoomFactor = 1.25;
constexpr double kClickSlopPixels = 4.0;

// A text field's buffer holding `text`, cut to fit.
template <std::size_t N>
void set_buffer(std::array<char, N>& buffer, std::string_view text) {
    const std::size_t n = std::min(text.size(), N - 1);
    std::memcpy(buffer.data(), text.data(), n);
    buffer[n] = '\0';
}

// What a flight to a selected item frames: a place, a relation with its two places and its arc, or a route.
geo::FitTarget target_of(const geo::StoryItem& item) {
    geo::FitTarget target;
    switch (item.kind) {
        case geo::StoryItem::Kind::place: target.places.push_back(item.index); break;
        case geo::StoryItem::Kind::relation: target.relations.push_back(item.index); break;
        case geo::StoryItem::Kind::route: target.routes.push_back(item.index); break;
        case geo::StoryItem::Kind::none: break;
    }
    return target;
}

}  // namespace

ExploreMode::ExploreMode(ViewerCore& core) : core_(core) {
    set_buffer(open_path_, core.options().story.string());
    std::istringstream steps(core.options().test_export);
    std::string item;
    while (steps >> item)
        if (const auto colon = item.find(':'); colon != std::string::npos && colon > 0)
            test_export_.push_back({std::atoi(item.substr(0, colon).c_str()), item.substr(colon + 1)});
}

// An export still running when the window closes is cancelled; the job waits for its worker.
ExploreMode::~ExploreMode() = default;

void ExploreMode::enter() { core_.story_view().set_focus(std::nullopt); }

void ExploreMode::refresh_story() {
    if (seen_story_version_ == core_.story_version()) return;
    seen_story_version_ = core_.story_version();
    if (!core_.has_story()) return;
    const geo::Story& held = core_.story();
    search_ = geo::StorySearch(held);
    legend_ = legend_entries(held);
    timeline_scale_ = geo::TimelineScale(geo::timeline_anchors(held));
}

void ExploreMode::update() {
    refresh_story();
    apply_test_export_steps();
    if (pictures_waiting_ > 0 && !export_job_) start_waiting_picture();
    if (auto item = core_.selection().take_flight_request(); item && core_.has_story())
        core_.fly_to_target(target_of(*item));
}

void ExploreMode::handle_event(const SDL_Event& e) {
    ImGuiIO& io = ImGui::GetIO();
    const float ratio = core_.pixel_ratio();
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
                core_.set_dragging(true);
                press_x_ = core_.mouse_x();
                press_y_ = core_.mouse_y();
                if (e.button.clicks == 2) camera.zoom_about(core_.mouse_x(), core_.mouse_y(), 2.0);
            }
            break;
        case SDL_MOUSEBUTTONUP:
            if (e.button.button == SDL_BUTTON_LEFT && core_.dragging()) {
                core_.set_dragging(false);
                // A press and release in place is a click: it selects what is under the pointer.
                if (std::hypot(core_.mouse_x() - press_x_, core_.mouse_y() - press_y_) < kClickSlopPixels * ratio &&
                    core_.has_story())
                    core_.selection().select(
                        core_.story(),
                        core_.story_view().pick(camera, core_.mouse_x(), core_.mouse_y(), core_.story_frame()));
            }
            break;
        case SDL_KEYDOWN:
            // Shortcuts with Ctrl and the F keys work while a text field has the keyboard too.
            if (e.key.keysym.sym == SDLK_F12) {
                if ((e.key.keysym.mod & KMOD_SHIFT) != 0)
                    open_export_dialog();
                else {
                    ++pictures_waiting_;
                    core_.set_busy(true);
                }
            } else if ((e.key.keysym.mod & KMOD_CTRL) != 0) {
                handle_control_key(e.key.keysym.sym);
            } else if (!io.WantCaptureKeyboard || (e.key.keysym.sym >= SDLK_F1 && e.key.keysym.sym <= SDLK_F6)) {
                handle_key(e.key.keysym.sym);
            }
            break;
        default: break;
    }
}

void ExploreMode::handle_control_key(SDL_Keycode key) {
    switch (key) {
        case SDLK_f: focus_search_ = true; break;
        case SDLK_o: open_dialog_requested_ = true; break;
        case SDLK_e: open_export_dialog(); break;
        case SDLK_q: core_.quit(); break;
        case SDLK_PLUS:
        case SDLK_EQUALS:
        case SDLK_KP_PLUS: core_.step_ui_scale(+1); break;
        case SDLK_MINUS:
        case SDLK_KP_MINUS: core_.step_ui_scale(-1); break;
        case SDLK_0: settings().ui_scale = 1.0F; break;
        default: break;
    }
}

void ExploreMode::handle_key(SDL_Keycode key) {
    const Camera& camera = core_.view().camera;
    const double step_x = 0.1 * camera.width, step_y = 0.1 * camera.height;
    const double cx = 0.5 * camera.width, cy = 0.5 * camera.height;
    AnimationControls& animation = core_.animation();
    switch (key) {
        case SDLK_LEFT: core_.drag_by(step_x, 0); break;
        case SDLK_RIGHT: core_.drag_by(-step_x, 0); break;
        case SDLK_UP: core_.drag_by(0, step_y); break;
        case SDLK_DOWN: core_.drag_by(0, -step_y); break;
        case SDLK_PLUS:
        case SDLK_EQUALS:
        case SDLK_KP_PLUS:
            core_.cancel_flight();
            core_.view().camera.zoom_about(cx, cy, 2.0);
            break;
        case SDLK_MINUS:
        case SDLK_KP_MINUS:
            core_.cancel_flight();
            core_.view().camera.zoom_about(cx, cy, 0.5);
            break;
        case SDLK_0:
        case SDLK_KP_0: core_.reset_view(); break;
        case SDLK_F1: help_open_ = !help_open_; break;
        case SDLK_F2: settings().panels.article = !settings().panels.article; break;
        case SDLK_F3: settings().panels.people = !settings().panels.people; break;
        case SDLK_F4: settings().panels.timeline = !settings().panels.timeline; break;
        case SDLK_F5: settings().panels.layers = !settings().panels.layers; break;
        case SDLK_F6: settings().panels.search = !settings().panels.search; break;
        case SDLK_ESCAPE: core_.selection().clear(); break;
        case SDLK_SPACE: animation.paused = !animation.paused; break;
        case SDLK_LEFTBRACKET: animation.speed = std::max(kMinAnimationSpeed, animation.speed * 0.5); break;
        case SDLK_RIGHTBRACKET: animation.speed = std::min(kMaxAnimationSpeed, animation.speed * 2.0); break;
        case SDLK_HOME: animation.seconds = 0; break;
        case SDLK_l: core_.toggle_language(); break;
        case SDLK_p: wants_present_ = true; break;
        case SDLK_e: wants_edit_ = core_.has_story(); break;
        default: break;
    }
}

void ExploreMode::draw_overlay() {
    if (!core_.has_story()) return;
    ImDrawList& background = *ImGui::GetBackgroundDrawList();
    // Title and legend sit in the free part of the map, beside the panels rather than under them.
    const float ratio = core_.pixel_ratio();
    const geo::PixelRect& free = core_.free_rect();
    const auto left = static_cast<float>(free.left / ratio), top = static_cast<float>(free.top / ratio);
    float below_title = top;
    if (settings().layers.has(Layer::Title))
        below_title = draw_map_title(background, core_.story(), core_.language(), left, top,
                                     static_cast<float>(free.width() / ratio), settings().ui_scale);
    if (settings().layers.has(Layer::Legend))
        draw_map_legend(background, core_.story(), settings().relation_kinds, core_.language(), left, below_title,
                        static_cast<float>(free.bottom / ratio), settings().ui_scale);
    // The credit goes in the free part's corner too: under a panel nobody would see it.
    draw_map_credit(background, static_cast<float>(free.right / ratio), static_cast<float>(free.bottom / ratio),
                    settings().ui_scale);
    draw_edge_indicators(background);
}

// Every main place that is not on the map inside the free area (the home view left it out, or the reader moved
// away) gets an arrow at the border pointing to it, with its name and distance; a click flies there.
void ExploreMode::draw_edge_indicators(ImDrawList& list) {
    const geo::Story& story = core_.story();
    const Camera& camera = core_.view().camera;
    const geo::PixelRect& free = core_.free_rect();
    const float ratio = core_.pixel_ratio();
    const double scale = static_cast<double>(ratio) * settings().ui_scale;
    const double cx = 0.5 * (free.left + free.right), cy = 0.5 * (free.top + free.bottom);
    // Distances and directions off the map are measured from the place at the free area's centre.
    const geo::LonLat centre =
        core_.projection().inverse(camera.pixel_to_metres(cx, cy)).value_or(core_.view().spec.center);
    const geo::StoryGeometry& geometry = core_.story_view().geometry();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool free_mouse = !ImGui::GetIO().WantCaptureMouse;
    for (std::size_t i = 0; i < story.places.size(); ++i) {
        const geo::Place& place = story.places[i];
        if (!place.main) continue;
        double dx = 0, dy = 0;
        if (i < geometry.places.size() && geometry.places[i]) {
            const geo::XY p = camera.metres_to_pixel(*geometry.places[i]);
            if (p.x > free.left && p.x < free.right && p.y > free.top && p.y < free.bottom) continue;
            dx = p.x - cx;
            dy = p.y - cy;
        } else {
            bearing_direction(centre.lon, centre.lat, place.lon, place.lat, dx, dy);
        }
        const std::string text = indicator_text(place.map_label(core_.language()),
                                                geo::GreatCircle(centre, {place.lon, place.lat}).length_m());
        const ImVec2 size = ImGui::CalcTextSize(text.c_str());
        const double arrow = 16.0 * scale;
        const EdgeIndicatorBox box =
            place_edge_indicator(free, dx, dy, 6.0 * scale, arrow, (size.x + 10.0F) * ratio, (size.y + 6.0F) * ratio);
        const bool hovered = free_mouse && mouse.x * ratio >= box.box.left && mouse.x * ratio <= box.box.right &&
                             mouse.y * ratio >= box.box.top && mouse.y * ratio <= box.box.bottom;
        draw_edge_indicator(list, box, text, ratio, static_cast<float>(arrow), hovered);
        if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            geo::FitTarget target;
            target.places.push_back(i);
            core_.fly_to_target(target);
        }
        core_.report().indicators.push_back({place.id, box.box.left, box.box.top, box.box.right, box.box.bottom});
        core_.report().note_string(text);
    }
}

void ExploreMode::draw_menu_bar(UiLanguage ui) {
    if (!ImGui::BeginMainMenuBar()) return;
    const auto t = [ui](UiText key) { return tr(key, ui); };
    // Menu names keep their ImGui id across languages ("###"), so an open menu stays open when L switches.
    const auto menu = [ui](UiText key, std::string_view id, bool enabled = true) {
        return ImGui::BeginMenu(window_title(key, id, ui).c_str(), enabled);
    };
    if (menu(UiText::menu_file, "file")) {
        if (ImGui::MenuItem(t(UiText::menu_open_story), t(UiText::key_ctrl_o))) open_dialog_requested_ = true;
        if (menu(UiText::menu_recent_stories, "recent", !settings().recent_stories.empty())) {
            for (const std::string& path : settings().recent_stories)
                if (ImGui::MenuItem(path.c_str())) {
                    open_story(path);
                    break;  // the list has just changed under us
                }
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::MenuItem(t(UiText::menu_export_view), t(UiText::key_shift_f12))) open_export_dialog();
        ImGui::Separator();
        if (ImGui::MenuItem(t(UiText::menu_quit), t(UiText::key_ctrl_q))) core_.quit();
        ImGui::EndMenu();
    }
    if (menu(UiText::menu_view, "view")) {
        PanelVisibility& p = settings().panels;
        ImGui::MenuItem(t(UiText::panel_article), t(UiText::key_f2), &p.article);
        ImGui::MenuItem(t(UiText::panel_people), t(UiText::key_f3), &p.people);
        ImGui::MenuItem(t(UiText::panel_timeline), t(UiText::key_f4), &p.timeline);
        ImGui::MenuItem(t(UiText::panel_layers), t(UiText::key_f5), &p.layers);
        ImGui::MenuItem(t(UiText::panel_search), t(UiText::key_f6), &p.search);
        ImGui::Separator();
        if (menu(UiText::menu_language, "language")) {
            if (ImGui::MenuItem(t(UiText::menu_language_german), t(UiText::key_l), ui == UiLanguage::de))
                core_.set_language("de");
            if (ImGui::MenuItem(t(UiText::menu_language_english), t(UiText::key_l), ui == UiLanguage::en))
                core_.set_language("en");
            ImGui::EndMenu();
        }
        if (menu(UiText::menu_ui_scale, "ui_scale")) {
            for (float scale : kUiScales) {
                char label[16];
                std::snprintf(label, sizeof label, "%.0f %%", scale * 100.0F);
                if (ImGui::MenuItem(label, nullptr, std::abs(settings().ui_scale - scale) < 1e-3F))
                    settings().ui_scale = scale;
            }
            ImGui::Separator();
            ImGui::TextDisabled("%s, %s", t(UiText::key_ctrl_plus_minus), t(UiText::key_ctrl_zero));
            ImGui::EndMenu();
        }
        if (menu(UiText::menu_article_text, "article_text")) {
            ArticleLanguage& a = settings().article_language;
            if (ImGui::MenuItem(t(UiText::menu_original), nullptr, a == ArticleLanguage::original))
                a = ArticleLanguage::original;
            if (ImGui::MenuItem(t(UiText::menu_english), nullptr, a == ArticleLanguage::translation))
                a = ArticleLanguage::translation;
            if (ImGui::MenuItem(t(UiText::menu_both_side_by_side), nullptr, a == ArticleLanguage::both))
                a = ArticleLanguage::both;
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    if (menu(UiText::menu_projection, "projection")) {
        for (std::string_view name : geo::projection_names()) {
            const std::string label(name);
            if (ImGui::MenuItem(label.c_str(), nullptr, core_.view().spec.name == name)) core_.switch_projection(label);
        }
        ImGui::EndMenu();
    }
    if (menu(UiText::menu_layers, "layers")) {
        draw_layer_menu_items(settings().layers, language_code(ui));
        ImGui::Separator();
        if (menu(UiText::menu_relation_kinds, "relation_kinds")) {
            for (const LegendEntry& entry : legend_) {
                if (entry.kind != LegendEntry::Kind::relation) continue;
                const unsigned bit = 1U << static_cast<unsigned>(entry.relation);
                bool on = (settings().relation_kinds & bit) != 0;
                const std::string label(entry.name(language_code(ui)));
                if (ImGui::MenuItem(label.c_str(), nullptr, &on))
                    settings().relation_kinds =
                        on ? (settings().relation_kinds | bit) : (settings().relation_kinds & ~bit);
            }
            if (ImGui::MenuItem(t(UiText::menu_show_all))) settings().relation_kinds = ~0U;
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    if (menu(UiText::menu_story, "story")) {
        if (ImGui::MenuItem(t(UiText::menu_play), t(UiText::key_space), !core_.animation().paused))
            core_.animation().paused = !core_.animation().paused;
        if (ImGui::MenuItem(t(UiText::menu_play_from_start), t(UiText::key_home))) core_.animation().seconds = 0;
        ImGui::Separator();
        if (ImGui::MenuItem(t(UiText::menu_find), t(UiText::key_ctrl_f))) focus_search_ = true;
        if (ImGui::MenuItem(t(UiText::menu_edit_story), t(UiText::key_e), false, core_.has_story())) wants_edit_ = true;
        if (ImGui::MenuItem(t(UiText::menu_clear_selection), t(UiText::key_escape), false,
                            !core_.selection().selection().selected.empty()))
            core_.selection().clear();
        ImGui::EndMenu();
    }
    if (menu(UiText::menu_help, "help")) {
        if (ImGui::MenuItem(t(UiText::menu_keyboard_shortcuts), t(UiText::key_f1))) help_open_ = true;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void ExploreMode::draw_open_dialog(UiLanguage ui) {
    const std::string title = window_title(UiText::open_title, "open_story", ui);
    if (open_dialog_requested_) ImGui::OpenPopup(title.c_str());
    open_dialog_requested_ = false;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36.0F, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr)) return;
    ImGui::TextUnformatted(tr(UiText::open_prompt, ui));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool entered =
        ImGui::InputText("##path", open_path_.data(), open_path_.size(), ImGuiInputTextFlags_EnterReturnsTrue);
    if (!settings().recent_stories.empty()) {
        ImGui::TextDisabled("%s", tr(UiText::menu_recent_stories, ui));
        for (const std::string& path : settings().recent_stories)
            if (ImGui::Selectable(path.c_str(), path == open_path_.data(), ImGuiSelectableFlags_AllowDoubleClick)) {
                set_buffer(open_path_, path);
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) open_error_ = try_open_story(path, ui);
            }
    }
    if (!open_error_.empty()) ImGui::TextColored(ImVec4(1.0F, 0.45F, 0.35F, 1.0F), "%s", open_error_.c_str());
    if (ImGui::Button(tr(UiText::open_button, ui)) || entered) open_error_ = try_open_story(open_path_.data(), ui);
    ImGui::SameLine();
    if (ImGui::Button(tr(UiText::cancel_button, ui)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        open_error_.clear();
        ImGui::CloseCurrentPopup();
    }
    if (open_error_ == "ok") {
        open_error_.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// "ok", or why the path is no story.
std::string ExploreMode::try_open_story(const std::filesystem::path& path, UiLanguage ui) {
    std::error_code ec;
    const bool folder = std::filesystem::is_directory(path, ec);
    if (folder ? !std::filesystem::exists(path / "story.json", ec) : !std::filesystem::is_regular_file(path, ec))
        return formatted(folder ? UiText::open_no_story_json : UiText::open_not_found, ui, path.string().c_str());
    open_story(path);
    return "ok";
}

void ExploreMode::open_story(const std::filesystem::path& path) {
    core_.open_story(path);
    timeline_.as_of.reset();
    set_buffer(open_path_, path.string());
}

void ExploreMode::open_export_dialog() {
    export_dialog_requested_ = true;
    if (export_.file[0] != '\0') return;
    // First time: the window's size, into the pictures folder under a name that replaces nothing.
    const Camera& camera = core_.view().camera;
    export_.select_preset(0, camera.width, camera.height);
    const std::filesystem::path folder = pictures_folder(pictures_environment());
    export_.set_file(unused_picture_name(folder, std::time(nullptr), export_extension(export_.format)).string());
}

// F12: the view at the window's size, PNG, the export's own look, into the pictures folder under a new name.
void ExploreMode::start_waiting_picture() {
    --pictures_waiting_;
    ExportDialogState picture;
    const Camera& camera = core_.view().camera;
    picture.select_preset(0, camera.width, camera.height);
    picture.set_file(unused_picture_name(pictures_folder(pictures_environment()), std::time(nullptr)).string());
    start_export(picture, true);
}

// The export of the view on screen, as the dialog's (or F12's) choices say, on a worker thread of its own.
// `picture`: F12's, which reports in the status line only.
void ExploreMode::start_export(const ExportDialogState& choices, bool picture) {
    const Camera& camera = core_.view().camera;
    const auto [width, height] = choices.size(camera.width, camera.height);
    ExportRequest request;
    ExportOptions& options = request.still;
    options.view = core_.options().view;
    options.view.projection = core_.view().spec;
    options.view.layers = settings().layers;
    options.width = width;
    options.height = height;
    if (core_.story_view().has_story()) options.story = core_.story_view().story();
    options.story_file = core_.options().story.string();
    options.seconds = core_.animation().seconds;
    options.language = core_.language();
    options.as_of = core_.as_of().as_of;
    options.relation_kinds = settings().relation_kinds;
    // The view is what the window shows of the map: the part the panels leave free, fitted into the image.
    const geo::PixelRect& free = core_.free_rect();
    Camera view = camera;
    view.center = camera.pixel_to_metres(0.5 * (free.left + free.right), 0.5 * (free.top + free.bottom));
    view.width = std::max(1, static_cast<int>(std::lround(free.width())));
    view.height = std::max(1, static_cast<int>(std::lround(free.height())));
    options.camera = view;
    options.force = choices.replace;
    if (choices.scale > 0) options.scale = choices.scale;
    options.supersample = choices.supersample;
    if (choices.dpi() > 0) options.dpi = choices.dpi();
    const std::filesystem::path file = choices.file.data();
    if (is_video(choices.format)) {
        VideoOptions video;
        video.file = file;
        video.fps = choices.fps;
        video.force = choices.replace;
        video.presentation = choices.presentation;
        if (!choices.presentation) {
            video.from = choices.from;
            if (choices.to > choices.from) video.to = choices.to;
        }
        request.video = video;
    } else {
        options.out = file;
        options.transparent = choices.transparent;
        options.world_file = choices.world_file && choices.format == ExportFormat::png;
        if (choices.panels) {
            PicturePanels panels;
            const PanelVisibility& p = settings().panels;
            panels.shown = {p.article, p.people, p.timeline, p.layers, p.search};
            panels.sizes = settings().panel_sizes;
            panels.article_language = settings().article_language;
            options.panels = panels;
        }
    }
    // The pictures folder is made when first used; a folder the reader typed must exist.
    std::error_code ec;
    if (file.parent_path() == pictures_folder(pictures_environment()))
        std::filesystem::create_directories(file.parent_path(), ec);
    export_message_.clear();
    export_failed_ = false;
    export_job_ = std::make_unique<ExportJob>(std::move(request));
    export_is_picture_ = picture;
    core_.set_busy(true);
}

// Once a frame: how far the export is, in the dialog and the status line; its result once it ends.
void ExploreMode::follow_export(UiLanguage ui) {
    if (!export_job_) return;
    if (!export_job_->finished()) {
        ++core_.report().export_frames;
        return;
    }
    const std::string file = export_job_->request().file().string();
    if (export_is_picture_) {
        // F12 says where the picture went, or why there is none, in the status line only.
        if (export_job_->exit_code() == 0) {
            core_.report().saved_picture = file;
            core_.set_notice(formatted(UiText::picture_saved, ui, file.c_str()), false);
        } else {
            core_.set_notice(formatted(UiText::picture_failed, ui, export_job_->error().c_str()), true);
        }
        export_job_.reset();
        core_.set_busy(pictures_waiting_ > 0);
        return;
    }
    if (export_job_->exit_code() == 0) {
        export_message_ = formatted(UiText::export_wrote, ui, file.c_str(), export_job_->seconds_taken());
        core_.report().export_result = "written";
    } else if (export_job_->cancelled()) {
        export_message_ = tr(UiText::export_cancelled, ui);
        core_.report().export_result = "cancelled";
    } else {
        export_message_ = formatted(UiText::export_failed, ui, export_job_->error().c_str());
        export_failed_ = true;
        core_.report().export_result = "failed";
    }
    core_.set_notice(export_message_, export_failed_);
    export_.replace = false;
    export_job_.reset();
    core_.set_busy(pictures_waiting_ > 0);
}

// --test-export: the dialog's choices and buttons at given frames, through what its widgets do.
void ExploreMode::apply_test_export_steps() {
    const Camera& camera = core_.view().camera;
    for (const TestExportStep& step : test_export_) {
        if (step.frame != core_.frame_count()) continue;
        const auto eq = step.action.find('=');
        const std::string name = step.action.substr(0, eq);
        const std::string value = eq == std::string::npos ? std::string() : step.action.substr(eq + 1);
        if (name == "preset") {
            const auto presets = export_presets();
            for (std::size_t i = 0; i < presets.size(); ++i)
                if (value == std::to_string(presets[i].width) + "x" + std::to_string(presets[i].height))
                    export_.select_preset(i, camera.width, camera.height);
        } else if (name == "format") {
            if (auto format = export_format_of("x." + value)) export_.select_format(*format);
        } else if (name == "file") {
            export_.set_file(value);
            if (auto format = export_format_of(value)) export_.format = *format;
        } else if (name == "range") {
            const auto dash = value.find('-');
            export_.from = static_cast<float>(std::atof(value.substr(0, dash).c_str()));
            if (dash != std::string::npos) export_.to = static_cast<float>(std::atof(value.substr(dash + 1).c_str()));
        } else if (name == "fps") {
            export_.fps = std::atoi(value.c_str());
        } else if (name == "panels") {
            export_.panels = true;
        } else if (name == "export") {
            export_.press_export = true;
        } else if (name == "cancel") {
            export_.press_cancel = true;
        } else if (name == "replace") {
            export_.press_replace = true;
        }
    }
}

void ExploreMode::draw_ui() {
    core_.report().mode = "explore";
    ImGuiIO& io = ImGui::GetIO();
    // The one language: menus, panels, labels and captions all follow the core's.
    const UiLanguage ui = ui_language(core_.language());
    const std::string_view panel_language = language_code(ui);
    draw_menu_bar(ui);
    follow_export(ui);
    StatusBarContent status;
    status.cursor = core_.projection().inverse(core_.view().camera.pixel_to_metres(core_.mouse_x(), core_.mouse_y()));
    status.projection = core_.view().spec.name;
    status.detail = geo::detail_name(core_.renderer().scene_detail());
    status.zoom = core_.view().camera.zoom(core_.world());
    status.last_build_ms = core_.last_build_ms();
    status.loading = core_.scene_loading();
    status.error = core_.scene_error();
    status.language = panel_language;
    if (export_job_) {
        const std::string file = export_job_->request().file().filename().string();
        status.notice = formatted(UiText::export_running, ui, file.c_str());
        if (export_job_->share() > 0) {
            char share[16];
            std::snprintf(share, sizeof share, ": %.0f %%", export_job_->share() * 100.0);
            status.notice += share;
            if (const std::string left = time_left_text(export_job_->seconds_left(), ui); !left.empty())
                status.notice += ", " + left;
        }
    } else {
        status.notice = core_.notice();
        status.notice_failed = core_.notice_failed();
    }
    core_.report().note_string(status.notice);
    draw_status_bar(status);

    // The panels' places for this frame: columns at the sides, the timeline (or the play controls) at the bottom,
    // the map in what remains.
    const PanelVisibility& shown = settings().panels;
    PanelLayoutInput input;
    input.display_width = io.DisplaySize.x;
    input.display_height = io.DisplaySize.y;
    input.top = ImGui::GetFrameHeight();
    input.bottom = status_bar_height();
    const bool with_story = core_.story_view().has_story();
    input.shown[static_cast<std::size_t>(Panel::article)] = with_story && shown.article;
    input.shown[static_cast<std::size_t>(Panel::people)] = with_story && shown.people;
    input.shown[static_cast<std::size_t>(Panel::timeline)] = with_story && shown.timeline;
    input.shown[static_cast<std::size_t>(Panel::layers)] = shown.layers;
    input.shown[static_cast<std::size_t>(Panel::search)] = with_story && shown.search;
    input.sizes = settings().panel_sizes;
    input.ui_scale = ImGui::GetFontSize() / 16.0F;
    input.controls_height = with_story ? animation_strip_height() : 0.0F;
    const PanelLayout layout = layout_panels(input);
    rects_ = layout.panels;

    if (with_story) {
        const geo::Story& story = core_.story_view().story();
        const std::optional<std::chrono::year_month_day> as_of = timeline_.as_of;
        if (settings().panels.timeline) {
            if (draw_timeline_panel(story, timeline_scale_, timeline_, core_.animation(), core_.selection(),
                                    panel_language, settings().panels.timeline, rects_)) {
                core_.as_of() = {timeline_.as_of, as_of, core_.animation().seconds};
            }
        } else {
            draw_animation_strip(core_.animation(), layout.controls, panel_language);
        }
        search_panel_.draw(story, search_, core_.selection(), panel_language, focus_person_, focus_search_,
                           settings().panels.search, rects_);
        if (focus_person_) settings().panels.people = true;
        draw_layers_panel(&story, legend_, {settings().layers, settings().relation_kinds}, panel_language,
                          settings().panels.layers, rects_);
        article_panel_.draw(story, core_.story_version(), core_.selection(), settings().article_language,
                            settings().panels.article, rects_, panel_language);
        draw_people_panel(story, core_.selection(), panel_language, focus_person_, settings().panels.people, rects_);
        if (!io.WantCaptureMouse) draw_story_tooltip(story, core_.selection().selection().hovered, core_.language());
    } else {
        draw_layers_panel(nullptr, legend_, {settings().layers, settings().relation_kinds}, panel_language,
                          settings().panels.layers, rects_);
    }
    focus_search_ = false;
    draw_splitters(layout, settings().panel_sizes);
    core_.set_free_rect(map_pixel_rect(layout, core_.window().pixel_ratio()));
    core_.frame_home_if_pending();
    if (core_.watcher())
        draw_story_problems_window(core_.watcher()->problems(), core_.story_view().has_story(), panel_language);
    draw_open_dialog(ui);
    ExportDialogStatus export_status;
    export_status.running = export_job_ != nullptr;
    if (export_job_) {
        export_status.share = export_job_->share();
        export_status.seconds_left = export_job_->seconds_left();
    }
    export_status.message = export_message_;
    export_status.failed = export_failed_;
    export_status.window_width = core_.view().camera.width;
    export_status.window_height = core_.view().camera.height;
    export_status.animation_seconds = core_.animation().length;
    switch (draw_export_dialog(export_, export_status, ui, export_dialog_requested_)) {
        case ExportDialogAction::start:
            if (!export_job_) start_export(export_, false);
            break;
        case ExportDialogAction::cancel:
            if (export_job_) export_job_->cancel();
            break;
        case ExportDialogAction::none: break;
    }
    draw_help_window(help_open_, panel_language);
}

}  // namespace diplomap

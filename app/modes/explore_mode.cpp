#include "app/modes/explore_mode.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ostream>
#include <sstream>
#include <vector>

#include "app/modes/assets.hpp"
#include "app/modes/export_mode.hpp"
#include "app/modes/navigation.hpp"
#include "app/modes/scene_builder.hpp"
#include "app/modes/settings.hpp"
#include "app/modes/story_view.hpp"
#include "app/platform/sdl_window.hpp"
#include "app/render/basemap_cache.hpp"
#include "app/ui/map_overlay.hpp"
#include "app/render/map_renderer.hpp"
#include "app/render/offscreen_target.hpp"
#include "app/render/texture_blit.hpp"
#include "app/ui/animation_panel.hpp"
#include "app/ui/article_panel.hpp"
#include "app/ui/fonts.hpp"
#include "app/ui/help_window.hpp"
#include "app/ui/layers_panel.hpp"
#include "app/ui/panel_layout.hpp"
#include "app/ui/people_panel.hpp"
#include "app/ui/search_panel.hpp"
#include "app/ui/status_bar.hpp"
#include "app/ui/story_problems_window.hpp"
#include "app/ui/story_tooltip.hpp"
#include "app/ui/timeline_panel.hpp"
#include "geo/map/image_file.hpp"
#include "geo/story/selection_model.hpp"
#include "geo/story/story_search.hpp"
#include "geo/story/story_watch.hpp"
#include "geo/story/timeline_scale.hpp"
#include "geo/map/view_fit.hpp"

namespace diplomap {
namespace {

using Clock = std::chrono::steady_clock;
constexpr double kCrossFadeSeconds = 0.45;
constexpr double kWheelZoomFactor = 1.25;
constexpr auto kStoryPollInterval = std::chrono::milliseconds(250);
constexpr double kClickSlopPixels = 4.0;
constexpr double kFlightSeconds = 0.8;
constexpr auto kSettingsSaveDelay = std::chrono::seconds(1);
constexpr std::array<float, 6> kUiScales{1.0F, 1.25F, 1.5F, 1.75F, 2.0F, 2.5F};

// A text field's buffer holding `text`, cut to fit.
template <std::size_t N>
void set_buffer(std::array<char, N>& buffer, std::string_view text) {
    const std::size_t n = std::min(text.size(), N - 1);
    std::memcpy(buffer.data(), text.data(), n);
    buffer[n] = '\0';
}

class ExploreSession {
public:
    ExploreSession(SdlWindow& window, MapRenderer renderer, TextureBlit blit, StoryView story_view,
                   std::filesystem::path basemap_dir, const ExploreOptions& options, Settings settings,
                   std::filesystem::path config_dir, std::ostream& err)
        : window_(window), renderer_(std::move(renderer)), blit_(std::move(blit)), story_view_(std::move(story_view)),
          builder_(std::move(basemap_dir)), options_(options), settings_(std::move(settings)),
          saved_settings_(settings_), config_dir_(std::move(config_dir)), err_(err) {
        // Layers given on the command line win over the remembered ones.
        if (!(options.view.layers == LayerSet::all())) settings_.layers = options.view.layers;
        base_style_ = ImGui::GetStyle();
    }

    // Settings are written when they change and at the end; test and benchmark runs (--quit-after-frames) never
    // write, so they leave no trace in the user's configuration.
    ~ExploreSession() { save_settings_if_changed(true); }
    ExploreSession(const ExploreSession&) = delete;
    ExploreSession& operator=(const ExploreSession&) = delete;

    // Builds the first scene synchronously: the first frame must show the map, not an empty window.
    std::optional<std::string> start() {
        int w = 0, h = 0;
        window_.drawable_size(w, h);
        if (!options_.story.empty()) {
            watcher_.emplace(options_.story);
            if (watcher_->story()) {
                center_on_story(options_.view, *watcher_->story());
                remember_story(settings_, options_.story);
            }
        }
        set_buffer(open_path_, options_.story.string());
        auto projection = geo::Projection::create(options_.view.projection);
        if (auto* error = std::get_if<std::string>(&projection)) return *error;
        projection_.emplace(std::move(std::get<geo::Projection>(projection)));
        view_ = {options_.view.projection, initial_camera(*projection_, options_.view, w, h)};
        const SceneRequest request = wanted_scene();
        SceneResult first = builder_.build_now(request);
        if (!first.mesh) return first.error;
        renderer_.upload(*first.mesh);
        uploaded_request_ = first.request;
        world_ = first.mesh->world;
        requested_ = request;
        story_view_.set_projection(*projection_);
        if (watcher_) {
            take_story();
            for (const geo::Diagnostic& d : watcher_->problems()) err_ << d.to_string() << '\n';
        }
        last_tick_ = Clock::now();
        apply_ui_scale();
        if (options_.seconds) {
            animation_.seconds = *options_.seconds;
            animation_.paused = true;
        }
        return std::nullopt;
    }

    int loop() {
        int frames = 0;
        if (options_.frame_stats && options_.quit_after_frames) {
            frame_ms_.reserve(static_cast<std::size_t>(*options_.quit_after_frames));
            moving_frame_ms_.reserve(static_cast<std::size_t>(*options_.quit_after_frames));
        }
        while (running_) {
            const Clock::time_point frame_start = Clock::now();
            advance_clock();
            poll_story();
            handle_events();
            simulate_drag(frames);
            receive_scene();
            advance_flight();
            request_scene_if_needed();
            // Between frames: these touch the font atlas or make another GL context current.
            apply_ui_scale();
            if (export_requested_) export_current_view();
            draw_frame();
            save_settings_if_changed(false);
            if (options_.frame_stats) {
                glFinish();
                const double ms = std::chrono::duration<double, std::milli>(Clock::now() - frame_start).count();
                frame_ms_.push_back(ms);
                if (view_moving()) moving_frame_ms_.push_back(ms);
                // The first frame after the hand lets go that shows the full scene again.
                if (released_ && !view_moving() && uploaded_request_ == wanted_scene()) {
                    settle_ms_ = std::chrono::duration<double, std::milli>(Clock::now() - *released_).count();
                    released_.reset();
                }
            }
            ++frames;
            if (options_.quit_after_frames && frames >= *options_.quit_after_frames && !builder_.busy()) {
                if (options_.frame_stats) print_frame_stats();
                if (options_.screenshot) return save_screenshot(*options_.screenshot);
                running_ = false;
            }
        }
        return 0;
    }

private:
    void advance_clock() {
        const Clock::time_point now = Clock::now();
        const double dt = std::chrono::duration<double>(now - last_tick_).count();
        last_tick_ = now;
        if (!animation_.paused) animation_.seconds += dt * animation_.speed;
    }

    void poll_story() {
        if (!watcher_) return;
        const Clock::time_point now = Clock::now();
        if (now - last_poll_ < kStoryPollInterval) return;
        last_poll_ = now;
        if (watcher_->poll()) take_story();
    }

    // A new version of the story replaces the old one in place: camera, time and layers stay as they are, and the
    // selection survives when its item still exists.
    void take_story() {
        const auto& story = watcher_->story();
        if (!story) return;
        if (!story_view_.has_story()) {
            const std::string own = story->meta.language.empty() ? "de" : story->meta.language;
            language_ = settings_.language.empty() ? own : settings_.language;
        }
        story_view_.set_story(*story);
        ++story_version_;
        const geo::Story& held = story_view_.story();
        selection_.story_replaced(held);
        search_ = geo::StorySearch(held);
        legend_ = legend_entries(held);
        timeline_scale_ = geo::TimelineScale(geo::timeline_anchors(held));
        animation_.length = std::max(story_view_.play_seconds(), 1.0);
    }

    StoryFrame story_frame() const {
        StoryFrame frame;
        frame.seconds = animation_.seconds;
        frame.layers = settings_.layers;
        frame.relation_kinds = settings_.relation_kinds;
        frame.selection = selection_.selection();
        frame.language = language_;
        frame.ui_scale = settings_.ui_scale;
        frame.pixel_ratio = window_.pixel_ratio();
        frame.as_of = timeline_.as_of;
        frame.previous_as_of = previous_as_of_;
        frame.as_of_changed_seconds = as_of_changed_seconds_;
        return frame;
    }

    void update_hover() {
        if (dragging_ || ImGui::GetIO().WantCaptureMouse) {
            selection_.set_hovered({});
            return;
        }
        selection_.set_hovered(story_view_.pick(view_.camera, mouse_x_, mouse_y_, story_frame()));
    }

    // Benchmarks (--drag-frames): from frame 20, a steady drag of 12 pixels a frame to the left, then a release.
    void simulate_drag(int frame) {
        constexpr int kFirst = 20;
        if (options_.drag_frames <= 0 || frame < kFirst || frame > kFirst + options_.drag_frames) return;
        if (frame == kFirst + options_.drag_frames) {
            dragging_ = false;
            moved_while_dragging_ = false;
            released_ = Clock::now();
            return;
        }
        dragging_ = true;
        moved_while_dragging_ = true;
        drag_view(view_, -12.0 * window_.pixel_ratio(), 0.0);
    }

    // The view is moving under the user's hand or a flight: drawn coarser, and the full level is back on the
    // first frame after it rests (flat maps) or as soon as the worker has rebuilt it (the globe).
    bool view_moving() const { return moved_while_dragging_ || flight_.has_value(); }

    SceneRequest wanted_scene() const {
        const double metres_per_pixel = 1.0 / view_.camera.pixels_per_metre;
        geo::Detail detail = options_.view.detail ? *options_.view.detail : geo::detail_for_scale(metres_per_pixel);
        SceneRequest request{view_.spec, detail, visible_cap_radius_deg(view_)};
        // A turning globe needs a new scene for every step: a coarser one, with only the levels drawn now, keeps
        // up with the hand. Flat maps keep their scene and only draw a coarser level.
        if (turns_globe(view_.spec) && view_moving()) {
            request.detail = geo::coarser(detail);
            request.finest_level = geo::fill_level_for_scale(metres_per_pixel, geo::kMovingSimplifyPixels);
            request.coarsest_level = geo::level_for_scale(metres_per_pixel, geo::kMovingSimplifyPixels);
        }
        return request;
    }

    void request_scene_if_needed() {
        const SceneRequest wanted = wanted_scene();
        if (wanted == requested_) return;
        requested_ = wanted;
        builder_.request(wanted);
    }

    void receive_scene() {
        auto result = builder_.take_finished();
        if (!result) return;
        if (!result->mesh) {
            status_error_ = result->error;
            return;
        }
        status_error_.clear();
        const bool new_projection = result->mesh->spec.name != renderer_.scene_spec().name ||
                                    result->mesh->spec.custom != renderer_.scene_spec().custom;
        if (new_projection) start_cross_fade();
        renderer_.upload(*result->mesh);
        uploaded_request_ = result->request;
        last_build_ms_ = result->build_ms;
        if (new_projection) {
            // Keep looking at the same place at the same relative zoom in the new projection.
            const double zoom = view_.camera.zoom(world_);
            world_ = result->mesh->world;
            auto projection = geo::Projection::create(result->mesh->spec);
            if (auto* p = std::get_if<geo::Projection>(&projection)) projection_.emplace(std::move(*p));
            geo::XY center{0.5 * (world_.min_x + world_.max_x), 0.5 * (world_.min_y + world_.max_y)};
            if (zoom > 0.5)
                if (auto c = projection_->forward(fade_anchor_)) center = *c;
            view_.camera = Camera::fit(world_, view_.camera.width, view_.camera.height, zoom, center);
        } else if (result->mesh->spec.center.lon != projection_->spec().center.lon ||
                   result->mesh->spec.center.lat != projection_->spec().center.lat) {
            auto projection = geo::Projection::create(result->mesh->spec);
            if (auto* p = std::get_if<geo::Projection>(&projection)) projection_.emplace(std::move(*p));
        }
        // The story follows the basemap on screen, so arcs and coasts always share one projection.
        story_view_.set_projection(*projection_);
    }

    void start_cross_fade() {
        auto target = OffscreenTarget::create(view_.camera.width, view_.camera.height);
        if (auto* t = std::get_if<OffscreenTarget>(&target)) {
            t->bind();
            renderer_.draw(view_.camera, settings_.layers, style_, window_.pixel_ratio());
            story_view_.draw_lines(view_.camera, story_frame());
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
            snapshot_.emplace(std::move(*t));
            fade_start_ = Clock::now();
        }
    }

    void switch_projection(const std::string& name) {
        geo::ProjectionSpec spec = view_.spec;
        spec.name = name;
        // The new projection centres on what the user looks at now.
        const geo::XY middle = view_.camera.center;
        if (auto ll = projection_->inverse(middle)) {
            fade_anchor_ = *ll;
            spec.center = *ll;
        } else {
            fade_anchor_ = spec.center;
        }
        if (is_world_map(spec)) spec.center.lat = 0;
        view_.spec = spec;
    }

    void handle_events() {
        SDL_Event e;
        ImGuiIO& io = ImGui::GetIO();
        const float ratio = window_.pixel_ratio();
        while (SDL_PollEvent(&e)) {
            ImGui_ImplSDL2_ProcessEvent(&e);
            switch (e.type) {
                case SDL_QUIT: running_ = false; break;
                case SDL_WINDOWEVENT:
                    if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                        int w = 0, h = 0;
                        window_.drawable_size(w, h);
                        view_.camera.width = std::max(w, 1);
                        view_.camera.height = std::max(h, 1);
                    }
                    break;
                case SDL_MOUSEWHEEL:
                    if (!io.WantCaptureMouse && e.wheel.y != 0) flight_.reset();
                    if (!io.WantCaptureMouse && e.wheel.y != 0)
                        view_.camera.zoom_about(mouse_x_, mouse_y_, std::pow(kWheelZoomFactor, e.wheel.y));
                    break;
                case SDL_MOUSEBUTTONDOWN:
                    if (!io.WantCaptureMouse && e.button.button == SDL_BUTTON_LEFT) {
                        flight_.reset();
                        dragging_ = true;
                        moved_while_dragging_ = false;
                        press_x_ = mouse_x_;
                        press_y_ = mouse_y_;
                        if (e.button.clicks == 2) view_.camera.zoom_about(mouse_x_, mouse_y_, 2.0);
                    }
                    break;
                case SDL_MOUSEBUTTONUP:
                    if (e.button.button == SDL_BUTTON_LEFT && dragging_) {
                        dragging_ = false;
                        moved_while_dragging_ = false;
                        // A press and release in place is a click: it selects what is under the pointer.
                        if (std::hypot(mouse_x_ - press_x_, mouse_y_ - press_y_) < kClickSlopPixels * ratio &&
                            story_view_.has_story())
                            selection_.select(story_view_.story(),
                                              story_view_.pick(view_.camera, mouse_x_, mouse_y_, story_frame()));
                    }
                    break;
                case SDL_MOUSEMOTION:
                    mouse_x_ = e.motion.x * ratio;
                    mouse_y_ = e.motion.y * ratio;
                    if (dragging_ && (e.motion.xrel != 0 || e.motion.yrel != 0)) {
                        drag_view(view_, e.motion.xrel * ratio, e.motion.yrel * ratio);
                        moved_while_dragging_ = true;
                    }
                    break;
                case SDL_KEYDOWN:
                    // Shortcuts with Ctrl and the F keys work while a text field has the keyboard too.
                    if ((e.key.keysym.mod & KMOD_CTRL) != 0) {
                        handle_control_key(e.key.keysym.sym);
                    } else if (!io.WantCaptureKeyboard ||
                               (e.key.keysym.sym >= SDLK_F1 && e.key.keysym.sym <= SDLK_F6)) {
                        handle_key(e.key.keysym.sym);
                    }
                    break;
                default: break;
            }
        }
    }

    void handle_control_key(SDL_Keycode key) {
        switch (key) {
            case SDLK_f: focus_search_ = true; break;
            case SDLK_o: open_dialog_requested_ = true; break;
            case SDLK_e: export_dialog_requested_ = true; break;
            case SDLK_q: running_ = false; break;
            case SDLK_PLUS:
            case SDLK_EQUALS:
            case SDLK_KP_PLUS: step_ui_scale(+1); break;
            case SDLK_MINUS:
            case SDLK_KP_MINUS: step_ui_scale(-1); break;
            case SDLK_0: settings_.ui_scale = 1.0F; break;
            default: break;
        }
    }

    void step_ui_scale(int direction) {
        const auto current =
            std::find_if(kUiScales.begin(), kUiScales.end(), [&](float s) { return s >= settings_.ui_scale - 1e-3F; });
        const auto i = static_cast<int>(current - kUiScales.begin());
        const int next = std::clamp(i + direction, 0, static_cast<int>(kUiScales.size()) - 1);
        settings_.ui_scale = kUiScales[static_cast<std::size_t>(next)];
    }

    void handle_key(SDL_Keycode key) {
        flight_.reset();
        const double step_x = 0.1 * view_.camera.width, step_y = 0.1 * view_.camera.height;
        const double cx = 0.5 * view_.camera.width, cy = 0.5 * view_.camera.height;
        switch (key) {
            case SDLK_LEFT: drag_view(view_, step_x, 0); break;
            case SDLK_RIGHT: drag_view(view_, -step_x, 0); break;
            case SDLK_UP: drag_view(view_, 0, step_y); break;
            case SDLK_DOWN: drag_view(view_, 0, -step_y); break;
            case SDLK_PLUS:
            case SDLK_EQUALS:
            case SDLK_KP_PLUS: view_.camera.zoom_about(cx, cy, 2.0); break;
            case SDLK_MINUS:
            case SDLK_KP_MINUS: view_.camera.zoom_about(cx, cy, 0.5); break;
            case SDLK_0:
            case SDLK_KP_0:
                view_.spec = options_.view.projection;
                if (auto p = geo::Projection::create(view_.spec); std::holds_alternative<geo::Projection>(p)) {
                    view_.camera = initial_camera(std::get<geo::Projection>(p), options_.view, view_.camera.width,
                                                  view_.camera.height);
                }
                break;
            case SDLK_F1: help_open_ = !help_open_; break;
            case SDLK_F2: settings_.panels.article = !settings_.panels.article; break;
            case SDLK_F3: settings_.panels.people = !settings_.panels.people; break;
            case SDLK_F4: settings_.panels.timeline = !settings_.panels.timeline; break;
            case SDLK_F5: settings_.panels.layers = !settings_.panels.layers; break;
            case SDLK_F6: settings_.panels.search = !settings_.panels.search; break;
            case SDLK_ESCAPE: selection_.clear(); break;
            case SDLK_SPACE: animation_.paused = !animation_.paused; break;
            case SDLK_LEFTBRACKET: animation_.speed = std::max(kMinAnimationSpeed, animation_.speed * 0.5); break;
            case SDLK_RIGHTBRACKET: animation_.speed = std::min(kMaxAnimationSpeed, animation_.speed * 2.0); break;
            case SDLK_HOME: animation_.seconds = 0; break;
            case SDLK_l: set_language(language_ == "en" ? story_language() : "en"); break;
            default: break;
        }
    }

    void set_language(const std::string& language) {
        language_ = language;
        settings_.language = language == story_language() ? std::string() : language;
    }

    void draw_menu_bar() {
        if (!ImGui::BeginMainMenuBar()) return;
        if (ImGui::BeginMenu("File")) {
            if (ImGui::MenuItem("Open story...", "Ctrl+O")) open_dialog_requested_ = true;
            if (ImGui::BeginMenu("Recent stories", !settings_.recent_stories.empty())) {
                for (const std::string& path : settings_.recent_stories)
                    if (ImGui::MenuItem(path.c_str())) {
                        open_story(path);
                        break;  // the list has just changed under us
                    }
                ImGui::EndMenu();
            }
            ImGui::Separator();
            if (ImGui::MenuItem("Export current view...", "Ctrl+E")) export_dialog_requested_ = true;
            ImGui::Separator();
            if (ImGui::MenuItem("Quit", "Ctrl+Q")) running_ = false;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("View")) {
            PanelVisibility& p = settings_.panels;
            ImGui::MenuItem("Article", "F2", &p.article);
            ImGui::MenuItem("People", "F3", &p.people);
            ImGui::MenuItem("Timeline", "F4", &p.timeline);
            ImGui::MenuItem("Layers and legend", "F5", &p.layers);
            ImGui::MenuItem("Search", "F6", &p.search);
            ImGui::Separator();
            if (ImGui::BeginMenu("UI scale")) {
                for (float scale : kUiScales) {
                    char label[16];
                    std::snprintf(label, sizeof label, "%.0f %%", scale * 100.0F);
                    if (ImGui::MenuItem(label, nullptr, std::abs(settings_.ui_scale - scale) < 1e-3F))
                        settings_.ui_scale = scale;
                }
                ImGui::Separator();
                ImGui::TextDisabled("Ctrl+plus / Ctrl+minus, Ctrl+0");
                ImGui::EndMenu();
            }
            if (ImGui::BeginMenu("Article text")) {
                ArticleLanguage& a = settings_.article_language;
                if (ImGui::MenuItem("Original", nullptr, a == ArticleLanguage::original)) a = ArticleLanguage::original;
                if (ImGui::MenuItem("English", nullptr, a == ArticleLanguage::translation))
                    a = ArticleLanguage::translation;
                if (ImGui::MenuItem("Both side by side", nullptr, a == ArticleLanguage::both))
                    a = ArticleLanguage::both;
                ImGui::EndMenu();
            }
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Projection")) {
            for (std::string_view name : geo::projection_names()) {
                const std::string label(name);
                if (ImGui::MenuItem(label.c_str(), nullptr, view_.spec.name == name)) switch_projection(label);
            }
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Layers")) {
            draw_layer_menu_items(settings_.layers);
            ImGui::Separator();
            if (ImGui::BeginMenu("Relation kinds")) {
                for (const LegendEntry& entry : legend_) {
                    if (entry.kind != LegendEntry::Kind::relation) continue;
                    const unsigned bit = 1U << static_cast<unsigned>(entry.relation);
                    bool on = (settings_.relation_kinds & bit) != 0;
                    const std::string label(entry.name("en"));
                    if (ImGui::MenuItem(label.c_str(), nullptr, &on))
                        settings_.relation_kinds =
                            on ? (settings_.relation_kinds | bit) : (settings_.relation_kinds & ~bit);
                }
                if (ImGui::MenuItem("Show all")) settings_.relation_kinds = ~0U;
                ImGui::EndMenu();
            }
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Story")) {
            if (ImGui::MenuItem("Play", "Space", !animation_.paused)) animation_.paused = !animation_.paused;
            if (ImGui::MenuItem("Play from the start", "Home")) animation_.seconds = 0;
            ImGui::Separator();
            const std::string original = "Labels in the story's language (" + story_language() + ")";
            if (ImGui::MenuItem(original.c_str(), "L", language_ != "en")) set_language(story_language());
            if (ImGui::MenuItem("Labels in English", "L", language_ == "en")) set_language("en");
            ImGui::Separator();
            if (ImGui::MenuItem("Find place or person", "Ctrl+F")) focus_search_ = true;
            if (ImGui::MenuItem("Clear selection", "Escape", false, !selection_.selection().selected.empty()))
                selection_.clear();
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Help")) {
            if (ImGui::MenuItem("Keyboard shortcuts", "F1")) help_open_ = true;
            ImGui::EndMenu();
        }
        ImGui::EndMainMenuBar();
    }

    void draw_open_dialog() {
        if (open_dialog_requested_) ImGui::OpenPopup("Open story");
        open_dialog_requested_ = false;
        ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36.0F, 0), ImGuiCond_Appearing);
        if (!ImGui::BeginPopupModal("Open story", nullptr)) return;
        ImGui::TextUnformatted("A story folder (holding story.json) or a story.json file:");
        ImGui::SetNextItemWidth(-1);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        const bool entered =
            ImGui::InputText("##path", open_path_.data(), open_path_.size(), ImGuiInputTextFlags_EnterReturnsTrue);
        if (!settings_.recent_stories.empty()) {
            ImGui::TextDisabled("Recent stories");
            for (const std::string& path : settings_.recent_stories)
                if (ImGui::Selectable(path.c_str(), path == open_path_.data(), ImGuiSelectableFlags_AllowDoubleClick)) {
                    set_buffer(open_path_, path);
                    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) open_error_ = try_open_story(path);
                }
        }
        if (!open_error_.empty()) ImGui::TextColored(ImVec4(1.0F, 0.45F, 0.35F, 1.0F), "%s", open_error_.c_str());
        if (ImGui::Button("Open") || entered) open_error_ = try_open_story(open_path_.data());
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
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
    std::string try_open_story(const std::filesystem::path& path) {
        std::error_code ec;
        const bool folder = std::filesystem::is_directory(path, ec);
        if (folder ? !std::filesystem::exists(path / "story.json", ec) : !std::filesystem::is_regular_file(path, ec))
            return folder ? "No story.json in " + path.string() : "Not found: " + path.string();
        open_story(path);
        return "ok";
    }

    // The new story replaces the old one; its problems show in the problems window as with live reload.
    void open_story(const std::filesystem::path& path) {
        watcher_.emplace(path);
        selection_.clear();
        timeline_.as_of.reset();
        story_view_.clear_story();
        if (watcher_->story()) {
            remember_story(settings_, path);
            take_story();
            language_ = settings_.language.empty() ? story_language() : settings_.language;
            show_everything_of_story();
        }
        set_buffer(open_path_, path.string());
    }

    void show_everything_of_story() {
        if (!story_view_.has_story()) return;
        std::vector<geo::LonLat> points;
        for (const geo::Place& p : story_view_.story().places)
            if (p.main) points.push_back({p.lon, p.lat});
        if (points.empty())
            for (const geo::Place& p : story_view_.story().places) points.push_back({p.lon, p.lat});
        fly_to_points(points);
    }

    void draw_export_dialog() {
        if (export_dialog_requested_) {
            ImGui::OpenPopup("Export current view");
            export_width_ = view_.camera.width;
            export_height_ = view_.camera.height;
            if (export_path_[0] == '\0') set_buffer(export_path_, "diplomap-view.png");
        }
        export_dialog_requested_ = false;
        ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 32.0F, 0), ImGuiCond_Appearing);
        if (!ImGui::BeginPopupModal("Export current view", nullptr)) return;
        ImGui::TextWrapped(
            "The map as it is on screen, without the panels, through the same code as diplomap "
            "export. The file name decides the format: .png, or .tif for a georeferenced GeoTIFF.");
        ImGui::SetNextItemWidth(-1);
        ImGui::InputText("##file", export_path_.data(), export_path_.size());
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0F);
        ImGui::InputInt2("size (pixels)", &export_width_);
        export_width_ = std::clamp(export_width_, 16, 16384);
        export_height_ = std::clamp(export_height_, 16, 16384);
        if (!export_message_.empty()) ImGui::TextWrapped("%s", export_message_.c_str());
        if (ImGui::Button("Export")) export_requested_ = true;
        ImGui::SameLine();
        if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            export_message_.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    // Runs between frames: the export makes its own headless GL context current, then the window's again.
    void export_current_view() {
        export_requested_ = false;
        ExportOptions options;
        options.view = options_.view;
        options.view.projection = view_.spec;
        options.view.layers = settings_.layers;
        options.out = export_path_.data();
        options.width = export_width_;
        options.height = export_height_;
        if (story_view_.has_story()) options.story = story_view_.story();
        options.seconds = animation_.seconds;
        options.language = language_;
        options.as_of = timeline_.as_of;
        options.relation_kinds = settings_.relation_kinds;
        options.camera = view_.camera;
        options.force = true;  // the file was chosen in the export dialog, which replaces as saving does
        std::ostringstream errors;
        const Clock::time_point start = Clock::now();
        // GLX (the window) and EGL (the export) contexts cannot both be current on one thread: EGL refuses with
        // EGL_BAD_ACCESS. The window's context goes first and comes back after.
        window_.release_current();
        const int code = run_export(options, errors);
        window_.make_current();
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        char done[96];
        std::snprintf(done, sizeof done, " in %.1f s", seconds);
        export_message_ = code == 0 ? "Wrote " + options.out.string() + done : errors.str();
    }

    void draw_ui() {
        ImGuiIO& io = ImGui::GetIO();
        draw_menu_bar();
        const float top = ImGui::GetFrameHeight();
        StatusBarContent status;
        status.cursor = projection_->inverse(view_.camera.pixel_to_metres(mouse_x_, mouse_y_));
        status.projection = view_.spec.name;
        status.detail = geo::detail_name(renderer_.scene_detail());
        status.zoom = view_.camera.zoom(world_);
        status.last_build_ms = last_build_ms_;
        status.loading = builder_.busy();
        status.error = status_error_;
        draw_status_bar(status);
        const float bottom = status_bar_height();
        rects_.clear();
        const std::string_view panel_language = language_ == "de" ? "de" : "en";
        if (story_view_.has_story()) {
            const geo::Story& story = story_view_.story();
            const std::optional<std::chrono::year_month_day> as_of = timeline_.as_of;
            if (settings_.panels.timeline) {
                if (draw_timeline_panel(story, timeline_scale_, timeline_, animation_, selection_, panel_language,
                                        settings_.panels.timeline, rects_)) {
                    previous_as_of_ = as_of;
                    as_of_changed_seconds_ = animation_.seconds;
                }
            } else {
                draw_animation_panel(animation_, bottom);
            }
            search_panel_.draw(story, search_, selection_, panel_language, focus_person_, focus_search_,
                               settings_.panels.search, rects_);
            if (focus_person_) settings_.panels.people = true;
            draw_layers_panel(&story, legend_, {settings_.layers, settings_.relation_kinds}, panel_language,
                              settings_.panels.layers, rects_);
            article_panel_.draw(story, story_version_, selection_, settings_.article_language, settings_.panels.article,
                                rects_, panel_language);
            draw_people_panel(story, selection_, panel_language, focus_person_, settings_.panels.people, rects_);
            if (!io.WantCaptureMouse) draw_story_tooltip(story, selection_.selection().hovered, language_);
        } else {
            draw_layers_panel(nullptr, legend_, {settings_.layers, settings_.relation_kinds}, panel_language,
                              settings_.panels.layers, rects_);
        }
        focus_search_ = false;
        free_rect_ = free_map_rect(rects_, io.DisplaySize.x, io.DisplaySize.y, top, bottom, window_.pixel_ratio());
        if (watcher_) draw_story_problems_window(watcher_->problems(), story_view_.has_story());
        draw_open_dialog();
        draw_export_dialog();
        draw_help_window(help_open_);
    }

    // The flight starts from wherever the view is now and ends with every point inside the free part of the map.
    void fly_to_points(const std::vector<geo::LonLat>& points) {
        const auto to =
            geo::fit_view(view_.spec, turns_globe(view_.spec), points, view_.camera.width, view_.camera.height,
                          free_rect_, 40.0 * window_.pixel_ratio() * settings_.ui_scale);
        if (!to) return;
        flight_ = Flight{{view_.spec.center, {view_.camera.center, view_.camera.pixels_per_metre}}, *to, Clock::now()};
    }

    void advance_flight() {
        if (!flight_) return;
        const double t = std::chrono::duration<double>(Clock::now() - flight_->start).count() / kFlightSeconds;
        const geo::ViewPose pose = geo::interpolate_view(flight_->from, flight_->to, geo::ease_in_out(t));
        if (turns_globe(view_.spec)) view_.spec.center = pose.center;
        view_.camera.center = pose.camera.center;
        view_.camera.pixels_per_metre = pose.camera.pixels_per_metre;
        if (t >= 1.0) flight_.reset();
    }

    void apply_ui_scale() {
        if (settings_.ui_scale == applied_ui_scale_) return;
        settings_.ui_scale = std::clamp(settings_.ui_scale, Settings::kMinUiScale, Settings::kMaxUiScale);
        applied_ui_scale_ = settings_.ui_scale;
        ImGuiIO& io = ImGui::GetIO();
        const float ratio = window_.pixel_ratio();
        // The atlas is rebuilt at the new size rather than scaled, so text stays sharp on projectors and HiDPI.
        io.Fonts->Clear();
        add_ui_font(*io.Fonts, 16.0F * ratio * settings_.ui_scale);
        io.FontGlobalScale = 1.0F / ratio;
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        ImGui::GetStyle() = base_style_;
        ImGui::GetStyle().ScaleAllSizes(settings_.ui_scale);
    }

    void save_settings_if_changed(bool at_exit) {
        if (options_.quit_after_frames || settings_ == saved_settings_) return;
        const Clock::time_point now = Clock::now();
        if (!(settings_ == pending_settings_)) {
            pending_settings_ = settings_;
            settings_changed_ = now;
        }
        // A slider dragged across ten values writes once, after it rests.
        if (!at_exit && now - settings_changed_ < kSettingsSaveDelay) return;
        if (auto error = save_settings(config_dir_, settings_))
            err_ << "diplomap: settings not saved: " << *error << '\n';
        saved_settings_ = settings_;
    }

    std::string story_language() const {
        return story_view_.has_story() && !story_view_.story().meta.language.empty() ? story_view_.story().meta.language
                                                                                     : "de";
    }

    void draw_frame() {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        ImGui::NewFrame();
        update_hover();
        draw_ui();
        if (auto item = selection_.take_flight_request(); item && story_view_.has_story())
            fly_to_points(geo::points_of(story_view_.story(), *item));
        const StoryFrame frame = story_frame();
        ImDrawList& background = *ImGui::GetBackgroundDrawList();
        story_view_.draw_marks(background, view_.camera, frame);
        if (story_view_.has_story()) {
            // Title and legend sit in the free part of the map, beside the panels rather than under them.
            const float ratio = window_.pixel_ratio();
            const geo::PixelRect& free = free_rect_;
            const auto left = static_cast<float>(free.left / ratio), top = static_cast<float>(free.top / ratio);
            float below_title = top;
            if (settings_.layers.has(Layer::Title))
                below_title = draw_map_title(background, story_view_.story(), language_, left, top,
                                             static_cast<float>(free.width() / ratio), settings_.ui_scale);
            if (settings_.layers.has(Layer::Legend))
                draw_map_legend(background, story_view_.story(), settings_.relation_kinds, language_, left, below_title,
                                static_cast<float>(free.bottom / ratio), settings_.ui_scale);
        }
        // The credit goes in the free part's corner too: under a panel nobody would see it.
        draw_map_credit(background, static_cast<float>(free_rect_.right / window_.pixel_ratio()),
                        static_cast<float>(free_rect_.bottom / window_.pixel_ratio()), settings_.ui_scale);
        ImGui::Render();

        renderer_.set_simplify_pixels(view_moving() ? geo::kMovingSimplifyPixels : geo::kSimplifyPixels);
        basemap_cache_.draw(renderer_, view_.camera, settings_.layers, style_, window_.pixel_ratio());
        story_view_.draw_lines(view_.camera, frame);
        if (snapshot_) {
            const double t = std::chrono::duration<double>(Clock::now() - fade_start_).count() / kCrossFadeSeconds;
            if (t >= 1.0 || snapshot_->width() != view_.camera.width || snapshot_->height() != view_.camera.height) {
                snapshot_.reset();
            } else {
                blit_.draw(snapshot_->color_texture(), static_cast<float>(1.0 - t * t * (3 - 2 * t)));
            }
        }
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        last_frame_ = read_back_if_needed();
        window_.swap();
    }

    std::optional<RgbaImage> read_back_if_needed() {
        if (!options_.screenshot || !options_.quit_after_frames) return std::nullopt;
        RgbaImage image{view_.camera.width, view_.camera.height, {}};
        image.pixels.resize(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, image.width, image.height, GL_RGBA, GL_UNSIGNED_BYTE, image.pixels.data());
        const std::size_t row = static_cast<std::size_t>(image.width) * 4;
        for (int y = 0; y < image.height / 2; ++y)
            std::swap_ranges(image.pixels.begin() + static_cast<std::ptrdiff_t>(y * row),
                             image.pixels.begin() + static_cast<std::ptrdiff_t>((y + 1) * row),
                             image.pixels.begin() + static_cast<std::ptrdiff_t>((image.height - 1 - y) * row));
        for (std::size_t i = 3; i < image.pixels.size(); i += 4) image.pixels[i] = 255;  // the window is opaque
        return image;
    }

    // The first frames pay for shader compiles and the first scene; the figures are of the frames after them.
    // Frames while the view moves (a drag or a flight) are also reported on their own.
    void print_frame_stats() {
        constexpr std::size_t kWarmUp = 10;
        if (frame_ms_.size() <= kWarmUp) return;
        const auto print = [](const char* what, std::vector<double> ms) {
            std::sort(ms.begin(), ms.end());
            const double median = ms[ms.size() / 2];
            const double p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
            std::printf("%s median %.2f p95 %.2f frames %zu\n", what, median, p95, ms.size());
        };
        print("frame-ms", std::vector<double>(frame_ms_.begin() + kWarmUp, frame_ms_.end()));
        if (!moving_frame_ms_.empty()) print("moving-frame-ms", moving_frame_ms_);
        if (settle_ms_) std::printf("settle-ms %.1f\n", *settle_ms_);
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::printf("peak-rss-mb %ld\n", usage.ru_maxrss / 1024);
    }

    int save_screenshot(const std::filesystem::path& file) {
        running_ = false;
        if (!last_frame_) return 1;
        if (auto error = geo::write_rgba_image(file, last_frame_->width, last_frame_->height, last_frame_->pixels,
                                               std::nullopt)) {
            std::fprintf(stderr, "diplomap: %s\n", error->c_str());
            return 1;
        }
        return 0;
    }

    SdlWindow& window_;
    MapRenderer renderer_;
    TextureBlit blit_;
    StoryView story_view_;
    BasemapCache basemap_cache_;
    SceneBuilder builder_;
    ExploreOptions options_;
    Settings settings_;
    Settings saved_settings_;    // as last written (or read)
    Settings pending_settings_;  // the latest change, waiting to rest before it is written
    Clock::time_point settings_changed_;
    std::filesystem::path config_dir_;
    float applied_ui_scale_ = 1.0F;  // the scale the font atlas and style were built for
    ImGuiStyle base_style_;
    std::ostream& err_;
    std::optional<geo::StoryWatcher> watcher_;
    Clock::time_point last_poll_;
    Clock::time_point last_tick_;
    AnimationControls animation_;
    geo::SelectionModel selection_;
    std::uint64_t story_version_ = 0;
    geo::StorySearch search_;
    std::vector<LegendEntry> legend_;
    geo::TimelineScale timeline_scale_;
    TimelineState timeline_;
    std::optional<std::chrono::year_month_day> previous_as_of_;
    double as_of_changed_seconds_ = -1e9;
    ArticlePanel article_panel_;
    SearchPanel search_panel_;
    std::optional<std::size_t> focus_person_;
    bool focus_search_ = false;
    PanelRects rects_;
    geo::PixelRect free_rect_;
    struct Flight {
        geo::ViewPose from, to;
        Clock::time_point start;
    };
    std::optional<Flight> flight_;
    std::array<char, 1024> open_path_{};
    std::string open_error_;
    bool open_dialog_requested_ = false;
    std::array<char, 1024> export_path_{};
    int export_width_ = 1920, export_height_ = 1080;
    std::string export_message_;
    bool export_dialog_requested_ = false;
    bool export_requested_ = false;
    std::string language_ = "de";
    double press_x_ = 0, press_y_ = 0;
    std::vector<double> frame_ms_;
    std::vector<double> moving_frame_ms_;
    std::optional<Clock::time_point> released_;  // when a simulated drag let go, until the full scene shows
    std::optional<double> settle_ms_;
    SceneRequest uploaded_request_;
    MapStyle style_;
    std::optional<geo::Projection> projection_;  // the projection on screen, for the cursor's longitude/latitude
    ViewState view_;
    geo::Bounds world_;
    SceneRequest requested_;
    std::optional<OffscreenTarget> snapshot_;
    Clock::time_point fade_start_;
    geo::LonLat fade_anchor_;
    std::optional<RgbaImage> last_frame_;
    std::string status_error_;
    double last_build_ms_ = 0;
    double mouse_x_ = 0, mouse_y_ = 0;
    bool dragging_ = false;
    bool moved_while_dragging_ = false;
    bool running_ = true;
    bool help_open_ = false;
};

}  // namespace

int run_explore(const ExploreOptions& options, std::ostream& err) {
    if (!display_available()) {
        err << "diplomap: no display to open a window on (DISPLAY is not set); export instead: "
               "diplomap export --out map.png --size 1920x1080\n";
        return 1;
    }
    auto assets = find_assets(options.view.assets);
    if (auto* error = std::get_if<std::string>(&assets)) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    auto window = SdlWindow::create("diplomap", options.width, options.height);
    if (auto* error = std::get_if<std::string>(&window)) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    SdlWindow& win = *std::get<std::unique_ptr<SdlWindow>>(window);

    const std::filesystem::path config = config_dir();
    Settings settings = load_settings(config);
    // ImGui keeps the window layout beside our settings; the string outlives the context, as ImGui requires.
    // Test and benchmark runs neither read nor write it, so their layout is always the default one.
    const std::string ini_file =
        config.empty() || options.quit_after_frames ? std::string() : (config / "imgui.ini").string();
    if (!ini_file.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(config, ec);
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = ini_file.empty() ? nullptr : ini_file.c_str();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    add_ui_font(*io.Fonts, 16.0F * win.pixel_ratio());
    io.FontGlobalScale = 1.0F / win.pixel_ratio();
    ImGui::StyleColorsDark();
    ImGui_ImplSDL2_InitForOpenGL(win.handle(), win.gl_context());
    ImGui_ImplOpenGL3_Init("#version 330 core");

    int code = 1;
    {
        auto renderer = MapRenderer::create();
        auto blit = TextureBlit::create();
        auto story_view = StoryView::create();
        if (auto* error = std::get_if<std::string>(&renderer)) {
            err << "diplomap: " << *error << '\n';
        } else if (auto* blit_error = std::get_if<std::string>(&blit)) {
            err << "diplomap: " << *blit_error << '\n';
        } else if (auto* story_error = std::get_if<std::string>(&story_view)) {
            err << "diplomap: " << *story_error << '\n';
        } else {
            ExploreSession session(win, std::move(std::get<MapRenderer>(renderer)),
                                   std::move(std::get<TextureBlit>(blit)), std::move(std::get<StoryView>(story_view)),
                                   std::get<std::filesystem::path>(assets) / "basemap", options, std::move(settings),
                                   config, err);
            if (auto error = session.start()) {
                err << "diplomap: " << *error << '\n';
            } else {
                code = session.loop();
            }
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    return code;
}

}  // namespace diplomap

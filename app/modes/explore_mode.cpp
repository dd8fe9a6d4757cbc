#include "app/modes/explore_mode.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <chrono>
#include <cmath>
#include <algorithm>
#include <cstdio>
#include <vector>
#include <ostream>

#include "app/modes/assets.hpp"
#include "app/modes/navigation.hpp"
#include "app/modes/scene_builder.hpp"
#include "app/modes/story_view.hpp"
#include "app/platform/sdl_window.hpp"
#include "app/render/basemap_cache.hpp"
#include "app/render/map_overlay.hpp"
#include "app/render/map_renderer.hpp"
#include "app/render/offscreen_target.hpp"
#include "app/render/texture_blit.hpp"
#include "app/ui/fonts.hpp"
#include "app/ui/animation_panel.hpp"
#include "app/ui/help_window.hpp"
#include "app/ui/status_bar.hpp"
#include "app/ui/story_problems_window.hpp"
#include "app/ui/story_tooltip.hpp"
#include "geo/image_file.hpp"
#include "geo/story_watch.hpp"

namespace diplomap {
namespace {

using Clock = std::chrono::steady_clock;
constexpr double kCrossFadeSeconds = 0.45;
constexpr double kWheelZoomFactor = 1.25;
constexpr auto kStoryPollInterval = std::chrono::milliseconds(250);
constexpr double kClickSlopPixels = 4.0;

class ExploreSession {
public:
    ExploreSession(SdlWindow& window, MapRenderer renderer, TextureBlit blit, StoryView story_view,
                   std::filesystem::path basemap_dir, const ExploreOptions& options, std::ostream& err)
        : window_(window), renderer_(std::move(renderer)), blit_(std::move(blit)), story_view_(std::move(story_view)),
          builder_(std::move(basemap_dir)), options_(options), layers_(options.view.layers), err_(err) {}

    // Builds the first scene synchronously: the first frame must show the map, not an empty window.
    std::optional<std::string> start() {
        int w = 0, h = 0;
        window_.drawable_size(w, h);
        if (!options_.story.empty()) {
            watcher_.emplace(options_.story);
            if (watcher_->story()) center_on_story(options_.view, *watcher_->story());
        }
        auto projection = geo::Projection::create(options_.view.projection);
        if (auto* error = std::get_if<std::string>(&projection)) return *error;
        projection_.emplace(std::move(std::get<geo::Projection>(projection)));
        view_ = {options_.view.projection, initial_camera(*projection_, options_.view, w, h)};
        const SceneRequest request = wanted_scene();
        SceneResult first = builder_.build_now(request);
        if (!first.scene) return first.error;
        renderer_.upload(*first.scene);
        world_ = first.scene->world;
        requested_ = request;
        story_view_.set_projection(*projection_);
        if (watcher_) {
            take_story();
            for (const geo::Diagnostic& d : watcher_->problems()) err_ << d.to_string() << '\n';
        }
        last_tick_ = Clock::now();
        if (options_.seconds) {
            animation_.seconds = *options_.seconds;
            animation_.paused = true;
        }
        return std::nullopt;
    }

    int loop() {
        int frames = 0;
        if (options_.frame_stats && options_.quit_after_frames)
            frame_ms_.reserve(static_cast<std::size_t>(*options_.quit_after_frames));
        while (running_) {
            const Clock::time_point frame_start = Clock::now();
            advance_clock();
            poll_story();
            handle_events();
            receive_scene();
            request_scene_if_needed();
            draw_frame();
            if (options_.frame_stats) {
                glFinish();
                frame_ms_.push_back(std::chrono::duration<double, std::milli>(Clock::now() - frame_start).count());
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
        if (!story_view_.has_story()) language_ = story->meta.language.empty() ? "de" : story->meta.language;
        story_view_.set_story(*story);
        auto still_there = [&](geo::StoryItem& item) {
            const std::size_t count = item.kind == geo::StoryItem::Kind::place      ? story->places.size()
                                      : item.kind == geo::StoryItem::Kind::relation ? story->relations.size()
                                      : item.kind == geo::StoryItem::Kind::route    ? story->routes.size()
                                                                                     : 0;
            if (item.index >= count) item = {};
        };
        still_there(selection_.selected);
        still_there(selection_.hovered);
        animation_.length = std::max(story_view_.play_seconds(), 1.0);
    }

    StoryFrame story_frame() const {
        StoryFrame frame;
        frame.seconds = animation_.seconds;
        frame.layers = layers_;
        frame.selection = selection_;
        frame.language = language_;
        frame.pixel_ratio = window_.pixel_ratio();
        return frame;
    }

    void update_hover() {
        if (dragging_ || ImGui::GetIO().WantCaptureMouse) {
            selection_.hovered = {};
            return;
        }
        selection_.hovered = story_view_.pick(view_.camera, mouse_x_, mouse_y_, story_frame());
    }

    SceneRequest wanted_scene() const {
        const geo::Detail detail = options_.view.detail ? *options_.view.detail
                                                        : geo::detail_for_scale(1.0 / view_.camera.pixels_per_metre);
        return {view_.spec, detail, visible_cap_radius_deg(view_)};
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
        if (!result->scene) {
            status_error_ = result->error;
            return;
        }
        status_error_.clear();
        const bool new_projection = result->scene->spec.name != renderer_.scene_spec().name ||
                                    result->scene->spec.custom != renderer_.scene_spec().custom;
        if (new_projection) start_cross_fade();
        renderer_.upload(*result->scene);
        last_build_ms_ = result->build_ms;
        if (new_projection) {
            // Keep looking at the same place at the same relative zoom in the new projection.
            const double zoom = view_.camera.zoom(world_);
            world_ = result->scene->world;
            auto projection = geo::Projection::create(result->scene->spec);
            if (auto* p = std::get_if<geo::Projection>(&projection)) projection_.emplace(std::move(*p));
            geo::XY center{0.5 * (world_.min_x + world_.max_x), 0.5 * (world_.min_y + world_.max_y)};
            if (zoom > 0.5)
                if (auto c = projection_->forward(fade_anchor_)) center = *c;
            view_.camera = Camera::fit(world_, view_.camera.width, view_.camera.height, zoom, center);
        } else if (result->scene->spec.center.lon != projection_->spec().center.lon ||
                   result->scene->spec.center.lat != projection_->spec().center.lat) {
            auto projection = geo::Projection::create(result->scene->spec);
            if (auto* p = std::get_if<geo::Projection>(&projection)) projection_.emplace(std::move(*p));
        }
        // The story follows the basemap on screen, so arcs and coasts always share one projection.
        story_view_.set_projection(*projection_);
    }

    void start_cross_fade() {
        auto target = OffscreenTarget::create(view_.camera.width, view_.camera.height);
        if (auto* t = std::get_if<OffscreenTarget>(&target)) {
            t->bind();
            renderer_.draw(view_.camera, layers_, style_, window_.pixel_ratio());
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
                    if (!io.WantCaptureMouse && e.wheel.y != 0)
                        view_.camera.zoom_about(mouse_x_, mouse_y_, std::pow(kWheelZoomFactor, e.wheel.y));
                    break;
                case SDL_MOUSEBUTTONDOWN:
                    if (!io.WantCaptureMouse && e.button.button == SDL_BUTTON_LEFT) {
                        dragging_ = true;
                        press_x_ = mouse_x_;
                        press_y_ = mouse_y_;
                        if (e.button.clicks == 2) view_.camera.zoom_about(mouse_x_, mouse_y_, 2.0);
                    }
                    break;
                case SDL_MOUSEBUTTONUP:
                    if (e.button.button == SDL_BUTTON_LEFT && dragging_) {
                        dragging_ = false;
                        // A press and release in place is a click: it selects what is under the pointer.
                        if (std::hypot(mouse_x_ - press_x_, mouse_y_ - press_y_) < kClickSlopPixels * ratio)
                            selection_.selected = story_view_.pick(view_.camera, mouse_x_, mouse_y_, story_frame());
                    }
                    break;
                case SDL_MOUSEMOTION:
                    mouse_x_ = e.motion.x * ratio;
                    mouse_y_ = e.motion.y * ratio;
                    if (dragging_) drag_view(view_, e.motion.xrel * ratio, e.motion.yrel * ratio);
                    break;
                case SDL_KEYDOWN:
                    if (!io.WantCaptureKeyboard) handle_key(e.key.keysym.sym);
                    break;
                default: break;
            }
        }
    }

    void handle_key(SDL_Keycode key) {
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
            case SDLK_ESCAPE: selection_.selected = {}; break;
            case SDLK_SPACE: animation_.paused = !animation_.paused; break;
            case SDLK_LEFTBRACKET: animation_.speed = std::max(kMinAnimationSpeed, animation_.speed * 0.5); break;
            case SDLK_RIGHTBRACKET: animation_.speed = std::min(kMaxAnimationSpeed, animation_.speed * 2.0); break;
            case SDLK_HOME: animation_.seconds = 0; break;
            case SDLK_l: language_ = language_ == "en" ? story_language() : "en"; break;
            default: break;
        }
    }

    void draw_ui() {
        if (ImGui::BeginMainMenuBar()) {
            if (ImGui::BeginMenu("Projection")) {
                for (std::string_view name : geo::projection_names()) {
                    const std::string label(name);
                    if (ImGui::MenuItem(label.c_str(), nullptr, view_.spec.name == name)) switch_projection(label);
                }
                ImGui::EndMenu();
            }
            if (ImGui::BeginMenu("Layers")) {
                for (std::size_t i = 0; i < kLayerNames.size(); ++i) {
                    const Layer layer = static_cast<Layer>(i);
                    bool on = layers_.has(layer);
                    const std::string label(kLayerNames[i]);
                    if (ImGui::MenuItem(label.c_str(), nullptr, &on)) layers_.set(layer, on);
                }
                ImGui::EndMenu();
            }
            if (ImGui::BeginMenu("Story")) {
                if (ImGui::MenuItem("Play", "Space", !animation_.paused)) animation_.paused = !animation_.paused;
                if (ImGui::MenuItem("Play from the start", "Home")) animation_.seconds = 0;
                ImGui::Separator();
                const std::string original = "Labels in the story's language (" + story_language() + ")";
                if (ImGui::MenuItem(original.c_str(), "L", language_ != "en")) language_ = story_language();
                if (ImGui::MenuItem("Labels in English", "L", language_ == "en")) language_ = "en";
                ImGui::Separator();
                if (ImGui::MenuItem("Clear selection", "Escape", false, !selection_.selected.empty()))
                    selection_.selected = {};
                ImGui::EndMenu();
            }
            if (ImGui::BeginMenu("Help")) {
                if (ImGui::MenuItem("Keyboard shortcuts", "F1")) help_open_ = true;
                ImGui::EndMenu();
            }
            ImGui::EndMainMenuBar();
        }
        StatusBarContent status;
        status.cursor = projection_->inverse(view_.camera.pixel_to_metres(mouse_x_, mouse_y_));
        status.projection = view_.spec.name;
        status.detail = geo::detail_name(renderer_.scene_detail());
        status.zoom = view_.camera.zoom(world_);
        status.last_build_ms = last_build_ms_;
        status.loading = builder_.busy();
        status.error = status_error_;
        draw_status_bar(status);
        if (story_view_.has_story()) {
            draw_animation_panel(animation_, status_bar_height());
            if (!ImGui::GetIO().WantCaptureMouse) draw_story_tooltip(story_view_.story(), selection_.hovered, language_);
        }
        if (watcher_) draw_story_problems_window(watcher_->problems(), story_view_.has_story());
        draw_help_window(help_open_);
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
        const StoryFrame frame = story_frame();
        story_view_.draw_marks(*ImGui::GetBackgroundDrawList(), view_.camera, frame);
        draw_map_credit(*ImGui::GetBackgroundDrawList(), ImGui::GetIO().DisplaySize.x,
                        ImGui::GetIO().DisplaySize.y - status_bar_height(), 1.0F);
        ImGui::Render();

        basemap_cache_.draw(renderer_, blit_, view_.camera, layers_, style_, window_.pixel_ratio());
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
    void print_frame_stats() {
        constexpr std::size_t kWarmUp = 10;
        if (frame_ms_.size() <= kWarmUp) return;
        std::vector<double> steady(frame_ms_.begin() + kWarmUp, frame_ms_.end());
        std::sort(steady.begin(), steady.end());
        const double median = steady[steady.size() / 2];
        const double p95 = steady[std::min(steady.size() - 1, steady.size() * 95 / 100)];
        std::printf("frame-ms median %.2f p95 %.2f frames %zu\n", median, p95, steady.size());
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
    LayerSet layers_;
    std::ostream& err_;
    std::optional<geo::StoryWatcher> watcher_;
    Clock::time_point last_poll_;
    Clock::time_point last_tick_;
    AnimationControls animation_;
    geo::Selection selection_;
    std::string language_ = "de";
    double press_x_ = 0, press_y_ = 0;
    std::vector<double> frame_ms_;
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

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
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
            ExploreSession session(win, std::move(std::get<MapRenderer>(renderer)), std::move(std::get<TextureBlit>(blit)),
                                   std::move(std::get<StoryView>(story_view)),
                                   std::get<std::filesystem::path>(assets) / "basemap", options, err);
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

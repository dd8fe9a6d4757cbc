#pragma once
// The viewer core that exploring and presenting both drive: the camera and its flights, scene requests to the
// worker, the story view and its clock, the free part of the window and the one fitting function into it, and the
// frame itself (map, story, then whatever the mode drew with ImGui). A mode owns only its input and what it draws
// around the map (panels, or a caption); see explore_mode.cpp and present_mode.cpp.
#include <SDL.h>
#include <imgui.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "app/modes/navigation.hpp"
#include "app/modes/scene_builder.hpp"
#include "app/modes/settings.hpp"
#include "app/modes/story_view.hpp"
#include "app/modes/test_report.hpp"
#include "app/modes/viewer_options.hpp"
#include "app/platform/sdl_window.hpp"
#include "app/render/basemap_cache.hpp"
#include "app/render/map_renderer.hpp"
#include "app/render/offscreen_target.hpp"
#include "app/render/texture_blit.hpp"
#include "app/ui/animation_panel.hpp"
#include "geo/map/view_flight.hpp"
#include "geo/story/home_group.hpp"
#include "geo/story/selection_model.hpp"
#include "geo/story/story_fit.hpp"
#include "geo/story/story_watch_thread.hpp"

namespace diplomap {

// The interface scales Ctrl+plus and Ctrl+minus step through, and the View menu lists.
inline constexpr std::array<float, 6> kUiScales{1.0F, 1.25F, 1.5F, 1.75F, 2.0F, 2.5F};

// "What was known when" (the timeline's as-of date) and when it last changed, for the story's fade.
struct AsOfState {
    std::optional<std::chrono::year_month_day> as_of;
    std::optional<std::chrono::year_month_day> previous;
    double changed_seconds = -1e9;
};

class ViewerCore {
public:
    ViewerCore(SdlWindow& window, MapRenderer renderer, TextureBlit blit, StoryView story_view,
               std::filesystem::path basemap_dir, const ViewerOptions& options, Settings settings,
               std::filesystem::path config_dir, std::ostream& err);
    // Settings are written when they change and at the end; test and benchmark runs (--quit-after-frames) never
    // write, so they leave no trace in the user's configuration.
    ~ViewerCore();
    ViewerCore(const ViewerCore&) = delete;
    ViewerCore& operator=(const ViewerCore&) = delete;

    // Builds the first scene synchronously: the first frame must show the map, not an empty window.
    std::optional<std::string> start();

    // One frame, in this order: begin_frame, handle_event for each event, new_ui_frame, (the mode's ImGui
    // windows), draw_story_marks, (the mode's overlay), end_frame.
    void begin_frame();
    void handle_event(const SDL_Event& event);
    void new_ui_frame();
    void draw_story_marks();
    void end_frame();

    [[nodiscard]] bool running() const { return running_; }
    void quit() { running_ = false; }
    [[nodiscard]] int frame_count() const { return frames_; }
    // The exit code once the loop ends (a failed screenshot is 1).
    [[nodiscard]] int exit_code() const { return exit_code_; }

    // The clock every animation, flight and autoplay reads: wall time, or a fixed step per frame in tests
    // (--test-clock-step), so that what a test sees does not depend on the machine's speed.
    [[nodiscard]] double now() const { return now_; }

    SdlWindow& window() { return window_; }
    const ViewerOptions& options() const { return options_; }
    Settings& settings() { return settings_; }
    ViewState& view() { return view_; }
    [[nodiscard]] const ViewState& view() const { return view_; }
    [[nodiscard]] const geo::Projection& projection() const { return *projection_; }
    [[nodiscard]] const geo::Bounds& world() const { return world_; }
    [[nodiscard]] float pixel_ratio() const { return window_.pixel_ratio(); }
    MapRenderer& renderer() { return renderer_; }
    [[nodiscard]] bool scene_loading() const { return builder_.busy(); }
    [[nodiscard]] const std::string& scene_error() const { return status_error_; }
    [[nodiscard]] double last_build_ms() const { return last_build_ms_; }

    // The story.
    StoryView& story_view() { return story_view_; }
    [[nodiscard]] bool has_story() const { return story_view_.has_story(); }
    [[nodiscard]] const geo::Story& story() const { return story_view_.story(); }
    // Counts new versions of the story (live reload, another story opened), so modes know to refresh.
    [[nodiscard]] std::uint64_t story_version() const { return story_version_; }
    [[nodiscard]] const geo::StoryWatchThread* watcher() const { return watcher_ ? &*watcher_ : nullptr; }
    void open_story(const std::filesystem::path& path);
    AnimationControls& animation() { return animation_; }
    geo::SelectionModel& selection() { return selection_; }
    AsOfState& as_of() { return as_of_; }
    [[nodiscard]] StoryFrame story_frame() const;

    // The one language setting: interface, labels and captions alike.
    [[nodiscard]] const std::string& language() const { return language_; }
    [[nodiscard]] std::string story_language() const;
    void set_language(const std::string& language);
    void toggle_language() { set_language(language_ == "en" ? story_language() : "en"); }

    // Pointer position in framebuffer pixels, and the hand on the map.
    [[nodiscard]] double mouse_x() const { return mouse_x_; }
    [[nodiscard]] double mouse_y() const { return mouse_y_; }
    [[nodiscard]] bool mouse_moved() const { return mouse_moved_; }
    void set_dragging(bool dragging);
    [[nodiscard]] bool dragging() const { return dragging_; }
    void drag_by(double dx, double dy);

    // The part of the window the map may use: what the panels (exploring) or the caption (presenting) leave free.
    // Set every frame by the mode; the fitting function and the map's centre follow it.
    void set_free_rect(const geo::PixelRect& free) { free_rect_ = free; }
    [[nodiscard]] const geo::PixelRect& free_rect() const { return free_rect_; }

    // The fitting function: the view that frames `target` in the free rectangle, on `spec`'s projection (the one on
    // screen when empty), with room for the labels and the lifted arcs.
    [[nodiscard]] std::optional<geo::ViewPose> fit(const geo::FitTarget& target,
                                                   const std::optional<geo::ProjectionSpec>& spec = {}) const;
    // Flies (van Wijk-Nuij) to `to` on the projection `spec`; a flight to another projection switches projection at
    // its middle with a cross-fade.
    void fly_to(const geo::ViewPose& to, const geo::ProjectionSpec& spec);
    void fly_to_target(const geo::FitTarget& target);
    // Home: the story's main places, or only their densest group when framing all would leave it unreadable
    // (geo::home_group); the other main places are then shown by edge indicators.
    void fly_home();
    [[nodiscard]] const geo::HomeGroup& home_group() const { return home_group_; }
    // The first frame that knows its free rectangle jumps to the home view (unless --center chose the view); the
    // mode calls this right after set_free_rect.
    void frame_home_if_pending();
    // Lands the flight on its target at once (forward pressed mid-flight).
    void finish_flight();
    void cancel_flight() {
        flight_.reset();
        landing_after_switch_.reset();
    }
    // A flight to another projection is still under way while it waits for that projection's scene.
    [[nodiscard]] bool flying() const { return flight_.has_value() || landing_after_switch_.has_value(); }
    // Jumps to the view with no flight (the first frame, exports of a slide).
    void jump_to(const geo::ViewPose& to, const geo::ProjectionSpec& spec);
    void switch_projection(const std::string& name);
    void reset_view();
    // Moving views (a drag or a flight) are drawn coarser until they rest.
    [[nodiscard]] bool view_moving() const { return moved_while_dragging_ || flying(); }

    void step_ui_scale(int direction);

    // Window tests read what the viewer drew from this report (--test-report FILE, written after the last frame).
    TestReport& report() { return report_; }

    // The window's pixels of the frame just drawn, when asked (screenshots).
    void request_capture() { capture_requested_ = true; }
    std::optional<RgbaImage> take_capture();
    // F12: this frame as the window shows it, at its size, into a PNG with a timestamped name in the pictures folder
    // (app/platform/pictures_folder.hpp); notice() then says where, or why not.
    void request_picture() { picture_requested_ = true; }

    // A line for the reader about what just happened (a picture saved, an export written), for a few seconds.
    void set_notice(std::string text, bool failed = false);
    // Empty once it is old.
    [[nodiscard]] std::string_view notice() const;
    [[nodiscard]] bool notice_failed() const { return notice_failed_; }

    // While something runs that a test waits for (an export), --quit-after-frames waits too.
    void set_busy(bool busy) { busy_ = busy; }

private:
    void advance_clock();
    void poll_story();
    void take_story();
    void receive_scene();
    void advance_flight();
    [[nodiscard]] SceneRequest wanted_scene() const;
    void request_scene_if_needed();
    void start_cross_fade();
    void apply_ui_scale();
    void save_settings_if_changed(bool at_exit);
    void simulate_drag();
    void update_hover();
    void record_frame_stats(std::chrono::steady_clock::time_point frame_start);
    void print_frame_stats();
    void finish_loop_if_done();
    std::optional<RgbaImage> read_back();
    void fill_report();

    using Clock = std::chrono::steady_clock;

    SdlWindow& window_;
    MapRenderer renderer_;
    TextureBlit blit_;
    StoryView story_view_;
    BasemapCache basemap_cache_;
    SceneBuilder builder_;
    ViewerOptions options_;
    Settings settings_;
    Settings saved_settings_;    // as last written (or read)
    Settings pending_settings_;  // the latest change, waiting to rest before it is written
    double settings_changed_ = 0;
    std::filesystem::path config_dir_;
    float applied_ui_scale_ = 1.0F;  // the scale the font atlas and style were built for
    ImGuiStyle base_style_;
    std::ostream& err_;

    Clock::time_point start_time_;
    Clock::time_point frame_start_;
    double now_ = 0;
    double last_tick_ = 0;
    int frames_ = 0;
    int exit_code_ = 0;
    bool running_ = true;

    std::optional<geo::StoryWatchThread> watcher_;
    std::uint64_t story_version_ = 0;
    AnimationControls animation_;
    geo::SelectionModel selection_;
    AsOfState as_of_;
    std::string language_ = "de";
    geo::HomeGroup home_group_;
    bool home_pending_ = false;

    geo::PixelRect free_rect_;
    struct Flight {
        geo::ViewFlight path;
        double start = 0;
        geo::ProjectionSpec spec;                      // the projection the flight flies in
        std::optional<geo::ProjectionSpec> next_spec;  // switched to at the middle
        std::optional<geo::ViewPose> next_to;          // the target in next_spec
    };
    std::optional<Flight> flight_;
    std::optional<geo::ViewPose> landing_after_switch_;  // a flight's target once its new projection arrives
    double switch_flight_end_ = 0;

    SceneRequest requested_;
    SceneRequest uploaded_request_;
    MapStyle style_;
    std::optional<geo::Projection> projection_;  // the projection on screen
    ViewState view_;
    geo::Bounds world_;
    std::optional<OffscreenTarget> snapshot_;
    double fade_start_ = 0;
    geo::LonLat fade_anchor_;
    std::string status_error_;
    double last_build_ms_ = 0;

    double mouse_x_ = 0, mouse_y_ = 0;
    bool mouse_moved_ = true;
    bool dragging_ = false;
    bool moved_while_dragging_ = false;
    // Picking runs only when the pointer moved or the view changed.
    Camera hover_camera_;
    geo::ProjectionSpec hover_spec_;
    double hover_seconds_ = -1;

    std::vector<double> frame_ms_;
    std::vector<double> moving_frame_ms_;
    std::optional<Clock::time_point> released_;  // when a simulated drag let go, until the full scene shows
    std::optional<double> settle_ms_;
    bool capture_requested_ = false;
    std::optional<RgbaImage> capture_;
    bool picture_requested_ = false;
    std::string notice_;
    bool notice_failed_ = false;
    double notice_time_ = 0;
    bool busy_ = false;
    void save_picture(const RgbaImage& picture);
    TestReport report_;
};

}  // namespace diplomap

#pragma once
// Presenting: the story told as slides over the viewer core. Each slide flies the camera (van Wijk-Nuij) to its
// view, dims all but what it highlights, plays its stretch of the animation once and shows its caption in a band
// the back row can read. Keys work as a presentation clicker sends them; Esc hands over to exploring at the same
// view.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/modes/presenter_window.hpp"
#include "app/modes/slide_thumbnails.hpp"
#include "app/modes/viewer_core.hpp"
#include "app/modes/viewer_mode.hpp"
#include "app/ui/presenter_view.hpp"
#include "geo/story/slide.hpp"

namespace diplomap {

// The slides a story is presented with: its own, or one per relation in date order when it has none.
[[nodiscard]] std::vector<geo::Slide> presentation_slides(const geo::Story& story);

class PresentMode final : public ViewerMode {
public:
    explicit PresentMode(ViewerCore& core);

    void enter() override;
    void handle_event(const SDL_Event& event) override;
    void update() override;
    void draw_ui() override;
    void draw_overlay() override;
    [[nodiscard]] bool wants(ModeKind kind) const override { return kind == ModeKind::explore && wants_explore_; }
    void clear_request() override { wants_explore_ = false; }

    // The presenter window, when there is one (--presenter with a second screen, or --presenter-window): the loop
    // hands it the events that belong to it, and lets it draw after the main window's frame, in either mode.
    [[nodiscard]] bool owns_event(const SDL_Event& event) const {
        return presenter_window_ && presenter_window_->owns(event);
    }
    void presenter_window_event(const SDL_Event& event);
    void draw_presenter_window();

private:
    void refresh_story();
    void go_to(std::size_t index, bool fly);
    void forward();
    void back();
    void handle_key(SDL_Keycode key);
    void open_presenter_window();
    void draw_presenter_overlay();
    [[nodiscard]] bool presenter_view_shown() const { return presenter_overlay_ || presenter_window_ != nullptr; }
    void draw_next_thumbnail_when_resting();
    [[nodiscard]] PresenterViewContent presenter_content() const;
    void draw_help();
    [[nodiscard]] double slide_elapsed() const { return core_.now() - slide_start_; }

    ViewerCore& core_;
    std::uint64_t seen_story_version_ = 0;
    std::vector<geo::Slide> slides_;
    std::size_t current_ = 0;
    std::optional<std::size_t> last_shown_;  // P from exploring returns here
    double slide_start_ = 0;
    double presentation_start_ = 0;
    bool arrived_ = false;  // the flight has landed and the slide's stretch of the animation plays
    bool autoplay_ = false;
    bool blank_ = false;
    bool help_open_ = false;
    bool presenter_overlay_ = false;
    std::unique_ptr<PresenterWindow> presenter_window_;
    bool presenter_window_tried_ = false;
    SlideThumbnails thumbnails_;
    bool wants_explore_ = false;
    std::string typed_number_;
    double last_motion_ = 0;
    bool cursor_shown_ = true;
    float caption_top_ = 0;  // framebuffer pixels, where the caption band starts
};

}  // namespace diplomap

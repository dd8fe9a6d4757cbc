#pragma once
// The presentation as a film (`diplomap export --video FILE --presentation`): each slide as `export --slide N` draws
// it, reached by the flight the presenting window flies (van Wijk-Nuij; on the globe the globe turns, a change of
// projection switches at the flight's middle and cross-fades), its stretch of the animation played once, then held
// until its duration is over. Where the film stands at a time is pure arithmetic (geo::presentation_moment), so a
// frame depends on its time alone, whatever the machine's speed.
#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/modes/export_mode.hpp"
#include "app/modes/video_export.hpp"
#include "app/ui/slide_caption.hpp"
#include "geo/map/view_flight.hpp"
#include "geo/story/slide.hpp"

namespace diplomap {

// What one frame of the film shows.
struct FilmShot {
    std::size_t slide = 0;  // index into the slides
    geo::ProjectionSpec projection;
    geo::CameraPose camera;  // output pixels of the film's size
    double animation_seconds = 0;
    bool moving = false;  // in flight: the view changes every frame
    float progress = 0;   // the caption's bar through the whole presentation, 0..1, as the window draws it
    // After a change of projection: how much of the picture at the switch still shows over this one (1 -> 0 over
    // the window's cross-fade).
    double fade = 0;
};

class PresentationFilm {
public:
    // The slides of `base.story` (its own, or one per relation) at base's size, language and scale; `caption`: with
    // the captions the stills draw. The error names a slide whose view cannot be shown.
    static std::variant<PresentationFilm, std::string> plan(const ExportOptions& base, bool caption);

    [[nodiscard]] std::size_t slide_count() const { return slides_.size(); }
    // The sum of the slides' durations.
    [[nodiscard]] double seconds() const { return seconds_; }
    // When slide `index` starts (its flight's start) and how long its flight lasts.
    [[nodiscard]] double slide_start(std::size_t index) const;
    [[nodiscard]] double flight_seconds(std::size_t index) const { return slides_[index].flight_seconds; }
    // `export --slide index+1`'s options, caption included where the film has captions.
    [[nodiscard]] const ExportOptions& still_options(std::size_t index) const { return slides_[index].options; }

    [[nodiscard]] FilmShot shot_at(double seconds) const;
    // The picture a change of projection fades out from: the last moment of the flight's first half.
    [[nodiscard]] FilmShot switch_shot(std::size_t index) const;
    // The caption over a shot (nothing without captions).
    [[nodiscard]] std::function<void(ImDrawList& list, float width, float height)> caption(const FilmShot& shot) const;

private:
    struct Slide {
        ExportOptions options;
        geo::ProjectionSpec projection;
        geo::ViewPose pose;
        CaptionText caption;
        double duration = 0;
        // The flight into the slide (none into the first): on the previous slide's projection, and after a change
        // of projection at `switch_seconds`, from the same place on the new one.
        std::optional<geo::ViewFlight> first, second;
        geo::ProjectionSpec first_projection;
        double switch_seconds = 0;
        double flight_seconds = 0;
    };
    PresentationFilm() = default;
    [[nodiscard]] FilmShot flying(const Slide& slide, FilmShot shot, double flight_seconds) const;

    std::vector<geo::Slide> story_slides_;
    std::vector<Slide> slides_;
    std::vector<double> flights_;
    double seconds_ = 0;
    bool caption_ = true;
};

// The film from `from` to `to` seconds of the presentation (defaults: all of it) as a frame source for film()
// (video_export.hpp): frame time t shows the presentation at from + t.
std::variant<FrameSource, std::string> presentation_frames(const ExportOptions& base, bool caption,
                                                           std::optional<double> from = std::nullopt,
                                                           std::optional<double> to = std::nullopt);

}  // namespace diplomap

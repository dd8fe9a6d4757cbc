#pragma once
// Where a slide's camera goes, and how long the flight there takes: one answer for the presentation, its exports
// and `diplomap check` (which refuses a slide whose duration is shorter than its flight plus its play range). A
// fitted camera goes through the one fitting function (story_fit.hpp); an explicit one is placed as the command
// line places `--projection/--center/--zoom`, in the free part of the view.
#include <optional>
#include <vector>

#include "geo/map/projection.hpp"
#include "geo/map/view_fit.hpp"
#include "geo/map/view_flight.hpp"
#include "geo/story/slide.hpp"
#include "geo/story/story.hpp"
#include "geo/story/story_fit.hpp"

namespace geo {

// A slide's view: the projection it is drawn in (the globe's centre turns with the view) and the camera.
struct SlideView {
    ProjectionSpec projection;
    ViewPose pose;
};

// The view `check` measures flights in: a 1920x1080 image with nothing covering the map.
inline constexpr int kNominalSlideWidth = 1920;
inline constexpr int kNominalSlideHeight = 1080;
[[nodiscard]] PixelRect nominal_slide_free();

// The view a presentation opens on, before its first slide: the globe at zoom 0, centred on the story's home
// (story_home.hpp), as the viewer opens.
[[nodiscard]] SlideView story_home_view(const Story& story, int width, int height, const PixelRect& free);

// The view `slide` asks for, seen from `current` (the projection on screen, kept where the slide names none):
// - a fitted camera frames its `fit_places`, else what the slide highlights, else the story's main places, through
//   fit_story_view (the globe turns to them);
// - an explicit camera puts the projection's centre (the slide's `center`, else `current`'s) at the middle of
//   `free`, at the command line's zoom counted for `free`: zoom 0 fits the whole world there (centred on the
//   world's middle, as `--zoom 0` does), each +1 doubles the scale.
// World maps take only the centre's longitude, as on the command line. `options` are the fitting function's room
// for margins and labels (the presentation scales them with its fonts). Nullopt when the projection cannot be made
// or shows nothing of what the slide frames.
[[nodiscard]] std::optional<SlideView> slide_view(const Story& story, const Slide& slide, const ProjectionSpec& current,
                                                  int width, int height, const PixelRect& free,
                                                  const StoryFitOptions& options = {});

// The flight between two slide views, seen in `free`. It turns the globe when both views are on the globe (`ortho`,
// whose views move the projection centre rather than the camera); between
// other projections it moves the camera (a change of projection cross-fades during the flight).
[[nodiscard]] ViewFlight slide_flight(const SlideView& from, const SlideView& to, const PixelRect& free);

// The nominal flight into each slide (from the previous slide's view; into the first, from the story's home view),
// in seconds, on the nominal view. A slide whose view cannot be made flies nowhere (0 s) and leaves the view as it
// was for the next.
[[nodiscard]] std::vector<double> nominal_flight_seconds(const Story& story, const std::vector<Slide>& slides);

}  // namespace geo

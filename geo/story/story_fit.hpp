#pragma once
// The one fitting function of the viewer: the view that shows a set of the story's places, relations and routes
// inside the free part of the view (what panels or a caption leave of the window, or the whole image of an export),
// with room for the places' labels and for the full height of the lifted arcs. The home view, a flight to a quote,
// every slide and every export of a slide call this.
#include <cstddef>
#include <optional>
#include <vector>

#include "geo/map/projection.hpp"
#include "geo/map/view_fit.hpp"
#include "geo/story/slide.hpp"
#include "geo/story/story.hpp"

namespace geo {

// What to frame; relations and routes bring their places and their whole lifted line.
using FitTarget = SlideHighlight;

struct StoryFitOptions {
    double margin_px = 48;        // kept free round everything framed, inside the free rectangle
    double label_width_px = 160;  // room beside the outermost markers for their labels
    double label_height_px = 24;
};

// Every place, relation and route of the story's main places: its home.
[[nodiscard]] FitTarget main_places_target(const Story& story);

// The points a target stands on (places, both ends of its relations, its routes' waypoints).
[[nodiscard]] std::vector<LonLat> target_points(const Story& story, const FitTarget& target);

// The view that frames `target`: on the globe (`turn_globe`) the projection centre moves to the middle of the
// target's points; flat maps keep `current`'s centre. Nullopt when nothing of the target can be shown.
[[nodiscard]] std::optional<ViewPose> fit_story_view(const Story& story, const FitTarget& target,
                                                     const ProjectionSpec& current, bool turn_globe, int width,
                                                     int height, const PixelRect& free,
                                                     const StoryFitOptions& options = {});

}  // namespace geo

#pragma once
// The presentation of a story that writes no slides: one slide per relation, in date order, each framing its
// relation and quoting it, so that any story can be presented without writing a line of `slides`.
#include <vector>

#include "geo/story/slide.hpp"
#include "geo/story/story.hpp"

namespace geo {

// One slide per relation, ordered by the first day of its date (undated relations last; equal dates keep the
// story's order). Each slide fits its relation (the fitting function frames the relation's places and its lifted
// arc), highlights it, takes its first excerpt as caption (without one, the relation's label as caption text),
// plays the relation's arc drawing itself in (StoryAnimation::appear_seconds .. + kDrawInSeconds), and lasts the
// nominal flight into it plus that range plus the caption's reading time (slide_timing.hpp). The slide's id is the
// relation's.
[[nodiscard]] std::vector<Slide> automatic_slides(const Story& story);

}  // namespace geo

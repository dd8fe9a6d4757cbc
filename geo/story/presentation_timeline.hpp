#pragma once
// Where a filmed or autoplayed presentation stands at a time t of its clock: which slide, how far into the flight
// that brings its view, and which animation time the story shows. Each slide starts with the flight from the
// previous slide's view (the first slide has none: it opens on its own view), then plays its range of the
// animation at 1x, then holds until its duration, counted from its start as autoplay counts it, is over. Pure
// arithmetic on the slides and their flights' lengths, so that a video, the slide stills and autoplay agree.
#include <cstddef>
#include <vector>

#include "geo/story/slide.hpp"

namespace geo {

struct PresentationMoment {
    std::size_t slide = 0;         // index into the slides
    double slide_seconds = 0;      // since the slide's start (its flight's start)
    double flight_seconds = 0;     // seconds into the flight, at most its length; at its length the view is the slide's
    bool in_flight = false;        // the view is still on its way (slide_seconds < the flight's length)
    double animation_seconds = 0;  // the story's clock: the range's start during the flight, then 1x, then its end
};

// The whole presentation's length: the sum of the slides' durations.
[[nodiscard]] double presentation_seconds(const std::vector<Slide>& slides);

// The moment at `seconds` (clamped to [0, presentation_seconds)); `flights[i]` is the length of the flight into
// slide i (flights[0] is ignored: the first slide starts on its own view). Needs at least one slide.
[[nodiscard]] PresentationMoment presentation_moment(const std::vector<Slide>& slides,
                                                     const std::vector<double>& flights, double seconds);

}  // namespace geo

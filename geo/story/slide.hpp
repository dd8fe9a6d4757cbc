#pragma once
// A presentation's slide, as the story file writes it (docs/story-format.md, "slides"): where the camera goes, what
// stands out while the rest dims, the caption the room reads, the speaker's notes, and which stretch of the
// animation plays. Plain data with every id resolved to an index, like the rest of the story model.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "geo/map/sphere.hpp"
#include "geo/story/story_text.hpp"

namespace geo {

struct SlideCamera {
    // "fit": frame the places in `fit_places` (or, when empty, everything the slide highlights) through the viewer's
    // one fitting function; otherwise an explicit view: projection, centre and zoom as on the command line.
    bool fit = true;
    std::string projection;               // a projection name or PROJ string; empty: keep the projection on screen
    std::optional<LonLat> center;         // explicit views only; empty: the projection's own centre
    double zoom = 0;                      // explicit views only; 0 fits the world, each +1 doubles the scale
    std::vector<std::size_t> fit_places;  // indices into Story::places
};

struct SlideHighlight {
    std::vector<std::size_t> places;     // indices into Story::places
    std::vector<std::size_t> relations;  // into Story::relations
    std::vector<std::size_t> routes;     // into Story::routes
    [[nodiscard]] bool empty() const { return places.empty() && relations.empty() && routes.empty(); }
};

struct Slide {
    std::string id;  // optional in the file; empty when not given
    SlideCamera camera;
    SlideHighlight highlight;
    std::optional<std::size_t> caption_excerpt;  // a quotation of the article as caption (index into excerpts)
    std::optional<Text> caption_text;            // or a short text of the story's own (in each of its languages)
    std::optional<Text> notes;                   // speaker notes
    double from_seconds = 0;                     // the stretch of the animation the slide plays once on arrival
    double to_seconds = 0;
    double duration_seconds = 0;  // autoplay moves on this long after the slide's start
    int line = 0, column = 0;     // where the slide's object starts in story.json, for messages
};

}  // namespace geo

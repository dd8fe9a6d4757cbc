#pragma once
// Reading the story's `slides` (docs/story-format.md, "Slides"): every field checked like the rest of the story,
// every id resolved against the story already read, each play range checked against the animation's length and
// each written duration against the nominal flight into the slide plus its play range (slide_view.hpp).
#include <cstddef>
#include <vector>

#include "geo/story/slide.hpp"
#include "geo/story/story.hpp"
#include "geo/text/json_object_reader.hpp"
#include "geo/text/json_positions.hpp"

namespace geo {

// Zooms a slide's explicit camera may ask for: 0 shows the whole world, 12 about a city's streets on the globe,
// already beyond what the Natural Earth basemap draws sharply.
inline constexpr double kMaxSlideZoom = 12.0;

// No room sits through more; the bound also keeps checking a hostile file's slides (a projection and a fit each)
// to about a second.
inline constexpr std::size_t kMaxSlides = 200;

// `slides` is the value of the top-level key (an array; anything else is reported). `story` is the story read so
// far, with its places, routes, relations and excerpts; problems go to `sink`, each at the offending value. Slides
// with problems are returned too (the caller drops the story when anything was reported).
[[nodiscard]] std::vector<Slide> read_slides(const JsonValue& slides, const Story& story, const DiagnosticSink& sink);

}  // namespace geo

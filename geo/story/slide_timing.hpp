#pragma once
// How long a slide stays: the flight into it, the stretch of the animation it plays, and the time the room needs
// to read its caption. Autoplay counts a slide's duration from its start (the flight's start), so a duration
// shorter than flight plus play range would cut the slide off before it has shown what it came for.
#include "geo/story/slide.hpp"
#include "geo/story/story.hpp"

namespace geo {

// Reading aloud or silently, a room takes about 200 words a minute; no caption is shown for less than 3 s.
inline constexpr double kReadingSecondsPerWord = 0.3;
inline constexpr double kMinReadingSeconds = 3.0;

// Words of the caption in the language that has the most (a quotation counts its original and its English
// translation, either of which the caption shows), at kReadingSecondsPerWord, and at least kMinReadingSeconds.
[[nodiscard]] double caption_reading_seconds(const Story& story, const Slide& slide);

// What a slide without a written "duration" lasts: its flight, its play range, then the caption's reading time.
[[nodiscard]] double default_slide_duration(const Story& story, const Slide& slide, double flight_seconds);

}  // namespace geo

// The presentation's clock: flight, play range at 1x, hold until the duration counted from the slide's start.
#include <catch2/catch.hpp>

#include "geo/story/presentation_timeline.hpp"

namespace {

geo::Slide slide(double from, double to, double duration) {
    geo::Slide s;
    s.from_seconds = from;
    s.to_seconds = to;
    s.duration_seconds = duration;
    return s;
}

}  // namespace

TEST_CASE("the presentation's clock: no flight into the first slide, then flight, play and hold", "[presentation]") {
    const std::vector<geo::Slide> slides = {slide(0, 2, 4), slide(3, 5, 6)};
    const std::vector<double> flights = {1.5, 1.5};
    CHECK(geo::presentation_seconds(slides) == 6 + 4);

    // Slide 1: no flight although one is given; plays 0..2, holds at 2 until 4 s.
    auto m = geo::presentation_moment(slides, flights, 0.0);
    CHECK(m.slide == 0);
    CHECK_FALSE(m.in_flight);
    CHECK(m.animation_seconds == 0.0);
    m = geo::presentation_moment(slides, flights, 1.25);
    CHECK(m.animation_seconds == 1.25);
    m = geo::presentation_moment(slides, flights, 3.9);
    CHECK(m.slide == 0);
    CHECK(m.animation_seconds == 2.0);

    // Slide 2 starts at 4 s: 1.5 s of flight on the range's start, then 3..5 at 1x, then the hold.
    m = geo::presentation_moment(slides, flights, 4.0);
    CHECK(m.slide == 1);
    CHECK(m.slide_seconds == 0.0);
    CHECK(m.in_flight);
    CHECK(m.animation_seconds == 3.0);
    m = geo::presentation_moment(slides, flights, 4.75);
    CHECK(m.in_flight);
    CHECK(m.flight_seconds == Approx(0.75));
    CHECK(m.animation_seconds == 3.0);
    m = geo::presentation_moment(slides, flights, 6.5);
    CHECK_FALSE(m.in_flight);
    CHECK(m.flight_seconds == 1.5);
    CHECK(m.animation_seconds == Approx(4.0));
    m = geo::presentation_moment(slides, flights, 9.0);
    CHECK(m.slide == 1);
    CHECK(m.animation_seconds == 5.0);
    // Past the end: the last slide's last instant.
    m = geo::presentation_moment(slides, flights, 50.0);
    CHECK(m.slide == 1);
    CHECK(m.slide_seconds == 6.0);
    CHECK(m.animation_seconds == 5.0);
}

TEST_CASE("a duration shorter than flight and play cuts the slide off where autoplay would", "[presentation]") {
    const std::vector<geo::Slide> slides = {slide(0, 1, 1), slide(0, 10, 3), slide(2, 2, 2)};
    const std::vector<double> flights = {0, 2, 1};
    auto m = geo::presentation_moment(slides, flights, 3.99);  // slide 2, 2.99 s in: 0.99 s of play
    CHECK(m.slide == 1);
    CHECK(m.animation_seconds == Approx(0.99));
    m = geo::presentation_moment(slides, flights, 4.0);  // slide 3 starts: its flight, on its range's start
    CHECK(m.slide == 2);
    CHECK(m.in_flight);
    CHECK(m.animation_seconds == 2.0);
}

// The geometry of edge indicators: where the arrow sits on the free area's border and where its text goes.
#include <catch2/catch.hpp>

#include "app/ui/edge_indicator.hpp"

namespace {

bool inside(const geo::PixelRect& inner, const geo::PixelRect& outer) {
    return inner.left >= outer.left && inner.right <= outer.right && inner.top >= outer.top &&
           inner.bottom <= outer.bottom;
}

}  // namespace

TEST_CASE("an indicator's arrow meets the inset border along its direction", "[ui][indicator]") {
    const geo::PixelRect free{300, 20, 1500, 880};  // centre (900, 450)
    const auto up = diplomap::place_edge_indicator(free, 0, -5, 6, 16, 200, 30);
    CHECK(up.tip_x == Approx(900));
    CHECK(up.tip_y == Approx(26));
    CHECK(up.text.top >= up.tip_y + 16);  // below the arrow, towards the centre
    const auto right = diplomap::place_edge_indicator(free, 1, 0.1, 6, 16, 200, 30);
    CHECK(right.tip_x == Approx(1494));
    CHECK(right.tip_y == Approx(450 + 0.1 * 594));
    CHECK(right.text.right <= right.tip_x - 16);  // left of the arrow
    // A diagonal towards a corner reaches the nearer side first: the top here (430 < 594 along y/x = 1).
    const auto corner = diplomap::place_edge_indicator(free, 1, -1, 6, 16, 200, 30);
    CHECK(corner.tip_y == Approx(26));
    CHECK(corner.tip_x == Approx(900 + 424));
    for (const auto& ind : {up, right, corner}) {
        CHECK(inside(ind.box, free));
        CHECK(inside(ind.text, free));
    }
}

TEST_CASE("text too near a corner is pushed inside the free area", "[ui][indicator]") {
    const geo::PixelRect free{0, 0, 400, 300};
    const auto ind = diplomap::place_edge_indicator(free, -1, -0.74, 4, 12, 180, 24);
    CHECK(ind.text.left >= 4);
    CHECK(ind.text.top >= 4);
    CHECK(ind.text.right <= 396);
}

TEST_CASE("bearings point north, east and over the pole as a great circle does", "[ui][indicator]") {
    double x = 0, y = 0;
    diplomap::bearing_direction(10, 40, 10, 60, x, y);
    CHECK(x == Approx(0).margin(1e-9));
    CHECK(y == Approx(-1));
    diplomap::bearing_direction(0, 0, 30, 0, x, y);
    CHECK(x == Approx(1));
    CHECK(y == Approx(0).margin(1e-9));
    // Pyongyang to Washington leaves north-east, over the Arctic.
    diplomap::bearing_direction(125.75, 39.03, -77.04, 38.91, x, y);
    CHECK(x > 0);
    CHECK(y < -0.8);
}

TEST_CASE("indicator text groups kilometres", "[ui][indicator]") {
    CHECK(diplomap::indicator_text("Washington", 10'821'400) == "Washington \u00B7 10\u202F821 km");
    CHECK(diplomap::indicator_text("Seoul", 195'000) == "Seoul \u00B7 195 km");
}

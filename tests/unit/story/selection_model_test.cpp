// The selection model without GL: excerpt -> relation -> camera fit, and a pick on the map -> the excerpts that
// tell of it.
#include <catch2/catch.hpp>

#include "bundled_story.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "geo/story/selection_model.hpp"
#include "geo/story/story_loader.hpp"
#include "geo/story/timeline_scale.hpp"
#include "geo/map/view_fit.hpp"

using geo::StoryItem;

namespace {

using diplomap::test::bundled_story;

std::size_t excerpt(const geo::Story& story, std::string_view id) {
    const auto index = story.find_excerpt(id);
    REQUIRE(index);
    return *index;
}

std::size_t relation(const geo::Story& story, std::string_view id) {
    const auto index = story.find_relation(id);
    REQUIRE(index);
    return *index;
}

geo::Projection make_projection(const char* name, geo::LonLat center) {
    auto p = geo::Projection::create({name, center, ""});
    REQUIRE(std::holds_alternative<geo::Projection>(p));
    return std::get<geo::Projection>(std::move(p));
}

}  // namespace

TEST_CASE("excerpts come in article order", "[selection]") {
    const geo::Story& story = bundled_story();
    const auto order = geo::excerpts_in_article_order(story);
    REQUIRE(order.size() == story.excerpts.size());
    for (std::size_t i = 1; i < order.size(); ++i)
        CHECK(story.excerpts[order[i - 1]].article_begin <= story.excerpts[order[i]].article_begin);
}

TEST_CASE("clicking an excerpt selects its relation and asks for a flight to it", "[selection]") {
    const geo::Story& story = bundled_story();
    geo::SelectionModel model;
    const std::size_t kirby = excerpt(story, "ex-kirby");
    model.select_excerpt(story, kirby);
    const StoryItem expected{StoryItem::Kind::relation, relation(story, "warning-kirby")};
    CHECK(model.selection().selected == expected);
    CHECK(model.active_excerpt() == kirby);
    CHECK(model.highlighted(kirby));
    CHECK(model.highlighted(excerpt(story, "ex-us-attention")));
    CHECK_FALSE(model.highlighted(excerpt(story, "ex-yoon")));
    CHECK_FALSE(model.take_scroll_request());  // the reader is at the excerpt already
    const auto flight = model.take_flight_request();
    REQUIRE(flight);
    CHECK(*flight == expected);
    CHECK_FALSE(model.take_flight_request());  // one-shot
}

TEST_CASE("an excerpt of several relations selects the first of them", "[selection]") {
    const geo::Story& story = bundled_story();
    CHECK(geo::relation_of_excerpt(story, excerpt(story, "ex-speculation-vladivostok")) ==
          relation(story, "travel-2023"));
}

TEST_CASE("a pick on the map highlights the excerpts and scrolls the article to the first", "[selection]") {
    const geo::Story& story = bundled_story();
    geo::SelectionModel model;
    const std::size_t rebuff = relation(story, "rebuff-peskov");
    model.select(story, {StoryItem::Kind::relation, rebuff});
    const auto highlighted = model.highlighted_excerpts();
    REQUIRE(highlighted.size() == 2);
    CHECK(std::is_sorted(highlighted.begin(), highlighted.end(), [&](std::size_t a, std::size_t b) {
        return story.excerpts[a].article_begin < story.excerpts[b].article_begin;
    }));
    CHECK(model.take_scroll_request() == highlighted.front());
    CHECK_FALSE(model.take_flight_request());  // the map shows it already

    // A place: the relations that touch it and the quotations of the people who speak from it.
    const std::size_t washington = *story.find_place("washington");
    model.select(story, {StoryItem::Kind::place, washington});
    CHECK(model.highlighted(excerpt(story, "ex-kirby")));
    CHECK(model.highlighted(excerpt(story, "ex-seiler-worst-case")));  // Seiler speaks from Washington
    CHECK(model.highlighted(excerpt(story, "ex-peskov-rebuff")));      // the rebuff ends in Washington
    CHECK_FALSE(model.highlighted(excerpt(story, "ex-yoon")));

    // A route: the excerpts of the journeys along it.
    const std::size_t train = *story.find_route("train-2023");
    CHECK(geo::excerpts_of(story, {StoryItem::Kind::route, train}) ==
          geo::excerpts_of(story, {StoryItem::Kind::relation, relation(story, "travel-2023")}));

    model.select(story, {});
    CHECK(model.highlighted_excerpts().empty());
    CHECK_FALSE(model.take_scroll_request());
}

TEST_CASE("a reload keeps the selection when its item survives", "[selection]") {
    const geo::Story& story = bundled_story();
    geo::SelectionModel model;
    model.select_excerpt(story, excerpt(story, "ex-yoon"));
    const auto before = model.selection().selected;
    model.story_replaced(story);
    CHECK(model.selection().selected == before);
    CHECK(model.highlighted(excerpt(story, "ex-yoon")));
    geo::Story smaller = story;
    smaller.relations.resize(1);
    model.story_replaced(smaller);
    CHECK(model.selection().selected.empty());
}

TEST_CASE("the globe turns to the middle of a relation and zooms so both ends fit", "[selection][fit]") {
    const geo::Story& story = bundled_story();
    geo::SelectionModel model;
    model.select_excerpt(story, excerpt(story, "ex-kirby"));  // Washington -> Pyongyang
    const auto flight = model.take_flight_request();
    REQUIRE(flight);
    const auto points = geo::points_of(story, *flight);
    REQUIRE(points.size() == 2);
    const geo::LonLat middle = geo::spherical_midpoint(points);
    // Equal great-circle distance to both ends.
    const double d0 = geo::angular_distance_deg(geo::to_unit_vector(middle), geo::to_unit_vector(points[0]));
    const double d1 = geo::angular_distance_deg(geo::to_unit_vector(middle), geo::to_unit_vector(points[1]));
    CHECK(d0 == Approx(d1).margin(1e-9));
    CHECK(d0 < 90.0);

    const geo::Projection globe = make_projection("ortho", middle);
    const auto bounds = geo::projected_bounds(globe, points);
    REQUIRE(bounds);
    const int width = 1600, height = 1000;
    const geo::PixelRect free{300, 40, 1100, 850};  // panels left, right and below
    const geo::CameraPose pose = geo::fit_bounds(*bounds, width, height, free);
    for (const geo::LonLat& p : points) {
        const geo::XY m = *globe.forward(p);
        const double px = 0.5 * width + (m.x - pose.center.x) * pose.pixels_per_metre;
        const double py = 0.5 * height - (m.y - pose.center.y) * pose.pixels_per_metre;
        CHECK(px >= free.left);
        CHECK(px <= free.right);
        CHECK(py >= free.top);
        CHECK(py <= free.bottom);
    }
}

TEST_CASE("a flat map keeps its projection and moves the camera", "[selection][fit]") {
    const geo::Story& story = bundled_story();
    const geo::Projection map = make_projection("eqearth", {127.5, 0});
    const auto points = geo::points_of(story, {StoryItem::Kind::relation, relation(story, "appeal-yoon")});
    const auto bounds = geo::projected_bounds(map, points);
    REQUIRE(bounds);
    const geo::CameraPose pose = geo::fit_bounds(*bounds, 1280, 800, {0, 0, 1280, 800});
    const geo::XY seoul = *map.forward(points[0]), moscow = *map.forward(points[1]);
    const double span_px = std::abs(seoul.x - moscow.x) * pose.pixels_per_metre;
    CHECK(span_px <= 1280 - 2 * 48 + 1e-6);
    CHECK(span_px > 600);  // a real zoom, not the whole world
    // A single place keeps a minimum extent round it.
    const auto one = geo::projected_bounds(map, std::vector<geo::LonLat>{points[0]});
    const geo::CameraPose close = geo::fit_bounds(*one, 1280, 800, {0, 0, 1280, 800});
    CHECK(std::isfinite(close.pixels_per_metre));
    CHECK(close.center.x == Approx(seoul.x));
}

TEST_CASE("a flight moves smoothly from one view to the next", "[selection][fit]") {
    const geo::ViewPose from{{127.5, 38.5}, {{0, 0}, 1e-4}};
    const geo::ViewPose to{{-30, 50}, {{1e5, -2e5}, 4e-4}};
    const geo::ViewPose start = geo::interpolate_view(from, to, 0.0);
    const geo::ViewPose end = geo::interpolate_view(from, to, 1.0);
    CHECK(start.center.lon == Approx(127.5));
    CHECK(end.center.lon == Approx(-30));
    CHECK(end.center.lat == Approx(50));
    CHECK(end.camera.pixels_per_metre == Approx(4e-4));
    CHECK(end.camera.center.x == Approx(1e5));
    // Half way the view has pulled back to see where it goes.
    const geo::ViewPose middle = geo::interpolate_view(from, to, 0.5);
    CHECK(middle.camera.pixels_per_metre < 2e-4);
    CHECK(geo::ease_in_out(0.5) == Approx(0.5));
    CHECK(geo::ease_in_out(2.0) == 1.0);
}

TEST_CASE("the timeline gives every date of the story an even share of the axis", "[timeline]") {
    using namespace std::chrono;
    const geo::Story& story = bundled_story();
    const geo::TimelineScale scale(geo::timeline_anchors(story));
    REQUIRE_FALSE(scale.empty());
    CHECK(scale.first() == year_month_day(2019y / April / 1));  // the 2019 journey, dated to the month
    CHECK(scale.last() == year_month_day(2023y / September / 13));
    // The war's start and the submarine's week are far apart on the axis though close in share of days.
    const double war = scale.position(2022y / February / 24);
    const double submarine = scale.position(2023y / September / 4);
    const double tuesday = scale.position(2023y / September / 12);
    CHECK(war > 0.1);
    CHECK(submarine - war > 0.1);
    CHECK(tuesday - submarine > 0.1);
    // Positions map back to the same day, and stay monotonic.
    for (const year_month_day& d : scale.anchors()) CHECK(scale.day_at(scale.position(d)) == d);
    CHECK(scale.day_at(-1) == scale.first());
    CHECK(scale.day_at(2) == scale.last());
    double previous = -1;
    for (int i = 0; i <= 100; ++i) {
        const double p = scale.position(scale.day_at(i / 100.0));
        CHECK(p >= previous);
        previous = p;
    }
}

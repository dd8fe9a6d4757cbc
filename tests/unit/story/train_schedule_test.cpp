// The train's timetable and the story's animation clock: pure functions of time, so exports and render tests can
// ask for any moment. Fractions of the route are recomputed here with the haversine formula on the map's sphere.
#include "geo/story/train_schedule.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>
#include "bundled_story.hpp"

#include "geo/map/sphere.hpp"
#include "geo/story/story_animation.hpp"
#include "geo/story/story_loader.hpp"

namespace {

using geo::TrainSchedule;
using geo::TrainTiming;

using diplomap::test::bundled_story;

const geo::Route& route(const char* id) {
    const std::optional<std::size_t> i = bundled_story().find_route(id);
    REQUIRE(i.has_value());
    return bundled_story().routes[*i];
}

double haversine(const geo::Waypoint& a, const geo::Waypoint& b) {
    const double dphi = (b.lat - a.lat) * geo::kDegToRad, dlam = (b.lon - a.lon) * geo::kDegToRad;
    const double h = std::pow(std::sin(0.5 * dphi), 2) + std::cos(a.lat * geo::kDegToRad) *
                                                             std::cos(b.lat * geo::kDegToRad) *
                                                             std::pow(std::sin(0.5 * dlam), 2);
    return 2.0 * geo::kEarthRadiusMetres * std::asin(std::sqrt(h));
}

// Each waypoint's fraction of the route's ground length.
std::vector<double> waypoint_fractions(const geo::Route& r) {
    std::vector<double> along{0.0};
    for (std::size_t i = 1; i < r.waypoints.size(); ++i)
        along.push_back(along.back() + haversine(r.waypoints[i - 1], r.waypoints[i]));
    for (double& a : along) a /= along.back();
    return along;
}

geo::Waypoint waypoint(double lon, double lat, bool stop = false) {
    geo::Waypoint w;
    w.lon = lon;
    w.lat = lat;
    w.stop = stop;
    return w;
}

}  // namespace

TEST_CASE("the train pauses at the border for exactly its stop time", "[train]") {
    const geo::Route& train = route("train-2023");
    const TrainTiming timing;
    const TrainSchedule schedule(train, timing);
    const std::vector<double> along = waypoint_fractions(train);

    const auto border =
        std::find_if(train.waypoints.begin(), train.waypoints.end(), [](const geo::Waypoint& w) { return w.stop; });
    REQUIRE(border != train.waypoints.end());
    REQUIRE(std::count_if(train.waypoints.begin(), train.waypoints.end(),
                          [](const geo::Waypoint& w) { return w.stop; }) == 1);
    const auto b = static_cast<std::size_t>(border - train.waypoints.begin());
    REQUIRE(b > 0);
    REQUIRE(b + 1 < train.waypoints.size());

    CHECK(schedule.along_at(0.0) == 0.0);
    CHECK(schedule.arrival_time(0) == 0.0);
    // A steady pace: the border is reached after its share of the travel time.
    const double arrival = schedule.arrival_time(b);
    CHECK(arrival == Approx(timing.travel_seconds * along[b]).margin(1e-9));
    CHECK(schedule.along_at(arrival) == Approx(along[b]).margin(1e-12));
    CHECK(schedule.along_at(arrival + 0.5 * timing.stop_seconds) == Approx(along[b]).margin(1e-12));
    CHECK(schedule.along_at(arrival + 0.999 * timing.stop_seconds) == Approx(along[b]).margin(1e-12));
    CHECK(schedule.along_at(arrival + timing.stop_seconds + 0.1) > along[b] + 1e-6);
    CHECK(schedule.along_at(arrival - 0.1) < along[b] - 1e-6);
    // Halfway to the border, the train has covered half the way there.
    CHECK(schedule.along_at(0.5 * arrival) == Approx(0.5 * along[b]).margin(1e-9));
    // Every waypoint after the border comes one stop later than the pace alone would bring it.
    for (std::size_t w = b + 1; w < train.waypoints.size(); ++w) {
        INFO("waypoint " << w);
        CHECK(schedule.arrival_time(w) == Approx(timing.travel_seconds * along[w] + timing.stop_seconds).margin(1e-9));
        CHECK(schedule.along_at(schedule.arrival_time(w)) == Approx(along[w]).margin(1e-9));
    }
}

TEST_CASE("the train rests at the destination, then starts again", "[train]") {
    const TrainTiming timing{10.0, 2.0, 3.0};
    const TrainSchedule schedule(route("train-2023"), timing);
    CHECK(schedule.loop_seconds() == Approx(10.0 + 2.0 + 3.0));
    const double arrived = schedule.arrival_time(route("train-2023").waypoints.size() - 1);
    CHECK(arrived == Approx(12.0));
    CHECK(schedule.along_at(arrived) == 1.0);
    CHECK(schedule.along_at(arrived + 2.9) == 1.0);
    CHECK(schedule.along_at(schedule.loop_seconds()) == 0.0);
    for (double t : {0.3, 4.0, 7.25, 11.5}) {
        INFO("t " << t);
        CHECK(schedule.along_at(t + schedule.loop_seconds()) == Approx(schedule.along_at(t)).margin(1e-12));
        CHECK(schedule.along_at(t + 7 * schedule.loop_seconds()) == Approx(schedule.along_at(t)).margin(1e-9));
        CHECK(schedule.along_at(t - schedule.loop_seconds()) == Approx(schedule.along_at(t)).margin(1e-12));
    }
}

TEST_CASE("within a loop the train never goes back", "[train]") {
    const TrainSchedule schedule(route("train-2023"));
    double previous = schedule.along_at(0.0);
    bool reached_end = false;
    for (int i = 1; i < 20000; ++i) {
        const double t = schedule.loop_seconds() * i / 20000.0;
        const double a = schedule.along_at(t);
        INFO("t " << t);
        REQUIRE(a >= previous);
        REQUIRE(a <= 1.0);
        previous = a;
        reached_end = reached_end || a == 1.0;
    }
    CHECK(reached_end);
}

TEST_CASE("a crafted route: stops count only where marked, pace follows ground distance", "[train]") {
    geo::Route r;
    // Along the equator: legs of 10 and 20 degrees, so the middle waypoint is a third of the way.
    r.waypoints = {waypoint(0, 0), waypoint(10, 0, true), waypoint(30, 0, true)};
    const TrainSchedule schedule(r, {12.0, 1.5, 2.0});
    // The destination rests for arrival_seconds; its stop mark adds nothing.
    CHECK(schedule.loop_seconds() == Approx(12.0 + 1.5 + 2.0));
    CHECK(schedule.arrival_time(1) == Approx(4.0));
    CHECK(schedule.arrival_time(2) == Approx(13.5));
    CHECK(schedule.along_at(2.0) == Approx(1.0 / 6.0));
    CHECK(schedule.along_at(4.0) == Approx(1.0 / 3.0));
    CHECK(schedule.along_at(5.4) == Approx(1.0 / 3.0));
    CHECK(schedule.along_at(5.5 + 4.0) == Approx(2.0 / 3.0));
    CHECK(schedule.along_at(14.0) == 1.0);
}

TEST_CASE("the story's clock: arcs appear in story order and draw in, the train of the story runs", "[train]") {
    const geo::Story& story = bundled_story();
    const geo::StoryAnimation animation(story);
    using A = geo::StoryAnimation;
    CHECK(animation.appear_seconds(0) == A::kFirstArcSeconds);
    CHECK(animation.appear_seconds(3) == Approx(A::kFirstArcSeconds + 3 * A::kArcSpacingSeconds));
    CHECK(animation.draw_progress(2, std::nullopt) == 1.0);
    CHECK(animation.draw_progress(2, 0.0) == 0.0);
    CHECK(animation.draw_progress(2, animation.appear_seconds(2)) == 0.0);
    CHECK(animation.draw_progress(2, animation.appear_seconds(2) + 0.5 * A::kDrawInSeconds) == Approx(0.5));
    CHECK(animation.draw_progress(2, animation.appear_seconds(2) + A::kDrawInSeconds) == 1.0);
    CHECK(animation.draw_progress(2, 1e6) == 1.0);

    const std::size_t train_2023 = *story.find_route("train-2023"), train_2019 = *story.find_route("train-2019");
    REQUIRE(animation.schedule(train_2023).has_value());
    CHECK_FALSE(animation.schedule(train_2019).has_value());  // historic: drawn solid
    CHECK_FALSE(animation.train_along(train_2019, 3.0).has_value());
    CHECK(animation.train_along(train_2023, std::nullopt) == 1.0);
    CHECK(animation.train_along(train_2023, 0.0) == 0.0);
    CHECK(*animation.train_along(train_2023, 5.0) == animation.schedule(train_2023)->along_at(5.0));
}

// Which main places the home view frames and which it points to from the edge.
#include <catch2/catch.hpp>

#include <filesystem>

#include "geo/story/home_group.hpp"
#include "geo/story/story_loader.hpp"

namespace {

geo::Place main_place(const char* id, double lon, double lat) {
    geo::Place p;
    p.id = id;
    p.lon = lon;
    p.lat = lat;
    p.main = true;
    return p;
}

std::vector<std::string> ids(const geo::Story& story, const std::vector<std::size_t>& places) {
    std::vector<std::string> out;
    out.reserve(places.size());
    for (std::size_t p : places) out.push_back(story.places[p].id);
    return out;
}

}  // namespace

TEST_CASE("the bundled story frames Korea and Vladivostok and points to Washington", "[story][home]") {
    const auto load =
        geo::load_story(std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets" / "stories" / "kim-train-2023");
    REQUIRE(load.story);
    const geo::HomeGroup group = geo::home_group(*load.story);
    CHECK(ids(*load.story, group.framed) == std::vector<std::string>{"pyongyang", "vladivostok", "seoul"});
    CHECK(ids(*load.story, group.elsewhere) == std::vector<std::string>{"washington"});
    // The home target holds the framed places and only relations between two of them.
    const geo::FitTarget target = geo::home_target(*load.story, group);
    CHECK(target.places == group.framed);
    for (std::size_t r : target.relations) {
        const geo::Relation& relation = load.story->relations[r];
        CHECK(std::find(group.framed.begin(), group.framed.end(), relation.from_place) != group.framed.end());
        CHECK(std::find(group.framed.begin(), group.framed.end(), relation.to_place) != group.framed.end());
    }
}

TEST_CASE("main places spread evenly are all framed", "[story][home]") {
    geo::Story story;
    // Four capitals about 10 to 25 degrees apart: every step links them, no group is small beside the whole.
    story.places = {main_place("paris", 2.35, 48.86), main_place("berlin", 13.40, 52.52),
                    main_place("warsaw", 21.01, 52.23), main_place("kyiv", 30.52, 50.45)};
    const geo::HomeGroup group = geo::home_group(story);
    CHECK(group.framed.size() == 4);
    CHECK(group.elsewhere.empty());
}

TEST_CASE("the largest tight group wins; a tie goes to the first main place's group", "[story][home]") {
    geo::Story story;
    story.places = {main_place("sydney", 151.2, -33.9), main_place("canberra", 149.1, -35.3),
                    main_place("london", -0.13, 51.5), main_place("paris", 2.35, 48.86),
                    main_place("brussels", 4.35, 50.85)};
    geo::HomeGroup group = geo::home_group(story);
    CHECK(ids(story, group.framed) == std::vector<std::string>{"london", "paris", "brussels"});
    CHECK(ids(story, group.elsewhere) == std::vector<std::string>{"sydney", "canberra"});
    story.places.pop_back();  // two and two: Sydney's group comes first
    group = geo::home_group(story);
    CHECK(ids(story, group.framed) == std::vector<std::string>{"sydney", "canberra"});
    CHECK(ids(story, group.elsewhere) == std::vector<std::string>{"london", "paris"});
}

TEST_CASE("two main places, or none, are framed as they are", "[story][home]") {
    geo::Story story;
    story.places = {main_place("seoul", 127.0, 37.6), main_place("washington", -77.0, 38.9)};
    CHECK(geo::home_group(story).framed.size() == 2);
    CHECK(geo::home_group(geo::Story{}).framed.empty());
}

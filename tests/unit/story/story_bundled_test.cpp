// The stories shipped with the program must load cleanly: a broken bundled story is a release blocker.
#include <catch2/catch.hpp>

#include <filesystem>

#include "geo/story/story_loader.hpp"
#include "geo/text/text_collapsed.hpp"

namespace fs = std::filesystem;

TEST_CASE("bundled story kim-train-2023 loads with no problems", "[story][bundled]") {
    const fs::path folder = fs::path(DIPLOMAP_SOURCE_DIR) / "assets" / "stories" / "kim-train-2023";
    INFO("bundled story folder: " << folder.string());
    REQUIRE(fs::exists(folder / "story.json"));

    const geo::StoryLoad load = geo::load_story(folder);
    std::string problems;
    for (const geo::Diagnostic& problem : load.problems) problems += problem.to_string() + "\n";
    INFO(problems);
    REQUIRE(load.problems.empty());
    REQUIRE(load.story.has_value());
    const geo::Story& story = *load.story;

    CHECK_FALSE(story.places.empty());
    CHECK_FALSE(story.article_text.empty());
    // Every reference resolved to a valid index.
    for (const geo::Person& person : story.people) {
        if (person.place) CHECK(*person.place < story.places.size());
    }
    for (const geo::Route& route : story.routes) {
        CHECK(route.waypoints.size() >= 2);
        for (const geo::Waypoint& waypoint : route.waypoints) {
            if (waypoint.place) CHECK(*waypoint.place < story.places.size());
        }
    }
    for (const geo::Relation& relation : story.relations) {
        CHECK(relation.from_place < story.places.size());
        CHECK(relation.to_place < story.places.size());
        if (relation.speaker) CHECK(*relation.speaker < story.people.size());
        if (relation.route) CHECK(*relation.route < story.routes.size());
        for (const std::size_t excerpt : relation.excerpts) CHECK(excerpt < story.excerpts.size());
    }
    for (const geo::TimelineEvent& event : story.timeline) {
        if (event.place) CHECK(*event.place < story.places.size());
    }
    // Every excerpt located in the article, verbatim up to whitespace.
    for (const geo::Excerpt& excerpt : story.excerpts) {
        INFO("excerpt " << excerpt.id);
        REQUIRE(excerpt.article_begin < excerpt.article_end);
        REQUIRE(excerpt.article_end <= story.article_text.size());
        const std::string_view located =
            std::string_view(story.article_text)
                .substr(excerpt.article_begin, excerpt.article_end - excerpt.article_begin);
        CHECK(geo::collapse_whitespace(located) == geo::collapse_whitespace(excerpt.text));
        if (excerpt.speaker) CHECK(*excerpt.speaker < story.people.size());
    }
}

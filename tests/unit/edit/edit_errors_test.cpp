// Every edit that cannot apply says why and changes nothing: no step, the same text, the same story.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "geo/edit/story_document.hpp"
#include "test_files.hpp"

namespace fs = std::filesystem;
using diplomap::test::read_file;

namespace {

const fs::path fixture = fs::path(DIPLOMAP_SOURCE_DIR) / "tests" / "data" / "stories" / "edit-unusual";

geo::StoryDocument open_fixture() {
    geo::DocumentOpen opened = geo::StoryDocument::from_text(
        read_file(fixture / "story.json"), read_file(fixture / "article.txt"), "/nonexistent/story.json");
    REQUIRE(opened.document);
    return std::move(*opened.document);
}

struct Refusal {
    const char* what;
    std::function<geo::EditResult(geo::StoryDocument&)> edit;
    const char* error;  // the message, exactly; one ending in ": " is its beginning
    // Steps taken first, to get where the edit is refused.
    std::function<void(geo::StoryDocument&)> prepare = nullptr;
};

}  // namespace

TEST_CASE("edits that cannot apply are refused with the reason and change nothing", "[edit]") {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    using D = geo::StoryDocument;
    const std::vector<Refusal> refusals = {
        {"add a place off the globe", [](D& d) { return d.add_place("X", 181, 0); },
         "longitude 181.000000 is outside -180..180"},
        {"add a place at NaN", [](D& d) { return d.add_place("X", nan, 0); }, "the coordinates are not finite numbers"},
        {"add a nameless place", [](D& d) { return d.add_place("", 1, 1); }, "a place needs a name"},
        {"add a place with a broken name", [](D& d) { return d.add_place("Pj\xF6ngjang", 1, 1); },
         "the text is not valid UTF-8"},
        {"move an unknown place", [](D& d) { return d.move_place("rome", 12.5, 41.9); }, "there is no place 'rome'"},
        {"move a place beyond the pole", [](D& d) { return d.move_place("paris", 2, 91); },
         "latitude 91.000000 is outside -90..90"},
        {"rename an unknown place", [](D& d) { return d.rename_place("rome", "Rom"); }, "there is no place 'rome'"},
        {"rename a place to nothing", [](D& d) { return d.rename_place("paris", ""); }, "a place needs a name"},
        {"set the role of an unknown place", [](D& d) { return d.set_place_role("rome", geo::PlaceRole::capital); },
         "there is no place 'rome'"},
        {"a person is no place", [](D& d) { return d.move_place("beispiel", 1, 1); }, "there is no place 'beispiel'"},
        {"an empty range", [](D& d) { return d.add_excerpt_from_range(10, 10); }, "the selection is empty (10..10)"},
        {"a reversed range", [](D& d) { return d.add_excerpt_from_range(20, 10); }, "the selection is empty (20..10)"},
        {"a range past the article", [](D& d) { return d.add_excerpt_from_range(190, 203); },
         "the selection ends at byte 203, beyond the article's 202 bytes"},
        // "Berlin, 4. März": 'ä' is bytes 12 and 13 of the article.
        {"a range starting inside a character", [](D& d) { return d.add_excerpt_from_range(13, 20); },
         "the selection 13..20 splits a UTF-8 character"},
        {"a range ending inside a character", [](D& d) { return d.add_excerpt_from_range(8, 13); },
         "the selection 8..13 splits a UTF-8 character"},
        {"an excerpt twice", [](D& d) { return d.add_excerpt_from_range(122, 156); },
         "excerpt 'quote-rail' is this selection already"},
        {"an excerpt with an unknown speaker", [](D& d) { return d.add_excerpt_from_range(0, 6, "kim"); },
         "there is no person 'kim'"},
        {"a translation of an unknown excerpt", [](D& d) { return d.set_translation("ex-nope", "en", "x"); },
         "there is no excerpt 'ex-nope'"},
        {"a relation from an unknown place",
         [](D& d) { return d.add_relation("rome", "paris", geo::RelationKind::travel); }, "there is no place 'rome'"},
        {"a warning from a place to itself",
         [](D& d) { return d.add_relation("paris", "paris", geo::RelationKind::warning); },
         "a warning relation needs two different places"},
        {"a relation with an unknown speaker",
         [](D& d) { return d.add_relation("berlin", "paris", geo::RelationKind::travel, "", "kim"); },
         "there is no person 'kim'"},
        {"a relation with an unknown excerpt",
         [](D& d) { return d.add_relation("berlin", "paris", geo::RelationKind::travel, "", "", "ex-nope"); },
         "there is no excerpt 'ex-nope'"},
        {"a relation with a bad date",
         [](D& d) { return d.add_relation("berlin", "paris", geo::RelationKind::travel, "2024-02-30"); },
         "'2024-02-30' is no date: date '2024-02-30' does not exist: February 2024 has 29 days"},
        {"the kind of an unknown relation", [](D& d) { return d.set_relation_kind("nope", geo::RelationKind::rebuff); },
         "there is no relation 'nope'"},
        {"a same-place relation made a supply",
         [](D& d) { return d.set_relation_kind("meeting-paris", geo::RelationKind::supply); },
         "a supply relation needs two different places",
         [](D& d) { REQUIRE(d.add_relation("paris", "paris", geo::RelationKind::meeting).id == "meeting-paris"); }},
        {"a relation's unknown route", [](D& d) { return d.set_relation_route("trip", "plane"); },
         "there is no route 'plane'"},
        {"an excerpt a relation has already", [](D& d) { return d.add_relation_excerpt("trip", "quote-rail"); },
         "relation 'trip' has excerpt 'quote-rail' already"},
        {"an excerpt a relation does not have", [](D& d) { return d.remove_relation_excerpt("trip", "ex-nope"); },
         "relation 'trip' has no excerpt 'ex-nope'"},
        {"a route of one waypoint",
         [](D& d) {
             return d.add_route(geo::RouteMode::car, {{1, 1, "", "", false}});
         },
         "a route needs at least two waypoints, not 1"},
        {"a route through an unknown place",
         [](D& d) {
             return d.add_route(geo::RouteMode::car, {{1, 1, "", "", false}, {0, 0, "rome", "", false}});
         },
         "there is no place 'rome'"},
        {"a waypoint off the globe",
         [](D& d) {
             return d.append_route_waypoint("night-train", {200, 0, "", "", false});
         },
         "longitude 200.000000 is outside -180..180"},
        {"moving waypoint #4 of three", [](D& d) { return d.move_route_waypoint("night-train", 3, 1, 1); },
         "route 'night-train' has no waypoint #4 (it has 3)"},
        {"a waypoint of an unknown route", [](D& d) { return d.move_route_waypoint("nope", 0, 1, 1); },
         "there is no route 'nope'"},
        {"a route left with one waypoint", [](D& d) { return d.remove_route_waypoint("night-train", 0); },
         "a route needs at least two waypoints; delete the route instead",
         [](D& d) { REQUIRE(d.remove_route_waypoint("night-train", 1).ok()); }},
        {"a nameless person", [](D& d) { return d.add_person(""); }, "a person needs a name"},
        {"a person at an unknown place", [](D& d) { return d.add_person("Max", "", "", "rome"); },
         "there is no place 'rome'"},
        {"renaming an unknown person", [](D& d) { return d.rename_person("kim", "Kim"); }, "there is no person 'kim'"},
        {"a text field a place lacks", [](D& d) { return d.set_text(geo::ItemKind::place, "paris", "role", "", "x"); },
         "a place has no text field 'role'"},
        {"a text of an unknown item", [](D& d) { return d.set_text(geo::ItemKind::route, "nope", "label", "", "x"); },
         "there is no route 'nope'"},
        {"a story date that is none", [](D& d) { return d.set_date("März"); }, "'März' is no date: "},
        {"reviewing an unknown excerpt", [](D& d) { return d.mark_reviewed(geo::ItemKind::excerpt, "ex-nope"); },
         "there is no excerpt 'ex-nope'"},
        {"deleting an unknown route", [](D& d) { return d.delete_item(geo::ItemKind::route, "nope"); },
         "there is no route 'nope'"},
        {"a slide zoomed too far",
         [](D& d) {
             geo::NewSlide slide;
             slide.zoom = 13;
             return d.add_slide(slide);
         },
         "zoom 13.000000 is outside 0..12"},
        {"a slide highlighting an unknown relation",
         [](D& d) {
             geo::NewSlide slide;
             slide.relations = {"nope"};
             return d.add_slide(slide);
         },
         "there is no relation 'nope'"},
        {"a slide captioned with an unknown excerpt",
         [](D& d) {
             geo::NewSlide slide;
             slide.caption_excerpt = "ex-nope";
             return d.add_slide(slide);
         },
         "there is no excerpt 'ex-nope'"},
    };
    for (const Refusal& refusal : refusals) {
        INFO(refusal.what);
        geo::StoryDocument document = open_fixture();
        if (refusal.prepare) refusal.prepare(document);
        const std::string text = document.text();
        const std::string last_step = document.undo_description();
        const geo::EditResult result = refusal.edit(document);
        CHECK_FALSE(result.ok());
        if (std::string_view(refusal.error).ends_with(": "))
            CHECK(result.error.rfind(refusal.error, 0) == 0);
        else
            CHECK(result.error == refusal.error);
        CHECK(document.text() == text);
        CHECK(document.undo_description() == last_step);
    }
}

TEST_CASE("a refused edit leaves text, history and story as they were", "[edit]") {
    geo::StoryDocument document = open_fixture();
    const std::string text = document.text();
    const std::size_t places = document.story().places.size();
    CHECK_FALSE(document.move_place("rome", 1, 1).ok());
    CHECK_FALSE(document.add_excerpt_from_range(13, 20).ok());
    CHECK(document.text() == text);
    CHECK_FALSE(document.can_undo());
    CHECK_FALSE(document.dirty());
    CHECK(document.story().places.size() == places);
}

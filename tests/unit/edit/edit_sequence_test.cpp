// A session of editing through the document's operations, as the map's Edit mode drives them: the saved file is
// an expected file byte for byte, undoing every step gives back the original bytes and redoing them the expected
// ones again.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "geo/edit/story_document.hpp"
#include "temp_dir.hpp"
#include "test_files.hpp"

namespace fs = std::filesystem;
using diplomap::test::read_file;

namespace {

const fs::path fixture = fs::path(DIPLOMAP_SOURCE_DIR) / "tests" / "data" / "stories" / "edit-unusual";

std::string listed(const geo::Diagnostics& diagnostics) {
    std::string text;
    for (const geo::Diagnostic& d : diagnostics) text += d.to_string() + "\n";
    return text;
}

// Each edit of the session, checked to apply; returns the ids they gave.
struct Session {
    std::string place, excerpt, relation, route, slide;
};

Session edit(geo::StoryDocument& document) {
    Session ids;
    geo::EditResult r = document.add_place("Straßburg", 7.7345, 48.585, geo::PlaceRole::city, "GeoNames (libgeonames)");
    REQUIRE(r.ok());
    ids.place = r.id;
    CHECK(ids.place == "strassburg");
    CHECK(document.undo_description() == "Add Straßburg");

    REQUIRE(document.move_place(ids.place, 7.7521, 48.5734).ok());
    CHECK(document.undo_description() == "Move Straßburg");

    // "sagte sie bei der Ankunft am Gare de l'Est": bytes 158..200 of the article.
    r = document.add_excerpt_from_range(158, 200, "beispiel");
    REQUIRE(r.ok());
    ids.excerpt = r.id;
    CHECK(ids.excerpt == "ex-sagte-sie-bei");

    r = document.add_relation("berlin", ids.place, geo::RelationKind::travel, "2024-03-04", "beispiel", ids.excerpt);
    REQUIRE(r.ok());
    ids.relation = r.id;
    CHECK(ids.relation == "travel-berlin-strassburg");

    r = document.add_route(geo::RouteMode::train, {{0, 0, "berlin", "Berlin Hbf", false},
                                                   {8.6636, 50.1071, "", "Frankfurt (Main)", false},
                                                   {0, 0, ids.place, "", true}});
    REQUIRE(r.ok());
    ids.route = r.id;
    CHECK(ids.route == "train-berlin-strassburg");
    REQUIRE(document.set_relation_route(ids.relation, ids.route).ok());

    REQUIRE(document.mark_reviewed(geo::ItemKind::person, "beispiel").ok());
    CHECK(document.undo_description() == "Mark Anna Beispiel reviewed");

    REQUIRE(document.set_translation(ids.excerpt, "en", "she said on arrival at the Gare de l'Est").ok());

    geo::NewSlide slide;
    slide.projection = "laea";
    slide.center_lon = 10.5;
    slide.center_lat = 50.25;
    slide.zoom = 4;
    slide.places = {"berlin", ids.place};
    slide.relations = {ids.relation};
    r = document.add_slide(slide);
    REQUIRE(r.ok());
    ids.slide = r.id;
    CHECK(ids.slide == "slide-1");
    return ids;
}

}  // namespace

TEST_CASE("an editing session saves to the expected file; undo all and redo all", "[edit]") {
    const diplomap::test::TempDir temp;
    fs::copy(fixture, temp / "story", fs::copy_options::recursive);
    const fs::path story_json = temp / "story" / "story.json";
    const std::string original = read_file(story_json);
    const std::string expected = read_file(fixture / "expected-after-edits.json");

    geo::DocumentOpen opened = geo::StoryDocument::open(story_json);
    INFO(listed(opened.problems));
    REQUIRE(opened.document);
    geo::StoryDocument& document = *opened.document;
    CHECK_FALSE(document.can_undo());

    const Session ids = edit(document);
    INFO(listed(document.problems()));
    CHECK(document.problems().empty());
    CHECK(document.dirty());
    // The fixture's one draft was reviewed and the new excerpt translated: nothing is left to fill in.
    CHECK(document.warnings().empty());

    // The story the editor shows is the one the reader makes of the text a save writes.
    const geo::Story& story = document.story();
    const auto place = story.find_place(ids.place);
    REQUIRE(place);
    CHECK(story.places[*place].lon == 7.7521);
    CHECK(story.places[*place].lat == 48.5734);
    const auto excerpt = story.find_excerpt(ids.excerpt);
    REQUIRE(excerpt);
    CHECK(story.excerpts[*excerpt].text == "sagte sie bei der Ankunft am Gare de l'Est");
    CHECK(story.excerpts[*excerpt].article_begin == 158);
    CHECK(story.excerpts[*excerpt].article_end == 200);
    const auto relation = story.find_relation(ids.relation);
    REQUIRE(relation);
    CHECK(story.relations[*relation].from_place == *story.find_place("berlin"));
    CHECK(story.relations[*relation].to_place == *place);
    CHECK(story.relations[*relation].route == story.find_route(ids.route));
    REQUIRE(story.slides.size() == 1);
    CHECK(story.slides[0].caption_excerpt == excerpt);

    const geo::DocumentSave saved = document.save();
    INFO(listed(saved.problems) << saved.error);
    REQUIRE(saved.ok());
    CHECK_FALSE(document.dirty());
    // UPDATE=1 rewrites the expected file (then read it through before committing it), as for the render tests.
    if (const char* update = std::getenv("UPDATE"); update != nullptr && std::string(update) == "1")
        diplomap::test::write_file(fixture / "expected-after-edits.json", read_file(story_json));
    CHECK(read_file(story_json) == expected);

    int steps = 0;
    while (document.undo()) ++steps;
    CHECK(steps == 9);
    CHECK(document.text() == original);
    CHECK(document.dirty());
    CHECK_FALSE(document.can_undo());
    CHECK(document.redo_description() == "Add Straßburg");
    CHECK_FALSE(document.story().find_place(ids.place));

    while (document.redo()) --steps;
    CHECK(steps == 0);
    CHECK(document.text() == expected);
    CHECK_FALSE(document.dirty());  // back at the saved step
    CHECK(document.story().slides.size() == 1);
}

TEST_CASE("an edit after undo drops the steps that were undone", "[edit]") {
    const std::string json = read_file(fixture / "story.json");
    geo::DocumentOpen opened =
        geo::StoryDocument::from_text(json, read_file(fixture / "article.txt"), "/nonexistent/story.json");
    REQUIRE(opened.document);
    geo::StoryDocument& document = *opened.document;
    REQUIRE(document.move_place("paris", 2.35, 48.85).ok());
    REQUIRE(document.move_place("paris", 2.36, 48.86).ok());
    REQUIRE(document.undo());
    CHECK(document.can_redo());
    REQUIRE(document.rename_place("paris", "Paris (Stadt)").ok());
    CHECK_FALSE(document.can_redo());
    CHECK(document.undo_description() == "Rename Paris");
    REQUIRE(document.undo());
    REQUIRE(document.undo());
    CHECK(document.text() == json);
    CHECK_FALSE(document.dirty());  // from_text counts as saved: nothing differs from what was given

    // An edit that changes nothing is no step: the shortest form of the same numbers is the text they had.
    REQUIRE(document.move_place("paris", 2.3592, 48.8768).ok());
    CHECK(document.text() == json);
    CHECK_FALSE(document.can_undo());
}

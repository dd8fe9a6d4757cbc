// Search folds case, accents and spelling variants on both sides, in every language the story names a place in.
#include <catch2/catch.hpp>

#include "bundled_story.hpp"

#include <filesystem>

#include "geo/story/story_loader.hpp"
#include "geo/story/story_search.hpp"
#include "geo/text/text_fold.hpp"

namespace {

using diplomap::test::bundled_story;

std::size_t place(const geo::Story& story, std::string_view id) {
    const auto index = story.find_place(id);
    REQUIRE(index);
    return *index;
}

}  // namespace

TEST_CASE("folding drops case, accents and typographic variants", "[search][fold]") {
    CHECK(geo::fold_for_search("Pjöngjang") == "pjongjang");
    CHECK(geo::fold_for_search("Straße") == "strasse");
    CHECK(geo::fold_for_search("STRASSE") == "strasse");
    CHECK(geo::fold_for_search("Łódź") == "lodz");
    CHECK(geo::fold_for_search("Ærø") == "aero");
    CHECK(geo::fold_for_search("ВЛАДИВОСТОК") == "владивосток");
    CHECK(geo::fold_for_search("Ёлка") == "елка");
    CHECK(geo::fold_for_search("„Zitat“ – Ende") == "\"zitat\" - ende");
    CHECK(geo::fold_for_search("  Kim\u00A0 Jong\n Un ") == "kim jong un");
    CHECK(geo::fold_for_search("Cafe\u0301") == "cafe");  // decomposed accent
    CHECK(geo::fold_for_search("평양") == "평양");        // scripts without case stay as they are
    CHECK(geo::fold_for_search(std::string_view("a\xFF"
                                                "b",
                                                3)) == "a\uFFFDb");
}

TEST_CASE("folding variants spell umlauts out and transliterate Cyrillic", "[search][fold]") {
    const auto pyongyang = geo::fold_variants("Pjöngjang");
    CHECK(pyongyang[0] == "pjongjang");
    CHECK(pyongyang[1] == "pjoengjang");
    CHECK(pyongyang[2].empty());
    const auto moscow = geo::fold_variants("Москва");
    CHECK(moscow[0] == "москва");
    CHECK(moscow[1].empty());
    CHECK(moscow[2] == "moskva");
    CHECK(geo::fold_variants("Хасан")[2] == "khasan");
}

TEST_CASE("search finds places in every language, case- and accent-insensitive", "[search]") {
    const geo::Story& story = bundled_story();
    const geo::StorySearch search(story);
    const std::size_t pyongyang = place(story, "pyongyang");
    for (const char* query : {"pjongjang", "Pjöngjang", "PYONGYANG", "pjoengjang", "pjöng", "평양"}) {
        INFO(query);
        const auto hits = search.find(query);
        REQUIRE_FALSE(hits.empty());
        CHECK(hits.front().kind == geo::SearchHit::Kind::place);
        CHECK(hits.front().index == pyongyang);
    }
    const auto cyrillic = search.find("владивосток");
    REQUIRE_FALSE(cyrillic.empty());
    CHECK(cyrillic.front().index == place(story, "vladivostok"));
    CHECK(cyrillic.front().matched == "Владивосток");
    const auto latin_of_cyrillic = search.find("moskva");
    REQUIRE_FALSE(latin_of_cyrillic.empty());
    CHECK(latin_of_cyrillic.front().index == place(story, "moscow"));
    // The whole name ranks above a name that only contains the query.
    const auto seoul = search.find("seoul");
    REQUIRE_FALSE(seoul.empty());
    CHECK(seoul.front().quality == 0);
}

TEST_CASE("search finds people and ranks word starts first", "[search]") {
    const geo::Story& story = bundled_story();
    const geo::StorySearch search(story);
    const auto peskov = search.find("peskow");
    REQUIRE(peskov.size() == 1);
    CHECK(peskov.front().kind == geo::SearchHit::Kind::person);
    CHECK(story.people[peskov.front().index].name == "Dmitri Peskow");
    const auto kim = search.find("kim");
    REQUIRE_FALSE(kim.empty());
    CHECK(kim.front().quality == 1);
    CHECK(search.find("").empty());
    CHECK(search.find("   ").empty());
    CHECK(search.find("zzzz").empty());
    CHECK(search.find("a", 3).size() == 3);
}

TEST_CASE("search folds the reader's ß and the story's ss alike", "[search]") {
    const std::string json = R"({"format": "diplomap-story/1",
      "meta": {"title": {"de": "T"}, "date": "2023-09-12", "language": "de", "languages": ["de"], "source": "s",
               "article": "a.txt"},
      "places": [{"id": "s", "names": {"de": "Hauptstraße"}, "lon": 1, "lat": 2, "role": "city"},
                 {"id": "g", "names": {"de": "Gasse"}, "lon": 3, "lat": 4, "role": "city"}],
      "people": [], "routes": [], "relations": [], "excerpts": [], "timeline": []})";
    const geo::StoryLoad load = geo::load_story_from_text(json, "Text.", "story.json");
    std::string problems;
    for (const auto& p : load.problems) problems += p.to_string() + "\n";
    INFO(problems);
    REQUIRE(load.story);
    const geo::StorySearch search(*load.story);
    REQUIRE(search.find("strasse").size() == 1);
    CHECK(search.find("STRASSE").front().matched == "Hauptstraße");
    CHECK(search.find("straße").size() == 1);
    CHECK(search.find("gaße").size() == 1);
}

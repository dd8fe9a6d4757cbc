// The draft of the bundled article: every direct quotation verbatim with its byte range, the cities it names
// within 25 km of reference coordinates (distances on the WGS 84 ellipsoid with GeographicLib's algorithm as PROJ
// ships it), no false place, the people with their roles, and a story that `check` accepts with warnings.
#include <catch2/catch.hpp>

#include <geodesic.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "geo/draft/exonym_table.hpp"
#include "geo/draft/geonames_gazetteer.hpp"
#include "geo/draft/story_draft.hpp"
#include "geo/story/story_loader.hpp"
#include "test_files.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path source_dir = DIPLOMAP_SOURCE_DIR;
const fs::path bundled = source_dir / "assets" / "stories" / "kim-train-2023";

struct Drafted {
    std::string article;
    geo::StoryDraft draft;
};

const Drafted& bundled_draft() {
    static const Drafted drafted = [] {
        static geo::GeonamesGazetteer geonames;
        const geo::ExonymTableParse table = geo::parse_exonym_table(
            diplomap::test::read_file(source_dir / "assets" / "gazetteer" / "exonyms.tsv"), "exonyms.tsv");
        static geo::ExonymGazetteer gazetteer(geonames, table.rows, "exonyms.tsv");
        Drafted d;
        d.article = diplomap::test::read_file(bundled / "article.de.txt");
        d.draft = geo::draft_story(d.article, "article.de.txt", "de", gazetteer);
        return d;
    }();
    return drafted;
}

double distance_km(double lat1, double lon1, double lat2, double lon2) {
    geod_geodesic wgs84{};
    geod_init(&wgs84, 6378137.0, 1.0 / 298.257223563);
    double metres = 0.0;
    geod_inverse(&wgs84, lat1, lon1, lat2, lon2, &metres, nullptr, nullptr);
    return metres / 1000.0;
}

}  // namespace

TEST_CASE("the draft finds every direct quotation of the bundled article verbatim", "[draft]") {
    const Drafted& d = bundled_draft();
    const std::vector<std::string> expected = {
        "„direkt gegen eine Reihe von Resolutionen des UN-Sicherheitsrats verstoßen“",
        std::string("„Keine Nation der Welt sollte Putin bei seinem illegalen Krieg und seinen Verbrechen gegen die ") +
            "Menschlichkeit unterstützen.“",
        std::string("„Bei der Umsetzung unserer Beziehungen zu unseren Nachbarn, einschließlich Nordkorea, sind für ") +
            "uns die Interessen unserer beiden Länder wichtig und nicht die Warnungen aus Washington“",
        "„Wladimir Putin ist verzweifelt“",
        "„eine Art Win-win-Situation“",
        "„wenn Russland Nordkorea Zugang zu Hochtechnologie gewähren würde“",
        "„worst case“",
        "„Denn Kim würde sich sicherer fühlen, egal wie wir reagieren.“",
        "„verantwortungsvoll zu handeln“",
    };
    const auto& excerpts = d.draft.story.at("excerpts");
    REQUIRE(excerpts.size() == expected.size());
    CHECK(d.draft.quotations.unclosed.empty());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& excerpt = excerpts[i];
        const auto start = excerpt.at("start").get<std::size_t>();
        const auto end = excerpt.at("end").get<std::size_t>();
        CHECK(excerpt.at("text").get<std::string>() == expected[i]);
        CHECK(d.article.substr(start, end - start) == expected[i]);
        CHECK(excerpt.at("draft").get<bool>());
        CHECK(excerpt.at("translation").at("en").get<std::string>().empty());
    }
}

TEST_CASE("the draft's speakers are the people named nearest before each quotation", "[draft]") {
    const auto& excerpts = bundled_draft().draft.story.at("excerpts");
    REQUIRE(excerpts.size() == 9);
    const std::vector<std::string> speakers = {"karine-jean-pierre", "john-kirby",     "dimitri-peskow",
                                               "sidney-seiler",      "eric-ballbach",  "eric-ballbach",
                                               "sidney-seiler",      "wladimir-putin", "yoon-suk-yeol"};
    // Quotation 8 ("Denn Kim würde ...") is Seiler's, but stands alone after a sentence about Putin: the rule's
    // guess is Putin, and it is marked as a guess for the author to correct.
    for (std::size_t i = 0; i < speakers.size(); ++i) {
        INFO("excerpt " << i + 1);
        CHECK(excerpts[i].at("speaker").get<std::string>() == speakers[i]);
        CHECK(excerpts[i].contains("_speaker"));
    }
}

TEST_CASE("the draft finds the cities of the bundled article within 25 km and no false place", "[draft]") {
    const Drafted& d = bundled_draft();
    // Reference coordinates: the bundled story (assets/stories/kim-train-2023/story.json, located by its authors)
    // where it has the place; English Wikipedia's coordinates for Tokyo (35°41′23″N 139°41′32″E) and Düsseldorf
    // (51°13′32″N 6°46′58″E).
    const std::map<std::string, std::pair<double, double>> reference = {
        {"Pjöngjang", {39.0194, 125.7381}}, {"Wladiwostok", {43.1155, 131.8855}}, {"Washington", {38.8977, -77.0365}},
        {"Peking", {39.9042, 116.4074}},    {"Tokio", {35.6897, 139.6922}},       {"Düsseldorf", {51.2256, 6.7828}},
    };
    std::set<std::string> names;
    for (const auto& place : d.draft.story.at("places")) {
        const std::string name = place.at("names").at("de").get<std::string>();
        names.insert(name);
        const auto found = reference.find(name);
        INFO(name);
        REQUIRE(found != reference.end());  // no place the article does not name as a city
        const double km = distance_km(place.at("lat").get<double>(), place.at("lon").get<double>(), found->second.first,
                                      found->second.second);
        CHECK(km < 25.0);
        CHECK(place.at("draft").get<bool>());
        CHECK(place.at("source").get<std::string>().find("GeoNames") != std::string::npos);
    }
    CHECK(names.size() == reference.size());
    // Peking comes from the exonym table; Washington is ambiguous and keeps the others in a note.
    for (const auto& place : d.draft.story.at("places")) {
        const std::string name = place.at("names").at("de").get<std::string>();
        if (name == "Peking") CHECK(place.at("source").get<std::string>().find("exonyms.tsv:") != std::string::npos);
        if (name == "Washington") CHECK(place.at("note").get<std::string>().find("England") != std::string::npos);
    }
}

TEST_CASE("words of people's names and common nouns are passed over, with the reason", "[draft]") {
    const Drafted& d = bundled_draft();
    std::map<std::string, std::string> passed;
    for (const geo::PassedOver& p : d.draft.places.passed_over) passed.emplace(p.name, p.reason);
    for (const char* name : {"Wladimir", "Sidney", "Un"}) CHECK(passed[name] == "part of a person's name");
    for (const char* noun : {"Zug", "Lage", "Deal"}) CHECK(passed[noun].starts_with("a noun here"));
    CHECK(passed["Man"] == "a function word");
    // Countries are candidates in a note, not places.
    const auto& countries = d.draft.story.at("_countries");
    for (const char* country : {"Nordkorea (KP)", "Russland (RU)", "China (CN)", "Südkorea (KR)"}) {
        CHECK(std::find(countries.begin(), countries.end(), country) != countries.end());
    }
}

TEST_CASE("the draft names the people with their roles as written", "[draft]") {
    std::map<std::string, std::string> roles;
    for (const auto& person : bundled_draft().draft.story.at("people")) {
        roles[person.at("name").get<std::string>()] = person.value("role", "");
    }
    const std::map<std::string, std::string> expected = {
        {"Kim Jong Un", "Nordkoreas Machthaber"},
        {"Dimitri Peskow", "Kremlsprecher"},
        {"Wladimir Putin", "Präsident"},
        {"Karine Jean-Pierre", "Sprecherin des Weißen Hauses"},
        {"John Kirby", "Sprecher des Nationalen Sicherheitsrats im Weißen Haus"},
        {"Eric Ballbach", "Nordkorea-Experte"},
        {"Sidney Seiler", "US-Experte"},
        {"Yoon Suk Yeol", "Südkoreas Präsident"},
    };
    CHECK(roles == expected);
}

TEST_CASE("check accepts the draft with warnings only, and its excerpts stand where start/end say", "[draft]") {
    const Drafted& d = bundled_draft();
    const geo::StoryLoad load = geo::load_story_from_text(d.draft.story.dump(2), d.article, "draft/story.json");
    std::string errors;
    for (const geo::Diagnostic& problem : load.problems) errors += problem.to_string() + "\n";
    INFO(errors);
    REQUIRE(load.problems.empty());
    REQUIRE(load.story);
    // Title, date and source empty; every drafted item; every translation.
    const auto& story = d.draft.story;
    const std::size_t items = story.at("places").size() + story.at("people").size() + story.at("excerpts").size();
    CHECK(load.warnings.size() == 3 + items + story.at("excerpts").size());
    for (const geo::Diagnostic& warning : load.warnings) CHECK(warning.severity == geo::Severity::warning);
    for (std::size_t i = 0; i < load.story->excerpts.size(); ++i) {
        CHECK(load.story->excerpts[i].article_begin == story.at("excerpts")[i].at("start").get<std::size_t>());
        CHECK(load.story->excerpts[i].article_end == story.at("excerpts")[i].at("end").get<std::size_t>());
        CHECK(load.story->excerpts[i].draft);
    }
}

// Look-ups in the offline gazetteer (GeoNames through libgeonames) with the project's exonym table in front:
// names in German and English, exonyms the catalogues lack, an ambiguous name, names not found, and the table's
// own checks.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "geo/draft/exonym_table.hpp"
#include "geo/draft/geonames_gazetteer.hpp"
#include "test_files.hpp"

namespace {

const std::filesystem::path exonym_file =
    std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets" / "gazetteer" / "exonyms.tsv";

// One gazetteer for the whole file: reading the catalogues costs a few tenths of a second per language.
geo::Gazetteer& gazetteer() {
    static geo::GeonamesGazetteer geonames;
    static const geo::ExonymTableParse table =
        geo::parse_exonym_table(diplomap::test::read_file(exonym_file), "exonyms.tsv");
    static geo::ExonymGazetteer with_exonyms(geonames, table.rows, "exonyms.tsv");
    return with_exonyms;
}

}  // namespace

TEST_CASE("the bundled exonym table reads without problems", "[draft][gazetteer]") {
    const geo::ExonymTableParse table = geo::parse_exonym_table(diplomap::test::read_file(exonym_file), "x.tsv");
    CHECK(table.problems.empty());
    CHECK(table.rows.size() >= 4);
    for (const geo::Exonym& row : table.rows) CHECK_FALSE(row.source.empty());
}

TEST_CASE("German names come from the catalogues, with coordinates and English names", "[draft][gazetteer]") {
    const auto cities = gazetteer().cities_named("Wladiwostok", "de");
    REQUIRE(cities.size() == 1);
    CHECK(cities[0].english == "Vladivostok");
    CHECK(cities[0].country_code == "RU");
    CHECK(cities[0].lat == Approx(43.1).margin(0.1));
    CHECK(cities[0].lon == Approx(131.9).margin(0.1));
    CHECK(cities[0].source.find("GeoNames") != std::string::npos);
    // The same city is not "Wladiwostok" in English, and the English name is not German.
    CHECK(gazetteer().cities_named("Wladiwostok", "en").empty());
    CHECK(gazetteer().cities_named("Vladivostok", "en").size() == 1);
    const auto pyongyang = gazetteer().cities_named("Pjöngjang", "de");  // UTF-8 whatever the locale
    REQUIRE(pyongyang.size() == 1);
    CHECK(pyongyang[0].english == "Pyongyang");
}

TEST_CASE("exonyms the catalogues lack come from the table, with their source", "[draft][gazetteer]") {
    for (const auto& [name, language, english, code] :
         {std::tuple{"Peking", "de", "Beijing", "CN"}, std::tuple{"Kiew", "de", "Kyiv", "UA"},
          std::tuple{"Kiev", "en", "Kyiv", "UA"}, std::tuple{"Peking", "en", "Beijing", "CN"}}) {
        INFO(name << " (" << language << ")");
        const auto cities = gazetteer().cities_named(name, language);
        REQUIRE(cities.size() == 1);
        CHECK(cities[0].name == name);
        CHECK(cities[0].english == english);
        CHECK(cities[0].country_code == code);
        CHECK(cities[0].source.find("exonyms.tsv:") != std::string::npos);
    }
    // A row only serves its own language.
    CHECK(gazetteer().cities_named("Kiew", "en").empty());
}

TEST_CASE("an ambiguous name gives every exact match, the most populous first", "[draft][gazetteer]") {
    const auto cities = gazetteer().cities_named("Washington", "de");
    REQUIRE(cities.size() >= 3);
    CHECK(cities[0].region == "Washington, D.C.");
    CHECK(cities[0].country_code == "US");
    for (std::size_t i = 1; i < cities.size(); ++i) {
        CHECK(cities[i - 1].population >= cities[i].population);
        CHECK(cities[i].name == "Washington");  // exact names only: not "Port Washington" or "Washington Heights"
    }
    // GeoNames calls the capital "Washington D.C.", and a text "Washington": the name without " D.C." finds it.
    const auto english = gazetteer().cities_named("Washington", "en");
    REQUIRE(english.size() >= 3);
    CHECK(english[0].region == "District of Columbia");
    CHECK(english[0].english == "Washington D.C.");
    CHECK(gazetteer().cities_named("Washington D.C.", "en").size() == 1);
    CHECK(gazetteer().cities_named("Des Moines", "de").size() >= 2);  // also "Des Moines (Washington)"
    const auto moscow = gazetteer().cities_named("Moscow", "en");
    REQUIRE(moscow.size() == 2);
    CHECK(moscow[0].country_code == "RU");
    CHECK(moscow[1].region == "Idaho");
}

TEST_CASE("names not in the gazetteer, prefixes and other cases are not found", "[draft][gazetteer]") {
    CHECK(gazetteer().cities_named("Nirgendwo", "de").empty());
    CHECK(gazetteer().cities_named("Kremlsprecher", "de").empty());
    CHECK(gazetteer().cities_named("Wladiwosto", "de").empty());   // the library would match the prefix
    CHECK(gazetteer().cities_named("wladiwostok", "de").empty());  // case as written
    CHECK(gazetteer().cities_named("", "de").empty());
}

TEST_CASE("countries are listed in the language asked for", "[draft][gazetteer]") {
    const auto german = gazetteer().countries("de");
    CHECK(german.contains("Nordkorea"));
    CHECK(german.contains("Russland"));
    CHECK(gazetteer().countries("en").contains("North Korea"));
}

TEST_CASE("the exonym table reports bad rows with their line", "[draft][gazetteer]") {
    const std::string header = "language\texonym\tgeonames_english\tcountry\tsource\n";
    const auto problems = [](const std::string& text) {
        std::string all;
        for (const geo::Diagnostic& d : geo::parse_exonym_table(text, "t.tsv").problems) all += d.to_string() + "\n";
        return all;
    };
    CHECK(problems(header + "de\tPeking\tBeijing\tCN\tDuden\n").empty());
    CHECK(problems("# only a comment\n") == "t.tsv: error: the table has no header\n");
    CHECK(problems("lang\tname\n") ==
          "t.tsv:1: error: the header must be the tab-separated columns language, exonym, geonames_english, country, "
          "source\n");
    CHECK(problems(header + "de\tPeking\tBeijing\tCN\n") ==
          "t.tsv:2: error: expected 5 tab-separated fields, found 4\n");
    CHECK(problems(header + "# comment\nde\tPeking\tBeijing\tCHN\tDuden\n") ==
          "t.tsv:3: error: the country must be a two-letter ISO code, not 'CHN'\n");
    CHECK(problems(header + "de\tPeking\tBeijing\tCN\t\n") == "t.tsv:2: error: the field \"source\" is empty\n");
}

TEST_CASE("the type-ahead lists cities by prefix, ignoring case and accents, the largest first", "[draft][gazetteer]") {
    const auto pj = gazetteer().cities_starting_with("pjö", "de", 5);
    REQUIRE_FALSE(pj.empty());
    CHECK(pj.front().name == "Pjöngjang");
    CHECK(pj.front().english == "Pyongyang");
    CHECK(pj.front().lat == Approx(39.03).margin(0.1));
    CHECK_FALSE(pj.front().source.empty());
    const auto wla = gazetteer().cities_starting_with("Wladiw", "de", 5);
    REQUIRE(wla.size() == 1);
    CHECK(wla.front().name == "Wladiwostok");
    // The exonym table's names come in too, with the table in their source.
    const auto pek = gazetteer().cities_starting_with("Pek", "de", 8);
    REQUIRE_FALSE(pek.empty());
    CHECK(pek.front().name == "Peking");
    CHECK(pek.front().source.find("exonyms.tsv") != std::string::npos);
    // Many cities start with "Sa": the limit holds and the order is by population.
    const auto sa = gazetteer().cities_starting_with("Sa", "en", 6);
    REQUIRE(sa.size() == 6);
    for (std::size_t i = 1; i < sa.size(); ++i) CHECK(sa[i - 1].population >= sa[i].population);
    CHECK(gazetteer().cities_starting_with("", "de", 5).empty());
    CHECK(gazetteer().cities_starting_with("Xqzv", "de", 5).empty());
}

// People and places in an English text through a gazetteer given as a table, so that the rules that keep false
// places out (a word of a person's name, a noun after a determiner, a function word, a country) are tested
// without the real gazetteer.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "geo/draft/article_words.hpp"
#include "geo/draft/people_finder.hpp"
#include "geo/draft/place_finder.hpp"
#include "geo/draft/quotations.hpp"

namespace {

class TableGazetteer final : public geo::Gazetteer {
public:
    std::vector<geo::GazetteerCity> cities_named(std::string_view name, std::string_view language) override {
        std::vector<geo::GazetteerCity> found;
        if (language != "en") return found;
        for (const geo::GazetteerCity& city : cities_) {
            if (city.name == name) found.push_back(city);
        }
        return found;
    }
    std::vector<geo::GazetteerCity> cities_starting_with(std::string_view, std::string_view, std::size_t) override {
        return {};  // the draft looks up whole names only
    }
    std::map<std::string, std::string, std::less<>> countries(std::string_view) override {
        return {{"Russia", "RU"}, {"North Korea", "KP"}};
    }

private:
    std::vector<geo::GazetteerCity> cities_ = {
        {"Vladivostok", "Vladivostok", "Primorsky", "Russia", "RU", 131.87, 43.11, 587022, "table"},
        {"Moscow", "Moscow", "Moscow", "Russia", "RU", 37.62, 55.75, 10381222, "table"},
        {"Moscow", "Moscow", "Idaho", "United States", "US", -117.0, 46.73, 25000, "table"},
        {"Deal", "Deal", "England", "United Kingdom", "GB", 1.40, 51.22, 30555, "table"},
        {"Man", "Man", "Montagnes", "Ivory Coast", "CI", -7.55, 7.41, 139341, "table"},
        {"Un", "Un", "Gujarat", "India", "IN", 72.0, 21.0, 20000, "table"},
        {"Sidney", "Sidney", "Ohio", "United States", "US", -84.16, 40.28, 21000, "table"},
        {"Sankt Petersburg", "Saint Petersburg", "", "Russia", "RU", 30.3, 59.9, 5000000, "table"},
    };
};

}  // namespace

TEST_CASE("people and places in an English text, without false places", "[draft]") {
    const std::string text =
        "North Korean leader Kim Jong Un travelled by train to Vladivostok, Kremlin spokesman Dmitry Peskov said on "
        "Tuesday. Man, what a week. The Deal they struck in Moscow was no deal at all, said Sidney Seiler. Russia "
        "and North Korea agreed.";
    const geo::QuotationScan quotations = geo::find_quotations(text);
    const geo::ArticleWords words = geo::split_article(text, quotations.quotations);
    const geo::LanguageWords& english = *geo::language_words("en");
    const geo::PeopleFound people = geo::find_people(words, english);
    std::map<std::string, std::string> roles;
    for (const geo::FoundPerson& person : people.people) roles[person.name] = person.role;
    CHECK(roles == std::map<std::string, std::string>{
                       {"Kim Jong Un", "leader"}, {"Dmitry Peskov", "spokesman"}, {"Sidney Seiler", ""}});

    TableGazetteer gazetteer;
    const geo::PlacesFound places = geo::find_places(words, people, gazetteer, "en", &english);
    std::vector<std::string> names;
    names.reserve(places.places.size());
    for (const geo::FoundPlace& place : places.places) names.push_back(place.name);
    CHECK(names == std::vector<std::string>{"Vladivostok", "Moscow"});
    REQUIRE(places.places.size() == 2);
    // Moscow, Russia is larger than Moscow, Idaho: the first is the place, the second stays in the note.
    CHECK(places.places[1].city.country_code == "RU");
    REQUIRE(places.places[1].others.size() == 1);
    CHECK(places.places[1].others[0].region == "Idaho");
    std::map<std::string, std::string> passed;
    for (const geo::PassedOver& p : places.passed_over) passed.emplace(p.name, p.reason);
    CHECK(passed == std::map<std::string, std::string>{{"Un", "part of a person's name"},
                                                       {"Man", "a function word"},
                                                       {"Deal", "a noun here ('The ... Deal')"},
                                                       {"Sidney", "part of a person's name"}});
    std::vector<std::string> countries;
    countries.reserve(places.countries.size());
    for (const geo::FoundCountry& c : places.countries) countries.push_back(c.name);
    CHECK(countries == std::vector<std::string>{"Russia", "North Korea"});
}

TEST_CASE("a city of several words is matched as a whole", "[draft]") {
    const std::string text = "Der Zug fuhr nach Sankt Petersburg weiter.";
    const geo::ArticleWords words = geo::split_article(text, {});
    TableGazetteer gazetteer;
    const geo::PlacesFound places = geo::find_places(words, {}, gazetteer, "en", geo::language_words("de"));
    REQUIRE(places.places.size() == 1);
    CHECK(places.places[0].name == "Sankt Petersburg");
    CHECK(places.places[0].first_begin == text.find("Sankt"));
}

TEST_CASE("sentences end at full stops, not after numbers, and quotations mark their words", "[draft]") {
    const std::string text = "Am 12. September kam er. „Er sagte: Nein.“ Dann ging er.\n\nNeuer Absatz";
    const geo::QuotationScan quotations = geo::find_quotations(text);
    const geo::ArticleWords words = geo::split_article(text, quotations.quotations);
    REQUIRE(words.sentences.size() == 4);
    CHECK(text.substr(words.sentences[0].first, words.sentences[0].second - words.sentences[0].first) ==
          "Am 12. September kam er.");
    for (const geo::ArticleWord& word : words.words) {
        INFO(word.text);
        CHECK(word.in_quotation == (word.text == "Er" || word.text == "sagte" || word.text == "Nein"));
    }
    CHECK(geo::guess_language("Der Zug und die Stadt mit dem Hafen ist nicht weit") == "de");
    CHECK(geo::guess_language("The train and the city of the north with the port") == "en");
}

TEST_CASE("a speech verb names the speaker after it, not the quotation's first word", "[draft]") {
    const std::string text =
        "„Wir wollen nicht naiv sein“, sagte Scholz in Berlin. Die Sprecherin Mao Ning sagte: „China ist bereit.“ "
        "Der Außenminister Dmytro Kuleba forderte: „Deutschland muss handeln.“";
    const geo::QuotationScan quotations = geo::find_quotations(text);
    const geo::ArticleWords words = geo::split_article(text, quotations.quotations);
    const geo::PeopleFound people = geo::find_people(words, *geo::language_words("de"));
    std::map<std::string, std::string> roles;
    for (const geo::FoundPerson& person : people.people) roles[person.name] = person.role;
    CHECK(roles == std::map<std::string, std::string>{
                       {"Scholz", ""}, {"Mao Ning", "Sprecherin"}, {"Dmytro Kuleba", "Außenminister"}});
}

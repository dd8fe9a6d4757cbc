#pragma once
// Cities named in an article, found by exact name in a gazetteer in the article's language, and the countries it
// names. Precision counts as much as recall, so a name is passed over (and the reason kept) when it is part of a
// person's name (Wladimir Putin), a noun after a determiner ("seinem gepanzerten Zug", "einen Deal"), a function
// word ("Man werde ..."), or a country.
#include <cstddef>
#include <string>
#include <vector>

#include "geo/draft/article_words.hpp"
#include "geo/draft/gazetteer.hpp"
#include "geo/draft/language_words.hpp"
#include "geo/draft/people_finder.hpp"

namespace geo {

struct FoundPlace {
    std::string name;                   // as written in the article
    GazetteerCity city;                 // the most populous city of that name
    std::vector<GazetteerCity> others;  // the other cities of that name, most populous first
    std::size_t first_begin = 0;        // byte of the first mention
    int mentions = 0;
};

struct FoundCountry {
    std::string name;  // as the gazetteer writes it in the article's language
    std::string code;
    int mentions = 0;
};

struct PassedOver {
    std::string name;
    std::size_t begin = 0;  // byte in the article
    std::string reason;
};

struct PlacesFound {
    std::vector<FoundPlace> places;  // in order of first mention
    std::vector<FoundCountry> countries;
    std::vector<PassedOver> passed_over;  // names the gazetteer knows that were not taken, with why
};

// `language` may be null (a language without word lists): then only people and countries rule names out.
[[nodiscard]] PlacesFound find_places(const ArticleWords& article, const PeopleFound& people, Gazetteer& gazetteer,
                                      std::string_view language_code, const LanguageWords* language);

}  // namespace geo

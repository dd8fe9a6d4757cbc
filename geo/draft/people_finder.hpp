#pragma once
// People named in an article: names after a title ("Kremlsprecher Dmitri Peskow", "US-Experte Seiler"), beside
// one in apposition ("John Kirby, Sprecher des ...", "die Sprecherin des Weißen Hauses, Karine Jean-Pierre") and
// after a verb of saying ("meint Ballbach"). Each with the role as written, and every place the article names
// them, in full or by one word of the name (Putin, Kim).
#include <cstddef>
#include <string>
#include <vector>

#include "geo/draft/article_words.hpp"
#include "geo/draft/language_words.hpp"

namespace geo {

struct FoundPerson {
    std::string name;                   // the fullest form, as first written
    std::string role;                   // as first written, or empty
    std::vector<std::string> variants;  // other full forms (Dimitri / Dmitri Peskow)
};

struct PersonMention {
    std::size_t person = 0;      // index into PeopleFound::people
    std::size_t first_word = 0;  // index into ArticleWords::words
    std::size_t last_word = 0;   // inclusive
    bool genitive = false;       // "Putins Sprachrohr": the name, not the speaker
};

struct PeopleFound {
    std::vector<FoundPerson> people;      // in order of first mention
    std::vector<PersonMention> mentions;  // in text order
};

[[nodiscard]] PeopleFound find_people(const ArticleWords& article, const LanguageWords& language);

}  // namespace geo

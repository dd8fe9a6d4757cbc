#pragma once
// An article as words and sentences, for finding the names in it: each word with its bytes, whether it is
// capitalised, whether its capital says anything (not at the start of a sentence or after a colon) and whether it
// stands inside a quotation.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "geo/draft/quotations.hpp"

namespace geo {

struct ArticleWord {
    std::size_t begin = 0;  // bytes [begin, end) of the article
    std::size_t end = 0;
    std::string text;
    bool capitalised = false;          // begins with an upper-case letter
    bool capital_by_position = false;  // first of a sentence, a quotation or after a colon: capitalised anyway
    bool in_quotation = false;
    std::size_t sentence = 0;  // index into ArticleWords::sentences
    // What stands between the previous word and this one ("", " ", ", ", ". "): punctuation breaks a name.
    std::string gap_before;
};

struct ArticleWords {
    std::vector<ArticleWord> words;
    std::vector<std::pair<std::size_t, std::size_t>> sentences;  // bytes [begin, end)
};

// Words are runs of letters and digits, with inner hyphens (Jean-Pierre, UN-Sicherheitsrats) and apostrophes
// (l'Est) kept, but not a possessive 's (Kim's is "Kim", then "s"). Sentences end at '.', '!' or '?' (closing quotation marks included) before a blank and at a
// paragraph break; not after a number ("12. September").
[[nodiscard]] ArticleWords split_article(std::string_view text, const std::vector<Quotation>& quotations);

// The word in lower case (ASCII, Latin-1 and Latin Extended-A letters).
[[nodiscard]] std::string lower_case(std::string_view word);

}  // namespace geo

#pragma once
// Text folded for search, so that what a reader types finds what the story wrote: case, accents and typographic
// variants are dropped ("Pjöngjang" -> "pjongjang", "Straße" -> "strasse", "ВЛАДИВОСТОК" -> "владивосток").
// German readers often type umlauts as two letters and many know Russian names only in Latin letters, so
// `fold_variants` also gives the forms with "ö" -> "oe" and Cyrillic transliterated.
#include <array>
#include <string>
#include <string_view>

namespace geo {

// Lower case, accents removed (Latin-1, Latin Extended-A, combining marks), ß -> ss, Cyrillic lower case with
// ё -> е, typographic quotes and dashes to ASCII, every whitespace run to one space.
[[nodiscard]] std::string fold_for_search(std::string_view utf8);

// The folded form, then the same with German umlauts as two letters, then with Cyrillic transliterated to Latin.
// Forms equal to an earlier one are left empty.
[[nodiscard]] std::array<std::string, 3> fold_variants(std::string_view utf8);

}  // namespace geo

#pragma once
// The few words of a language that tell names from other words: determiners ("einen Deal" is a noun), function
// words ("Man werde ..." is no town), titles ("Kremlsprecher Dmitri Peskow") and verbs of saying ("meint
// Ballbach"). German and English; other languages draft with the gazetteer alone.
#include <span>
#include <string_view>

namespace geo {

struct LanguageWords {
    std::string_view code;
    std::span<const std::string_view> determiners;     // lower case
    std::span<const std::string_view> function_words;  // lower case: pronouns, conjunctions, adverbs, ...
    std::span<const std::string_view> prepositions;    // lower case
    std::span<const std::string_view> titles;          // lower-case endings of a title word: "sprecher"
    std::span<const std::string_view> speech_verbs;    // lower case
    bool genitive_s = false;                           // "Russlands Präsident": a name + s before a title

    [[nodiscard]] static bool has(std::span<const std::string_view> list, std::string_view lower_word);
    // Whether the lower-case word is a title ("kremlsprecher", "nordkorea-experte", "president").
    [[nodiscard]] bool is_title(std::string_view lower_word) const;
};

// The words of `code` ("de", "en"), or null for a language without a list.
[[nodiscard]] const LanguageWords* language_words(std::string_view code);

// The language with a list whose function words the text uses most ("de" or "en"); empty when it uses none.
[[nodiscard]] std::string_view guess_language(std::string_view text);

}  // namespace geo

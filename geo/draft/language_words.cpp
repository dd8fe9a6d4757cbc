#include "geo/draft/language_words.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace geo {

namespace {

constexpr std::array<std::string_view, 52> german_determiners = {
    "der",    "die",    "das",   "dem",    "den",    "des",    "ein",     "eine",    "einen",  "einem",  "einer",
    "eines",  "kein",   "keine", "keinen", "keinem", "keiner", "sein",    "seine",   "seinen", "seinem", "seiner",
    "ihr",    "ihre",   "ihren", "ihrem",  "ihrer",  "unser",  "unsere",  "unseren", "dieser", "diese",  "dieses",
    "diesem", "diesen", "jeder", "jede",   "jeden",  "jedem",  "jedes",   "am",      "im",     "zum",    "zur",
    "vom",    "beim",   "ins",   "mein",   "meine",  "welche", "welcher", "jene"};
constexpr std::array<std::string_view, 48> german_function_words = {
    "man",  "er",   "sie",  "es",    "wir",  "ihr",  "ich",  "du",    "und",   "oder",  "aber", "doch",
    "denn", "wenn", "als",  "wie",   "so",   "auch", "noch", "nur",   "schon", "dann",  "da",   "dort",
    "hier", "was",  "wer",  "wo",    "wann", "ob",   "dass", "nicht", "kaum",  "nach",  "vor",  "mal",
    "sehr", "mehr", "alle", "viele", "ja",   "nein", "bis",  "weil",  "zwar",  "sowie", "laut", "ab"};
constexpr std::array<std::string_view, 30> german_prepositions = {
    "in",  "aus",   "nach",  "von",      "bei",     "mit",     "über",     "unter",     "vor",       "hinter",
    "für", "gegen", "ohne",  "um",       "an",      "auf",     "zwischen", "durch",     "bis",       "seit",
    "zu",  "nahe",  "neben", "nördlich", "südlich", "östlich", "westlich", "innerhalb", "außerhalb", "ab"};
constexpr std::array<std::string_view, 34> german_titles = {
    "sprecher",    "sprecherin",    "präsident",  "präsidentin",     "präsidenten", "minister",  "ministerin",
    "kanzler",     "kanzlerin",     "machthaber", "experte",         "expertin",    "chef",      "chefin",
    "botschafter", "botschafterin", "diplomat",   "diplomatin",      "analyst",     "analystin", "direktor",
    "direktorin",  "berater",       "beraterin",  "senator",         "senatorin",   "professor", "professorin",
    "leiter",      "leiterin",      "premier",    "premierminister", "staatschef",  "general"};
constexpr std::array<std::string_view, 16> german_speech_verbs = {
    "sagte", "sagt",   "betonte",  "betont",  "meint",   "meinte",   "erklärte", "erklärt",
    "warnt", "warnte", "forderte", "fordert", "schrieb", "schreibt", "zitierte", "so"};

constexpr std::array<std::string_view, 22> english_determiners = {
    "the", "a",  "an",   "this", "that",  "these", "those", "his", "her",     "its",  "their",
    "our", "my", "your", "no",   "every", "each",  "some",  "any", "another", "such", "whose"};
constexpr std::array<std::string_view, 40> english_function_words = {
    "i",    "he",   "she",   "it",   "we",   "they", "you",  "man",   "and",   "or",     "but",     "if",   "as",
    "so",   "then", "there", "here", "what", "who",  "when", "where", "why",   "how",    "not",     "also", "only",
    "just", "very", "more",  "most", "all",  "many", "yes",  "no",    "while", "though", "because", "since"};
constexpr std::array<std::string_view, 22> english_prepositions = {
    "in",   "from", "to",    "at",     "of",      "by",      "with",   "for",     "near",    "via",    "into",
    "onto", "over", "under", "across", "between", "through", "toward", "towards", "outside", "inside", "on"};
constexpr std::array<std::string_view, 22> english_titles = {
    "president", "spokesman",  "spokeswoman", "spokesperson", "minister", "secretary", "leader",   "expert",
    "analyst",   "ambassador", "chancellor",  "premier",      "senator",  "general",   "director", "adviser",
    "advisor",   "professor",  "chief",       "dictator",     "diplomat", "envoy"};
constexpr std::array<std::string_view, 12> english_speech_verbs = {
    "said", "says", "stressed", "warned", "warns", "told", "added", "wrote", "writes", "explained", "argued", "quoted"};

constexpr LanguageWords german{
    "de", german_determiners, german_function_words, german_prepositions, german_titles, german_speech_verbs, true};
constexpr LanguageWords english{
    "en", english_determiners, english_function_words, english_prepositions, english_titles, english_speech_verbs,
    false};

}  // namespace

bool LanguageWords::has(std::span<const std::string_view> list, std::string_view lower_word) {
    return std::find(list.begin(), list.end(), lower_word) != list.end();
}

bool LanguageWords::is_title(std::string_view lower_word) const {
    return std::any_of(titles.begin(), titles.end(), [&](std::string_view title) {
        if (!lower_word.ends_with(title)) return false;
        // A compound ending in a title is one too (Kremlsprecher, Nordkorea-Experte), in German; English titles
        // stand alone.
        return lower_word.size() == title.size() || code == "de";
    });
}

const LanguageWords* language_words(std::string_view code) {
    if (code == "de" || code.starts_with("de-")) return &german;
    if (code == "en" || code.starts_with("en-")) return &english;
    return nullptr;
}

std::string_view guess_language(std::string_view text) {
    // Words that occur in nearly every paragraph of the one language and rarely in the other.
    constexpr std::array<std::string_view, 6> german_markers = {" der ", " die ", " und ", " nicht ", " ist ", " mit "};
    constexpr std::array<std::string_view, 6> english_markers = {" the ", " and ", " of ", " is ", " with ", " not "};
    const auto count = [&](const auto& markers) {
        std::size_t n = 0;
        for (std::string_view marker : markers) {
            for (std::size_t at = text.find(marker); at != std::string_view::npos; at = text.find(marker, at + 1)) ++n;
        }
        return n;
    };
    const std::size_t de = count(german_markers);
    const std::size_t en = count(english_markers);
    if (de == 0 && en == 0) return {};
    return de >= en ? "de" : "en";
}

}  // namespace geo

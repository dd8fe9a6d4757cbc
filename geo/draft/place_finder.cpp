#include "geo/draft/place_finder.hpp"

#include <algorithm>
#include <optional>
#include <set>

namespace geo {

namespace {

constexpr std::size_t longest_name_words = 3;  // Sankt Petersburg, Rio de Janeiro

// Why the word at `i`, known to the gazetteer, is not a place here; empty when it is one.
std::string common_word_reason(const ArticleWords& article, std::size_t i, const LanguageWords& language,
                               const std::set<std::string, std::less<>>& lower_words) {
    const ArticleWord& word = article.words[i];
    const std::string lower = lower_case(word.text);
    if (LanguageWords::has(language.function_words, lower) || LanguageWords::has(language.determiners, lower) ||
        LanguageWords::has(language.prepositions, lower)) {
        return "a function word";
    }
    // A determiner before it, perhaps with adjectives and adverbs between: a noun ("seinem gepanzerten Zug", "die
    // ohnehin explosive Lage"). A preposition or a capitalised word ends the search ("in der Großstadt
    // Wladiwostok" is a name).
    for (std::size_t back = 1; back <= 4 && back <= i; ++back) {
        const ArticleWord& before = article.words[i - back];
        if (before.sentence != word.sentence) break;
        if (article.words[i - back + 1].gap_before.find_first_of(",;:.!?()\"") != std::string::npos) break;
        const std::string before_lower = lower_case(before.text);
        if (LanguageWords::has(language.determiners, before_lower)) {
            return "a noun here ('" + before.text + " ... " + word.text + "')";
        }
        if (before.capitalised || LanguageWords::has(language.prepositions, before_lower)) break;
    }
    // Capitalised only for its place in the sentence, and written in lower case elsewhere: a common word.
    if (word.capital_by_position && lower_words.contains(lower)) return "a common word (also written in lower case)";
    return {};
}

}  // namespace

PlacesFound find_places(const ArticleWords& article, const PeopleFound& people, Gazetteer& gazetteer,
                        std::string_view language_code, const LanguageWords* language) {
    PlacesFound found;
    const auto& words = article.words;
    std::vector<bool> in_person(words.size(), false);
    for (const PersonMention& mention : people.mentions) {
        for (std::size_t i = mention.first_word; i <= mention.last_word; ++i) in_person[i] = true;
    }
    std::set<std::string, std::less<>> lower_words;
    for (const ArticleWord& word : words) {
        if (!word.capitalised) lower_words.insert(word.text);
    }
    const auto countries = gazetteer.countries(language_code);
    const auto country_of = [&](std::string_view word) -> const std::pair<const std::string, std::string>* {
        auto it = countries.find(word);
        if (it == countries.end() && language != nullptr && language->genitive_s && word.ends_with('s')) {
            it = countries.find(word.substr(0, word.size() - 1));
        }
        return it == countries.end() ? nullptr : &*it;
    };
    const auto pass_over = [&](std::string name, std::size_t begin, std::string reason) {
        const bool known = std::any_of(found.passed_over.begin(), found.passed_over.end(),
                                       [&](const PassedOver& p) { return p.name == name && p.reason == reason; });
        if (!known) found.passed_over.push_back(PassedOver{std::move(name), begin, std::move(reason)});
    };

    // Words i.. i+count-1 as one name, when single blanks join them within a sentence.
    const auto joined = [&](std::size_t i, std::size_t count) -> std::optional<std::string> {
        if (i + count > words.size()) return std::nullopt;
        std::string name = words[i].text;
        for (std::size_t k = i + 1; k < i + count; ++k) {
            if (words[k].gap_before != " " || words[k].sentence != words[i].sentence) return std::nullopt;
            name += " " + words[k].text;
        }
        return name;
    };

    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!words[i].capitalised) continue;
        const std::pair<const std::string, std::string>* country = nullptr;
        std::size_t country_words = 0;
        for (std::size_t count = longest_name_words; count >= 1 && country == nullptr; --count) {
            if (const auto name = joined(i, count)) {
                country = country_of(*name);
                country_words = count;
            }
        }
        if (country != nullptr) {
            auto it = std::find_if(found.countries.begin(), found.countries.end(),
                                   [&](const FoundCountry& c) { return c.name == country->first; });
            if (it == found.countries.end()) {
                found.countries.push_back(FoundCountry{country->first, country->second, 0});
                it = found.countries.end() - 1;
            }
            ++it->mentions;
            i += country_words - 1;
            continue;
        }
        // The longest run of words that the gazetteer knows by exactly that name.
        std::vector<GazetteerCity> cities;
        std::size_t last = i;
        for (std::size_t count = longest_name_words; count >= 1 && cities.empty(); --count) {
            const auto name = joined(i, count);
            if (!name) continue;
            cities = gazetteer.cities_named(*name, language_code);
            last = i + count - 1;
        }
        if (cities.empty()) continue;
        const std::string name = cities.front().name;
        const std::size_t begin = words[i].begin;
        bool person = false;
        for (std::size_t k = i; k <= last; ++k) person = person || in_person[k];
        if (person) {
            pass_over(name, begin, "part of a person's name");
        } else if (std::string reason =
                       language != nullptr ? common_word_reason(article, i, *language, lower_words) : std::string();
                   !reason.empty()) {
            pass_over(name, begin, std::move(reason));
        } else {
            auto it = std::find_if(found.places.begin(), found.places.end(),
                                   [&](const FoundPlace& p) { return p.name == name; });
            if (it == found.places.end()) {
                FoundPlace place{name, cities.front(), {}, begin, 0};
                place.others.assign(cities.begin() + 1, cities.end());
                found.places.push_back(std::move(place));
                it = found.places.end() - 1;
            }
            ++it->mentions;
        }
        i = last;
    }
    return found;
}

}  // namespace geo

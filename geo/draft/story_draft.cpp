#include "geo/draft/story_draft.hpp"

#include <cstdio>
#include <set>

#include "geo/draft/article_words.hpp"
#include "geo/draft/language_words.hpp"
#include "geo/text/text_fold.hpp"

namespace geo {

namespace {

using Json = nlohmann::ordered_json;

// Ids of the story: the name folded to [a-z0-9-], unique across the story.
class Ids {
public:
    std::string make(std::string_view name, std::string_view fallback) {
        std::string id;
        for (const char c : fold_for_search(name)) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                id += c;
            } else if (!id.empty() && id.back() != '-') {
                id += '-';
            }
        }
        while (!id.empty() && id.back() == '-') id.pop_back();
        if (id.empty()) id = fallback;
        std::string unique = id;
        for (int n = 2; used_.contains(unique); ++n) unique = id + "-" + std::to_string(n);
        used_.insert(unique);
        return unique;
    }

private:
    std::set<std::string> used_;
};

std::string describe_city(const GazetteerCity& city) {
    std::string text = city.name;
    if (!city.region.empty()) text += ", " + city.region;
    if (!city.country.empty()) text += ", " + city.country;
    text += " (" + std::to_string(city.population) + " inhabitants)";
    return text;
}

std::string coordinates(const GazetteerCity& city) {
    char text[64];
    std::snprintf(text, sizeof text, "%.4f, %.4f", city.lat, city.lon);
    return text;
}

}  // namespace

std::optional<std::size_t> guess_speaker(const Quotation& quotation, const ArticleWords& article,
                                         const PeopleFound& people) {
    std::size_t sentence = 0;
    while (sentence + 1 < article.sentences.size() && article.sentences[sentence].second <= quotation.begin) {
        ++sentence;
    }
    const auto candidates_in = [&](std::size_t in_sentence) {
        std::vector<std::size_t> found;
        for (const PersonMention& mention : people.mentions) {
            const ArticleWord& word = article.words[mention.first_word];
            if (word.sentence == in_sentence && !word.in_quotation && !mention.genitive)
                found.push_back(mention.person);
        }
        return found;
    };
    if (const auto same = candidates_in(sentence); !same.empty()) return same.front();
    if (sentence > 0) {
        if (const auto before = candidates_in(sentence - 1); !before.empty()) return before.back();
    }
    return std::nullopt;
}

StoryDraft draft_story(std::string_view article, const std::string& article_file, const std::string& language,
                       Gazetteer& gazetteer) {
    StoryDraft draft;
    draft.quotations = find_quotations(article);
    const ArticleWords words = split_article(article, draft.quotations.quotations);
    const LanguageWords* language_list = language_words(language);
    if (language_list != nullptr) draft.people = find_people(words, *language_list);
    draft.places = find_places(words, draft.people, gazetteer, language, language_list);

    Ids ids;
    Json story;
    story["format"] = "diplomap-story/1";
    story["_comment"] =
        "Drafted by `diplomap draft` from " + article_file +
        ". Every item marked \"draft\" is a guess to review; the title, date, source and translations are left "
        "empty, and relations, routes and the timeline are left to the author. `diplomap check` lists what is "
        "still to do.";
    Json meta;
    meta["title"] = "";
    meta["date"] = "";
    meta["datelines"] = Json::array();
    meta["language"] = language;
    meta["languages"] = Json::array({language});
    meta["source"] = "";
    meta["article"] = article_file;
    story["meta"] = std::move(meta);

    Json places = Json::array();
    for (const FoundPlace& found : draft.places.places) {
        Json place;
        place["id"] = ids.make(found.city.english.empty() ? found.name : found.city.english, "place");
        Json names;
        names[language] = found.name;
        if (language != "en" && !found.city.english.empty()) names["en"] = found.city.english;
        place["names"] = std::move(names);
        place["lon"] = found.city.lon;
        place["lat"] = found.city.lat;
        place["role"] = "city";
        place["source"] = found.city.source + ": " + describe_city(found.city);
        if (!found.others.empty()) {
            std::string note = "The most populous of " + std::to_string(found.others.size() + 1) +
                               " cities of this name; the others: ";
            for (std::size_t i = 0; i < found.others.size(); ++i) {
                if (i > 0) note += "; ";
                note += describe_city(found.others[i]) + " at " + coordinates(found.others[i]);
            }
            place["note"] = note;
        }
        place["draft"] = true;
        places.push_back(std::move(place));
    }
    story["places"] = std::move(places);

    Json people = Json::array();
    std::vector<std::string> person_ids;
    for (const FoundPerson& found : draft.people.people) {
        Json person;
        person_ids.push_back(ids.make(found.name, "person"));
        person["id"] = person_ids.back();
        person["name"] = found.name;
        if (!found.role.empty()) person["role"] = found.role;
        if (!found.variants.empty()) {
            std::string also;
            for (const std::string& variant : found.variants) also += (also.empty() ? "" : ", ") + variant;
            person["_also_written"] = also;
        }
        person["draft"] = true;
        people.push_back(std::move(person));
    }
    story["people"] = std::move(people);
    story["routes"] = Json::array();
    story["relations"] = Json::array();

    Json excerpts = Json::array();
    for (std::size_t i = 0; i < draft.quotations.quotations.size(); ++i) {
        const Quotation& quotation = draft.quotations.quotations[i];
        draft.speakers.push_back(guess_speaker(quotation, words, draft.people));
        Json excerpt;
        excerpt["id"] = ids.make("quote-" + std::to_string(i + 1), "quote");
        excerpt["text"] = std::string(article.substr(quotation.begin, quotation.end - quotation.begin));
        excerpt["start"] = quotation.begin;
        excerpt["end"] = quotation.end;
        if (const auto speaker = draft.speakers.back()) {
            excerpt["speaker"] = person_ids[*speaker];
            excerpt["_speaker"] =
                "a guess: the first person named in its sentence, else the last one named in the sentence before";
        }
        excerpt["translation"] = Json{{"en", ""}};
        excerpt["draft"] = true;
        excerpts.push_back(std::move(excerpt));
    }
    story["excerpts"] = std::move(excerpts);
    story["timeline"] = Json::array();

    Json countries = Json::array();
    for (const FoundCountry& country : draft.places.countries)
        countries.push_back(country.name + " (" + country.code + ")");
    story["_countries"] = std::move(countries);
    story["_countries_note"] = "Countries the article names: candidates for places, not places.";
    Json passed = Json::array();
    for (const PassedOver& name : draft.places.passed_over) passed.push_back(name.name + ": " + name.reason);
    story["_not_places"] = std::move(passed);
    if (!draft.quotations.unclosed.empty()) {
        Json unclosed = Json::array();
        for (const std::size_t at : draft.quotations.unclosed) unclosed.push_back(at);
        story["_unclosed_quotation_marks_at_bytes"] = std::move(unclosed);
    }
    draft.story = std::move(story);
    return draft;
}

}  // namespace geo

#pragma once
// A story drafted from an article (`diplomap draft`): every direct quotation as an excerpt with its byte range and
// a guessed speaker, the people named with a title, the cities named (with where their coordinates come from),
// the countries named as a note. Nothing is invented: relations, routes, the timeline, translations, the title,
// the date and the source are left to the author, and every drafted item is marked "draft", so that
// `diplomap check` lists what is still to review and fill in.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "geo/draft/gazetteer.hpp"
#include "geo/draft/people_finder.hpp"
#include "geo/draft/place_finder.hpp"
#include "geo/draft/quotations.hpp"

namespace geo {

struct StoryDraft {
    nlohmann::ordered_json story;  // docs/story-format.md
    QuotationScan quotations;
    std::vector<std::optional<std::size_t>> speakers;  // per quotation: index into people.people, a guess
    PeopleFound people;
    PlacesFound places;
};

// `article` is valid UTF-8; `article_file` is the name story.json gives it; `language` a code such as "de".
[[nodiscard]] StoryDraft draft_story(std::string_view article, const std::string& article_file,
                                     const std::string& language, Gazetteer& gazetteer);

// The speaker of a quotation, guessed: the first person named (outside quotations, not in the genitive) in the
// sentence where it begins, the subject in news German and English; else the last one named in the sentence
// before.
[[nodiscard]] std::optional<std::size_t> guess_speaker(const Quotation& quotation, const ArticleWords& article,
                                                       const PeopleFound& people);

}  // namespace geo

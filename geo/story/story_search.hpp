#pragma once
// Finding a place or person of the story by part of its name, in every language the story writes it in, with
// case, accents and spelling variants folded away (geo/text/text_fold.hpp): "pjongjang", "pyongyang" and "пхеньян"
// all find Pjöngjang when the story names it so.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "geo/story/story.hpp"

namespace geo {

struct SearchHit {
    enum class Kind { place, person };
    Kind kind = Kind::place;
    std::size_t index = 0;  // into Story::places or Story::people
    std::string matched;    // the name that matched, as the story writes it
    std::string language;   // of that name; empty for a person's name
    // 0: the whole name, 1: the start of a word of it, 2: inside a word. Lower is better.
    int quality = 2;

    bool operator==(const SearchHit&) const = default;
};

// Built once per story, so that typing only folds the query.
class StorySearch {
public:
    StorySearch() = default;
    explicit StorySearch(const Story& story);

    // The best match per place or person, best first (quality, then places before people, then story order).
    // Queries are folded like the names; a blank query finds nothing.
    [[nodiscard]] std::vector<SearchHit> find(std::string_view query, std::size_t max_hits = 20) const;

private:
    struct Name {
        SearchHit::Kind kind;
        std::size_t index;
        std::string text;
        std::string language;
        std::vector<std::string> folded;  // every folded variant of `text`
    };
    std::vector<Name> names_;
};

}  // namespace geo

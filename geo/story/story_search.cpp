#include "geo/story/story_search.hpp"

#include <algorithm>

#include "geo/text/text_fold.hpp"

namespace geo {
namespace {

// 0: equal, 1: at a word start, 2: elsewhere; -1: absent.
int match_quality(std::string_view name, std::string_view query) {
    if (name == query) return 0;
    int best = -1;
    for (std::size_t at = name.find(query); at != std::string_view::npos; at = name.find(query, at + 1)) {
        const bool word_start = at == 0 || name[at - 1] == ' ' || name[at - 1] == '-' || name[at - 1] == '(' ||
                                name[at - 1] == '\'' || name[at - 1] == '"' || name[at - 1] == '.';
        if (word_start) return 1;
        best = 2;
    }
    return best;
}

}  // namespace

StorySearch::StorySearch(const Story& story) {
    auto add = [&](SearchHit::Kind kind, std::size_t index, const std::string& text, const std::string& language) {
        if (text.empty()) return;
        Name name{kind, index, text, language, {}};
        for (std::string& form : fold_variants(text))
            if (!form.empty()) name.folded.push_back(std::move(form));
        names_.push_back(std::move(name));
    };
    for (std::size_t i = 0; i < story.places.size(); ++i) {
        const Place& place = story.places[i];
        for (const auto& [language, text] : place.names.by_language) add(SearchHit::Kind::place, i, text, language);
        if (place.label)
            for (const auto& [language, text] : place.label->by_language)
                add(SearchHit::Kind::place, i, text, language);
    }
    for (std::size_t i = 0; i < story.people.size(); ++i) add(SearchHit::Kind::person, i, story.people[i].name, "");
}

std::vector<SearchHit> StorySearch::find(std::string_view query, std::size_t max_hits) const {
    std::vector<SearchHit> hits;
    // The query is folded the plain way only: its variants would widen it ("oe" in a query must stay "oe"), and
    // the names carry the variants instead.
    const std::string folded = fold_for_search(query);
    if (folded.empty() || folded == " ") return hits;
    for (const Name& name : names_) {
        int quality = -1;
        for (const std::string& form : name.folded) {
            const int q = match_quality(form, folded);
            if (q >= 0 && (quality < 0 || q < quality)) quality = q;
        }
        if (quality < 0) continue;
        auto same = std::find_if(hits.begin(), hits.end(),
                                 [&](const SearchHit& h) { return h.kind == name.kind && h.index == name.index; });
        if (same == hits.end()) {
            hits.push_back({name.kind, name.index, name.text, name.language, quality});
        } else if (quality < same->quality) {
            *same = {name.kind, name.index, name.text, name.language, quality};
        }
    }
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
        if (a.quality != b.quality) return a.quality < b.quality;
        if (a.kind != b.kind) return a.kind == SearchHit::Kind::place;
        return a.index < b.index;
    });
    if (hits.size() > max_hits) hits.resize(max_hits);
    return hits;
}

}  // namespace geo

#pragma once
// `diplomap draft ARTICLE --out DIR`: a story drafted from an article (geo/draft/story_draft.hpp), written as
// DIR/story.json with a copy of the article beside it.
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace diplomap {

struct DraftOptions {
    std::filesystem::path article;
    std::filesystem::path out;                    // the story folder, created when missing
    std::string language;                         // of the article; empty: guessed from its words (German or English)
    bool force = false;                           // replace an existing story.json
    std::optional<std::filesystem::path> assets;  // where assets/gazetteer/exonyms.tsv is found
};

// 0 when the draft was written; 1 when the article cannot be read, DIR/story.json exists without `force`, or
// writing fails (nothing is left half-written).
int run_draft(const DraftOptions& options, std::ostream& out, std::ostream& err);

}  // namespace diplomap

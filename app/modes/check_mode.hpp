#pragma once
// Loading a story for any mode: `diplomap check` lists every problem; the viewer and exports refuse a bad story the
// same way, before drawing a map nobody can trust.
#include <filesystem>
#include <iosfwd>
#include <optional>

#include "geo/story/story.hpp"

namespace diplomap {

// The bundled story inside the assets folder.
std::filesystem::path default_story(const std::filesystem::path& assets);

// Loads and validates; on problems prints each as "FILE:LINE:COLUMN: error: MESSAGE [ID]" to `err` and returns
// nullopt. Warnings (a draft) are printed as "... warning: ..." and the story is returned.
std::optional<geo::Story> load_story_or_report(const std::filesystem::path& story, std::ostream& err);

// `diplomap check [--strict] STORY`: 0 and a one-line summary when the story is sound, 1 and every problem
// otherwise. Warnings (what a draft still lacks) are listed and accepted, unless `strict`.
int run_check(const std::filesystem::path& story, bool strict, std::ostream& out, std::ostream& err);

}  // namespace diplomap

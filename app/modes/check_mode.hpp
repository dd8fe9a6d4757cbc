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
// nullopt.
std::optional<geo::Story> load_story_or_report(const std::filesystem::path& story, std::ostream& err);

// `diplomap check STORY`: 0 and a one-line summary when the story is sound, 1 and every problem otherwise.
int run_check(const std::filesystem::path& story, std::ostream& out, std::ostream& err);

}  // namespace diplomap

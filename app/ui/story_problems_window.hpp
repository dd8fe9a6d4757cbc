#pragma once
// The story's problems in the window, one per line as `diplomap check` prints them, instead of a map nobody can
// trust; when an earlier version loaded, the window says the map still shows that one.
#include <string_view>

#include "geo/text/diagnostic.hpp"

namespace diplomap {

void draw_story_problems_window(const geo::Diagnostics& problems, bool showing_last_good_story,
                                std::string_view language = "en");

}  // namespace diplomap

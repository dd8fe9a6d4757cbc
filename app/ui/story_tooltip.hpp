#pragma once
// The tooltip for the story item under the pointer: a place's name, role and who speaks from there; a relation's
// kind, speaker, date and the first line of its quotation; a route's label and dates.
#include <string_view>

#include "geo/story/selection.hpp"
#include "geo/story/story.hpp"

namespace diplomap {

void draw_story_tooltip(const geo::Story& story, const geo::StoryItem& item, std::string_view language);

}  // namespace diplomap

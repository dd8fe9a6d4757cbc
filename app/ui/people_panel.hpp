#pragma once
// The people of the story: each with role, affiliation, the place they speak from and their quotations. A click on
// the place shows it on the map; a click on a quotation selects its relation, as in the article panel.
#include <optional>

#include "app/ui/panel_layout.hpp"
#include "geo/story/selection_model.hpp"
#include "geo/story/story.hpp"

namespace diplomap {

// `focus`: a person to scroll to and open (the search asks for it); taken when done.
void draw_people_panel(const geo::Story& story, geo::SelectionModel& selection, std::string_view language,
                       std::optional<std::size_t>& focus, bool& open, PanelRects& rects);

}  // namespace diplomap

#pragma once
// The story's dated events on a scrubbable axis (geo/story/timeline_scale.hpp). Scrubbing sets an "as of" date: the map
// then shows what was known on that day, relations and routes appearing and fading as the date passes theirs.
// The animation clock's controls sit on the panel's first line.
#include <chrono>
#include <optional>
#include <string_view>

#include "app/ui/animation_panel.hpp"
#include "app/ui/panel_layout.hpp"
#include "geo/story/selection_model.hpp"
#include "geo/story/story.hpp"
#include "geo/story/timeline_scale.hpp"

namespace diplomap {

struct TimelineState {
    std::optional<std::chrono::year_month_day> as_of;  // empty: everything, whatever its date
    PanelRect axis;    // where the axis (first to last date) was drawn in the last frame, screen points
    float axis_y = 0;  // the height of the axis line in that frame
};

// Returns whether the as-of date changed this frame.
bool draw_timeline_panel(const geo::Story& story, const geo::TimelineScale& scale, TimelineState& state,
                         AnimationControls& animation, geo::SelectionModel& selection, std::string_view language,
                         bool& open, PanelRects& rects);

// "12.09.2023" for German, "2023-09-12" otherwise.
std::string format_day(std::chrono::year_month_day day, std::string_view language);

}  // namespace diplomap

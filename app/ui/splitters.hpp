#pragma once
// The bands between the panels and the map: dragging one changes a column's width, the strip's height or the
// split of a column between its two panels, within each splitter's limits. Drawn after the panels, each in a
// window of its own with no decoration, so it can be grabbed wherever the layout put it.
#include "app/ui/panel_layout.hpp"

namespace diplomap {

// The value a drag by `points` (along the splitter's axis) gives, within the splitter's limits.
float dragged_value(const Splitter& splitter, float points);

// Draws every shown splitter of `layout` and writes what the reader drags into `sizes`. Returns whether a size
// changed this frame (the caller lays out again next frame; the settings then save the sizes).
bool draw_splitters(const PanelLayout& layout, PanelSizes& sizes);

}  // namespace diplomap

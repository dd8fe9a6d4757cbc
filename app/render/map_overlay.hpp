#pragma once
// Text the map itself carries, in the window and in every export: the data credit (and, later, title and legend).
// Drawn through an ImGui draw list, so it shares the UI's font with its German glyphs.
struct ImDrawList;

namespace diplomap {

void draw_map_credit(ImDrawList& list, float width_px, float height_px, float ui_scale);

}  // namespace diplomap

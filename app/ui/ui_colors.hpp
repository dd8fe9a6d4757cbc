#pragma once
// Colours the panels share, so that a highlighted excerpt or an added fact looks the same in every panel.
#include <imgui.h>

namespace diplomap::ui_colors {

inline const ImVec4 kAdded{0.95F, 0.78F, 0.35F, 1.0F};           // facts not from the article
inline constexpr ImU32 kHighlight = IM_COL32(250, 205, 70, 70);  // excerpts of the selected item
inline constexpr ImU32 kActive = IM_COL32(250, 205, 70, 150);    // the excerpt clicked last
inline constexpr ImU32 kQuoted = IM_COL32(120, 170, 230, 45);    // any passage the story quotes
inline constexpr ImU32 kHover = IM_COL32(255, 255, 255, 28);
inline const ImVec4 kSubtle{0.65F, 0.68F, 0.72F, 1.0F};

}  // namespace diplomap::ui_colors

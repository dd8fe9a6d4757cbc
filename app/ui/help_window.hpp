#pragma once

namespace diplomap {

// F1: every keyboard and mouse shortcut of the viewer.
void draw_help_window(bool& open);

}  // namespace diplomap

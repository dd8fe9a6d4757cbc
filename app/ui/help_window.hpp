#pragma once
#include <string_view>

namespace diplomap {

// F1: every keyboard and mouse shortcut of the viewer.
void draw_help_window(bool& open, std::string_view language = "en");

}  // namespace diplomap

#pragma once
#include <string_view>

namespace diplomap {

// F1: every keyboard and mouse shortcut of the viewer; `editing`: the editor's own and the map's, only those that
// editing answers.
void draw_help_window(bool& open, std::string_view language = "en", bool editing = false);

}  // namespace diplomap

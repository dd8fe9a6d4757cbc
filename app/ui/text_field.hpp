#pragma once
// A text field over a std::string for the editor's forms: ImGui 1.86 takes fixed buffers, and Debian's build ships
// no imgui_stdlib object, so the string grows through the resize callback. An edit counts once the field is left
// (Enter, Tab or a click elsewhere), so that one typed name is one undo step, not one per letter.
#include <string>

struct ImGuiInputTextCallbackData;

namespace diplomap {

// ImGui's resize callback for a field whose buffer is the std::string passed as its user data.
int grow_string(ImGuiInputTextCallbackData* data);

// Draws the field; true when the author finished changing `text` (it differs from what it was when focused).
bool text_field(const char* label, std::string& text, const char* hint = nullptr, bool multiline = false);

}  // namespace diplomap

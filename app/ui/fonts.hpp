#pragma once
#include <string>

struct ImFontAtlas;

namespace diplomap {

// The path of a system font with German (and Cyrillic) glyphs, found through fontconfig; empty if none.
std::string find_ui_font();

// Adds the UI font at `size_px` with the glyph ranges the stories need: Latin-1 and Latin Extended-A
// (ä ö ü ß), General Punctuation („ “ – …) and Cyrillic. Falls back to ImGui's built-in font (ASCII only).
// Returns false on fallback.
bool add_ui_font(ImFontAtlas& atlas, float size_px);

}  // namespace diplomap

#pragma once
// A slide's caption as the room reads it: the quotation (or the story's own text) large enough for the back row
// (at least 1/30 of the screen's height), the speaker and the source below, a slide counter and a thin progress
// bar. Drawn into a draw list, so the presentation window and slide exports show the same caption.
#include <imgui.h>

#include <functional>
#include <string>

#include "geo/map/view_fit.hpp"
#include "geo/story/slide.hpp"
#include "geo/story/story.hpp"

namespace diplomap {

struct CaptionText {
    std::string quote;    // the words, with their quotation marks when they are a quotation
    std::string speaker;  // "— Dmitri Peskow, Kremlsprecher"; empty when none
    std::string source;   // "Quelle: ..." / "Source: ..."
};

// What a slide's caption says in `language`: a quotation in the article's words when the language is the story's,
// its translation otherwise (English where the story has no translation in that language).
[[nodiscard]] CaptionText caption_text(const geo::Story& story, const geo::Slide& slide, const std::string& language);

struct CaptionLayout {
    float text_size = 0;  // pixels of the quotation's font
    float top = 0;        // where the caption band starts (the map's free part ends here), pixels
};

// How tall `text` stands at font size `size` wrapped to `wrap` pixels.
using TextHeight = std::function<float(const std::string& text, float size, float wrap)>;

// The caption band for an image `width` x `height` pixels: its text size and its top. Measured with the current
// ImGui font, wrapped to the width; the band never takes more than 40 % of the height.
[[nodiscard]] CaptionLayout layout_caption(const CaptionText& text, float width, float height);
// The same with another measure: `estimated_text_height` needs no ImGui context (exports fit the slide's view before
// any text is drawn), and errs on the tall side, so text laid out with it always fits its band.
[[nodiscard]] CaptionLayout layout_caption(const CaptionText& text, float width, float height,
                                           const TextHeight& text_height);
[[nodiscard]] float estimated_text_height(const std::string& text, float size, float wrap);

// Draws the band, the text, the counter "3 / 10" and the progress bar (0..1 through the whole presentation) at the
// bottom of the image. `slide_number` 0 leaves the counter and bar out (exports with --no-caption draw nothing).
void draw_caption(ImDrawList& list, const CaptionText& text, const CaptionLayout& layout, float width, float height,
                  int slide_number, int slide_count, float progress);

}  // namespace diplomap

#pragma once
// Where the timeline's event labels go: in up to three staggered rows, each label starting at its marker, cut at
// a word boundary with an ellipsis where the next label of its row begins, and hidden (its marker stays, its full
// text is in the marker's tooltip) when not even one word fits. No ImGui here: the text width comes from a
// callback, so the layout is tested with any measure.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace diplomap {

// The width of a text in the units of the positions (UI points in the panel).
using MeasureText = std::function<float(std::string_view)>;

struct TimelineLabel {
    std::size_t event = 0;  // index into the input
    int row = -1;           // -1: hidden
    float left = 0, right = 0;
    std::string text;  // the label as shown: whole, or cut at a word boundary and ending in "…"
    bool cut = false;

    [[nodiscard]] bool shown() const { return row >= 0; }
};

struct TimelineLabelOptions {
    int rows = 3;
    float axis_right = 0;  // labels end before this
    float gap = 8;         // between two labels of a row
    float lead = 0;        // how far a label starts left of its marker
};

// One label per input (`markers[i]` is where event i's marker sits, `texts[i]` its label), in input order.
std::vector<TimelineLabel> layout_timeline_labels(const std::vector<float>& markers,
                                                  const std::vector<std::string>& texts,
                                                  const TimelineLabelOptions& options, const MeasureText& measure);

// The longest start of `text` that ends at a word boundary and, with "…" after it, measures at most `width`;
// empty when not even the first word fits. The whole text when it fits as it is.
std::string cut_at_word(std::string_view text, float width, const MeasureText& measure);

}  // namespace diplomap

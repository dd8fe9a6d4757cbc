#pragma once
// The article's full text as a view of the program's own, because ImGui 1.86 has no selectable wrapped text: the
// text wrapped to the panel (wrapped_text_layout.hpp, cached per width and font), the quoted passages highlighted
// under it, and a selection made with the mouse (drag, shift+click, double-click for a word, triple-click for a
// paragraph; Ctrl+C copies it) whose byte range never splits a UTF-8 character. Only the lines in view are drawn,
// and a frame allocates nothing once the layout is made.
#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "app/ui/wrapped_text_layout.hpp"

namespace diplomap {

// A range of the text drawn on a background colour (a quotation, the selected excerpt).
struct TextHighlight {
    std::size_t begin = 0, end = 0;  // bytes
    ImU32 color = 0;
};

using ByteRange = std::pair<std::size_t, std::size_t>;

class ArticleTextView {
public:
    // Draws `text` in the current window from the cursor on, as wide as the window's content region. `version`
    // changes whenever the text does (the cached layout is then made anew).
    void draw(std::string_view text, std::uint64_t version, const std::vector<TextHighlight>& highlights);

    // The selection, [begin, end) with begin < end; nullopt when nothing is selected.
    [[nodiscard]] std::optional<ByteRange> selection() const;
    void select(std::size_t begin, std::size_t end);
    void clear_selection() { anchor_ = caret_ = 0; }
    // The character under the pointer in the last frame, and the place of a click (a press and release without
    // selecting anything) in the last frame.
    [[nodiscard]] std::optional<std::size_t> hovered() const { return hovered_; }
    [[nodiscard]] std::optional<std::size_t> clicked() const { return clicked_; }
    // The mouse is selecting (between press and release).
    [[nodiscard]] bool selecting() const { return selecting_; }
    // Brings `offset` into view, a little below the top, on the next draw.
    void scroll_to(std::size_t offset) { scroll_to_ = offset; }
    // Where `offset` was drawn in the last frame: the top left of its character in screen points, when in view.
    [[nodiscard]] std::optional<ImVec2> screen_position(std::size_t offset) const;
    [[nodiscard]] const std::vector<WrappedLine>& lines() const { return lines_; }

private:
    void lay_out(std::string_view text, std::uint64_t version, float width);
    [[nodiscard]] std::size_t offset_at(ImVec2 point) const;
    void handle_mouse(std::string_view text);

    std::vector<WrappedLine> lines_;
    std::uint64_t version_ = ~std::uint64_t{0};
    float width_ = -1, font_size_ = -1;
    const ImFont* font_ = nullptr;
    std::string_view text_;  // as of the last draw, for hit-tests between draws
    ImVec2 origin_;          // screen position of the first line's top left in the last frame
    float line_height_ = 0;
    ImVec2 visible_min_, visible_max_;
    std::size_t anchor_ = 0, caret_ = 0;
    bool selecting_ = false;
    bool moved_ = false;
    std::optional<std::size_t> hovered_, clicked_, scroll_to_;
};

}  // namespace diplomap

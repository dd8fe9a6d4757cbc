#pragma once
// Whitespace-insensitive comparison of quotations: articles wrap lines and use non-breaking spaces where a story
// author types plain ones, so both sides are compared with every whitespace run collapsed to one space.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace geo {

// Length of the whitespace character (Unicode White_Space, in UTF-8) at text[i], or 0 when there is none.
[[nodiscard]] std::size_t whitespace_length_at(std::string_view text, std::size_t i);

// The text with each whitespace run replaced by one ASCII space and leading and trailing whitespace removed: the
// form in which a quotation is searched for.
[[nodiscard]] std::string collapse_whitespace(std::string_view text);

// A text in collapsed form that remembers where each of its bytes came from, so that a match found in the
// collapsed form can be highlighted in the original.
class CollapsedText {
public:
    explicit CollapsedText(std::string_view original);

    [[nodiscard]] const std::string& text() const { return collapsed_; }

    // Byte range [first, second) in the original that the collapsed range [begin, end) was made from.
    [[nodiscard]] std::pair<std::size_t, std::size_t> original_range(std::size_t begin, std::size_t end) const;

    // Start offsets (in the collapsed text) of the non-overlapping occurrences of `needle`, left to right.
    [[nodiscard]] std::vector<std::size_t> find_all(std::string_view needle) const;

private:
    [[nodiscard]] std::size_t original_offset(std::size_t collapsed_offset) const;

    // From collapsed_start on, collapsed and original advance together, starting at original_start.
    struct Segment {
        std::size_t collapsed_start;
        std::size_t original_start;
    };

    std::string collapsed_;
    std::size_t original_size_;
    std::vector<Segment> segments_;
};

}  // namespace geo

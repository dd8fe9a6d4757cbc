#pragma once
// Turning byte offsets into the line:column pairs that diagnostics show.
#include <cstddef>
#include <string_view>
#include <vector>

namespace geo {

// 1-based line and byte column; {0, 0} means "no position" (the whole file).
struct TextPosition {
    int line = 0;
    int column = 0;

    friend bool operator==(const TextPosition&, const TextPosition&) = default;
};

// Index of line starts, built once per text so that any number of offsets can be looked up in O(log lines).
// The text must outlive the index.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);

    // Position of the byte at `offset`; an offset at or past the end gives the position just after the last byte,
    // which is where a truncated file ends.
    [[nodiscard]] TextPosition position_of(std::size_t offset) const;

private:
    std::string_view text_;
    std::vector<std::size_t> line_starts_;
};

}  // namespace geo

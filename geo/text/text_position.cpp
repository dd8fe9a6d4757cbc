#include "geo/text/text_position.hpp"

#include <algorithm>

namespace geo {

LineIndex::LineIndex(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
}

TextPosition LineIndex::position_of(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    // The last line start not after the offset.
    const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const auto line = static_cast<std::size_t>(after - line_starts_.begin());
    const std::size_t line_start = line_starts_[line - 1];
    return {static_cast<int>(line), static_cast<int>(offset - line_start + 1)};
}

}  // namespace geo

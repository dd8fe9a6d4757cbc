#include "geo/text/text_collapsed.hpp"

#include <algorithm>

namespace geo {

std::size_t whitespace_length_at(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0U; };
    const unsigned b0 = byte(i);
    if (b0 == ' ' || (b0 >= 0x09 && b0 <= 0x0D)) return 1;
    const unsigned b1 = byte(i + 1);
    const unsigned b2 = byte(i + 2);
    if (b0 == 0xC2 && (b1 == 0x85 || b1 == 0xA0)) return 2;  // NEL, no-break space
    if (b0 == 0xE1 && b1 == 0x9A && b2 == 0x80) return 3;    // ogham space mark
    if (b0 == 0xE2 && b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF)) {
        return 3;  // en/em/thin/... spaces, separators
    }
    if (b0 == 0xE2 && b1 == 0x81 && b2 == 0x9F) return 3;  // medium mathematical space
    if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) return 3;  // ideographic space
    return 0;
}

std::string collapse_whitespace(std::string_view text) {
    std::string out = CollapsedText(text).text();
    if (!out.empty() && out.front() == ' ') out.erase(0, 1);
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

CollapsedText::CollapsedText(std::string_view original) : original_size_(original.size()) {
    collapsed_.reserve(original.size());
    segments_.push_back({0, 0});
    std::size_t i = 0;
    while (i < original.size()) {
        std::size_t run = whitespace_length_at(original, i);
        if (run == 0) {
            collapsed_ += original[i];
            ++i;
            continue;
        }
        const std::size_t run_start = i;
        while (run != 0) {
            i += run;
            run = whitespace_length_at(original, i);
        }
        segments_.push_back({collapsed_.size(), run_start});
        collapsed_ += ' ';
        segments_.push_back({collapsed_.size(), i});
    }
}

std::size_t CollapsedText::original_offset(std::size_t collapsed_offset) const {
    if (collapsed_offset >= collapsed_.size()) return original_size_;
    // The last segment starting at or before the offset.
    const auto after =
        std::upper_bound(segments_.begin(), segments_.end(), collapsed_offset,
                         [](std::size_t offset, const Segment& s) { return offset < s.collapsed_start; });
    const Segment& segment = *(after - 1);
    return segment.original_start + (collapsed_offset - segment.collapsed_start);
}

std::pair<std::size_t, std::size_t> CollapsedText::original_range(std::size_t begin, std::size_t end) const {
    return {original_offset(begin), original_offset(end)};
}

std::vector<std::size_t> CollapsedText::find_all(std::string_view needle) const {
    std::vector<std::size_t> starts;
    if (needle.empty()) return starts;
    const std::string_view haystack = collapsed_;
    std::size_t from = 0;
    while (true) {
        const std::size_t found = haystack.find(needle, from);
        if (found == std::string_view::npos) break;
        starts.push_back(found);
        from = found + needle.size();
    }
    return starts;
}

}  // namespace geo

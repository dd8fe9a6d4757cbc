#include "app/ui/wrapped_text_layout.hpp"

#include <algorithm>

namespace diplomap {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool is_continuation(unsigned char byte) { return (byte & 0xC0U) == 0x80U; }

bool is_space(char32_t c) { return c == ' ' || c == '\t'; }

// Letters and digits of any script; what Unicode calls punctuation in the blocks a news text uses is not.
bool is_word_character(char32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c >= 0xA0 && c <= 0xBF) return false;      // no-break space, « », ¿, ...
    if (c == 0xD7 || c == 0xF7) return false;      // × ÷
    if (c >= 0x2000 && c <= 0x206F) return false;  // dashes, quotes, ellipsis, ...
    if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
    return c != kReplacement;
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

}  // namespace

char32_t decode_utf8(std::string_view text, std::size_t offset, std::size_t& length) {
    length = 1;
    if (offset >= text.size()) return 0;
    const auto lead = static_cast<unsigned char>(text[offset]);
    if (lead < 0x80) return lead;
    std::size_t n = 0;
    char32_t c = 0;
    if ((lead & 0xE0U) == 0xC0U) {
        n = 2;
        c = lead & 0x1FU;
    } else if ((lead & 0xF0U) == 0xE0U) {
        n = 3;
        c = lead & 0x0FU;
    } else if ((lead & 0xF8U) == 0xF0U) {
        n = 4;
        c = lead & 0x07U;
    } else {
        return kReplacement;
    }
    if (offset + n > text.size()) return kReplacement;
    for (std::size_t i = 1; i < n; ++i) {
        const auto byte = static_cast<unsigned char>(text[offset + i]);
        if (!is_continuation(byte)) return kReplacement;
        c = (c << 6U) | (byte & 0x3FU);
    }
    length = n;
    return c;
}

std::size_t snap_to_character(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    if (offset == text.size() || !is_continuation(static_cast<unsigned char>(text[offset]))) return offset;
    // A character is at most four bytes: its lead byte is at most three back. A continuation byte that no lead
    // byte claims is a bad byte, a character of its own.
    for (std::size_t back = 1; back <= 3 && back <= offset; ++back) {
        const std::size_t start = offset - back;
        if (is_continuation(static_cast<unsigned char>(text[start]))) continue;
        std::size_t length = 1;
        (void)decode_utf8(text, start, length);
        return start + length > offset ? start : offset;
    }
    return offset;
}

std::vector<WrappedLine> wrap_text(std::string_view text, float width, GlyphAdvance advance) {
    std::vector<WrappedLine> lines;
    const auto emit = [&](std::size_t begin, std::size_t end, std::size_t next) {
        lines.push_back(
            {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), static_cast<std::uint32_t>(next)});
    };
    std::size_t paragraph = 0;
    while (true) {
        std::size_t paragraph_end = text.find('\n', paragraph);
        const bool last = paragraph_end == std::string_view::npos;
        if (last) paragraph_end = text.size();
        const std::size_t next_paragraph = last ? text.size() : paragraph_end + 1;
        std::size_t drawn_end = paragraph_end;
        if (drawn_end > paragraph && text[drawn_end - 1] == '\r') --drawn_end;

        std::size_t line = paragraph;
        float x = 0;
        // The last place the line may break: where the word before the spaces ends and the next word begins.
        std::size_t break_end = 0, break_next = 0;
        bool can_break = false;
        bool after_space = false;
        std::size_t word_end = line;
        std::size_t at = line;
        while (at < drawn_end) {
            std::size_t length = 1;
            const char32_t c = decode_utf8(text, at, length);
            if (is_space(c)) {
                if (!after_space) word_end = at;
                after_space = true;
                x += advance(c);  // spaces hang past the edge rather than wrap a line by themselves
                at += length;
                continue;
            }
            if (after_space && word_end > line) {
                break_end = word_end;
                break_next = at;
                can_break = true;
            }
            after_space = false;
            const float w = advance(c);
            if (x + w > width && at > line) {
                if (can_break) {
                    emit(line, break_end, break_next);
                    line = at = break_next;
                } else {
                    emit(line, at, at);
                    line = at;
                }
                x = 0;
                can_break = false;
                continue;
            }
            x += w;
            at += length;
        }
        // Spaces at the end of a paragraph are drawn as nothing; they still belong to the line.
        emit(line, after_space ? word_end : drawn_end, next_paragraph);
        if (last) break;
        paragraph = next_paragraph;
    }
    return lines;
}

std::size_t line_of(const std::vector<WrappedLine>& lines, std::size_t offset) {
    if (lines.empty()) return 0;
    const auto it = std::upper_bound(lines.begin(), lines.end(), offset,
                                     [](std::size_t o, const WrappedLine& l) { return o < l.begin; });
    return it == lines.begin() ? 0 : static_cast<std::size_t>(it - lines.begin()) - 1;
}

float x_of(std::string_view text, const WrappedLine& line, std::size_t offset, GlyphAdvance advance) {
    float x = 0;
    std::size_t at = line.begin;
    const std::size_t stop = std::min<std::size_t>(offset, line.end);
    while (at < stop) {
        std::size_t length = 1;
        x += advance(decode_utf8(text, at, length));
        at += length;
    }
    return x;
}

std::size_t offset_at_x(std::string_view text, const WrappedLine& line, float x, GlyphAdvance advance) {
    float left = 0;
    std::size_t at = line.begin;
    while (at < line.end) {
        std::size_t length = 1;
        const float w = advance(decode_utf8(text, at, length));
        if (x < left + 0.5F * w) return at;
        left += w;
        at += length;
    }
    return line.end;
}

std::optional<std::size_t> character_at_x(std::string_view text, const WrappedLine& line, float x,
                                          GlyphAdvance advance) {
    if (x < 0) return std::nullopt;
    float left = 0;
    std::size_t at = line.begin;
    while (at < line.end) {
        std::size_t length = 1;
        left += advance(decode_utf8(text, at, length));
        if (x < left) return at;
        at += length;
    }
    return std::nullopt;
}

std::pair<std::size_t, std::size_t> paragraph_at(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    const std::size_t before = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
    const std::size_t begin = before == std::string_view::npos ? 0 : before + 1;
    std::size_t end = text.find('\n', offset);
    if (end == std::string_view::npos) end = text.size();
    if (end > begin && text[end - 1] == '\r') --end;
    return {begin, end};
}

std::pair<std::size_t, std::size_t> word_at(std::string_view text, std::size_t offset) {
    offset = snap_to_character(text, offset);
    if (offset >= text.size()) return {text.size(), text.size()};
    std::size_t length = 1;
    const char32_t here = decode_utf8(text, offset, length);
    if (is_space(here)) {
        std::size_t begin = offset, end = offset + length;
        while (begin > 0 && is_space(static_cast<unsigned char>(text[begin - 1]))) --begin;
        while (end < text.size() && is_space(static_cast<unsigned char>(text[end]))) ++end;
        return {begin, end};
    }
    if (!is_word_character(here)) return {offset, offset + length};
    // Forwards: word characters, and an apostrophe followed by one.
    std::size_t end = offset;
    while (end < text.size()) {
        std::size_t n = 1;
        const char32_t c = decode_utf8(text, end, n);
        if (is_word_character(c)) {
            end += n;
            continue;
        }
        std::size_t m = 1;
        if (is_apostrophe(c) && end + n < text.size() && is_word_character(decode_utf8(text, end + n, m))) {
            end += n;
            continue;
        }
        break;
    }
    // Backwards: step to the start of each previous character.
    std::size_t begin = offset;
    while (begin > 0) {
        const std::size_t previous = snap_to_character(text, begin - 1);
        std::size_t n = 1;
        const char32_t c = decode_utf8(text, previous, n);
        if (is_word_character(c)) {
            begin = previous;
            continue;
        }
        if (is_apostrophe(c) && previous > 0) {
            const std::size_t before = snap_to_character(text, previous - 1);
            if (is_word_character(decode_utf8(text, before, n))) {
                begin = previous;
                continue;
            }
        }
        break;
    }
    return {begin, end};
}

}  // namespace diplomap

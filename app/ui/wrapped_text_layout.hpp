#pragma once
// A UTF-8 text laid out into wrapped lines that know their byte offsets, and the questions a text view asks of
// them (which byte is under the pointer, where a byte is drawn, which word was double-clicked). Pure functions of
// the text, the wrap width and the glyphs' advances: the view caches the lines per width and font, and tests run
// without a window. Offsets handed out never split a UTF-8 character.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace diplomap {

// The advance of one code point in points; a reference to a callable, so that passing it allocates nothing.
class GlyphAdvance {
public:
    template <typename F>
    // NOLINTNEXTLINE(google-explicit-constructor,hicpp-explicit-conversions): used like a function reference
    GlyphAdvance(const F& f)
        : object_(&f), call_([](const void* o, char32_t c) { return (*static_cast<const F*>(o))(c); }) {}
    float operator()(char32_t c) const { return call_(object_, c); }

private:
    const void* object_;
    float (*call_)(const void*, char32_t);
};

struct WrappedLine {
    std::uint32_t begin = 0;  // the first byte drawn
    std::uint32_t end = 0;    // one past the last byte drawn: the wrap's spaces and the line break are not
    std::uint32_t next = 0;   // where the following line begins
};

// Lines of at most `width` points, broken after spaces; a word wider than a line is broken between characters.
// Every '\n' ends a line ("\r\n" too); an empty paragraph is an empty line. Bad UTF-8 bytes count as one character.
[[nodiscard]] std::vector<WrappedLine> wrap_text(std::string_view text, float width, GlyphAdvance advance);

// The code point at `offset` and its length in bytes (1 for a bad byte, which reads as U+FFFD).
[[nodiscard]] char32_t decode_utf8(std::string_view text, std::size_t offset, std::size_t& length);
// `offset` moved back to the start of the character it falls in (at most text.size()).
[[nodiscard]] std::size_t snap_to_character(std::string_view text, std::size_t offset);

// The line that holds `offset` (a line's `end` belongs to it; the bytes up to `next` too).
[[nodiscard]] std::size_t line_of(const std::vector<WrappedLine>& lines, std::size_t offset);
// Where `offset` is drawn, in points from the line's start.
[[nodiscard]] float x_of(std::string_view text, const WrappedLine& line, std::size_t offset, GlyphAdvance advance);
// The character boundary of `line` nearest to `x` points from its start.
[[nodiscard]] std::size_t offset_at_x(std::string_view text, const WrappedLine& line, float x, GlyphAdvance advance);
// The character drawn at `x` points from the line's start (for hovering); nullopt left of it or past its end.
[[nodiscard]] std::optional<std::size_t> character_at_x(std::string_view text, const WrappedLine& line, float x,
                                                        GlyphAdvance advance);
// The paragraph around `offset` (between line breaks, the break not included): what a triple-click selects.
[[nodiscard]] std::pair<std::size_t, std::size_t> paragraph_at(std::string_view text, std::size_t offset);

// The word around `offset` as [begin, end): letters and digits (any non-ASCII letter counts), with apostrophes
// between them ("don't", "Kim’s"). At a character that belongs to no word, that character alone (a run of spaces
// as one); at the end of the text, the empty range there.
[[nodiscard]] std::pair<std::size_t, std::size_t> word_at(std::string_view text, std::size_t offset);

}  // namespace diplomap

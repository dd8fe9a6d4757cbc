// The article text view's layout as a pure function: wrapping with byte offsets, hit-testing, and selections that
// snap to UTF-8 characters and words. Every character is one point wide here, so widths are character counts.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "app/ui/wrapped_text_layout.hpp"

using namespace diplomap;

namespace {

const auto kOne = [](char32_t) { return 1.0F; };

std::string line_text(std::string_view text, const WrappedLine& line) {
    return std::string(text.substr(line.begin, line.end - line.begin));
}

}  // namespace

TEST_CASE("lines break after spaces, at newlines, and inside words longer than a line", "[text-view]") {
    const std::string text = "Kim fuhr mit dem Zug\nnach Wladiwostok.\n\nEnde";
    const auto lines = wrap_text(text, 10.0F, kOne);
    REQUIRE(lines.size() == 8);
    CHECK(line_text(text, lines[0]) == "Kim fuhr");
    CHECK(line_text(text, lines[1]) == "mit dem");
    CHECK(line_text(text, lines[2]) == "Zug");
    CHECK(lines[2].next == 21);  // after the newline
    CHECK(line_text(text, lines[3]) == "nach");
    CHECK(line_text(text, lines[4]) == "Wladiwosto");  // no space to break at: between characters
    CHECK(line_text(text, lines[5]) == "k.");
    CHECK(lines[6].begin == lines[6].end);  // the empty paragraph
    CHECK(line_text(text, lines[7]) == "Ende");
    const auto wide = wrap_text(text, 40.0F, kOne);
    REQUIRE(wide.size() == 4);
    CHECK(line_text(text, wide[1]) == "nach Wladiwostok.");
    CHECK(wide[2].begin == wide[2].end);
    CHECK(line_text(text, wide[3]) == "Ende");
    CHECK(wide[3].next == text.size());
    // ...and every byte is on exactly one line, in order.
    for (std::size_t i = 1; i < lines.size(); ++i) CHECK(lines[i].begin == lines[i - 1].next);
}

TEST_CASE("a long word breaks between characters, never inside one", "[text-view]") {
    const std::string text = "Pjöngjangübergänge";  // ö, ü, ä are two bytes each
    const auto lines = wrap_text(text, 4.0F, kOne);
    REQUIRE(lines.size() == 5);
    CHECK(line_text(text, lines[0]) == "Pjön");
    CHECK(line_text(text, lines[1]) == "gjan");
    CHECK(line_text(text, lines[2]) == "gübe");
    CHECK(line_text(text, lines[3]) == "rgän");
    CHECK(line_text(text, lines[4]) == "ge");
}

TEST_CASE("CRLF and trailing spaces are not drawn, and a tiny width still makes progress", "[text-view]") {
    const std::string text = "ab  \r\ncd";
    const auto lines = wrap_text(text, 100.0F, kOne);
    REQUIRE(lines.size() == 2);
    CHECK(line_text(text, lines[0]) == "ab");
    CHECK(lines[0].next == 6);
    const auto narrow = wrap_text("abc", 0.0F, kOne);
    CHECK(narrow.size() == 3);
    CHECK(wrap_text("", 10.0F, kOne).size() == 1);
}

TEST_CASE("hit-testing finds the nearest character boundary and its position", "[text-view]") {
    const std::string text = "Grüße aus Kiew";
    const auto lines = wrap_text(text, 100.0F, kOne);
    REQUIRE(lines.size() == 1);
    // "G r ü ß e": ü starts at byte 2, ß at 4, e at 6.
    CHECK(offset_at_x(text, lines[0], 0.2F, kOne) == 0);
    CHECK(offset_at_x(text, lines[0], 2.4F, kOne) == 2);
    CHECK(offset_at_x(text, lines[0], 2.6F, kOne) == 4);
    CHECK(offset_at_x(text, lines[0], 99.0F, kOne) == text.size());
    CHECK(offset_at_x(text, lines[0], -5.0F, kOne) == 0);
    CHECK(x_of(text, lines[0], 6, kOne) == 4.0F);
    CHECK(x_of(text, lines[0], text.size(), kOne) == 14.0F);
    const auto wrapped = wrap_text(text, 6.0F, kOne);
    REQUIRE(wrapped.size() == 3);
    CHECK(line_of(wrapped, 0) == 0);
    CHECK(line_of(wrapped, 7) == 0);  // the wrap's space belongs to the line it ends
    CHECK(line_of(wrapped, 8) == 1);
    CHECK(line_of(wrapped, text.size()) == 2);
}

TEST_CASE("offsets snap back to the start of the character they fall in", "[text-view]") {
    const std::string text = "a\xC3\xBC\xE2\x80\x9E\xF0\x9F\x98\x80z";  // a ü „ 😀 z
    CHECK(snap_to_character(text, 0) == 0);
    CHECK(snap_to_character(text, 2) == 1);
    CHECK(snap_to_character(text, 4) == 3);
    CHECK(snap_to_character(text, 5) == 3);
    CHECK(snap_to_character(text, 7) == 6);
    CHECK(snap_to_character(text, 9) == 6);
    CHECK(snap_to_character(text, 10) == 10);
    CHECK(snap_to_character(text, 99) == text.size());
    // A stray continuation byte is a character of its own.
    const std::string bad = "a\x80\x80z";
    CHECK(snap_to_character(bad, 1) == 1);
    CHECK(snap_to_character(bad, 2) == 2);
    std::size_t length = 0;
    CHECK(decode_utf8(text, 6, length) == U'\U0001F600');
    CHECK(length == 4);
    CHECK(decode_utf8(bad, 1, length) == 0xFFFD);
    CHECK(length == 1);
}

TEST_CASE("a double-click selects the word: letters of any script, apostrophes inside", "[text-view]") {
    const std::string text = "„Wir warnen Pjöngjang“, sagte Kim’s Sprecher - don't.";
    const auto word = [&](std::size_t at) {
        const auto [b, e] = word_at(text, at);
        return text.substr(b, e - b);
    };
    const std::size_t pj = text.find("Pjöngjang");
    CHECK(word(pj + 3) == "Pjöngjang");  // inside the ö: still the whole word
    CHECK(word(pj + 4) == "Pjöngjang");
    CHECK(word(text.find("Wir")) == "Wir");
    CHECK(word(0) == "„");  // a quotation mark is a word of its own
    CHECK(word(1) == "„");
    CHECK(word(text.find("Kim")) == "Kim’s");
    CHECK(word(text.find("don")) == "don't");
    CHECK(word(text.find(" - ")) == " ");
    CHECK(word(text.find(',')) == ",");
    CHECK(word_at(text, text.size()) == std::pair(text.size(), text.size()));
}

TEST_CASE("hovering finds the character under the pointer, and a triple-click the paragraph", "[text-view]") {
    const std::string text = "Kiew\r\nPeking\nEnde";
    const auto lines = wrap_text(text, 100.0F, kOne);
    REQUIRE(lines.size() == 3);
    CHECK(character_at_x(text, lines[1], 0.9F, kOne) == std::optional<std::size_t>(6));
    CHECK(character_at_x(text, lines[1], 5.5F, kOne) == std::optional<std::size_t>(11));
    CHECK_FALSE(character_at_x(text, lines[1], 6.0F, kOne));
    CHECK_FALSE(character_at_x(text, lines[1], -1.0F, kOne));
    CHECK(paragraph_at(text, 2) == std::pair<std::size_t, std::size_t>(0, 4));
    CHECK(paragraph_at(text, 8) == std::pair<std::size_t, std::size_t>(6, 12));
    CHECK(paragraph_at(text, text.size()) == std::pair<std::size_t, std::size_t>(13, 17));
}

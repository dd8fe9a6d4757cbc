// Text helpers behind story checks: UTF-8 validation, whitespace-insensitive quotation search, positions.
#include <catch2/catch.hpp>

#include "geo/text/text_collapsed.hpp"
#include "geo/text/text_position.hpp"
#include "geo/text/text_utf8.hpp"

TEST_CASE("ill-formed UTF-8 is found at the start of the bad sequence", "[story][text]") {
    struct Case {
        const char* text;
        std::optional<std::size_t> bad;
    };
    const Case cases[] = {
        {"plain ASCII", std::nullopt},
        {"Pjöngjang 평양 😀", std::nullopt},
        {"R\xFC"
         "stung",
         1},                      // Latin-1 ü
        {"ab\xC0\x80", 2},        // overlong NUL
        {"\xE0\x80\xAF", 0},      // overlong '/'
        {"x\xED\xA0\x80", 1},     // UTF-16 surrogate
        {"\xF4\x90\x80\x80", 0},  // above U+10FFFF
        {"\xF5\x80\x80\x80", 0},  // never a lead byte
        {"abc\xE2\x82", 3},       // cut short at the end
        {"\x80", 0},              // lone continuation byte
        {"\xFF\xFE", 0},          // UTF-16 byte order mark
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK(geo::find_invalid_utf8(c.text) == c.bad);
    }
}

TEST_CASE("strings quoted in messages are short and on one line", "[story][text]") {
    CHECK(geo::quote_for_message("a\nb") == "a\\x0Ab");
    const std::string long_text(1000, 'x');
    CHECK(geo::quote_for_message(long_text) == std::string(60, 'x') + "...");
    // Never cut inside a character.
    std::string umlauts;
    for (int i = 0; i < 40; ++i) umlauts += "ä";
    const std::string quoted = geo::quote_for_message(umlauts);
    CHECK(quoted == umlauts.substr(0, 60) + "...");
    CHECK_FALSE(geo::find_invalid_utf8(quoted).has_value());
}

TEST_CASE("whitespace runs collapse to one space, Unicode spaces included", "[story][text]") {
    CHECK(geo::collapse_whitespace("  a \t\n b\r\n") == "a b");
    CHECK(geo::collapse_whitespace("10\xC2\xA0"
                                   "000 Mann") == "10 000 Mann");  // no-break space
    CHECK(geo::collapse_whitespace("a\xE2\x80\xAF"
                                   "b\xE2\x80\x89"
                                   "c\xE3\x80\x80"
                                   "d") == "a b c d");                  // narrow no-break, thin, ideographic
    CHECK(geo::collapse_whitespace("\xE2\x80\x8B") == "\xE2\x80\x8B");  // zero-width space is not whitespace
    CHECK(geo::collapse_whitespace(" \n ").empty());
}

TEST_CASE("matches in collapsed text map back to the original bytes", "[story][text]") {
    const std::string original = "  Kim sei mit\n   seinem\xC2\xA0Zug  eingetroffen. Kim sei mit seinem Zug";
    const geo::CollapsedText collapsed(original);
    CHECK(collapsed.text() == " Kim sei mit seinem Zug eingetroffen. Kim sei mit seinem Zug");
    const std::vector<std::size_t> found = collapsed.find_all("mit seinem Zug");
    REQUIRE(found.size() == 2);
    const auto [begin, end] = collapsed.original_range(found[0], found[0] + 14);
    CHECK(original.substr(begin, end - begin) == "mit\n   seinem\xC2\xA0Zug");
    const auto [begin2, end2] = collapsed.original_range(found[1], found[1] + 14);
    CHECK(original.substr(begin2, end2 - begin2) == "mit seinem Zug");
    CHECK(end2 == original.size());
    CHECK(collapsed.find_all("aa").empty());
    CHECK(geo::CollapsedText("aaaa").find_all("aa").size() == 2);  // non-overlapping
}

TEST_CASE("byte offsets become 1-based line and column", "[story][text]") {
    const std::string text = "ab\ncd\n\nä";
    const geo::LineIndex lines(text);
    CHECK(lines.position_of(0) == geo::TextPosition{1, 1});
    CHECK(lines.position_of(2) == geo::TextPosition{1, 3});  // the newline itself
    CHECK(lines.position_of(3) == geo::TextPosition{2, 1});
    CHECK(lines.position_of(6) == geo::TextPosition{3, 1});
    CHECK(lines.position_of(8) == geo::TextPosition{4, 2});  // second byte of ä
    CHECK(lines.position_of(9) == geo::TextPosition{4, 3});  // end of text
    CHECK(lines.position_of(1000) == geo::TextPosition{4, 3});
}

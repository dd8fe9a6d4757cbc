#include "geo/text/text_fold.hpp"

#include <cstdint>

namespace geo {
namespace {

enum class Umlauts { drop_dots, two_letters };

// Decodes the code point at text[i] and advances i; bytes that are not well-formed UTF-8 come out one by one as
// U+FFFD, so that folding never fails on a stray byte.
char32_t next_code_point(std::string_view text, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(i);
    std::size_t length = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t c = length == 1 ? b0 : b0 & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        c = (c << 6) | (byte(i + k) & 0x3F);
    }
    i += length;
    return c;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// Base letters of U+00C0..U+00FF and U+0100..U+017F; '*' marks letters that fold to two (handled by name below).
constexpr std::string_view kLatin1 = "aaaaaa*ceeeeiiiidnooooo*ouuuuy**aaaaaa*ceeeeiiiidnooooo*ouuuuy*y";
constexpr std::string_view kLatinExtendedA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkklllllll"
    "lllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

std::string_view two_letter_fold(char32_t c, Umlauts umlauts) {
    switch (c) {
        case 0xC6:
        case 0xE6: return "ae";
        case 0xD7: return "x";
        case 0xDE:
        case 0xFE: return "th";
        case 0xDF:
        case 0x1E9E: return "ss";
        case 0x132:
        case 0x133: return "ij";
        case 0x152:
        case 0x153: return "oe";
        case 0xC4:
        case 0xE4: return umlauts == Umlauts::two_letters ? "ae" : "a";
        case 0xD6:
        case 0xF6: return umlauts == Umlauts::two_letters ? "oe" : "o";
        case 0xDC:
        case 0xFC: return umlauts == Umlauts::two_letters ? "ue" : "u";
        default: return {};
    }
}

// Russian and Ukrainian letters in Latin, as English-language news writes them; index = lower-case code - U+0430.
constexpr std::array<std::string_view, 32> kCyrillicLatin{
    "a", "b", "v", "g", "d", "e",  "zh", "z",  "i",  "y",    "k", "l", "m", "n", "o",  "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",  "y", "",  "e", "yu", "ya"};

std::string_view transliterate(char32_t lower) {
    if (lower >= 0x430 && lower <= 0x44F) return kCyrillicLatin[lower - 0x430];
    switch (lower) {
        case 0x454: return "ye";  // є
        case 0x456:
        case 0x457: return "i";  // і ї
        case 0x491: return "g";  // ґ
        default: return {};
    }
}

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

std::string fold(std::string_view text, Umlauts umlauts, bool latin_cyrillic) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = next_code_point(text, i);
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (c >= 0x300 && c <= 0x36F) continue;  // combining accents of decomposed text
        if (pending_space) out += ' ';
        pending_space = false;
        if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
        if (c >= 0x410 && c <= 0x42F) c += 0x20;
        if (c >= 0x400 && c <= 0x40F) c += 0x50;
        if (c == 0x490) c = 0x491;
        if (c == 0x451) c = 0x435;  // ё is written е in most Russian text
        if (const std::string_view two = two_letter_fold(c, umlauts); !two.empty()) {
            out += two;
        } else if (c >= 0xC0 && c <= 0xFF && kLatin1[c - 0xC0] != '*') {
            out += kLatin1[c - 0xC0];
        } else if (c >= 0x100 && c <= 0x17F && kLatinExtendedA[c - 0x100] != '*') {
            out += kLatinExtendedA[c - 0x100];
        } else if (c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x2032) {
            out += '\'';
        } else if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB) {
            out += '"';
        } else if (c >= 0x2010 && c <= 0x2015) {
            out += '-';
        } else if (const std::string_view latin = latin_cyrillic ? transliterate(c) : std::string_view();
                   !latin.empty() || (latin_cyrillic && (c == 0x44A || c == 0x44C))) {
            out += latin;
        } else {
            append_utf8(out, c);
        }
    }
    return out;
}

}  // namespace

std::string fold_for_search(std::string_view utf8) { return fold(utf8, Umlauts::drop_dots, false); }

std::array<std::string, 3> fold_variants(std::string_view utf8) {
    std::array<std::string, 3> forms{fold(utf8, Umlauts::drop_dots, false), fold(utf8, Umlauts::two_letters, false),
                                     fold(utf8, Umlauts::drop_dots, true)};
    if (forms[1] == forms[0]) forms[1].clear();
    if (forms[2] == forms[0]) forms[2].clear();
    return forms;
}

}  // namespace geo

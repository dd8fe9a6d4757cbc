#include "geo/draft/quotations.hpp"

#include <optional>

namespace geo {

namespace {

struct CodePoint {
    char32_t value = 0;
    std::size_t size = 0;
};

// The text is valid UTF-8, so the lead byte gives the length.
CodePoint decode(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80) return {lead, 1};
    if ((lead >> 5) == 0x6 && at + 1 < text.size()) return {char32_t((lead & 0x1F) << 6 | (byte(1) & 0x3F)), 2};
    if ((lead >> 4) == 0xE && at + 2 < text.size())
        return {char32_t((lead & 0x0F) << 12 | (byte(1) & 0x3F) << 6 | (byte(2) & 0x3F)), 3};
    if ((lead >> 3) == 0x1E && at + 3 < text.size())
        return {char32_t((lead & 0x07) << 18 | (byte(1) & 0x3F) << 12 | (byte(2) & 0x3F) << 6 | (byte(3) & 0x3F)), 4};
    return {lead, 1};
}

// The code point before byte `at`, or 0 at the start.
char32_t previous(std::string_view text, std::size_t at) {
    if (at == 0) return 0;
    std::size_t start = at - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    return decode(text, start).value;
}

char32_t next(std::string_view text, std::size_t at) { return at < text.size() ? decode(text, at).value : 0; }

bool is_space(char32_t c) { return c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0; }

// Letters and digits of any script: enough to tell an apostrophe inside a word from a closing mark.
bool is_word(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return c >= 0xC0 && c != 0xD7 && c != 0xF7 && (c < 0x2000 || c > 0x206F);
}

enum : char32_t {
    low_double = 0x201E,     // „
    low_single = 0x201A,     // ‚
    left_double = 0x201C,    // “
    right_double = 0x201D,   // ”
    left_single = 0x2018,    // ‘
    right_single = 0x2019,   // ’ (also the apostrophe)
    left_guillemet = 0xAB,   // «
    right_guillemet = 0xBB,  // »
    left_angle = 0x2039,     // ‹
    right_angle = 0x203A,    // ›
};

bool is_mark(char32_t c) {
    switch (c) {
        case '"':
        case '\'':
        case low_double:
        case low_single:
        case left_double:
        case right_double:
        case left_single:
        case right_single:
        case left_guillemet:
        case right_guillemet:
        case left_angle:
        case right_angle: return true;
        default: return false;
    }
}

// Whether `close` ends a quotation opened with `open`.
bool closes(char32_t open, char32_t close) {
    switch (open) {
        case low_double: return close == left_double || close == right_double;
        case low_single: return close == left_single || close == right_single;
        case left_double: return close == right_double;
        case left_single: return close == right_single;
        case right_guillemet: return close == left_guillemet;
        case left_guillemet: return close == right_guillemet;
        case right_angle: return close == left_angle;
        case left_angle: return close == right_angle;
        case '"': return close == '"';
        case '\'': return close == '\'';
        default: return false;
    }
}

// Marks that only ever close (in the styles this reads).
bool only_closes(char32_t c) { return c == right_double || c == right_single; }

struct Open {
    char32_t mark;
    std::size_t at;
};

// A paragraph break starts at `at`: a newline, optional blanks, another newline.
bool paragraph_break(std::string_view text, std::size_t at) {
    if (text[at] != '\n') return false;
    for (std::size_t i = at + 1; i < text.size(); ++i) {
        if (text[i] == '\n') return true;
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') return false;
    }
    return false;
}

}  // namespace

QuotationScan find_quotations(std::string_view text) {
    QuotationScan scan;
    std::vector<Open> open;
    std::size_t at = 0;
    // An opening mark left unclosed at a paragraph's end was no quotation: scanning resumes just after it, so that
    // a stray mark ('90er) does not swallow the quotations after it.
    std::optional<std::size_t> ignore;
    const auto give_up_first_open = [&] {
        scan.unclosed.push_back(open.front().at);
        ignore = open.front().at;
        at = open.front().at;
        open.clear();
    };
    while (true) {
        if (at >= text.size()) {
            if (open.empty()) break;
            give_up_first_open();
            continue;
        }
        if (!open.empty() && paragraph_break(text, at)) {
            give_up_first_open();
            continue;
        }
        const CodePoint c = decode(text, at);
        if (!is_mark(c.value) || ignore == at) {
            at += c.size;
            continue;
        }
        const char32_t before = previous(text, at);
        const char32_t after = next(text, at + c.size);
        const bool symmetric = c.value == '"' || c.value == '\'' || c.value == right_single;
        // A closing mark follows the quoted words; a symmetric one must not lead into a word (l'Est, Kim's).
        const bool may_close = !is_space(before) && !(symmetric && is_word(after));
        // An opening mark leads into the quoted words; a symmetric one must not follow a word.
        const bool may_open = !is_space(after) && !only_closes(c.value) && !(symmetric && is_word(before));
        std::optional<std::size_t> level;
        if (may_close) {
            for (std::size_t i = open.size(); i-- > 0;) {
                if (closes(open[i].mark, c.value)) {
                    level = i;
                    break;
                }
            }
        }
        if (level) {
            const Open opened = open[*level];
            open.resize(*level);
            // One letter between single marks is an elision (rock 'n' roll), not a quotation.
            const std::size_t content = at - (opened.at + decode(text, opened.at).size);
            const bool elision = (opened.mark == '\'' || opened.mark == left_single) && content < 2;
            if (open.empty() && !elision) scan.quotations.push_back({opened.at, at + c.size});
        } else if (may_open) {
            open.push_back({c.value, at});
        }
        at += c.size;
    }
    return scan;
}

}  // namespace geo

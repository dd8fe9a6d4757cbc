#include "geo/draft/article_words.hpp"

#include <algorithm>

namespace geo {

namespace {

struct CodePoint {
    char32_t value = 0;
    std::size_t size = 1;
};

CodePoint decode(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) {
        return at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : static_cast<unsigned char>(0);
    };
    const unsigned char lead = byte(0);
    if (lead < 0x80) return {lead, 1};
    if ((lead >> 5) == 0x6) return {char32_t((lead & 0x1F) << 6 | (byte(1) & 0x3F)), 2};
    if ((lead >> 4) == 0xE) return {char32_t((lead & 0x0F) << 12 | (byte(1) & 0x3F) << 6 | (byte(2) & 0x3F)), 3};
    return {char32_t((lead & 0x07) << 18 | (byte(1) & 0x3F) << 12 | (byte(2) & 0x3F) << 6 | (byte(3) & 0x3F)), 4};
}

// Letters of the Latin, Greek and Cyrillic blocks and other scripts, digits; not punctuation, quotation marks or
// symbols.
bool is_letter_or_digit(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c == 0xD7 || c == 0xF7) return false;
    if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows
    if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
    return true;
}

bool is_upper(char32_t c) {
    if (c >= 'A' && c <= 'Z') return true;
    if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
    if (c >= 0x100 && c <= 0x17F) return c % 2 == 0;  // Latin Extended-A pairs upper, lower (near enough)
    if (c >= 0x391 && c <= 0x3A9) return true;        // Greek
    if (c >= 0x400 && c <= 0x42F) return true;        // Cyrillic
    return false;
}

bool is_sentence_end(char c) { return c == '.' || c == '!' || c == '?'; }

bool all_digits(std::string_view word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string lower_case(std::string_view word) {
    std::string lower;
    for (std::size_t i = 0; i < word.size();) {
        const CodePoint c = decode(word, i);
        char32_t v = c.value;
        if (v >= 'A' && v <= 'Z') {
            v += 'a' - 'A';
        } else if ((v >= 0xC0 && v <= 0xDE && v != 0xD7) || (v >= 0x410 && v <= 0x42F)) {
            v += 0x20;
        } else if (v >= 0x100 && v <= 0x17F && v % 2 == 0) {
            v += 1;
        }
        if (v < 0x80) {
            lower += static_cast<char>(v);
        } else if (v < 0x800) {
            lower += static_cast<char>(0xC0 | (v >> 6));
            lower += static_cast<char>(0x80 | (v & 0x3F));
        } else {
            lower.append(word.substr(i, c.size));
        }
        i += c.size;
    }
    return lower;
}

ArticleWords split_article(std::string_view text, const std::vector<Quotation>& quotations) {
    ArticleWords result;
    const auto inside_quotation = [&](std::size_t at) {
        return std::any_of(quotations.begin(), quotations.end(),
                           [&](const Quotation& q) { return at > q.begin && at < q.end; });
    };
    std::size_t sentence_begin = 0;
    std::size_t at = 0;
    std::size_t gap_begin = 0;
    bool new_sentence = true;
    bool after_colon = false;
    bool after_quote_open = false;
    const auto end_sentence = [&](std::size_t end) {
        if (end > sentence_begin) result.sentences.emplace_back(sentence_begin, end);
        sentence_begin = end;
        new_sentence = true;
    };
    while (at < text.size()) {
        const CodePoint c = decode(text, at);
        if (!is_letter_or_digit(c.value)) {
            if (c.value == ':') after_colon = true;
            if (std::any_of(quotations.begin(), quotations.end(), [&](const Quotation& q) { return q.begin == at; }))
                after_quote_open = true;
            // A paragraph break ends a sentence (and a heading without a full stop).
            if (c.value == '\n') {
                std::size_t next = at + 1;
                while (next < text.size() && (text[next] == ' ' || text[next] == '\t' || text[next] == '\r')) ++next;
                if (next < text.size() && text[next] == '\n') end_sentence(at);
            }
            if (c.value < 0x80 && is_sentence_end(static_cast<char>(c.value))) {
                // The stop, then any closing marks, then a blank: the sentence ends there. Not after a number.
                std::size_t next = at + 1;
                while (next < text.size()) {
                    const CodePoint after = decode(text, next);
                    if (after.value == 0x201C || after.value == 0x201D || after.value == 0x2019 ||
                        after.value == 0xAB || after.value == 0xBB || after.value == '"' || after.value == '\'' ||
                        after.value == ')') {
                        next += after.size;
                    } else {
                        break;
                    }
                }
                const bool blank_follows = next >= text.size() || text[next] == ' ' || text[next] == '\n';
                const bool after_number =
                    !result.words.empty() && result.words.back().end == at && all_digits(result.words.back().text);
                if (blank_follows && !after_number && sentence_begin < at) end_sentence(next);
            }
            at += c.size;
            continue;
        }
        // A word: letters and digits, with single inner hyphens and apostrophes.
        const std::size_t begin = at;
        while (at < text.size()) {
            const CodePoint inner = decode(text, at);
            if (is_letter_or_digit(inner.value)) {
                at += inner.size;
                continue;
            }
            const bool joiner = inner.value == '-' || inner.value == '\'' || inner.value == 0x2019;
            // A possessive 's (Kim Jong Un's train) is not part of the name.
            const bool possessive =
                inner.value != '-' && at + inner.size < text.size() && text[at + inner.size] == 's' &&
                (at + inner.size + 1 >= text.size() || !is_letter_or_digit(decode(text, at + inner.size + 1).value));
            if (joiner && !possessive && at + inner.size < text.size() &&
                is_letter_or_digit(decode(text, at + inner.size).value)) {
                at += inner.size;
                continue;
            }
            break;
        }
        ArticleWord word;
        word.begin = begin;
        word.end = at;
        word.text = std::string(text.substr(begin, at - begin));
        word.capitalised = is_upper(decode(text, begin).value);
        word.capital_by_position = new_sentence || after_colon || after_quote_open;
        word.in_quotation = inside_quotation(begin);
        word.sentence = result.sentences.size();
        word.gap_before = std::string(text.substr(gap_begin, begin - gap_begin));
        result.words.push_back(std::move(word));
        gap_begin = at;
        new_sentence = false;
        after_colon = false;
        after_quote_open = false;
    }
    end_sentence(text.size());
    return result;
}

}  // namespace geo

#pragma once
// Direct quotations in an article: „…“, »…«, «…», “…”, ‚…‘, ‘…’, ›…‹, "…" and '…' where they pair up. A quotation
// may run across a line break but not across a paragraph (a blank line); quotation marks nested inside one belong
// to it. An apostrophe (Kim's, geht's, l'Est) is not a quotation mark.
#include <cstddef>
#include <string_view>
#include <vector>

namespace geo {

// Bytes [begin, end) of the text, the quotation marks included.
struct Quotation {
    std::size_t begin = 0;
    std::size_t end = 0;

    friend bool operator==(const Quotation&, const Quotation&) = default;
};

struct QuotationScan {
    std::vector<Quotation> quotations;  // the outermost ones, in text order
    std::vector<std::size_t> unclosed;  // opening marks with no closing one in their paragraph
};

// `text` is UTF-8 (validated by the caller).
[[nodiscard]] QuotationScan find_quotations(std::string_view text);

}  // namespace geo

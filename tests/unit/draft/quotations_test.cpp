// Finding direct quotations: a table of tricky texts, each with the exact byte ranges expected (the marks
// included), written as the quoted text itself so that a wrong range shows what it took.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "geo/draft/quotations.hpp"

namespace {

struct Case {
    const char* what;
    std::string text;
    std::vector<std::string> quotations;  // the expected ranges, as the text they hold
    std::size_t unclosed = 0;
};

std::vector<std::string> found_texts(const std::string& text, const geo::QuotationScan& scan) {
    std::vector<std::string> texts;
    texts.reserve(scan.quotations.size());
    for (const geo::Quotation& q : scan.quotations) texts.push_back(text.substr(q.begin, q.end - q.begin));
    return texts;
}

}  // namespace

TEST_CASE("quotations are found with their exact ranges", "[draft]") {
    const std::vector<Case> cases = {
        {"German low-high marks", "Er sagte: „Wir kommen.“ Dann ging er.", {"„Wir kommen.“"}},
        {"German marks closed by a right double mark", "„Ja” und „Nein“", {"„Ja”", "„Nein“"}},
        {"English curly marks", "She said, “We will come,” and left.", {"“We will come,”"}},
        {"guillemets, German and French", "»Nie« und «jamais» und »toujours«", {"»Nie«", "«jamais»", "»toujours«"}},
        {"straight double marks", "He said \"no\" twice: \"no\".", {"\"no\"", "\"no\""}},
        {"straight single marks where paired", "They call it 'the deal' here.", {"'the deal'"}},
        {"nested quotation belongs to the outer one",
         "„Er rief ‚Halt!‘ und lief“, sagte sie.",
         {"„Er rief ‚Halt!‘ und lief“"}},
        {"nested English", "“He said ‘never’ to me,” she wrote.", {"“He said ‘never’ to me,”"}},
        {"a quotation across a line break", "„Keine Nation\nder Welt“ endet.", {"„Keine Nation\nder Welt“"}},
        {"apostrophes that are not quotes", "Kim's train, geht's, Gare de l'Est, rock 'n' roll? no: Kim’s", {}, 0},
        {"apostrophe inside a single-quoted quotation",
         "He wrote 'Kim's train left' yesterday.",
         {"'Kim's train left'"}},
        {"an unclosed quotation is none, and does not swallow the next one",
         "„Das bleibt offen.\n\nDann: „Das nicht.“",
         {"„Das nicht.“"},
         1},
        {"a stray opening mark before a real quotation", "die '90er Jahre und 'Zitat' hier", {"'Zitat'"}, 1},
        {"a quotation does not cross a paragraph", "“One\n\nTwo” and “three”", {"“three”"}, 1},
        {"marks with a blank inside are no quotation", "a \" b \" c", {}},
        {"UTF-8 inside", "„Pjöngjang – Wladiwostok“", {"„Pjöngjang – Wladiwostok“"}},
    };
    for (const Case& c : cases) {
        INFO(c.what << ": " << c.text);
        const geo::QuotationScan scan = geo::find_quotations(c.text);
        CHECK(found_texts(c.text, scan) == c.quotations);
        CHECK(scan.unclosed.size() == c.unclosed);
    }
}

TEST_CASE("quotation ranges are byte offsets into the UTF-8 text", "[draft]") {
    const std::string text = "Ö „ä“";  // Ö is 2 bytes, „ and “ 3 each, ä 2
    const geo::QuotationScan scan = geo::find_quotations(text);
    REQUIRE(scan.quotations.size() == 1);
    CHECK(scan.quotations[0] == geo::Quotation{3, 11});
}

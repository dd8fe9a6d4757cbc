// The timeline's labels: staggered rows, no two boxes over one another, cuts at word boundaries with an ellipsis,
// hidden when not one word fits. Text is measured at a fixed width per character, as a monospaced font would.
#include <catch2/catch.hpp>

#include "bundled_story.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "app/ui/timeline_labels.hpp"
#include "geo/story/timeline_scale.hpp"

using namespace diplomap;

namespace {

constexpr float kCharWidth = 7.0F;

float measure(std::string_view text) {
    float width = 0;
    for (const unsigned char c : text)
        if ((c & 0xC0U) != 0x80U) width += kCharWidth;  // one per code point
    return width;
}

void check_no_overlap(const std::vector<TimelineLabel>& labels, const TimelineLabelOptions& options) {
    for (std::size_t a = 0; a < labels.size(); ++a) {
        if (!labels[a].shown()) continue;
        CHECK(labels[a].row < options.rows);
        CHECK(labels[a].right <= options.axis_right + 0.01F);
        CHECK(labels[a].right - labels[a].left == Approx(measure(labels[a].text)));
        for (std::size_t b = a + 1; b < labels.size(); ++b) {
            if (!labels[b].shown() || labels[a].row != labels[b].row) continue;
            INFO("labels " << a << " and " << b << " in row " << labels[a].row);
            const bool apart = labels[a].right + options.gap <= labels[b].left + 0.01F ||
                               labels[b].right + options.gap <= labels[a].left + 0.01F;
            CHECK(apart);
        }
    }
}

// A cut label is a start of the whole one ending at a word, with "…" after it.
void check_cuts(const std::vector<TimelineLabel>& labels, const std::vector<std::string>& texts) {
    for (const TimelineLabel& label : labels) {
        if (!label.shown()) continue;
        const std::string& whole = texts[label.event];
        if (!label.cut) {
            CHECK(label.text == whole);
            continue;
        }
        INFO(whole << " -> " << label.text);
        REQUIRE(label.text.size() > 3);
        CHECK(label.text.substr(label.text.size() - 3) == "\u2026");
        const std::string head = label.text.substr(0, label.text.size() - 3);
        CHECK(whole.rfind(head, 0) == 0);
        CHECK(whole.size() > head.size());
        // The word ended there: a space (after any punctuation dropped) follows in the whole text.
        const std::size_t next = whole.find_first_not_of(",;:-", head.size());
        REQUIRE(next != std::string::npos);
        CHECK(whole[next] == ' ');
    }
}

}  // namespace

TEST_CASE("a label cut at a word boundary ends in an ellipsis", "[ui][timeline]") {
    const std::string text = "Kim Jong Un arrives in Wladiwostok by armoured train";
    CHECK(cut_at_word(text, 1000, measure) == text);
    CHECK(cut_at_word(text, measure("Kim Jong Un arrives\u2026"), measure) == "Kim Jong Un arrives\u2026");
    CHECK(cut_at_word(text, measure("Kim Jong Un arrives\u2026") - 1, measure) == "Kim Jong Un\u2026");
    CHECK(cut_at_word(text, measure("Kim\u2026") - 1, measure).empty());
    CHECK(cut_at_word("Treffen, dann Abreise", measure("Treffen, da\u2026"), measure) == "Treffen\u2026");
    CHECK(cut_at_word("Treffen, dann Abreise", measure("Treffen, dann\u2026"), measure) == "Treffen, dann\u2026");
    CHECK(cut_at_word("Überraschungsbesuch", measure("Überraschung"), measure).empty());
}

TEST_CASE("labels of the bundled story do not overlap at any panel width", "[ui][timeline]") {
    const geo::Story& story = test::bundled_story();
    const geo::TimelineScale scale(geo::timeline_anchors(story));
    REQUIRE(story.timeline.size() >= 4);
    for (const char* language : {"de", "en"}) {
        std::size_t shown_before = 0;
        for (const float width : {300.0F, 700.0F, 1200.0F, 2400.0F}) {
            INFO(language << " at " << width);
            std::vector<float> markers;
            std::vector<std::string> texts;
            for (const geo::TimelineEvent& e : story.timeline) {
                markers.push_back(static_cast<float>(scale.position(e.date.first)) * width);
                texts.push_back(e.label.get(language));
            }
            TimelineLabelOptions options;
            options.axis_right = width + 20;
            options.lead = 4;
            const auto labels = layout_timeline_labels(markers, texts, options, measure);
            REQUIRE(labels.size() == texts.size());
            check_no_overlap(labels, options);
            check_cuts(labels, texts);
            // A wider panel shows at least as many labels; the widest shows all but those crowded onto the
            // same days in September 2023 (four events within two days: three rows hold three).
            const auto shown = static_cast<std::size_t>(
                std::count_if(labels.begin(), labels.end(), [](const TimelineLabel& l) { return l.shown(); }));
            CHECK(shown >= shown_before);
            shown_before = shown;
            if (width >= 2400) CHECK(shown >= texts.size() - 1);
        }
    }
}

TEST_CASE("sixty crowded events: staggered rows, cut and hidden labels, never an overlap", "[ui][timeline]") {
    std::vector<float> markers;
    std::vector<std::string> texts;
    for (int i = 0; i < 60; ++i) {
        // Bunched in clusters, some on the same day, with labels of one to nine words.
        const int cluster = i / 5, within = i % 5;
        markers.push_back(static_cast<float>(cluster * 90 + within * 6));
        std::string text = "Event " + std::to_string(i);
        for (int w = 0; w < i % 8; ++w) text += " word" + std::to_string(w);
        texts.push_back(text);
    }
    for (const int rows : {1, 2, 3}) {
        INFO(rows << " rows");
        TimelineLabelOptions options;
        options.rows = rows;
        options.axis_right = 1100;
        options.gap = 6;
        const auto labels = layout_timeline_labels(markers, texts, options, measure);
        REQUIRE(labels.size() == 60);
        check_no_overlap(labels, options);
        check_cuts(labels, texts);
        std::size_t shown = 0, cut = 0, hidden = 0;
        std::array<std::size_t, 3> per_row{};
        for (const TimelineLabel& l : labels) {
            CHECK(l.event < 60);
            shown += l.shown() ? 1 : 0;
            cut += l.cut ? 1 : 0;
            hidden += l.shown() ? 0 : 1;
            if (l.shown()) ++per_row[static_cast<std::size_t>(l.row)];
            if (l.shown()) CHECK(l.left == markers[l.event]);  // a label starts at its marker
        }
        // Crowded: some labels are cut and some hidden; more rows show more of them.
        CHECK(cut > 0);
        CHECK(hidden > 0);
        CHECK(shown >= static_cast<std::size_t>(12 * rows));
        for (int r = 0; r < rows; ++r) CHECK(per_row[static_cast<std::size_t>(r)] > 0);
    }
    // Well spread, every label shows whole in one row.
    std::vector<float> spread;
    spread.reserve(60);
    for (int i = 0; i < 60; ++i) spread.push_back(static_cast<float>(i) * 400);
    TimelineLabelOptions wide;
    wide.axis_right = 60 * 400;
    const auto labels = layout_timeline_labels(spread, texts, wide, measure);
    for (const TimelineLabel& l : labels) {
        CHECK(l.row == 0);
        CHECK_FALSE(l.cut);
    }
}

TEST_CASE("labels of events given out of date order are laid out by position", "[ui][timeline]") {
    const std::vector<float> markers{500, 0, 250};
    const std::vector<std::string> texts{"third event", "first event", "second event"};
    TimelineLabelOptions options;
    options.axis_right = 800;
    const auto labels = layout_timeline_labels(markers, texts, options, measure);
    REQUIRE(labels.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(labels[i].event == i);
        CHECK(labels[i].row == 0);
        CHECK(labels[i].left == markers[i]);
        CHECK(labels[i].text == texts[i]);
    }
}

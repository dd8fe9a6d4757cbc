// The panels' layout, computed each frame from the display, the bars and which panels are shown: panels in a left
// column, a right column and a bottom strip, never over one another or over the map, which gets what remains.
#include <catch2/catch.hpp>

#include <string>

#include "app/ui/panel_layout.hpp"
#include "app/ui/splitters.hpp"

using namespace diplomap;

namespace {

constexpr float kBar = 22.0F;  // menu bar and status bar at UI scale 1

PanelLayoutInput input_for(float width, float height, std::array<bool, kPanelCount> shown, float scale = 1.0F) {
    PanelLayoutInput input;
    input.display_width = width;
    input.display_height = height;
    input.top = kBar * scale;
    input.bottom = kBar * scale;
    input.shown = shown;
    input.ui_scale = scale;
    return input;
}

std::array<bool, kPanelCount> all_shown() {
    std::array<bool, kPanelCount> shown{};
    shown.fill(true);
    return shown;
}

bool overlap(const PanelRect& a, const PanelRect& b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

std::string name(Panel p) {
    constexpr const char* kNames[] = {"article", "people", "timeline", "layers", "search"};
    return kNames[static_cast<std::size_t>(p)];
}

// Every shown panel and splitter inside the body, none over another or over the map; the body's area is
// exactly panels + splitters + map (nothing lost, nothing counted twice).
void check_partition(const PanelLayout& layout, const PanelLayoutInput& input) {
    std::vector<std::pair<std::string, PanelRect>> parts{{"map", layout.map}};
    for (std::size_t i = 0; i < kPanelCount; ++i) {
        const Panel p = static_cast<Panel>(i);
        CHECK(layout.panels[p].shown == input.shown[i]);
        if (layout.panels[p].shown) parts.emplace_back(name(p), layout.panels[p]);
    }
    if (layout.controls.shown) parts.emplace_back("controls", layout.controls);
    for (std::size_t i = 0; i < kSplitterCount; ++i)
        if (layout.splitters[i].rect.shown)
            parts.emplace_back("splitter " + std::to_string(i), layout.splitters[i].rect);
    double area = 0;
    for (std::size_t a = 0; a < parts.size(); ++a) {
        const PanelRect& r = parts[a].second;
        INFO(parts[a].first);
        CHECK(r.left >= 0);
        CHECK(r.right <= input.display_width + 0.01F);
        CHECK(r.top >= input.top);
        CHECK(r.bottom <= input.display_height - input.bottom + 0.01F);
        CHECK(r.width() > 0);
        CHECK(r.height() > 0);
        area += static_cast<double>(r.width()) * static_cast<double>(r.height());
        for (std::size_t b = a + 1; b < parts.size(); ++b) {
            INFO(parts[a].first << " and " << parts[b].first);
            CHECK_FALSE(overlap(r, parts[b].second));
        }
    }
    const double body =
        static_cast<double>(input.display_width) * static_cast<double>(input.display_height - input.top - input.bottom);
    CHECK(area == Approx(body).epsilon(1e-4));
}

}  // namespace

TEST_CASE("panels sit in a left column, a right column and a bottom strip around the map", "[ui][layout]") {
    const PanelLayoutInput input = input_for(1920, 1080, all_shown());
    const PanelLayout layout = layout_panels(input);
    check_partition(layout, input);
    const PanelRect &search = layout.panels[Panel::search], &article = layout.panels[Panel::article];
    const PanelRect &people = layout.panels[Panel::people], &layers = layout.panels[Panel::layers];
    const PanelRect& timeline = layout.panels[Panel::timeline];
    // Left column: search above the article, from the left edge.
    CHECK(search.left == 0);
    CHECK(article.left == 0);
    CHECK(search.bottom < article.top);
    CHECK(search.top == kBar);
    CHECK(article.bottom == 1080 - kBar);
    // Right column: people above layers, to the right edge.
    CHECK(people.right == 1920);
    CHECK(layers.right == 1920);
    CHECK(people.bottom < layers.top);
    // The strip between the columns, under the map and as wide as it.
    CHECK(timeline.left == layout.map.left);
    CHECK(timeline.right == layout.map.right);
    CHECK(timeline.bottom == 1080 - kBar);
    CHECK(timeline.top > layout.map.bottom);
    // The default sizes at 1920x1080: the columns as set, the map more than half the width.
    CHECK(article.width() == Approx(PanelSizes{}.left_width));
    CHECK(people.width() == Approx(PanelSizes{}.right_width));
    CHECK(layout.map.width() > 1920 * 0.55F);
    CHECK(layout.map.height() > 1080 * 0.7F);
}

TEST_CASE("a hidden panel gives its room back to the map", "[ui][layout]") {
    const PanelLayout full = layout_panels(input_for(1920, 1080, all_shown()));
    SECTION("the whole left column") {
        auto shown = all_shown();
        shown[static_cast<std::size_t>(Panel::search)] = shown[static_cast<std::size_t>(Panel::article)] = false;
        const PanelLayoutInput input = input_for(1920, 1080, shown);
        const PanelLayout layout = layout_panels(input);
        check_partition(layout, input);
        CHECK(layout.map.left == 0);
        CHECK(layout.map.right == full.map.right);
        CHECK(layout.panels[Panel::timeline].left == 0);
        CHECK_FALSE(layout.splitter(SplitterId::left_column).rect.shown);
    }
    SECTION("one panel of a column: the other takes the column's height") {
        auto shown = all_shown();
        shown[static_cast<std::size_t>(Panel::people)] = false;
        const PanelLayoutInput input = input_for(1920, 1080, shown);
        const PanelLayout layout = layout_panels(input);
        check_partition(layout, input);
        CHECK(layout.panels[Panel::layers].top == kBar);
        CHECK(layout.panels[Panel::layers].bottom == 1080 - kBar);
        CHECK(layout.map.right == full.map.right);
        CHECK_FALSE(layout.splitter(SplitterId::right_stack).rect.shown);
    }
    SECTION("the timeline") {
        auto shown = all_shown();
        shown[static_cast<std::size_t>(Panel::timeline)] = false;
        const PanelLayoutInput input = input_for(1920, 1080, shown);
        const PanelLayout layout = layout_panels(input);
        check_partition(layout, input);
        CHECK(layout.map.bottom == 1080 - kBar);
        CHECK(layout.map.left == full.map.left);
    }
    SECTION("the timeline, with the play controls in its place") {
        auto shown = all_shown();
        shown[static_cast<std::size_t>(Panel::timeline)] = false;
        PanelLayoutInput input = input_for(1920, 1080, shown);
        input.controls_height = 34;
        const PanelLayout layout = layout_panels(input);
        check_partition(layout, input);
        REQUIRE(layout.controls.shown);
        CHECK(layout.controls.height() == 34);
        CHECK(layout.controls.bottom == 1080 - kBar);
        CHECK(layout.controls.left == full.map.left);
        CHECK(layout.controls.right == full.map.right);
        CHECK(layout.map.bottom == layout.controls.top);
        // With the timeline shown the controls are in it and take no room of their own.
        input.shown = all_shown();
        CHECK_FALSE(layout_panels(input).controls.shown);
    }
    SECTION("everything") {
        const PanelLayoutInput input = input_for(1920, 1080, {});
        const PanelLayout layout = layout_panels(input);
        check_partition(layout, input);
        CHECK(layout.map.left == 0);
        CHECK(layout.map.right == 1920);
        CHECK(layout.map.top == kBar);
        CHECK(layout.map.bottom == 1080 - kBar);
    }
}

TEST_CASE("a small window shrinks the columns and keeps a sensible map", "[ui][layout]") {
    for (const auto& [width, height, scale] :
         {std::tuple{1920.0F, 1080.0F, 1.0F}, std::tuple{1280.0F, 720.0F, 1.0F}, std::tuple{1280.0F, 720.0F, 2.0F},
          std::tuple{800.0F, 560.0F, 1.0F}, std::tuple{960.0F, 540.0F, 2.0F}}) {
        INFO(width << "x" << height << " at scale " << scale);
        PanelLayoutInput input = input_for(width, height, all_shown(), scale);
        // Columns dragged wide, as a reader with a large monitor might have left them.
        input.sizes.left_width = input.sizes.right_width = 700;
        input.sizes.bottom_height = 600;
        const PanelLayout layout = layout_panels(input);
        check_partition(layout, input);
        CHECK(layout.map.width() >= width * kMinMapWidthShare - 0.5F);
        CHECK(layout.map.height() >= (height - 2 * kBar * scale) * kMinMapHeightShare - 0.5F);
        // What the columns gave up they gave in proportion: both are still there.
        CHECK(layout.panels[Panel::article].width() > 0.1F * width);
        CHECK(layout.panels[Panel::people].width() > 0.1F * width);
    }
    // At 1280x720 with the default sizes the map is the larger part of the window.
    const PanelLayout layout = layout_panels(input_for(1280, 720, all_shown()));
    CHECK(layout.map.width() >= 1280 * 0.4F);
    CHECK(layout.map.height() >= 720 * 0.5F);
    CHECK(layout.panels[Panel::article].width() >= 180);
}

TEST_CASE("larger UI scales make the columns wider", "[ui][layout]") {
    const PanelLayout one = layout_panels(input_for(2560, 1440, all_shown(), 1.0F));
    const PanelLayout two = layout_panels(input_for(2560, 1440, all_shown(), 1.5F));
    CHECK(two.panels[Panel::article].width() == Approx(1.5F * one.panels[Panel::article].width()));
    CHECK(two.panels[Panel::timeline].height() == Approx(1.5F * one.panels[Panel::timeline].height()));
}

TEST_CASE("splitters drag the sizes within their limits", "[ui][layout]") {
    const PanelLayout layout = layout_panels(input_for(1920, 1080, all_shown()));
    const Splitter& left = layout.splitter(SplitterId::left_column);
    REQUIRE(left.rect.shown);
    CHECK(left.drags_x);
    // The splitter sits between the column and the map.
    CHECK(left.rect.left == layout.panels[Panel::article].right);
    CHECK(left.rect.right == layout.map.left);
    CHECK(dragged_value(left, 50) == Approx(PanelSizes{}.left_width + 50));
    CHECK(dragged_value(left, -5000) == left.min);
    CHECK(dragged_value(left, 5000) == left.max);
    // The right column grows when dragged left, the strip when dragged up.
    const Splitter& right = layout.splitter(SplitterId::right_column);
    CHECK(right.rect.right == layout.panels[Panel::people].left);
    CHECK(dragged_value(right, -40) == Approx(PanelSizes{}.right_width + 40));
    const Splitter& strip = layout.splitter(SplitterId::bottom_strip);
    CHECK_FALSE(strip.drags_x);
    CHECK(strip.rect.top == layout.map.bottom);
    CHECK(dragged_value(strip, -30) == Approx(PanelSizes{}.bottom_height + 30));
    // A stacked split moves by its share of the column.
    const Splitter& stack = layout.splitter(SplitterId::left_stack);
    REQUIRE(stack.rect.shown);
    const float column = layout.panels[Panel::article].bottom - layout.panels[Panel::search].top - kSplitterThickness;
    CHECK(dragged_value(stack, column * 0.1F) == Approx(PanelSizes{}.left_split + 0.1F));

    // What a drag stores lays the panels out there next frame.
    PanelLayoutInput input = input_for(1920, 1080, all_shown());
    input.sizes.left_width = dragged_value(left, 80);
    input.sizes.left_split = dragged_value(stack, column * 0.1F);
    const PanelLayout next = layout_panels(input);
    CHECK(next.panels[Panel::article].width() == Approx(layout.panels[Panel::article].width() + 80));
    CHECK(next.map.left == Approx(layout.map.left + 80));
    CHECK(next.panels[Panel::search].height() == Approx(layout.panels[Panel::search].height() + column * 0.1F));
}

TEST_CASE("the map's pixel rectangle is the free area times the pixel ratio", "[ui][layout]") {
    const PanelLayout layout = layout_panels(input_for(1280, 720, all_shown()));
    const geo::PixelRect pixels = map_pixel_rect(layout, 2.0F);
    CHECK(pixels.left == Approx(2 * layout.map.left));
    CHECK(pixels.right == Approx(2 * layout.map.right));
    CHECK(pixels.top == Approx(2 * layout.map.top));
    CHECK(pixels.bottom == Approx(2 * layout.map.bottom));
}

// Label placement as pure geometry: dense random scenes must never overlap or leave the viewport, and the rules
// (priority, preferred side, keeping clear of markers) hold in small scenes whose answer is known.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "geo/map/label_layout.hpp"

using geo::LabelBox;
using geo::LabelCandidate;
using geo::LabelLayout;
using geo::PlacedLabel;

namespace {

constexpr double kGap = 3.0;  // the layout's gap between a marker's edge and its label

double distance_to_box(const LabelBox& box, double x, double y) {
    return std::hypot(x - std::clamp(x, box.min_x, box.max_x), y - std::clamp(y, box.min_y, box.max_y));
}

LabelCandidate candidate(double x, double y, double width, double height = 12, int priority = 0, double radius = 4) {
    LabelCandidate c;
    c.anchor_x = x;
    c.anchor_y = y;
    c.marker_radius = radius;
    c.width = width;
    c.height = height;
    c.priority = priority;
    return c;
}

}  // namespace

TEST_CASE("a lone label goes right of its marker, vertically centred", "[label]") {
    LabelLayout layout;
    const std::vector<LabelCandidate> candidates{candidate(100, 100, 50, 12, 0, 4)};
    const auto& placed = layout.place(candidates, 800, 600);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].candidate == 0);
    CHECK(placed[0].box.min_x == Approx(100 + 4 + kGap));
    CHECK(placed[0].box.max_x == Approx(100 + 4 + kGap + 50));
    CHECK(placed[0].box.min_y == Approx(94));
    CHECK(placed[0].box.max_y == Approx(106));
}

TEST_CASE("a label that would leave the viewport tries left, then above and below", "[label]") {
    LabelLayout layout;
    SECTION("at the right edge it goes left") {
        const std::vector<LabelCandidate> candidates{candidate(780, 300, 50)};
        const auto& placed = layout.place(candidates, 800, 600);
        REQUIRE(placed.size() == 1);
        CHECK(placed[0].box.max_x == Approx(780 - 4 - kGap));
        CHECK(placed[0].box.min_y == Approx(294));
    }
    SECTION("too wide for either side it goes above, centred") {
        const std::vector<LabelCandidate> candidates{candidate(100, 300, 150)};
        const auto& placed = layout.place(candidates, 200, 600);
        REQUIRE(placed.size() == 1);
        CHECK(placed[0].box.min_x == Approx(25));
        CHECK(placed[0].box.max_y == Approx(300 - 4 - kGap));
    }
    SECTION("at the top as well it goes below") {
        const std::vector<LabelCandidate> candidates{candidate(100, 10, 150)};
        const auto& placed = layout.place(candidates, 200, 600);
        REQUIRE(placed.size() == 1);
        CHECK(placed[0].box.min_y == Approx(10 + 4 + kGap));
    }
    SECTION("with no room anywhere it is left out") {
        const std::vector<LabelCandidate> candidates{candidate(100, 10, 500)};
        CHECK(layout.place(candidates, 200, 30).empty());
    }
}

TEST_CASE("a corner is used when the four sides are taken", "[label]") {
    LabelLayout layout;
    // Small unlabelled markers sit where the four side positions would go, clear of the four corners.
    const double x = 200, y = 200;
    const std::vector<LabelCandidate> candidates{
        candidate(x, y, 40, 12, 0, 4),    candidate(x + 30, y, 0, 0, 0, 1), candidate(x - 30, y, 0, 0, 0, 1),
        candidate(x, y - 15, 0, 0, 0, 1), candidate(x, y + 15, 0, 0, 0, 1),
    };
    const auto& placed = layout.place(candidates, 800, 600);
    REQUIRE(placed.size() == 1);
    const LabelBox& box = placed[0].box;
    // Above right, its lower left corner on the marker's diagonal.
    CHECK(box.min_x > x);
    CHECK(box.max_y < y);
    CHECK(box.min_x - x == Approx(y - box.max_y));
    CHECK(distance_to_box(box, x, y) == Approx(4 + kGap));
}

TEST_CASE("high priority labels win a collision whatever their order", "[label]") {
    LabelLayout layout;
    // Only the position right of the marker fits in this viewport, and both labels want the same strip.
    const LabelCandidate low = candidate(10, 10, 100, 12, 1, 2);
    const LabelCandidate high = candidate(11, 10, 100, 12, 5, 2);
    SECTION("high after low") {
        const std::vector<LabelCandidate> candidates{low, high};
        const auto& placed = layout.place(candidates, 130, 20);
        REQUIRE(placed.size() == 1);
        CHECK(placed[0].candidate == 1);
    }
    SECTION("high before low") {
        const std::vector<LabelCandidate> candidates{high, low};
        const auto& placed = layout.place(candidates, 130, 20);
        REQUIRE(placed.size() == 1);
        CHECK(placed[0].candidate == 0);
    }
    SECTION("equal priorities keep their order") {
        LabelCandidate first = low, second = high;
        second.priority = first.priority;
        const std::vector<LabelCandidate> candidates{second, first};
        const auto& placed = layout.place(candidates, 130, 20);
        REQUIRE(placed.size() == 1);
        CHECK(placed[0].candidate == 0);
    }
}

TEST_CASE("labels keep clear of other markers, also those without a label", "[label]") {
    LabelLayout layout;
    // The marker at (130, 100) lies where the first label's right position would go; its own label is empty.
    std::vector<LabelCandidate> candidates{candidate(100, 100, 50, 12, 5, 4), candidate(130, 100, 0, 0, 0, 5)};
    const auto& placed = layout.place(candidates, 800, 600);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].candidate == 0);
    CHECK(placed[0].box.max_x == Approx(100 - 4 - kGap));  // left
    CHECK(distance_to_box(placed[0].box, 130, 100) >= 5);

    // A marker only grazed by the box's corner region is still avoided: a circle test, not the marker's square.
    candidates[1] = candidate(107 + 50 + 3, 94 - 3, 0, 0, 0, 5);
    const auto& grazed = layout.place(candidates, 800, 600);
    REQUIRE(grazed.size() == 1);
    const double corner_distance = std::hypot(3.0, 3.0);
    REQUIRE(corner_distance < 5);
    CHECK(grazed[0].box.max_x == Approx(100 - 4 - kGap));
}

TEST_CASE("dense random scenes: no overlaps, nothing outside, markers kept clear", "[label]") {
    std::mt19937 rng(20230913);
    std::uniform_real_distribution<double> x(-20, 820), y(-20, 620), width(20, 120), height(10, 18), radius(0, 6);
    std::uniform_int_distribution<int> priority(0, 3);
    LabelLayout layout;
    for (int scene = 0; scene < 20; ++scene) {
        std::vector<LabelCandidate> candidates(300);
        for (auto& c : candidates) c = candidate(x(rng), y(rng), width(rng), height(rng), priority(rng), radius(rng));
        const auto& placed = layout.place(candidates, 800, 600);
        INFO("scene " << scene);
        CHECK(placed.size() > 30);
        CHECK(placed.size() < candidates.size());
        std::vector<bool> seen(candidates.size(), false);
        for (std::size_t i = 0; i < placed.size(); ++i) {
            const LabelBox& box = placed[i].box;
            const LabelCandidate& c = candidates[placed[i].candidate];
            CHECK_FALSE(seen[placed[i].candidate]);
            seen[placed[i].candidate] = true;
            CHECK(box.min_x >= 0);
            CHECK(box.min_y >= 0);
            CHECK(box.max_x <= 800);
            CHECK(box.max_y <= 600);
            CHECK(box.max_x - box.min_x == Approx(c.width));
            CHECK(box.max_y - box.min_y == Approx(c.height));
            // Every position sits the same gap from its own marker's edge.
            CHECK(distance_to_box(box, c.anchor_x, c.anchor_y) == Approx(c.marker_radius + kGap));
            for (std::size_t j = i + 1; j < placed.size(); ++j) CHECK_FALSE(box.intersects(placed[j].box));
            for (const LabelCandidate& m : candidates)
                CHECK(distance_to_box(box, m.anchor_x, m.anchor_y) >= m.marker_radius - 1e-9);
        }
        // A label left out had a reason: every higher-or-equal priority label placed before it was free to go.
        const int top = std::max_element(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
                            return a.priority < b.priority;
                        })->priority;
        const auto top_placed = std::count_if(placed.begin(), placed.end(), [&](const PlacedLabel& p) {
            return candidates[p.candidate].priority == top;
        });
        const auto top_total = std::count_if(candidates.begin(), candidates.end(),
                                             [&](const LabelCandidate& c) { return c.priority == top; });
        CHECK(static_cast<double>(top_placed) / static_cast<double>(top_total) >
              static_cast<double>(placed.size()) / static_cast<double>(candidates.size()));
    }
}

TEST_CASE("a warm layout reuses its storage and gives the same answer", "[label]") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> x(0, 400), y(0, 300);
    std::vector<LabelCandidate> candidates(120);
    for (auto& c : candidates) c = candidate(x(rng), y(rng), 40, 12, static_cast<int>(rng() % 3), 3);
    LabelLayout layout;
    const std::vector<PlacedLabel> first = layout.place(candidates, 400, 300);
    const auto& again = layout.place(candidates, 400, 300);
    const PlacedLabel* storage = again.data();
    const std::size_t capacity = again.capacity();
    REQUIRE(again.size() == first.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        CHECK(again[i].candidate == first[i].candidate);
        CHECK(again[i].box.min_x == first[i].box.min_x);
        CHECK(again[i].box.min_y == first[i].box.min_y);
    }
    // Fewer or as many candidates as before: the same buffer, never grown.
    const auto& fewer = layout.place(std::span(candidates).first(60), 400, 300);
    CHECK(fewer.data() == storage);
    CHECK(fewer.capacity() == capacity);
    const auto& all = layout.place(candidates, 400, 300);
    CHECK(all.data() == storage);
    CHECK(all.capacity() == capacity);
}

// The relation palette as data: every pair of kinds must stay apart for normal, protanopic and deuteranopic
// viewers and every colour must stand off the light map, measured with the same colour arithmetic the docs quote.
// The arithmetic itself is checked first against published values.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>
#include <string>
#include <vector>

#include "app/style/color_vision.hpp"
#include "app/style/map_style.hpp"
#include "app/style/relation_style.hpp"

using namespace diplomap;

namespace {

// docs/relation-styles.md quotes these; the measured values sit a little above them.
constexpr double kMinKindDifference = 12.0;        // CIEDE2000, closest pair of kinds, per vision
constexpr double kMinBackgroundDifference = 20.0;  // CIEDE2000, every colour against land and ocean, per vision
constexpr double kMinJourneyDifference = 12.0;     // CIEDE2000, every kind against the journey's colour
// Kinds whose colours are closer than this for some viewer must differ in dash pattern too.
constexpr double kDashNeededBelow = 15.0;

constexpr std::array<ColorVision, 3> kCheckedVisions{ColorVision::normal, ColorVision::protanopia,
                                                     ColorVision::deuteranopia};

bool near(const Rgba& a, const Rgba& b, double tolerance) {
    for (std::size_t i = 0; i < 4; ++i)
        if (std::abs(a[i] - b[i]) > tolerance) return false;
    return true;
}

double hue_deg(const Lab& lab) {
    const double h = std::atan2(lab.b, lab.a) * 180.0 / std::numbers::pi;
    return h < 0 ? h + 360.0 : h;
}

std::string kind_name(geo::RelationKind kind) { return std::string(geo::to_string(kind)); }

}  // namespace

TEST_CASE("sRGB transfer curve and CIELAB match reference values", "[color]") {
    CHECK(srgb_to_linear(0.0) == 0.0);
    CHECK(srgb_to_linear(1.0) == Approx(1.0));
    CHECK(srgb_to_linear(0.5) == Approx(0.214041).margin(1e-6));
    for (double v : {0.0, 0.02, 0.2, 0.5, 0.9, 1.0})
        CHECK(linear_to_srgb(srgb_to_linear(v)) == Approx(v).margin(1e-12));

    const Lab white = to_lab(rgb(0xffffff));
    CHECK(white.l == Approx(100.0).margin(1e-9));
    CHECK(white.a == Approx(0.0).margin(1e-9));
    CHECK(white.b == Approx(0.0).margin(1e-9));
    const Lab black = to_lab(rgb(0x000000));
    CHECK(black.l == Approx(0.0).margin(1e-9));
    // sRGB red, as every colour reference lists it (D65).
    const Lab red = to_lab(rgb(0xff0000));
    CHECK(red.l == Approx(53.2408).margin(0.01));
    CHECK(red.a == Approx(80.0925).margin(0.02));
    CHECK(red.b == Approx(67.2032).margin(0.02));
}

TEST_CASE("CIEDE2000 reproduces Sharma, Wu and Dalal's test data", "[color]") {
    struct Pair {
        Lab x, y;
        double expected;
    };
    // Rows 1, 7, 13, 17, 19, 25 and 34 of the paper's table 1: blue hues, achromatic pairs, the hue
    // wrap-around, a large difference and the rotation term.
    const std::vector<Pair> pairs{
        {{50.0, 2.6772, -79.7751}, {50.0, 0.0, -82.7485}, 2.0425},
        {{50.0, 0.0, 0.0}, {50.0, -1.0, 2.0}, 2.3669},
        {{50.0, 2.4900, -0.0010}, {50.0, -2.4900, 0.0011}, 7.2195},
        {{50.0, 2.5, 0.0}, {73.0, 25.0, -18.0}, 27.1492},
        {{50.0, 2.5, 0.0}, {50.0, 3.1736, 0.5854}, 1.0},
        {{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}, 1.2644},
        {{2.0776, 0.0795, -1.1350}, {0.9033, -0.0636, -0.5514}, 0.9082},
    };
    for (const Pair& p : pairs) {
        CHECK(delta_e2000(p.x, p.y) == Approx(p.expected).margin(1e-4));
        CHECK(delta_e2000(p.y, p.x) == Approx(p.expected).margin(1e-4));
    }
    CHECK(delta_e2000({50, 10, 10}, {50, 10, 10}) == 0.0);
    CHECK(delta_e76({50, 0, 0}, {53, 4, 0}) == Approx(5.0));
}

TEST_CASE("colour-blind simulation keeps greys and moves red as Machado's matrices say", "[color]") {
    for (ColorVision vision : color_visions()) {
        INFO(to_string(vision));
        CHECK(near(simulate_color_vision(rgb(0xffffff), vision), rgb(0xffffff), 1e-5));
        CHECK(near(simulate_color_vision(rgb(0x000000), vision), rgb(0x000000), 1e-7));
        // Rows sum to one, so every grey stays itself, not only the ends.
        CHECK(near(simulate_color_vision(rgb(0x808080), vision), rgb(0x808080), 1e-5));
    }
    CHECK(simulate_color_vision(rgb(0x123456, 0.25F), ColorVision::protanopia)[3] == 0.25F);
    CHECK(simulate_color_vision(rgb(0xff0000), ColorVision::normal) == rgb(0xff0000));

    // Linear red (1, 0, 0) becomes the matrices' first column, whose negative blue clamps to zero; encoded by hand
    // as 1.055 * c^(1/2.4) - 0.055.
    const Rgba protan_red = simulate_color_vision(rgb(0xff0000), ColorVision::protanopia);
    CHECK(protan_red[0] == Approx(0.426608).margin(1e-5));
    CHECK(protan_red[1] == Approx(0.372654).margin(1e-5));
    CHECK(protan_red[2] == Approx(0.0).margin(1e-7));
    const Rgba deutan_red = simulate_color_vision(rgb(0xff0000), ColorVision::deuteranopia);
    CHECK(deutan_red[0] == Approx(0.640060).margin(1e-5));
    CHECK(deutan_red[1] == Approx(0.565807).margin(1e-5));
    CHECK(deutan_red[2] == Approx(0.0).margin(1e-7));

    // The classic confusion: red and green that differ a lot for normal vision come close for a deuteranope.
    const double normal = color_difference(rgb(0xd62728), rgb(0x2ca02c), ColorVision::normal);
    const double deutan = color_difference(rgb(0xd62728), rgb(0x2ca02c), ColorVision::deuteranopia);
    CHECK(normal > 40.0);
    CHECK(deutan < normal / 2.0);
}

TEST_CASE("every pair of relation kinds stays distinguishable for normal, protan and deutan vision", "[color]") {
    const auto kinds = relation_kinds();
    for (ColorVision vision : kCheckedVisions) {
        double closest = 1e9;
        for (std::size_t i = 0; i < kinds.size(); ++i) {
            for (std::size_t j = i + 1; j < kinds.size(); ++j) {
                const double d =
                    color_difference(relation_style(kinds[i]).color, relation_style(kinds[j]).color, vision);
                INFO(to_string(vision) << ": " << kind_name(kinds[i]) << " vs " << kind_name(kinds[j]) << " = " << d);
                CHECK(d >= kMinKindDifference);
                closest = std::min(closest, d);
            }
        }
        INFO(to_string(vision) << " closest pair " << closest);
        CHECK(closest >= kMinKindDifference);
    }
}

TEST_CASE("relation and route colours stand off the land and the ocean", "[color]") {
    const MapStyle map;
    std::vector<std::pair<std::string, Rgba>> colors;
    for (geo::RelationKind kind : relation_kinds()) colors.emplace_back(kind_name(kind), relation_style(kind).color);
    colors.emplace_back("journey", route_style(false).color);
    for (const auto& [name, color] : colors) {
        // Pale colours vanish on the light map whatever their hue (pale yellow most of all).
        CHECK(to_lab(color).l <= 75.0);
        for (ColorVision vision : kCheckedVisions) {
            INFO(name << " as " << to_string(vision));
            CHECK(color_difference(color, map.land, vision) >= kMinBackgroundDifference);
            CHECK(color_difference(color, map.ocean, vision) >= kMinBackgroundDifference);
        }
    }
    for (geo::RelationKind kind : relation_kinds()) {
        for (ColorVision vision : kCheckedVisions) {
            INFO(kind_name(kind) << " against the journey as " << to_string(vision));
            CHECK(color_difference(relation_style(kind).color, route_style(false).color, vision) >=
                  kMinJourneyDifference);
        }
    }
}

TEST_CASE("kinds read as the story needs them to", "[color]") {
    const Lab warning = to_lab(relation_style(geo::RelationKind::warning).color);
    const Lab rebuff = to_lab(relation_style(geo::RelationKind::rebuff).color);
    // Warm red-orange: hue between red and orange, strongly coloured.
    CHECK(hue_deg(warning) >= 25.0);
    CHECK(hue_deg(warning) <= 65.0);
    CHECK(std::hypot(warning.a, warning.b) >= 50.0);
    // The rebuff answers the warning from the other side of the hue circle.
    const double hue_gap = std::abs(hue_deg(warning) - hue_deg(rebuff));
    CHECK(std::min(hue_gap, 360.0 - hue_gap) >= 120.0);
    // The supply stands out against the warning for every checked viewer, and by its dashes as well.
    const LineStyle& supply = relation_style(geo::RelationKind::supply);
    for (ColorVision vision : kCheckedVisions)
        CHECK(color_difference(supply.color, relation_style(geo::RelationKind::warning).color, vision) >= 12.0);
    CHECK(supply.dash_px > 0.0F);
    CHECK(relation_style(geo::RelationKind::warning).dash_px == 0.0F);
    CHECK(relation_style(geo::RelationKind::warning).width_px >= supply.width_px);
}

TEST_CASE("dash patterns, widths, arrows and names are complete", "[color]") {
    const auto kinds = relation_kinds();
    REQUIRE(kinds.size() == 10);
    std::set<geo::RelationKind> seen(kinds.begin(), kinds.end());
    CHECK(seen.size() == kinds.size());

    std::set<std::string_view> names_en, names_de;
    for (geo::RelationKind kind : kinds) {
        const LineStyle& s = relation_style(kind);
        INFO(kind_name(kind));
        CHECK(s.width_px >= 2.0F);
        CHECK(s.width_px <= 3.5F);
        CHECK((s.dash_px > 0.0F) == (s.gap_px > 0.0F));
        CHECK(s.color[3] == 1.0F);
        const bool undirected = kind == geo::RelationKind::meeting || kind == geo::RelationKind::statement;
        CHECK(s.arrow == !undirected);
        CHECK_FALSE(s.name_en.empty());
        CHECK_FALSE(s.name_de.empty());
        names_en.insert(s.name_en);
        names_de.insert(s.name_de);
    }
    CHECK(names_en.size() == kinds.size());
    CHECK(names_de.size() == kinds.size());
    CHECK(relation_style(geo::RelationKind::rebuff).name_de == "Zurückweisung");
    CHECK(relation_style(geo::RelationKind::warning).name_en == "warning");
    CHECK_FALSE(kRelationPaletteName.empty());

    // Colour is not the only cue: kinds whose colours come close for some viewer differ in their dashes.
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        for (std::size_t j = i + 1; j < kinds.size(); ++j) {
            const LineStyle& a = relation_style(kinds[i]);
            const LineStyle& b = relation_style(kinds[j]);
            double closest = 1e9;
            for (ColorVision vision : kCheckedVisions)
                closest = std::min(closest, color_difference(a.color, b.color, vision));
            if (closest >= kDashNeededBelow) continue;
            INFO(kind_name(kinds[i]) << " vs " << kind_name(kinds[j]) << " differ by only " << closest);
            CHECK((a.dash_px != b.dash_px || a.gap_px != b.gap_px));
        }
    }
}

TEST_CASE("the journey is solid and dark, earlier journeys fainter", "[color]") {
    const LineStyle& journey = route_style(false);
    const LineStyle& historic = route_style(true);
    CHECK(journey.dash_px == 0.0F);
    CHECK(journey.color[3] == 1.0F);
    CHECK(to_lab(journey.color).l < 25.0);
    CHECK(historic.color[3] == Approx(0.45F));
    CHECK(historic.width_px < journey.width_px);
    CHECK_FALSE(journey.name_de.empty());
    CHECK_FALSE(historic.name_en.empty());
}

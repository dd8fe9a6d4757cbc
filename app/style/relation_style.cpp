#include "app/style/relation_style.hpp"

#include <array>
#include <cstddef>

namespace diplomap {
namespace {

// Found by a search over Okabe & Ito's colours, Paul Tol's bright, muted and vibrant sets and their shades and tints
// (mixed towards black or white in linear light): the set whose closest pair, as normal, protanopic and
// deuteranopic viewers see it (Machado et al. 2009), is furthest apart in CIEDE2000, with every colour at least
// 22 from the land and the ocean and none paler than L* 75. docs/relation-styles.md lists the measured figures;
// tests/app/relation_style_test.cpp holds them. Pairs that are closest in colour differ in dash pattern.
constexpr std::array<LineStyle, 10> kRelationStyles{{
    // travel: a shade of Tol's muted teal; announced travel, dashed like a route not yet taken.
    {rgb(0x1c5047), 2.5F, 12.0F, 4.0F, true, "travel", "Reise"},
    // meeting: Okabe-Ito bluish green; both ends at one place, so no arrowhead.
    {rgb(0x009e73), 3.0F, 0.0F, 0.0F, false, "meeting", "Treffen"},
    // warning: Okabe-Ito vermillion, the widest solid line: the story's loudest relation.
    {rgb(0xd55e00), 3.5F, 0.0F, 0.0F, true, "warning", "Warnung"},
    // rebuff: Okabe-Ito blue, opposite the warning in hue for every viewer, and dashed.
    {rgb(0x0072b2), 3.0F, 9.0F, 5.0F, true, "rebuff", "Zurückweisung"},
    // appeal: a shade of Okabe-Ito reddish purple; short dashes set it apart from the rebuff's blue, its closest
    // colour for protanopes.
    {rgb(0x95577a), 2.5F, 4.0F, 3.0F, true, "appeal", "Appell"},
    // supply: Okabe-Ito orange, the lightest colour, in long dashes so that deuteranopes, who see it nearest the
    // warning, still tell the two apart.
    {rgb(0xe69f00), 3.0F, 14.0F, 4.0F, true, "supply", "Lieferung"},
    // skepticism: a tint of Tol's vibrant blue, thin and in long open dashes.
    {rgb(0x6c96c7), 2.0F, 16.0F, 7.0F, true, "skepticism", "Skepsis"},
    // obstruction: a shade of Okabe-Ito vermillion in heavy short dashes, like a barrier.
    {rgb(0x8d3c00), 3.5F, 6.0F, 3.0F, true, "obstruction", "Blockade"},
    // analysis: a shade of Okabe-Ito blue, dotted: commentary rather than an act.
    {rgb(0x003f66), 2.0F, 2.0F, 4.0F, true, "analysis", "Analyse"},
    // statement: a shade of Okabe-Ito bluish green, dotted like the analysis (far apart in colour) so that it
    // parts from the meeting; said at one place, so no arrowhead.
    {rgb(0x007353), 2.0F, 2.0F, 4.0F, false, "statement", "Erklärung"},
}};

// The model's order, which the legend keeps: arcs' style indices and the layer toggles count the same way.
constexpr std::array<geo::RelationKind, 10> kLegendOrder{
    geo::RelationKind::travel,     geo::RelationKind::meeting,     geo::RelationKind::warning,
    geo::RelationKind::rebuff,     geo::RelationKind::appeal,      geo::RelationKind::supply,
    geo::RelationKind::skepticism, geo::RelationKind::obstruction, geo::RelationKind::analysis,
    geo::RelationKind::statement,
};

// The journey is near-black red so that it reads as the story's spine under every arc; earlier journeys keep the
// colour but fade and break up, so they never compete with it.
constexpr LineStyle kJourneyStyle{rgb(0x4a1414), 3.5F, 0.0F, 0.0F, true, "journey", "Fahrt"};
constexpr LineStyle kHistoricRouteStyle{rgb(0x4a1414, 0.45F), 2.5F,           10.0F, 6.0F, true,
                                        "earlier journey",    "frühere Fahrt"};

}  // namespace

const std::string_view kRelationPaletteName = "Okabe–Ito, extended with shades and tints (two from Paul Tol)";

const LineStyle& relation_style(geo::RelationKind kind) {
    const auto i = static_cast<std::size_t>(kind);
    return i < kRelationStyles.size() ? kRelationStyles[i]
                                      : kRelationStyles[static_cast<std::size_t>(geo::RelationKind::statement)];
}

const LineStyle& route_style(bool historic) { return historic ? kHistoricRouteStyle : kJourneyStyle; }

std::span<const geo::RelationKind> relation_kinds() { return kLegendOrder; }

}  // namespace diplomap

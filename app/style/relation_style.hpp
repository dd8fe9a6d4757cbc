#pragma once
// How each kind of relation and each route looks, in one table that the arcs, the legend and the docs share.
// Colours come from one palette chosen to stay distinguishable for colour-blind viewers (see docs); dash pattern
// and width tell kinds apart a second way.
#include <span>
#include <string_view>

#include "app/style/map_style.hpp"
#include "geo/story/story.hpp"

namespace diplomap {

struct LineStyle {
    Rgba color;
    float width_px = 2.0F;
    float dash_px = 0.0F;  // 0: solid
    float gap_px = 0.0F;
    bool arrow = true;                  // an arrowhead at the target
    std::string_view name_en, name_de;  // for the legend
};

// The palette's name as the docs and the legend credit it.
extern const std::string_view kRelationPaletteName;

const LineStyle& relation_style(geo::RelationKind kind);
// Routes: the animated journey, and historic journeys drawn fainter.
const LineStyle& route_style(bool historic);

// Every relation kind in legend order.
std::span<const geo::RelationKind> relation_kinds();

}  // namespace diplomap

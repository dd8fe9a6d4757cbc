#pragma once
// Layer switches (each basemap part, routes, arcs, markers, labels, and the title and legend drawn onto the map)
// and the legend: exactly the styles the story uses; clicking a relation kind's entry shows or hides that kind.
#include <cstdint>
#include <string_view>
#include <vector>

#include "app/style/layers.hpp"
#include "app/ui/map_overlay.hpp"
#include "app/ui/panel_layout.hpp"
#include "geo/story/story.hpp"

namespace diplomap {

struct LayerControls {
    LayerSet& layers;
    std::uint32_t& relation_kinds;  // bit per geo::RelationKind
};

// `legend` is legend_entries(story), computed when the story changes (nullptr without a story). `legend_rows`,
// when given, receives where each entry's row was drawn (screen points), for tests.
void draw_layers_panel(const geo::Story* story, const std::vector<LegendEntry>& legend, LayerControls controls,
                       std::string_view language, bool& open, PanelRects& rects,
                       std::vector<PanelRect>* legend_rows = nullptr);

// The layer switches as menu items, for the menu bar's Layers menu.
void draw_layer_menu_items(LayerSet& layers, std::string_view language = "en");

// What each layer is called in menus and the panel.
std::string_view layer_label(Layer layer, std::string_view language);

}  // namespace diplomap

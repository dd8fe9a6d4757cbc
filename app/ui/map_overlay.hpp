#pragma once
// Text and keys the map itself carries, in the window and in every export: the data credit, the story's title and
// the legend. Drawn through an ImGui draw list, so they share the UI's font with its German glyphs. The legend's
// entries and swatches are the same ones the Layers panel shows.
#include <cstdint>
#include <string_view>
#include <vector>

#include "app/style/relation_style.hpp"
#include "geo/story/story.hpp"

struct ImDrawList;
struct ImVec2;

namespace diplomap {

void draw_map_credit(ImDrawList& list, float width_px, float height_px, float ui_scale);

// One line of the legend: a relation kind, a route style, or the mark of facts added to the article.
struct LegendEntry {
    enum class Kind : std::uint8_t { relation, route, added };
    Kind kind = Kind::relation;
    geo::RelationKind relation = geo::RelationKind::statement;  // for Kind::relation
    bool historic = false;                                      // for Kind::route

    [[nodiscard]] const LineStyle* style() const;
    [[nodiscard]] std::string_view name(std::string_view language) const;
    bool operator==(const LegendEntry&) const = default;
};

// Exactly the styles the story uses: its relation kinds in legend order, its current and earlier journeys, and
// the added-fact mark when anything in it is added.
std::vector<LegendEntry> legend_entries(const geo::Story& story);

// The entry's sample in [min, max]: the line with its dash and arrowhead, or the hollow marker of added places.
// Kinds switched off are drawn faint.
void draw_legend_swatch(ImDrawList& list, const ImVec2& min, const ImVec2& max, const LegendEntry& entry,
                        float ui_scale, bool enabled);

// The story's title with date, datelines and source, with its top left corner at (left, top) and no wider than
// `max_width`. Returns the bottom of what it drew.
float draw_map_title(ImDrawList& list, const geo::Story& story, std::string_view language, float left, float top,
                     float max_width, float ui_scale);

// The legend in the bottom left corner of the area [left, right] x [top, bottom], in as many columns as it needs to
// fit the area's height; kinds hidden by `relation_kinds` are left out, as the map leaves them out.
void draw_map_legend(ImDrawList& list, const geo::Story& story, std::uint32_t relation_kinds, std::string_view language,
                     float left, float top, float bottom, float ui_scale);

}  // namespace diplomap

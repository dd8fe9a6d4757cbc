#include "app/ui/map_overlay.hpp"
#include "app/style/translations.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace diplomap {
namespace {

constexpr ImU32 kPanelFill = IM_COL32(255, 255, 255, 215);
constexpr ImU32 kInk = IM_COL32(30, 38, 48, 255);
constexpr ImU32 kSubtleInk = IM_COL32(70, 82, 96, 255);

ImU32 to_imgui(const Rgba& c, float alpha) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(c[0], c[1], c[2], c[3] * alpha));
}

bool german(std::string_view language) { return language == "de"; }

// A dashed segment from a to b; dash 0 draws it solid.
void dashed_line(ImDrawList& list, ImVec2 a, ImVec2 b, ImU32 color, float width, float dash, float gap) {
    const float length = std::hypot(b.x - a.x, b.y - a.y);
    if (dash <= 0 || length <= 0) {
        list.AddLine(a, b, color, width);
        return;
    }
    const ImVec2 d((b.x - a.x) / length, (b.y - a.y) / length);
    for (float s = 0; s < length; s += dash + gap) {
        const float e = std::min(s + dash, length);
        list.AddLine(ImVec2(a.x + d.x * s, a.y + d.y * s), ImVec2(a.x + d.x * e, a.y + d.y * e), color, width);
    }
}

}  // namespace

void draw_map_credit(ImDrawList& list, float width_px, float height_px, float ui_scale) {
    constexpr const char* kCredit = "Natural Earth";
    ImFont* font = ImGui::GetFont();
    const float size = 13.0F * ui_scale;
    const ImVec2 text = font->CalcTextSizeA(size, 1e9F, 0.0F, kCredit);
    const float pad = 4.0F * ui_scale;
    const ImVec2 max(width_px - pad, height_px - pad);
    const ImVec2 min(max.x - text.x - 2 * pad, max.y - text.y - pad);
    list.AddRectFilled(min, max, IM_COL32(255, 255, 255, 150), 3.0F * ui_scale);
    list.AddText(font, size, ImVec2(min.x + pad, min.y + 0.5F * pad), IM_COL32(40, 50, 60, 230), kCredit);
}

const LineStyle* LegendEntry::style() const {
    switch (kind) {
        case Kind::relation: return &relation_style(relation);
        case Kind::route: return &route_style(historic);
        case Kind::added: return nullptr;
    }
    return nullptr;
}

std::string_view LegendEntry::name(std::string_view language) const {
    if (kind == Kind::added) return tr(UiText::legend_added, language);
    const LineStyle* s = style();
    return german(language) ? s->name_de : s->name_en;
}

std::vector<LegendEntry> legend_entries(const geo::Story& story) {
    std::vector<LegendEntry> entries;
    for (geo::RelationKind kind : relation_kinds())
        if (std::any_of(story.relations.begin(), story.relations.end(),
                        [&](const geo::Relation& r) { return r.kind == kind; }))
            entries.push_back({LegendEntry::Kind::relation, kind, false});
    for (bool historic : {false, true})
        if (std::any_of(story.routes.begin(), story.routes.end(),
                        [&](const geo::Route& r) { return r.historic == historic; }))
            entries.push_back({LegendEntry::Kind::route, geo::RelationKind::statement, historic});
    const bool any_added =
        std::any_of(story.places.begin(), story.places.end(), [](const geo::Place& p) { return p.added; }) ||
        std::any_of(story.relations.begin(), story.relations.end(), [](const geo::Relation& r) { return r.added; }) ||
        std::any_of(story.routes.begin(), story.routes.end(), [](const geo::Route& r) { return r.added; }) ||
        std::any_of(story.timeline.begin(), story.timeline.end(), [](const geo::TimelineEvent& e) { return e.added; });
    if (any_added) entries.push_back({LegendEntry::Kind::added, geo::RelationKind::statement, false});
    return entries;
}

void draw_legend_swatch(ImDrawList& list, const ImVec2& min, const ImVec2& max, const LegendEntry& entry,
                        float ui_scale, bool enabled) {
    const float alpha = enabled ? 1.0F : 0.25F;
    const float mid_y = 0.5F * (min.y + max.y);
    const LineStyle* style = entry.style();
    if (!style) {
        // Added places are hollow markers, as the map draws them.
        const float r = 0.3F * (max.y - min.y);
        const ImVec2 c(0.5F * (min.x + max.x), mid_y);
        list.AddCircleFilled(c, r, IM_COL32(255, 255, 255, static_cast<int>(235 * alpha)), 16);
        list.AddCircle(c, r, IM_COL32(40, 40, 40, static_cast<int>(255 * alpha)), 16, 1.5F * ui_scale);
        return;
    }
    const ImU32 color = to_imgui(style->color, alpha);
    const float width = style->width_px * ui_scale;
    if (entry.kind == LegendEntry::Kind::relation && !style->arrow) {
        // Meetings and statements stand at one place: a ring, as on the map.
        const ImVec2 c(0.5F * (min.x + max.x), mid_y);
        list.AddCircle(c, 0.32F * (max.y - min.y), color, 20, width);
        return;
    }
    const float head = style->arrow ? 3.0F * width : 0.0F;
    const ImVec2 a(min.x + 2 * ui_scale, mid_y), b(max.x - 2 * ui_scale - head, mid_y);
    dashed_line(list, a, b, color, width, style->dash_px * ui_scale, style->gap_px * ui_scale);
    if (style->arrow)
        list.AddTriangleFilled(ImVec2(b.x + head, mid_y), ImVec2(b.x - 0.2F * head, mid_y - 0.8F * head),
                               ImVec2(b.x - 0.2F * head, mid_y + 0.8F * head), color);
}

float draw_map_title(ImDrawList& list, const geo::Story& story, std::string_view language, float left, float top,
                     float max_width, float ui_scale) {
    ImFont* font = ImGui::GetFont();
    const float pad = 10.0F * ui_scale;
    const float title_size = 22.0F * ui_scale, line_size = 14.0F * ui_scale;
    const float wrap = std::max(std::min(max_width - 4 * pad, 760.0F * ui_scale), 80.0F * ui_scale);
    const std::string& title = story.meta.title.get(language);
    std::string subtitle = story.meta.date.text;
    for (const std::string& place : story.meta.datelines) subtitle += (subtitle.empty() ? "" : " · ") + place;
    if (!story.meta.source.empty()) subtitle += (subtitle.empty() ? "" : " · ") + story.meta.source;
    const ImVec2 title_box = font->CalcTextSizeA(title_size, 1e9F, wrap, title.c_str());
    const ImVec2 sub_box = font->CalcTextSizeA(line_size, 1e9F, wrap, subtitle.c_str());
    const ImVec2 min(left + pad, top + pad);
    const ImVec2 max(min.x + std::max(title_box.x, sub_box.x) + 2 * pad, min.y + title_box.y + sub_box.y + 2.5F * pad);
    list.AddRectFilled(min, max, kPanelFill, 4.0F * ui_scale);
    list.AddText(font, title_size, ImVec2(min.x + pad, min.y + pad), kInk, title.c_str(), nullptr, wrap);
    list.AddText(font, line_size, ImVec2(min.x + pad, min.y + pad * 1.5F + title_box.y), kSubtleInk, subtitle.c_str(),
                 nullptr, wrap);
    return max.y;
}

void draw_map_legend(ImDrawList& list, const geo::Story& story, std::uint32_t relation_kinds, std::string_view language,
                     float left, float top, float bottom, float ui_scale) {
    std::vector<LegendEntry> entries = legend_entries(story);
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [&](const LegendEntry& e) {
                                     return e.kind == LegendEntry::Kind::relation &&
                                            !((relation_kinds >> static_cast<unsigned>(e.relation)) & 1U);
                                 }),
                  entries.end());
    if (entries.empty()) return;
    ImFont* font = ImGui::GetFont();
    const float size = 14.0F * ui_scale;
    const float pad = 8.0F * ui_scale;
    const float row = size * 1.35F;
    const float swatch = 34.0F * ui_scale;
    float text_width = 0;
    for (const LegendEntry& e : entries) {
        const std::string_view name = e.name(language);
        text_width =
            std::max(text_width, font->CalcTextSizeA(size, 1e9F, 0.0F, name.data(), name.data() + name.size()).x);
    }
    const auto rows_that_fit = static_cast<std::size_t>(std::max((bottom - top - 4 * pad) / row, 1.0F));
    const std::size_t columns = (entries.size() + rows_that_fit - 1) / rows_that_fit;
    const std::size_t rows = (entries.size() + columns - 1) / columns;
    const float column_width = swatch + text_width + 3 * pad;
    const float height = row * static_cast<float>(rows) + 2 * pad;
    const ImVec2 min(left + pad, bottom - pad - height);
    const ImVec2 max(min.x + column_width * static_cast<float>(columns), bottom - pad);
    list.AddRectFilled(min, max, kPanelFill, 4.0F * ui_scale);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const LegendEntry& e = entries[i];
        const std::size_t column = i / rows, line = i % rows;  // filled column by column
        const float x = min.x + column_width * static_cast<float>(column);
        const float y = min.y + pad + row * static_cast<float>(line);
        draw_legend_swatch(list, ImVec2(x + pad, y), ImVec2(x + pad + swatch, y + row), e, ui_scale, true);
        const std::string_view name = e.name(language);
        list.AddText(font, size, ImVec2(x + 2 * pad + swatch, y + 0.5F * (row - size)), kInk, name.data(),
                     name.data() + name.size());
    }
}

}  // namespace diplomap

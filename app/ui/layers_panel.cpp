#include "app/ui/layers_panel.hpp"
#include "app/style/translations.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace diplomap {
namespace {

constexpr Layer kBasemap[] = {Layer::Ocean, Layer::Land, Layer::Borders, Layer::Coast, Layer::Graticule};
constexpr Layer kStory[] = {Layer::Routes, Layer::Arcs, Layer::Markers, Layer::Labels};
constexpr Layer kOnMap[] = {Layer::Title, Layer::Legend};

void checkboxes(std::span<const Layer> which, LayerSet& layers, std::string_view language) {
    for (Layer layer : which) {
        bool on = layers.has(layer);
        const std::string label(layer_label(layer, language));
        if (ImGui::Checkbox(label.c_str(), &on)) layers.set(layer, on);
    }
}

}  // namespace

std::string_view layer_label(Layer layer, std::string_view language) {
    switch (layer) {
        case Layer::Ocean: return tr(UiText::layer_ocean, language);
        case Layer::Land: return tr(UiText::layer_land, language);
        case Layer::Borders: return tr(UiText::layer_borders, language);
        case Layer::Coast: return tr(UiText::layer_coast, language);
        case Layer::Graticule: return tr(UiText::layer_graticule, language);
        case Layer::Routes: return tr(UiText::layer_routes, language);
        case Layer::Arcs: return tr(UiText::layer_arcs, language);
        case Layer::Markers: return tr(UiText::layer_markers, language);
        case Layer::Labels: return tr(UiText::layer_labels, language);
        case Layer::Title: return tr(UiText::layer_title, language);
        case Layer::Legend: return tr(UiText::layer_legend, language);
        case Layer::Count: break;
    }
    return {};
}

void draw_layer_menu_items(LayerSet& layers, std::string_view language) {
    for (std::size_t i = 0; i < static_cast<std::size_t>(Layer::Count); ++i) {
        const auto layer = static_cast<Layer>(i);
        if (layer == Layer::Routes || layer == Layer::Title) ImGui::Separator();
        bool on = layers.has(layer);
        const std::string label(layer_label(layer, language));
        if (ImGui::MenuItem(label.c_str(), nullptr, &on)) layers.set(layer, on);
    }
}

void draw_layers_panel(const geo::Story* story, const std::vector<LegendEntry>& legend, LayerControls controls,
                       std::string_view language, bool& open, PanelRects& rects, std::vector<PanelRect>* legend_rows) {
    if (!open) return;
    const UiLanguage ui = ui_language(language);
    const int fixed = place_panel(rects, Panel::layers);
    if (!ImGui::Begin(window_title(UiText::panel_layers, "layers", ui).c_str(), &open, fixed)) {
        report_panel_rect(rects, Panel::layers);
        ImGui::End();
        return;
    }
    report_panel_rect(rects, Panel::layers);
    ImGui::TextDisabled("%s", tr(UiText::layers_basemap, ui));
    checkboxes(kBasemap, controls.layers, language);
    ImGui::TextDisabled("%s", tr(UiText::layers_story, ui));
    checkboxes(kStory, controls.layers, language);
    checkboxes(kOnMap, controls.layers, language);
    if (story && !legend.empty()) {
        ImGui::Separator();
        ImGui::TextDisabled("%s", tr(UiText::layers_legend_hint, ui));
        const float font = ImGui::GetFontSize();
        const float swatch = font * 2.4F;
        for (std::size_t i = 0; i < legend.size(); ++i) {
            const LegendEntry& entry = legend[i];
            bool enabled = true;
            int count = 0;
            if (entry.kind == LegendEntry::Kind::relation) {
                enabled = (controls.relation_kinds >> static_cast<unsigned>(entry.relation)) & 1U;
                count =
                    static_cast<int>(std::count_if(story->relations.begin(), story->relations.end(),
                                                   [&](const geo::Relation& r) { return r.kind == entry.relation; }));
            } else if (entry.kind == LegendEntry::Kind::route) {
                enabled = controls.layers.has(Layer::Routes);
            }
            ImGui::PushID(static_cast<int>(i));
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + swatch + ImGui::GetStyle().ItemSpacing.x);
            ImGui::PushStyleColor(ImGuiCol_Text,
                                  ImGui::GetStyleColorVec4(enabled ? ImGuiCol_Text : ImGuiCol_TextDisabled));
            std::string label(entry.name(language));
            if (count > 0) label += " (" + std::to_string(count) + ")";
            const bool clicked =
                ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_None, ImVec2(0, font * 1.3F));
            ImGui::PopStyleColor();
            if (legend_rows) {
                legend_rows->resize(legend.size());
                (*legend_rows)[i] = {at.x, at.y, ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y, true};
            }
            draw_legend_swatch(*ImGui::GetWindowDrawList(), ImVec2(at.x, at.y),
                               ImVec2(at.x + swatch, at.y + font * 1.3F), entry, ImGui::GetFontSize() / 16.0F, enabled);
            if (clicked) {
                if (entry.kind == LegendEntry::Kind::relation) {
                    controls.relation_kinds ^= 1U << static_cast<unsigned>(entry.relation);
                } else if (entry.kind == LegendEntry::Kind::route) {
                    controls.layers.set(Layer::Routes, !controls.layers.has(Layer::Routes));
                }
            }
            if (entry.kind == LegendEntry::Kind::added && ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", tr(UiText::layers_added_tooltip, ui));
            ImGui::PopID();
        }
    }
    ImGui::End();
}

}  // namespace diplomap

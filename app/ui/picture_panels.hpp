#pragma once
// The exploring panels drawn into an exported image (`diplomap export --ui`, "Include panels" in the export
// dialog): the same panels as the window's, laid out by the same function for the image's size in UI points, with
// no menu bar or status line around them. Nothing is selected or typed; the clock and the date are the export's.
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "app/style/layers.hpp"
#include "app/ui/article_language.hpp"
#include "app/ui/panel_layout.hpp"
#include "geo/story/story.hpp"

namespace diplomap {

struct PicturePanels {
    std::array<bool, kPanelCount> shown{true, true, true, true, true};  // by Panel
    PanelSizes sizes;
    ArticleLanguage article_language = ArticleLanguage::original;
};

// Where the panels and the map go in an image of `width` x `height` UI points (the image's pixels divided by its
// scale). Needs no ImGui context.
PanelLayout layout_picture_panels(const PicturePanels& panels, bool with_story, float width, float height);

// What the panels show.
struct PicturePanelsFrame {
    const geo::Story* story = nullptr;
    LayerSet layers = LayerSet::all();
    std::uint32_t relation_kinds = ~0U;
    std::optional<double> seconds;  // empty: the settled story, the clock at the animation's end
    std::optional<std::chrono::year_month_day> as_of;
    std::string_view language = "de";
};

// Inside an ImGui frame (an offscreen one: offscreen_ui_frame.hpp) whose units are UI points: the panels at
// `layout`, text at the window's size whatever the font atlas was built for.
void draw_picture_panels(const PicturePanels& panels, const PanelLayout& layout, const PicturePanelsFrame& frame);

}  // namespace diplomap

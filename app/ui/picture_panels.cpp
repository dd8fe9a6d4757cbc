#include "app/ui/picture_panels.hpp"

#include <imgui.h>

#include "app/ui/animation_panel.hpp"
#include "app/ui/article_panel.hpp"
#include "app/ui/layers_panel.hpp"
#include "app/ui/map_overlay.hpp"
#include "app/ui/people_panel.hpp"
#include "app/ui/search_panel.hpp"
#include "app/ui/splitters.hpp"
#include "app/ui/timeline_panel.hpp"
#include "geo/story/selection_model.hpp"
#include "geo/story/story_animation.hpp"
#include "geo/story/story_search.hpp"
#include "geo/story/timeline_scale.hpp"

namespace diplomap {
namespace {

// The window's text size at UI scale 1 (app/modes/viewer.cpp builds its font at 16 points).
constexpr float kWindowFontPoints = 16.0F;

}  // namespace

PanelLayout layout_picture_panels(const PicturePanels& panels, bool with_story, float width, float height) {
    PanelLayoutInput input;
    input.display_width = width;
    input.display_height = height;
    for (std::size_t i = 0; i < kPanelCount; ++i)
        input.shown[i] = panels.shown[i] && (with_story || static_cast<Panel>(i) == Panel::layers);
    input.sizes = panels.sizes;
    input.ui_scale = 1.0F;
    // The play controls' line as animation_strip_height() measures it in ImGui's default style, known before any
    // frame so that the map can be framed in the free part first.
    const ImGuiStyle style;
    input.controls_height =
        with_story ? kWindowFontPoints + 2.0F * style.FramePadding.y + 2.0F * style.WindowPadding.y : 0.0F;
    return layout_panels(input);
}

void draw_picture_panels(const PicturePanels& panels, const PanelLayout& layout, const PicturePanelsFrame& frame) {
    ImGuiIO& io = ImGui::GetIO();
    const float font_scale = io.FontGlobalScale;
    // ImGui takes the global scale into the frame's font size when a font is set, not when the scale changes.
    io.FontGlobalScale = kWindowFontPoints / ImGui::GetFont()->FontSize;
    ImGui::PushFont(ImGui::GetFont());
    PanelRects rects = layout.panels;
    const auto shown = [&](Panel p) { return layout.panels[p].shown; };
    LayerSet layers = frame.layers;
    std::uint32_t relation_kinds = frame.relation_kinds;
    const std::vector<LegendEntry> legend = frame.story ? legend_entries(*frame.story) : std::vector<LegendEntry>{};
    if (frame.story) {
        const geo::Story& story = *frame.story;
        geo::SelectionModel selection;
        std::optional<std::size_t> focus_person;
        AnimationControls animation;
        animation.length = std::max(geo::story_play_seconds(story), 1.0);
        animation.seconds = frame.seconds.value_or(animation.length);
        animation.paused = true;
        bool open = true;
        if (shown(Panel::timeline)) {
            TimelineState timeline;
            timeline.as_of = frame.as_of;
            draw_timeline_panel(story, geo::TimelineScale(geo::timeline_anchors(story)), timeline, animation, selection,
                                frame.language, open, rects);
        } else {
            draw_animation_strip(animation, layout.controls, frame.language);
        }
        if (shown(Panel::search)) {
            SearchPanel search;
            const geo::StorySearch index(story);
            search.draw(story, index, selection, frame.language, focus_person, false, open, rects);
        }
        if (shown(Panel::layers))
            draw_layers_panel(&story, legend, {layers, relation_kinds}, frame.language, open, rects);
        if (shown(Panel::article)) {
            ArticlePanel article;
            ArticleLanguage article_language = panels.article_language;
            article.draw(story, 1, selection, article_language, open, rects, frame.language);
        }
        if (shown(Panel::people)) draw_people_panel(story, selection, frame.language, focus_person, open, rects);
    } else if (shown(Panel::layers)) {
        bool open = true;
        draw_layers_panel(nullptr, legend, {layers, relation_kinds}, frame.language, open, rects);
    }
    PanelSizes sizes = panels.sizes;
    draw_splitters(layout, sizes);
    io.FontGlobalScale = font_scale;
    ImGui::PopFont();
}

}  // namespace diplomap

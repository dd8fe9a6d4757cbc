// The panels as the viewer lays them out, drawn for real: an ImGui frame with the menu bar, the status line and
// all five panels in German at 1920x1080, rendered through the OpenGL3 backend into an offscreen framebuffer.
// Every panel shows where layout_panels put it, and not one pixel of ImGui lands on the free map area. Set
// DIPLOMAP_UI_SCREENSHOT=/some/file.png to keep the frame and look at it.
#include <catch2/catch.hpp>

#include <epoxy/gl.h>
#include <imgui.h>

#include "bundled_story.hpp"
#include "image_compare.hpp"

#include <cstdlib>

#include "app/platform/gl_context.hpp"
#include "app/render/offscreen_target.hpp"
#include "app/style/translations.hpp"
#include "app/ui/animation_panel.hpp"
#include "app/ui/article_panel.hpp"
#include "app/ui/layers_panel.hpp"
#include "app/ui/map_overlay.hpp"
#include "app/ui/offscreen_ui_frame.hpp"
#include "app/ui/panel_layout.hpp"
#include "app/ui/people_panel.hpp"
#include "app/ui/search_panel.hpp"
#include "app/ui/splitters.hpp"
#include "app/ui/status_bar.hpp"
#include "app/ui/timeline_panel.hpp"
#include "geo/story/story_search.hpp"
#include "geo/story/timeline_scale.hpp"

using namespace diplomap;

namespace {

constexpr int kWidth = 1920, kHeight = 1080;
// The clear colour stands for the map: any other colour inside the map's rectangle is UI drawn over it.
constexpr std::uint8_t kMap[3] = {204, 224, 242};

// The viewer's UI state for one story, drawn as explore mode draws it around the map.
struct Viewer {
    const geo::Story& story = test::bundled_story();
    geo::StorySearch search{story};
    geo::SelectionModel selection;
    geo::TimelineScale scale{geo::timeline_anchors(story)};
    TimelineState timeline;
    AnimationControls animation;
    ArticlePanel article;
    SearchPanel search_panel;
    ArticleLanguage article_language = ArticleLanguage::original;
    std::vector<LegendEntry> legend = legend_entries(story);
    LayerSet layers = LayerSet::all();
    std::uint32_t kinds = ~0U;
    std::optional<std::size_t> focus_person;
    bool focus_search = false;
    std::array<bool, kPanelCount> shown{};
    PanelSizes sizes;
    PanelLayout layout;
    float status_bar = 0;  // its height in the last frame

    Viewer() { shown.fill(true); }

    void draw(std::string_view language) {
        const UiLanguage ui = ui_language(language);
        if (ImGui::BeginMainMenuBar()) {
            for (UiText menu : {UiText::menu_file, UiText::menu_view, UiText::menu_projection, UiText::menu_layers,
                                UiText::menu_story, UiText::menu_help})
                if (ImGui::BeginMenu(tr(menu, ui))) ImGui::EndMenu();
            ImGui::EndMainMenuBar();
        }
        StatusBarContent status;
        status.projection = "ortho";
        status.detail = "50m";
        status.language = language;
        draw_status_bar(status);
        PanelLayoutInput input;
        input.display_width = kWidth;
        input.display_height = kHeight;
        input.top = ImGui::GetFrameHeight();
        input.bottom = status_bar = status_bar_height();
        input.shown = shown;
        input.sizes = sizes;
        input.ui_scale = ImGui::GetFontSize() / 16.0F;
        input.controls_height = animation_strip_height();
        layout = layout_panels(input);
        PanelRects rects = layout.panels;
        auto open = [&](Panel p) -> bool& { return shown[static_cast<std::size_t>(p)]; };
        draw_timeline_panel(story, scale, timeline, animation, selection, language, open(Panel::timeline), rects);
        search_panel.draw(story, search, selection, language, focus_person, focus_search, open(Panel::search), rects);
        draw_layers_panel(&story, legend, {layers, kinds}, language, open(Panel::layers), rects);
        article.draw(story, 1, selection, article_language, open(Panel::article), rects, language);
        draw_people_panel(story, selection, language, focus_person, open(Panel::people), rects);
        draw_animation_strip(animation, layout.controls, language);
        draw_splitters(layout, sizes);
    }
};

bool is_map(const std::uint8_t* p) { return p[0] == kMap[0] && p[1] == kMap[1] && p[2] == kMap[2]; }
bool is_dark(const std::uint8_t* p) { return p[0] < 70 && p[1] < 70 && p[2] < 80; }
bool is_light(const std::uint8_t* p) { return p[0] > 170 && p[1] > 170 && p[2] > 170 && !is_map(p); }

template <typename Test>
double share(const RgbaImage& image, const PanelRect& r, float inset, Test test) {
    std::size_t hits = 0, total = 0;
    for (int y = static_cast<int>(r.top + inset); y < static_cast<int>(r.bottom - inset); ++y)
        for (int x = static_cast<int>(r.left + inset); x < static_cast<int>(r.right - inset); ++x) {
            hits += test(image.at(x, y)) ? 1 : 0;
            ++total;
        }
    return total ? static_cast<double>(hits) / static_cast<double>(total) : 0.0;
}

RgbaImage render(Viewer& viewer, std::string_view language) {
    auto target = OffscreenTarget::create(kWidth, kHeight);
    if (auto* error = std::get_if<std::string>(&target)) FAIL(*error);
    OffscreenTarget& fb = std::get<OffscreenTarget>(target);
    ImGuiOffscreen ui(1.0F);
    // A few frames: ImGui sizes some content from the frame before.
    for (int frame = 0; frame < 3; ++frame) {
        fb.bind();
        glViewport(0, 0, kWidth, kHeight);
        glClearColor(kMap[0] / 255.0F, kMap[1] / 255.0F, kMap[2] / 255.0F, 1.0F);
        glClear(GL_COLOR_BUFFER_BIT);
        ui.render(kWidth, kHeight, [&](ImDrawList&) { viewer.draw(language); });
    }
    return fb.read();
}

}  // namespace

TEST_CASE("the panels drawn at 1920x1080 sit where the layout puts them and leave the map free", "[ui][layout]") {
    auto context = create_headless_gl_context();
    if (auto* error = std::get_if<std::string>(&context)) FAIL(*error);
    Viewer viewer;
    const RgbaImage image = render(viewer, "de");
    if (const char* keep = std::getenv("DIPLOMAP_UI_SCREENSHOT")) REQUIRE_FALSE(test::write_png(keep, image));
    REQUIRE(image.width == kWidth);

    const PanelLayout& layout = viewer.layout;
    CHECK(layout.map.width() > kWidth * 0.55F);
    // Not one pixel of UI on the map (the splitters' thin lines sit in their own bands, outside it).
    CHECK(share(image, layout.map, 0.0F, is_map) == 1.0);
    for (std::size_t i = 0; i < kPanelCount; ++i) {
        const PanelRect& r = layout.panels[static_cast<Panel>(i)];
        INFO("panel " << i);
        REQUIRE(r.shown);
        // ImGui's dark window where the panel was laid out, with text in it; the map's colour nowhere inside.
        CHECK(share(image, r, 3.0F, is_dark) > 0.5);
        CHECK(share(image, r, 3.0F, is_light) > 0.001);
        CHECK(share(image, r, 3.0F, is_map) == 0.0);
    }
}

TEST_CASE("hidden panels give the map their room in the drawn frame", "[ui][layout]") {
    auto context = create_headless_gl_context();
    if (auto* error = std::get_if<std::string>(&context)) FAIL(*error);
    Viewer viewer;
    viewer.shown[static_cast<std::size_t>(Panel::article)] = false;
    viewer.shown[static_cast<std::size_t>(Panel::search)] = false;
    viewer.shown[static_cast<std::size_t>(Panel::timeline)] = false;
    const RgbaImage image = render(viewer, "en");
    const PanelLayout& layout = viewer.layout;
    CHECK(layout.map.left == 0);
    // The play controls take the timeline's place, on a line of their own below the map.
    REQUIRE(layout.controls.shown);
    CHECK(layout.controls.bottom == Approx(kHeight - viewer.status_bar));
    CHECK(layout.map.bottom == layout.controls.top);
    CHECK(layout.controls.height() < 60);
    CHECK(share(image, layout.controls, 2.0F, is_dark) > 0.3);
    CHECK(share(image, layout.controls, 2.0F, is_map) == 0.0);
    CHECK(share(image, layout.map, 0.0F, is_map) == 1.0);
    // The right column is still there, drawn.
    CHECK(share(image, layout.panels[Panel::people], 3.0F, is_dark) > 0.5);
    CHECK(share(image, layout.panels[Panel::layers], 3.0F, is_dark) > 0.5);
}

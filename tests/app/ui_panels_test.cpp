// The panels driven the way a reader drives them, with no window: an ImGui context without backends, the UI font,
// synthetic mouse and keys through ImGuiIO (MousePos, MouseDown, KeysDown), frames rendered to draw lists only.
// Checks what the clicks did to the selection, the camera the window would fly to, the layers and the as-of date.
#include <catch2/catch.hpp>

#include <imgui.h>
#include <imgui_internal.h>  // tests only: a window's full name
#include "bundled_story.hpp"

#include <array>
#include <filesystem>
#include <functional>

#include "app/style/relation_style.hpp"
#include "app/style/translations.hpp"
#include "app/ui/article_panel.hpp"
#include "app/ui/fonts.hpp"
#include "app/ui/layers_panel.hpp"
#include "app/ui/map_overlay.hpp"
#include "app/ui/people_panel.hpp"
#include "app/ui/search_panel.hpp"
#include "app/ui/timeline_panel.hpp"
#include "geo/map/view_fit.hpp"
#include "geo/story/story_loader.hpp"
#include "geo/story/story_search.hpp"
#include "geo/story/timeline_scale.hpp"

using namespace diplomap;
using geo::StoryItem;

namespace {

constexpr float kWidth = 1600, kHeight = 1000;
constexpr int kEnterKey = 13;

using diplomap::test::bundled_story;

// An ImGui context of its own per test, as the window has one: font atlas built, no backend, no ini file.
class UiHarness {
public:
    UiHarness() {
        previous_ = ImGui::GetCurrentContext();
        context_ = ImGui::CreateContext();
        ImGui::SetCurrentContext(context_);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        font_found_ = add_ui_font(*io.Fonts, 16.0F);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.DisplaySize = ImVec2(kWidth, kHeight);
        io.DeltaTime = 1.0F / 60.0F;
        io.KeyMap[ImGuiKey_Enter] = kEnterKey;
    }
    ~UiHarness() {
        ImGui::DestroyContext(context_);
        ImGui::SetCurrentContext(previous_);
    }
    UiHarness(const UiHarness&) = delete;
    UiHarness& operator=(const UiHarness&) = delete;

    [[nodiscard]] bool font_found() const { return font_found_; }

    void frame(const std::function<void()>& draw) {
        ImGui::NewFrame();
        draw();
        ImGui::Render();
    }
    void frames(int n, const std::function<void()>& draw) {
        for (int i = 0; i < n; ++i) frame(draw);
    }
    // Moves there, presses, releases: one frame each, as a hand would.
    void click(float x, float y, const std::function<void()>& draw) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        frame(draw);
        io.MouseDown[0] = true;
        frame(draw);
        io.MouseDown[0] = false;
        frame(draw);
    }

private:
    ImGuiContext* context_ = nullptr;
    ImGuiContext* previous_ = nullptr;
    bool font_found_ = false;
};

float middle_x(const PanelRect& r) { return 0.5F * (r.left + r.right); }
float middle_y(const PanelRect& r) { return 0.5F * (r.top + r.bottom); }

}  // namespace

TEST_CASE("the UI font has the German and Cyrillic glyphs the story needs", "[ui]") {
    UiHarness ui;
    if (!ui.font_found()) WARN("no system font with German glyphs; ImGui's built-in font is ASCII only");
    REQUIRE(ui.font_found());
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    for (ImWchar c : {ImWchar(0x201E), ImWchar(0x201C), ImWchar(0x2013), ImWchar(0x00DF), ImWchar(0x00E4),
                      ImWchar(0x00F6), ImWchar(0x00FC), ImWchar(0x0416), ImWchar(0x2192)}) {
        INFO("U+" << std::hex << static_cast<unsigned>(c));
        CHECK(font->FindGlyphNoFallback(c) != nullptr);
    }
}

TEST_CASE("clicking an excerpt selects its relation and the flight fits both ends", "[ui]") {
    UiHarness ui;
    const geo::Story& story = bundled_story();
    geo::SelectionModel selection;
    ArticlePanel panel;
    ArticleLanguage language = ArticleLanguage::original;
    bool open = true;
    PanelRects rects;
    auto draw = [&] { panel.draw(story, 1, selection, language, open, rects); };
    ui.frames(2, draw);

    // The third excerpt in article order: visible without scrolling, and quoted for a relation.
    const auto order = geo::excerpts_in_article_order(story);
    const std::size_t excerpt = order[2];
    const auto rect = panel.excerpt_rect(excerpt);
    REQUIRE(rect);
    ui.click(middle_x(*rect), rect->top + 4, draw);

    const auto relation = geo::relation_of_excerpt(story, excerpt);
    REQUIRE(relation);
    const StoryItem expected{StoryItem::Kind::relation, *relation};
    CHECK(selection.selection().selected == expected);
    CHECK(selection.active_excerpt() == excerpt);
    const auto flight = selection.take_flight_request();
    REQUIRE(flight);
    CHECK(*flight == expected);

    // The camera the window flies to: the globe turned to the middle, both ends inside the part the panels leave.
    const PanelRect& article = rects[Panel::article];
    REQUIRE(article.shown);
    const geo::PixelRect free{article.right, 0, kWidth, kHeight};
    const auto points = geo::points_of(story, *flight);
    const geo::ProjectionSpec globe{"ortho", {127.5, 38.5}, ""};
    const auto view = geo::fit_view(globe, true, points, static_cast<int>(kWidth), static_cast<int>(kHeight), free, 40);
    REQUIRE(view);
    auto created = geo::Projection::create({"ortho", view->center, ""});
    const auto& projection = std::get<geo::Projection>(created);
    for (const geo::LonLat& p : points) {
        const geo::XY m = *projection.forward(p);
        const double px = 0.5 * kWidth + (m.x - view->camera.center.x) * view->camera.pixels_per_metre;
        const double py = 0.5 * kHeight - (m.y - view->camera.center.y) * view->camera.pixels_per_metre;
        CHECK(px >= free.left);
        CHECK(px <= free.right);
        CHECK(py >= free.top);
        CHECK(py <= free.bottom);
    }

    // The same excerpt in English: still the same relation.
    selection.clear();
    language = ArticleLanguage::translation;
    ui.frames(2, draw);
    const auto english = panel.excerpt_rect(excerpt);
    REQUIRE(english);
    ui.click(middle_x(*english), english->top + 4, draw);
    CHECK(selection.selection().selected == expected);
}

TEST_CASE("a pick on the map scrolls the article to its excerpts", "[ui]") {
    UiHarness ui;
    const geo::Story& story = bundled_story();
    geo::SelectionModel selection;
    ArticlePanel panel;
    ArticleLanguage language = ArticleLanguage::both;
    bool open = true;
    PanelRects rects;
    auto draw = [&] { panel.draw(story, 1, selection, language, open, rects); };
    ui.frames(2, draw);

    // The last excerpt of the article starts far below the panel's view.
    const std::size_t last = geo::excerpts_in_article_order(story).back();
    const PanelRect view = panel.excerpts_view();
    REQUIRE(view.shown);
    const auto before = panel.excerpt_rect(last);
    REQUIRE(before);
    CHECK(before->top > view.bottom);

    const auto relation = geo::relation_of_excerpt(story, last);
    REQUIRE(relation);
    selection.select(story, {StoryItem::Kind::relation, *relation});  // as a click on its arc does
    ui.frames(3, draw);
    const auto after = panel.excerpt_rect(selection.highlighted_excerpts().front());
    REQUIRE(after);
    CHECK(after->top >= view.top);
    CHECK(after->top < view.bottom);
    CHECK_FALSE(selection.take_flight_request());
}

TEST_CASE("clicking a legend entry hides and shows that kind of relation", "[ui]") {
    UiHarness ui;
    const geo::Story& story = bundled_story();
    const std::vector<LegendEntry> legend = legend_entries(story);
    LayerSet layers = LayerSet::all();
    std::uint32_t kinds = ~0U;
    bool open = true;
    // The whole height of the window, as when the layers are the only panel in their column: every row visible.
    PanelRects rects;
    rects[Panel::layers] = {kWidth - 400, 0, kWidth, kHeight, true};
    std::vector<PanelRect> rows;
    auto draw = [&] { draw_layers_panel(&story, legend, {layers, kinds}, "de", open, rects, &rows); };
    ui.frames(2, draw);

    const auto warning = std::find_if(legend.begin(), legend.end(), [](const LegendEntry& e) {
        return e.kind == LegendEntry::Kind::relation && e.relation == geo::RelationKind::warning;
    });
    REQUIRE(warning != legend.end());
    const PanelRect row = rows.at(static_cast<std::size_t>(warning - legend.begin()));
    const std::uint32_t bit = 1U << static_cast<unsigned>(geo::RelationKind::warning);
    ui.click(middle_x(row), middle_y(row), draw);
    CHECK((kinds & bit) == 0);
    CHECK(kinds == ~bit);  // only that kind
    ui.click(middle_x(row), middle_y(row), draw);
    CHECK(kinds == ~0U);

    // The route entry switches the routes layer.
    const auto journey = std::find_if(legend.begin(), legend.end(),
                                      [](const LegendEntry& e) { return e.kind == LegendEntry::Kind::route; });
    REQUIRE(journey != legend.end());
    const PanelRect route_row = rows.at(static_cast<std::size_t>(journey - legend.begin()));
    ui.click(middle_x(route_row), middle_y(route_row), draw);
    CHECK_FALSE(layers.has(Layer::Routes));
    CHECK(layers.has(Layer::Arcs));
}

TEST_CASE("the legend lists exactly the styles the story uses", "[ui]") {
    const geo::Story& story = bundled_story();
    const auto legend = legend_entries(story);
    for (const LegendEntry& e : legend) {
        if (e.kind != LegendEntry::Kind::relation) continue;
        CHECK(std::any_of(story.relations.begin(), story.relations.end(),
                          [&](const geo::Relation& r) { return r.kind == e.relation; }));
    }
    for (const geo::Relation& r : story.relations)
        CHECK(std::any_of(legend.begin(), legend.end(), [&](const LegendEntry& e) {
            return e.kind == LegendEntry::Kind::relation && e.relation == r.kind;
        }));
    // The story uses no "statement" relation, so its style is not in the legend.
    CHECK(std::none_of(legend.begin(), legend.end(), [](const LegendEntry& e) {
        return e.kind == LegendEntry::Kind::relation && e.relation == geo::RelationKind::statement;
    }));
    CHECK(std::any_of(legend.begin(), legend.end(),
                      [](const LegendEntry& e) { return e.kind == LegendEntry::Kind::added; }));
}

TEST_CASE("scrubbing the timeline sets the as-of date", "[ui]") {
    UiHarness ui;
    const geo::Story& story = bundled_story();
    const geo::TimelineScale scale(geo::timeline_anchors(story));
    TimelineState state;
    AnimationControls animation;
    geo::SelectionModel selection;
    bool open = true;
    PanelRects rects;
    bool changed = false;
    auto draw = [&] {
        ImGui::SetNextWindowPos(ImVec2(0, 700), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(1200, 200), ImGuiCond_Always);
        changed = draw_timeline_panel(story, scale, state, animation, selection, "de", open, rects) || changed;
    };
    ui.frames(2, draw);
    CHECK_FALSE(state.as_of);
    REQUIRE(state.axis.shown);

    // Press on the axis a quarter of the way along (between events) and drag to the end.
    ImGuiIO& io = ImGui::GetIO();
    const float y = state.axis.top + 4;
    const float quarter = state.axis.left + 0.26F * (state.axis.right - state.axis.left);
    io.MousePos = ImVec2(quarter, y);
    ui.frame(draw);
    io.MouseDown[0] = true;
    ui.frame(draw);
    REQUIRE(state.as_of);
    CHECK(changed);
    CHECK(*state.as_of == scale.day_at(0.26));
    const auto early = *state.as_of;
    io.MousePos = ImVec2(state.axis.right + 50, y);
    ui.frame(draw);
    io.MouseDown[0] = false;
    ui.frame(draw);
    REQUIRE(state.as_of);
    CHECK(*state.as_of == scale.last());
    CHECK(early < *state.as_of);

    // A click on an event takes its day and shows its place.
    const geo::TimelineEvent& war = story.timeline[1];
    REQUIRE(war.place);
    const float war_x =
        state.axis.left + static_cast<float>(scale.position(war.date.first)) * (state.axis.right - state.axis.left);
    const float axis_y = state.axis_y;
    ui.click(war_x, axis_y, draw);
    CHECK(*state.as_of == war.date.first);
    CHECK(selection.selection().selected == StoryItem{StoryItem::Kind::place, *war.place});
    CHECK(selection.take_flight_request());
}

TEST_CASE("search finds a place typed without accents and jumps to it", "[ui]") {
    UiHarness ui;
    const geo::Story& story = bundled_story();
    const geo::StorySearch search(story);
    geo::SelectionModel selection;
    SearchPanel panel;
    std::optional<std::size_t> focus_person;
    bool open = true;
    bool take_focus = true;
    PanelRects rects;
    auto draw = [&] { panel.draw(story, search, selection, "de", focus_person, take_focus, open, rects); };
    ui.frame(draw);
    take_focus = false;
    ui.frames(2, draw);  // the keyboard focus request lands a frame later
    ImGuiIO& io = ImGui::GetIO();
    io.AddInputCharactersUTF8("pjongjang");
    ui.frames(2, draw);
    CHECK(panel.query() == "pjongjang");
    REQUIRE_FALSE(panel.hits().empty());
    io.KeysDown[kEnterKey] = true;
    ui.frame(draw);
    io.KeysDown[kEnterKey] = false;
    ui.frame(draw);
    const std::size_t pyongyang = *story.find_place("pyongyang");
    CHECK(selection.selection().selected == StoryItem{StoryItem::Kind::place, pyongyang});
    CHECK(selection.take_flight_request() == StoryItem{StoryItem::Kind::place, pyongyang});
}

TEST_CASE("a person found by search opens in the People panel at their place", "[ui]") {
    UiHarness ui;
    const geo::Story& story = bundled_story();
    const geo::StorySearch search(story);
    geo::SelectionModel selection;
    SearchPanel panel;
    std::optional<std::size_t> focus_person;
    bool open = true, people_open = true;
    bool take_focus = false;
    PanelRects rects;
    auto draw = [&] {
        panel.draw(story, search, selection, "en", focus_person, take_focus, open, rects);
        draw_people_panel(story, selection, "en", focus_person, people_open, rects);
    };
    ui.frames(2, draw);  // both windows open, as in the viewer, before Ctrl+F
    take_focus = true;
    ui.frame(draw);
    take_focus = false;
    ui.frames(2, draw);
    ImGui::GetIO().AddInputCharactersUTF8("PESKOW");
    ui.frames(2, draw);
    CHECK(panel.query() == "PESKOW");
    REQUIRE(panel.hits().size() == 1);
    ImGui::GetIO().KeysDown[kEnterKey] = true;
    ui.frame(draw);
    ImGui::GetIO().KeysDown[kEnterKey] = false;
    ui.frames(2, draw);
    const std::size_t moscow = *story.find_place("moscow");
    CHECK(selection.selection().selected == StoryItem{StoryItem::Kind::place, moscow});
    CHECK_FALSE(focus_person);  // the People panel took it
    CHECK(rects[Panel::people].shown);
}

TEST_CASE("the article panel speaks the panels' language", "[ui]") {
    for (const char* language : {"de", "en"}) {
        INFO(language);
        UiHarness ui;
        geo::SelectionModel selection;
        ArticlePanel panel;
        ArticleLanguage article_language = ArticleLanguage::original;
        bool open = true;
        PanelRects rects;
        ui.frames(2, [&] { panel.draw(bundled_story(), 1, selection, article_language, open, rects, language); });
        // The window's full name holds the title shown; "###article" keeps its identity across languages.
        const ImGuiWindow* window = ImGui::FindWindowByName("###article");
        REQUIRE(window != nullptr);
        CHECK(std::string(window->Name) == (language == std::string("de") ? "Artikel###article" : "Article###article"));
    }
}

namespace {

// Every text the panels render in one frame, as ImGui's log captures it: logging to the "clipboard" before each
// panel, which the panel's End() hands to io.SetClipboardTextFn, here a function that keeps it.
std::string text_of_panels(UiHarness& ui, std::string_view language) {
    const geo::Story& story = bundled_story();
    const geo::StorySearch search(story);
    const geo::TimelineScale scale(geo::timeline_anchors(story));
    geo::SelectionModel selection;
    TimelineState timeline;
    AnimationControls animation;
    ArticlePanel article;
    SearchPanel search_panel;
    ArticleLanguage article_language = ArticleLanguage::original;
    const std::vector<LegendEntry> legend = legend_entries(story);
    LayerSet layers = LayerSet::all();
    std::uint32_t kinds = ~0U;
    std::optional<std::size_t> focus_person;
    bool focus_search = false;
    std::array<bool, kPanelCount> open{};
    open.fill(true);
    PanelRects rects;
    auto shown = [&](Panel p) -> bool& { return open[static_cast<std::size_t>(p)]; };
    std::string text;
    ImGuiIO& io = ImGui::GetIO();
    io.ClipboardUserData = &text;
    io.SetClipboardTextFn = [](void* kept, const char* logged) { static_cast<std::string*>(kept)->append(logged); };
    const std::vector<std::function<void()>> panels{
        [&] {
            draw_timeline_panel(story, scale, timeline, animation, selection, language, shown(Panel::timeline), rects);
        },
        [&] {
            search_panel.draw(story, search, selection, language, focus_person, focus_search, shown(Panel::search),
                              rects);
        },
        [&] {
            draw_layers_panel(&story, legend, {layers, kinds}, language, shown(Panel::layers), rects);
        },
        [&] { article.draw(story, 1, selection, article_language, shown(Panel::article), rects, language); },
        [&] { draw_people_panel(story, selection, language, focus_person, shown(Panel::people), rects); },
    };
    for (int frame = 0; frame < 2; ++frame) {
        text.clear();
        ui.frame([&] {
            for (const auto& panel : panels) {
                ImGui::LogToClipboard();
                panel();
            }
        });
    }
    io.SetClipboardTextFn = nullptr;
    io.ClipboardUserData = nullptr;
    return text;
}

}  // namespace

TEST_CASE("a German frame of the panels shows none of the interface's English words", "[ui][translations]") {
    UiHarness ui;
    const std::string german = text_of_panels(ui, "de");
    const std::string english = text_of_panels(ui, "en");
    // The log holds every panel's words, titles included.
    for (const char* word : {"Zeitleiste", "Stand am", "Ort oder Person", "Grundkarte", "Auszüge", "Personen"})
        CHECK(german.find(word) != std::string::npos);
    for (const char* word : {"Timeline", "As of", "Place or person", "Basemap", "Excerpts", "People"})
        CHECK(english.find(word) != std::string::npos);
    std::size_t compared = 0;
    for (std::size_t k = 0; k < kTextCount; ++k) {
        const auto key = static_cast<UiText>(k);
        const std::string en = tr(key, UiLanguage::en), de = tr(key, UiLanguage::de);
        // Words of four letters or more that German does not share; the shortest are too likely inside others.
        if (en == de || en.size() < 4 || de.find(en) != std::string::npos) continue;
        ++compared;
        INFO(en);
        CHECK(german.find(en) == std::string::npos);
    }
    CHECK(compared > 100);
    // The legend's names of relation kinds come from their styles, in both languages too.
    for (const geo::RelationKind kind : relation_kinds()) {
        const LineStyle& style = relation_style(kind);
        INFO(style.name_en);
        CHECK(german.find(std::string(style.name_en) + " (") == std::string::npos);
    }
}

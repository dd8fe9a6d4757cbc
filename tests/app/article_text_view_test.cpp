// The article's text view driven by a synthetic mouse in an ImGui context without a window: a drag selects a
// range, Shift+click extends it, a double-click takes a word, a click reports the character; the ranges come out
// on UTF-8 character boundaries whatever the pointer's pixel.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <string>

#include "app/ui/article_text_view.hpp"
#include "app/ui/fonts.hpp"

using namespace diplomap;

namespace {

const std::string kText =
    "Pjöngjang warnt: „Wir liefern nichts“, sagte Kims Sprecher in Wladiwostok. Doch wo und wann das genau "
    "passiert, bleibt bislang ungewiss.\n\nZweiter Absatz über Düsseldorf.";

class TextHarness {
public:
    TextHarness() {
        previous_ = ImGui::GetCurrentContext();
        context_ = ImGui::CreateContext();
        ImGui::SetCurrentContext(context_);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        (void)add_ui_font(*io.Fonts, 16.0F);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.DisplaySize = ImVec2(800, 600);
        io.DeltaTime = 1.0F / 60.0F;
    }
    ~TextHarness() {
        ImGui::DestroyContext(context_);
        ImGui::SetCurrentContext(previous_);
    }
    TextHarness(const TextHarness&) = delete;
    TextHarness& operator=(const TextHarness&) = delete;

    void frame() {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(10, 10));
        ImGui::SetNextWindowSize(ImVec2(300, 400));
        ImGui::Begin("text", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
        view.draw(kText, 1, highlights);
        ImGui::End();
        ImGui::Render();
    }
    // Where byte `offset` is drawn, a little inside its character.
    ImVec2 at(std::size_t offset) const {
        const auto p = view.screen_position(offset);
        REQUIRE(p);
        return {p->x + 1.0F, p->y + 0.5F * ImGui::GetTextLineHeight()};
    }
    void move(ImVec2 p) {
        ImGui::GetIO().MousePos = p;
        frame();
    }
    void press(bool down) {
        ImGui::GetIO().MouseDown[0] = down;
        frame();
    }

    ArticleTextView view;
    std::vector<TextHighlight> highlights;

private:
    ImGuiContext* context_ = nullptr;
    ImGuiContext* previous_ = nullptr;
};

}  // namespace

TEST_CASE("a drag over the text selects the bytes between, Shift+click extends", "[text-view][ui]") {
    TextHarness ui;
    ui.frame();
    ui.frame();
    REQUIRE(ui.view.lines().size() > 3);  // wrapped to the window's width
    const std::size_t doch = kText.find("Doch"), end = kText.find("ungewiss.") + 9;
    ui.move(ui.at(doch));
    ui.press(true);
    ui.move(ui.at(doch + 20));
    ui.move(ui.at(end));
    ui.press(false);
    REQUIRE(ui.view.selection());
    CHECK(kText.substr(ui.view.selection()->first, ui.view.selection()->second - ui.view.selection()->first) ==
          "Doch wo und wann das genau passiert, bleibt bislang ungewiss.");
    CHECK_FALSE(ui.view.clicked());  // a selection is no click

    // Shift+click further on moves the end, the start stays.
    const std::size_t second = kText.find("Zweiter");
    ImGui::GetIO().KeyShift = true;
    ui.move(ui.at(second));
    ui.press(true);
    ui.press(false);
    ImGui::GetIO().KeyShift = false;
    REQUIRE(ui.view.selection());
    CHECK(ui.view.selection()->first == doch);
    CHECK(ui.view.selection()->second == second);
}

TEST_CASE("a selection dragged into a character ends on its boundary", "[text-view][ui]") {
    TextHarness ui;
    ui.frame();
    ui.frame();
    // Start on the „ (three bytes) and end on the ö of Pjöngjang's line, pressing anywhere within the glyphs.
    const std::size_t quote = kText.find("„");
    const ImVec2 q = ui.at(quote);
    ui.move(ImVec2(q.x + 1.0F, q.y));
    ui.press(true);
    const std::size_t o = kText.find("ö");
    ui.move(ui.at(o));
    ui.press(false);
    REQUIRE(ui.view.selection());
    const auto [begin, end] = *ui.view.selection();
    CHECK(begin == o);
    CHECK((end == quote || end == quote + 3));
    for (std::size_t b : {begin, end}) CHECK((static_cast<unsigned char>(kText[b]) & 0xC0U) != 0x80U);
}

TEST_CASE("a double-click selects a word, a click reports its character", "[text-view][ui]") {
    TextHarness ui;
    ui.frame();
    ui.frame();
    const std::size_t word = kText.find("Wladiwostok");
    ui.move(ui.at(word + 3));
    ui.press(true);
    ui.press(false);
    CHECK(ui.view.clicked() == std::optional<std::size_t>(word + 3));
    CHECK_FALSE(ui.view.selection());
    ui.press(true);  // the second click, within the double-click time
    ui.press(false);
    REQUIRE(ui.view.selection());
    CHECK(ui.view.selection() == ByteRange(word, word + 11));
    ui.view.clear_selection();
    CHECK_FALSE(ui.view.selection());
}

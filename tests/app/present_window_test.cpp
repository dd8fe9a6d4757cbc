// `diplomap present` in a window under the test display, driven by scripted keys (--test-keys FRAME:KEY) on a
// clock that steps a fixed time per frame (--test-clock-step), read back through the viewer's test report. So the
// keyboard, autoplay and the hand-over to exploring are tested as a presenter uses them, whatever the machine's
// speed.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "image_compare.hpp"
#include "test_support.hpp"

using namespace diplomap;

namespace {

const std::string kStory =
    "'" + (std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets" / "stories" / "kim-train-2023").string() + "'";

struct Presented {
    nlohmann::json report;
    std::string output;
};

// Runs the presentation for `frames` frames of `step` seconds each with `keys`, and returns the last frame's report.
Presented present(const test::TempDir& dir, const std::string& arguments, int frames, const std::string& keys,
                  double step = 0.05, const std::string& subcommand = "present --window") {
    const std::filesystem::path report = dir / "report.json";
    std::filesystem::remove(report);
    const std::string command = "env XDG_CONFIG_HOME='" + dir.path().string() + "' HOME='" + dir.path().string() +
                                "' " + std::string(DIPLOMAP_EXECUTABLE) + " " + subcommand + " " + kStory +
                                " --window-size 960x540 --quit-after-frames " + std::to_string(frames) +
                                " --test-clock-step " + std::to_string(step) + " --test-report " + report.string() +
                                (keys.empty() ? "" : " --test-keys '" + keys + "'") + " " + arguments;
    const auto result = test::run_command(command);
    INFO(command);
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    std::ifstream in(report);
    REQUIRE(in.good());
    return {nlohmann::json::parse(in), result.output};
}

bool have_display() {
    if (std::getenv("DISPLAY")) return true;
    WARN("no DISPLAY: run the tests under xvfb-run -a, as ctest does");
    return false;
}

}  // namespace

TEST_CASE("the presentation opens on slide 1, or the slide asked for, with its caption", "[present][window]") {
    if (!have_display()) return;
    test::TempDir dir;
    const Presented first = present(dir, "", 5, "");
    CHECK(first.report["mode"] == "present");
    CHECK(first.report["slide"] == 1);
    const int count = first.report["slide_count"];
    CHECK(count >= 2);
    REQUIRE(first.report["captions"].size() == 1);
    // The caption band's text is at least 1/30 of the height: the band itself is taller than that.
    const auto box = first.report["captions"][0]["box"];
    CHECK(box[3].get<double>() - box[1].get<double>() >= 540.0 / 30.0);
    // The map's free part ends where the caption begins.
    CHECK(first.report["free"][3].get<double>() == Approx(box[1].get<double>()).margin(1.0));

    const Presented third = present(dir, "--slide 3", 5, "");
    CHECK(third.report["slide"] == 3);
    // A slide number past the end is refused as a bad argument only when it is not a number; past the end opens the
    // last slide.
    const Presented last = present(dir, "--slide 999", 5, "");
    CHECK(last.report["slide"] == count);
}

TEST_CASE("the keyboard moves through the slides as a clicker does", "[present][window]") {
    if (!have_display()) return;
    test::TempDir dir;
    // Each press is given time for its flight (at most 3 s = 60 frames of 0.05 s) before the next.
    CHECK(present(dir, "", 70, "5:Right").report["slide"] == 2);
    CHECK(present(dir, "", 140, "5:Right 70:Space").report["slide"] == 3);
    CHECK(present(dir, "", 140, "5:PageDown 70:Left").report["slide"] == 1);
    CHECK(present(dir, "", 140, "5:Return 70:Backspace").report["slide"] == 1);
    const Presented end = present(dir, "", 70, "5:End");
    CHECK(end.report["slide"] == end.report["slide_count"]);
    CHECK(present(dir, "--slide 4", 70, "5:Home").report["slide"] == 1);
    // A number then Enter jumps there.
    CHECK(present(dir, "", 80, "5:3 6:Return").report["slide"] == 3);
    REQUIRE(end.report["slide_count"].get<int>() >= 10);
    CHECK(present(dir, "", 80, "5:1 6:0 7:Return").report["slide"] == 10);
    // A number past the last slide is ignored.
    CHECK(present(dir, "", 80, "5:9 6:9 7:Return").report["slide"] == 1);
}

TEST_CASE("forward mid-flight lands the flight at once, and the next press moves on", "[present][window]") {
    if (!have_display()) return;
    test::TempDir dir;
    // Frame 5 starts the flight to slide 2; frame 7 is inside it (a flight lasts at least 0.6 s = 12 frames).
    const Presented landed = present(dir, "", 9, "5:Right 7:Right");
    CHECK(landed.report["slide"] == 2);
    CHECK(landed.report["flying"] == false);
    const Presented on = present(dir, "", 12, "5:Right 7:Right 9:Right");
    CHECK(on.report["slide"] == 3);
    CHECK(on.report["flying"] == true);
}

TEST_CASE("autoplay moves on after each slide's duration", "[present][window]") {
    if (!have_display()) return;
    test::TempDir dir;
    // Steps of half a second: the slides' durations (at most a minute) pass in a few hundred frames.
    const Presented still = present(dir, "", 200, "", 0.5);
    CHECK(still.report["slide"] == 1);
    CHECK(still.report["autoplay"] == false);
    const Presented playing = present(dir, "", 200, "2:a", 0.5);
    CHECK(playing.report["autoplay"] == true);
    CHECK(playing.report["slide"].get<int>() > 1);
}

TEST_CASE("Esc leaves to exploring at the same view and P returns to the last slide", "[present][window]") {
    if (!have_display()) return;
    test::TempDir dir;
    const Presented left = present(dir, "", 80, "5:Right 70:Escape");
    CHECK(left.report["mode"] == "explore");
    CHECK(left.report["captions"].empty());
    const Presented back = present(dir, "", 160, "5:Right 70:Escape 80:p");
    CHECK(back.report["mode"] == "present");
    CHECK(back.report["slide"] == 2);
    // From exploring, P opens slide 1 when no slide was shown yet.
    const Presented from_explore = present(dir, "", 80, "5:p", 0.05, "");
    CHECK(from_explore.report["mode"] == "present");
    CHECK(from_explore.report["slide"] == 1);
}

TEST_CASE("B blanks the screen and L switches the captions to English", "[present][window]") {
    if (!have_display()) return;
    test::TempDir dir;
    CHECK(present(dir, "", 10, "5:b").report["blank"] == true);
    const Presented german = present(dir, "", 10, "");
    const Presented english = present(dir, "", 10, "5:l");
    CHECK(german.report["language"] == "de");
    CHECK(english.report["language"] == "en");
    CHECK(german.report["strings"] != english.report["strings"]);
}

TEST_CASE("the presenter view: an overlay on one screen, S hides it", "[present][window]") {
    if (!have_display()) return;
    test::TempDir dir;
    // The test display has one screen, so --presenter is the overlay.
    const Presented shown = present(dir, "--presenter", 10, "");
    CHECK(shown.report["presenter_view"] == true);
    CHECK(shown.report["presenter_window"] == false);
    const auto& strings = shown.report["strings"];
    CHECK(std::find(strings.begin(), strings.end(), "Nächste Folie") != strings.end());
    CHECK(std::find(strings.begin(), strings.end(), "Jetzt zu sehen") != strings.end());
    CHECK(present(dir, "--presenter", 10, "5:s").report["presenter_view"] == false);
    CHECK(present(dir, "", 10, "").report["presenter_view"] == false);
}

TEST_CASE("the presenter window shows the next slide as its export draws it", "[present][window]") {
    if (!have_display()) return;
    test::TempDir dir;
    const std::filesystem::path pictures = dir / "pictures";
    std::filesystem::create_directories(pictures);
    // Slide 2 lands at once (no flight on opening) and rests; the picture of slide 3 is drawn after 0.4 s. Then
    // Right flies to slide 3, and once it rests the same renderer draws slide 4 in another view.
    const Presented shown =
        present(dir, "--slide 2 --presenter-window --test-thumbnails '" + pictures.string() + "'", 120, "35:Right");
    CHECK(shown.report["presenter_window"] == true);
    CHECK(shown.report["presenter_view"] == false);
    CHECK(shown.report["slide"] == 3);
    CHECK(shown.report["presenter_picture"] == 4);
    const auto& strings = shown.report["strings"];
    CHECK(std::find(strings.begin(), strings.end(), "Referentenansicht") != strings.end());
    CHECK(std::find(strings.begin(), strings.end(), "Nächste Folie") != strings.end());

    // Each picture is the slide export (no caption: the view prints it beside) at 560 pixels wide, its text and
    // lines shrunk with the window's 960 pixels.
    std::ostringstream scale;
    scale.precision(17);
    scale << 560.0 / 960.0;
    for (const std::string slide : {"3", "4"}) {
        const std::string name = "slide-0" + slide + ".png";
        std::string arguments = "export " + kStory;
        arguments += " --slide " + slide + " --no-caption --size 560x315 --scale " + scale.str();
        arguments += " --out '" + (dir / name).string() + "'";
        const auto exported = test::run_diplomap(arguments);
        REQUIRE(exported.exit_code == 0);
        auto picture = test::read_png(pictures / name);
        auto expected = test::read_png(dir / name);
        REQUIRE(std::holds_alternative<RgbaImage>(picture));
        REQUIRE(std::holds_alternative<RgbaImage>(expected));
        const test::ImageDifference difference =
            test::compare_images(std::get<RgbaImage>(expected), std::get<RgbaImage>(picture), 0);
        INFO(name);
        CHECK(difference.same_size);
        CHECK(difference.differing == 0);
    }
}

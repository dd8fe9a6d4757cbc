// The whole window under the test suite's display (ctest runs under xvfb-run) with the panels open as a new reader
// first sees them: the screenshot must show the map in the middle and the panels at the sides. Settings go to a
// temporary XDG_CONFIG_HOME, so the run neither reads nor writes the real home.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "image_compare.hpp"
#include "test_support.hpp"

using namespace diplomap;

namespace {

// Like test::run_diplomap, but with the display kept and the configuration in `config_home`.
test::CommandResult run_viewer(const std::string& arguments, const std::filesystem::path& config_home) {
    return test::run_command("env XDG_CONFIG_HOME='" + config_home.string() + "' " + std::string(DIPLOMAP_EXECUTABLE) +
                             " " + arguments);
}

struct Region {
    int x0, y0, x1, y1;
};

// Share of the region's pixels for which `test` holds.
template <typename Test>
double share(const RgbaImage& image, Region r, Test test) {
    std::size_t hits = 0, total = 0;
    for (int y = r.y0; y < r.y1; ++y)
        for (int x = r.x0; x < r.x1; ++x) {
            const std::uint8_t* p = &image.pixels[(static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) +
                                                   static_cast<std::size_t>(x)) *
                                                  4];
            hits += test(p[0], p[1], p[2]) ? 1 : 0;
            ++total;
        }
    return total ? static_cast<double>(hits) / static_cast<double>(total) : 0.0;
}

bool dark(int r, int g, int b) { return r < 70 && g < 70 && b < 80; }
// The basemap's ocean and land are light and pale (app/style/map_style.hpp).
bool map_colour(int r, int g, int b) { return r > 180 && g > 190 && b > 190; }
bool text_colour(int r, int g, int b) { return r > 200 && g > 200 && b > 200; }

RgbaImage screenshot(const std::string& story_arguments, const std::filesystem::path& config_home,
                     const std::filesystem::path& file) {
    const auto result = run_viewer(
        story_arguments + " --window-size 1600x1000 --quit-after-frames 30 --screenshot " + file.string(), config_home);
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    auto image = test::read_png(file);
    REQUIRE(std::holds_alternative<RgbaImage>(image));
    return std::get<RgbaImage>(std::move(image));
}

}  // namespace

TEST_CASE("the window shows the map between the article, people, layers and timeline panels", "[ui][window]") {
    if (!std::getenv("DISPLAY")) {
        WARN("no DISPLAY: run the tests under xvfb-run -a, as ctest does");
        return;
    }
    test::TempDir dir;
    const std::string story =
        (std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets" / "stories" / "kim-train-2023").string();
    const RgbaImage image = screenshot("'" + story + "'", dir.path(), dir / "window.png");
    REQUIRE(image.width == 1600);
    REQUIRE(image.height == 1000);
    // The panels as app/ui/panel_layout.cpp lays them out: search and article on the left, people and layers on the
    // right, the timeline between them along the bottom; ImGui's dark windows with light text in them.
    const Region right_column{1240, 60, 1580, 560}, left_column{20, 60, 300, 700}, timeline{60, 860, 1000, 950};
    CHECK(share(image, right_column, dark) > 0.6);
    CHECK(share(image, right_column, text_colour) > 0.005);
    CHECK(share(image, left_column, dark) > 0.6);
    CHECK(share(image, left_column, text_colour) > 0.005);
    CHECK(share(image, timeline, dark) > 0.5);
    // The map in the free middle: ocean and land, not covered.
    const Region middle{450, 200, 1050, 700};
    CHECK(share(image, middle, map_colour) > 0.6);
    // No settings were written by a test run, and nothing appeared in the working directory.
    CHECK_FALSE(std::filesystem::exists(dir / "diplomap" / "settings.json"));
    CHECK_FALSE(std::filesystem::exists(dir / "diplomap" / "imgui.ini"));
}

TEST_CASE("the window at UI scale 2 keeps the map visible", "[ui][window]") {
    if (!std::getenv("DISPLAY")) {
        WARN("no DISPLAY: run the tests under xvfb-run -a, as ctest does");
        return;
    }
    test::TempDir dir;
    std::filesystem::create_directories(dir / "diplomap");
    {
        std::ofstream out(dir / "diplomap" / "settings.json");
        out << R"({"ui_scale": 2.0})";
    }
    const std::string story =
        (std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets" / "stories" / "kim-train-2023").string();
    const RgbaImage image = screenshot("'" + story + "'", dir.path(), dir / "window.png");
    const Region middle{650, 250, 950, 450};
    CHECK(share(image, middle, map_colour) > 0.5);
    // Larger text: the menu bar is about twice as tall, so its dark band reaches further down.
    CHECK(share(image, {0, 28, 400, 36}, dark) > 0.8);
}

TEST_CASE("a globe dragged by hand turns on a coarser scene and shows the full one after letting go", "[ui][window]") {
    if (!std::getenv("DISPLAY")) {
        WARN("no DISPLAY: run the tests under xvfb-run -a, as ctest does");
        return;
    }
    test::TempDir dir;
    // --drag-frames drags 12 pixels a frame from frame 20 on, then lets go; --frame-stats reports the frames drawn
    // while moving and when the full scene was on screen again.
    const auto result = run_viewer(
        "--zoom 4 --window-size 800x600 --drag-frames 30 --quit-after-frames 90 --frame-stats --screenshot " +
            (dir / "after.png").string(),
        dir.path());
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.output, Catch::Contains("moving-frame-ms median"));
    CHECK_THAT(result.output, Catch::Contains("frames 30\n"));
    CHECK_THAT(result.output, Catch::Contains("settle-ms "));
    CHECK_THAT(result.output, Catch::Contains("peak-rss-mb "));
    auto image = test::read_png(dir / "after.png");
    REQUIRE(std::holds_alternative<RgbaImage>(image));
    CHECK(share(std::get<RgbaImage>(image), Region{250, 150, 550, 450}, map_colour) > 0.5);
}

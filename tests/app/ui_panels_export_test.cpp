// `diplomap export --ui`: the exploring panels in the image where the window's layout puts them, scaled with the
// image, and the map framed in what they leave free; without --ui, the map alone.
#include <catch2/catch.hpp>

#include "app/ui/picture_panels.hpp"
#include "image_compare.hpp"
#include "test_support.hpp"

using namespace diplomap;

namespace {

// ImGui's dark window background (StyleColorsDark: 0.06, 0.06, 0.06) against the map's pale land and ocean.
double dark_share(const RgbaImage& image, const PanelRect& r, float scale) {
    std::size_t dark = 0, total = 0;
    // A margin inside the panel, away from its border and title bar.
    const int x0 = static_cast<int>((r.left + 8) * scale), x1 = static_cast<int>((r.right - 8) * scale);
    const int y0 = static_cast<int>((r.top + 30) * scale), y1 = static_cast<int>((r.bottom - 8) * scale);
    for (int y = y0; y < y1; y += 2)
        for (int x = x0; x < x1; x += 2) {
            const std::uint8_t* p = &image.pixels[(static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) +
                                                   static_cast<std::size_t>(x)) *
                                                  4];
            dark += p[0] < 40 && p[1] < 40 && p[2] < 45 ? 1 : 0;
            ++total;
        }
    return total ? static_cast<double>(dark) / static_cast<double>(total) : 0.0;
}

RgbaImage exported(const test::TempDir& dir, const std::string& name, const std::string& arguments) {
    // Equirectangular-like world map: land and ocean fill the whole image, so a dark area can only be a panel.
    const auto result = test::run_diplomap("export -p eqearth --out " + (dir / name).string() + " " + arguments);
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    auto image = test::read_png(dir / name);
    REQUIRE(std::holds_alternative<RgbaImage>(image));
    return std::get<RgbaImage>(std::move(image));
}

}  // namespace

TEST_CASE("export --ui draws the panels where the window's layout puts them, scaled with the image", "[ui][export]") {
    test::TempDir dir;
    const PanelLayout layout = layout_picture_panels(PicturePanels{}, true, 1600.0F, 900.0F);
    const auto check = [&](const RgbaImage& image, float scale, bool panels) {
        for (Panel p : {Panel::article, Panel::people, Panel::timeline, Panel::layers, Panel::search}) {
            INFO("panel " << static_cast<int>(p) << " at scale " << scale);
            REQUIRE(layout.panels[p].shown);
            if (panels)
                CHECK(dark_share(image, layout.panels[p], scale) > 0.5);
            else
                CHECK(dark_share(image, layout.panels[p], scale) < 0.05);
        }
        // The free part between them is map, panels or not.
        CHECK(dark_share(image, layout.map, scale) < 0.05);
    };
    check(exported(dir, "plain.png", "--size 1600x900"), 1.0F, false);
    check(exported(dir, "ui.png", "--size 1600x900 --ui"), 1.0F, true);
    // Twice the size at scale 2: the same layout, twice as large.
    const RgbaImage large = exported(dir, "ui2.png", "--size 3200x1800 --scale 2 --ui");
    CHECK(large.width == 3200);
    check(large, 2.0F, true);
}

TEST_CASE("export takes --ui for stills only", "[ui][export][cli]") {
    test::TempDir dir;
    const auto result = test::run_diplomap("export --ui --video " + (dir / "x.gif").string());
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.output, Catch::Contains("--ui"));
    CHECK(test::files_in(dir.path()) == 0);
}

// Export of the current view: the window's camera carried into the headless export, with the story's title and
// legend drawn onto the map by the map's own overlay, so that the file carries them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "app/modes/export_mode.hpp"
#include "geo/story/story_loader.hpp"

using namespace diplomap;

namespace {

ExportOptions view_of_story(const char* layers) {
    const geo::StoryLoad load =
        geo::load_story(std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets" / "stories" / "kim-train-2023");
    REQUIRE(load.story);
    ExportOptions o;
    o.width = 800;
    o.height = 500;
    o.view.projection = {"ortho", {127.5, 38.5}, ""};
    o.view.assets = std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets";
    o.view.detail = geo::Detail::Coarse110m;
    o.view.layers = std::get<LayerSet>(parse_layers(layers));
    o.story = load.story;
    return o;
}

// Share of light pixels (the title and legend boxes, translucent white even over the dark space round the globe).
double white_share(const RgbaImage& image, int x0, int y0, int x1, int y1) {
    std::size_t white = 0, total = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            const std::uint8_t* p = &image.pixels[(static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) +
                                                   static_cast<std::size_t>(x)) *
                                                  4];
            white += p[0] > 200 && p[1] > 200 && p[2] > 200 ? 1 : 0;
            ++total;
        }
    return static_cast<double>(white) / static_cast<double>(total);
}

}  // namespace

TEST_CASE("title and legend are drawn onto exported maps when their layers are on", "[ui][export]") {
    ExportOptions plain = view_of_story("ocean,land,coast,arcs,markers");
    ExportOptions annotated = view_of_story("ocean,land,coast,arcs,markers,title,legend");
    auto a = render_map(plain);
    auto b = render_map(annotated);
    REQUIRE(std::holds_alternative<RenderedMap>(a));
    REQUIRE(std::holds_alternative<RenderedMap>(b));
    const RgbaImage& without = std::get<RenderedMap>(a).image;
    const RgbaImage& with = std::get<RenderedMap>(b).image;
    // The title box at the top left, the legend box at the bottom left.
    CHECK(white_share(with, 15, 15, 300, 40) > 0.5);
    CHECK(white_share(without, 15, 15, 300, 40) < 0.1);
    CHECK(white_share(with, 15, 470, 60, 490) > 0.3);
}

TEST_CASE("an export of the current view keeps the window's camera, scaled to the image", "[ui][export]") {
    ExportOptions o = view_of_story("ocean,land,coast,markers");
    auto world = render_map(o);
    REQUIRE(std::holds_alternative<RenderedMap>(world));
    // A window of 1600 x 1000 looking at Seoul, exported at half that size: the same view.
    Camera window_camera;
    window_camera.width = 1600;
    window_camera.height = 1000;
    window_camera.pixels_per_metre = 4e-4;
    auto created = geo::Projection::create(o.view.projection);
    const auto seoul = std::get<geo::Projection>(created).forward({126.978, 37.5665});
    REQUIRE(seoul);
    window_camera.center = *seoul;
    o.camera = window_camera;
    auto view = render_map(o);
    REQUIRE(std::holds_alternative<RenderedMap>(view));
    const RenderedMap& map = std::get<RenderedMap>(view);
    const std::size_t seoul_index = *o.story->find_place("seoul");
    const auto marker = std::find_if(map.markers.begin(), map.markers.end(),
                                     [&](const MarkerOnMap& m) { return m.place == seoul_index; });
    REQUIRE(marker != map.markers.end());
    CHECK(marker->x == Approx(400).margin(1.0));
    CHECK(marker->y == Approx(250).margin(1.0));
    // Half the pixels for the same view: half the scale.
    const double expected_scale = 2e-4;
    CHECK(map.georeference.geotransform[1] == Approx(1.0 / expected_scale));
}

// Render tests against expected images: every folder tests/render/<case>/ with a case.json is one view rendered
// through the export path and compared with its expected.png (docs/render-tests.md).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "app/modes/export_mode.hpp"
#include "image_compare.hpp"
#include "test_support.hpp"

using namespace diplomap;

namespace {

const std::filesystem::path kCasesDir = std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "tests/render";

std::vector<std::filesystem::path> case_dirs() {
    std::vector<std::filesystem::path> dirs;
    for (const auto& entry : std::filesystem::directory_iterator(kCasesDir))
        if (entry.is_directory() && std::filesystem::exists(entry.path() / "case.json")) dirs.push_back(entry.path());
    std::sort(dirs.begin(), dirs.end());
    return dirs;
}

template <typename T>
std::string error_of(const std::variant<T, std::string>& result) {
    const auto* error = std::get_if<std::string>(&result);
    return error ? *error : std::string();
}

struct RenderCase {
    ExportOptions options;
    test::ImageTolerance tolerance;
};

// Layers and detail are required: the defaults change as the program grows (story layers, detail by scale), and
// an expected image must not change with them.
RenderCase read_case(const std::filesystem::path& dir) {
    std::ifstream in(dir / "case.json");
    const nlohmann::json json = nlohmann::json::parse(in);
    // A misspelt key would otherwise be ignored and the case silently rendered with a default.
    constexpr std::array<std::string_view, 8> known{
        "projection", "center", "zoom", "detail", "layers", "size", "channel_threshold", "max_differing_share"};
    for (const auto& [key, value] : json.items()) {
        INFO("unknown key in case.json: " << key);
        CHECK(std::find(known.begin(), known.end(), key) != known.end());
    }
    RenderCase c;
    const auto center = json.at("center").get<std::vector<double>>();
    REQUIRE(center.size() == 2);
    auto projection = geo::parse_projection(json.at("projection").get<std::string>(), {center[0], center[1]});
    REQUIRE(error_of(projection) == "");  // NOLINT(readability-container-size-empty): Catch2 then prints the error
    c.options.view.projection = std::get<geo::ProjectionSpec>(projection);
    c.options.view.zoom = json.value("zoom", 0.0);
    auto layers = parse_layers(json.at("layers").get<std::string>());
    REQUIRE(error_of(layers) == "");  // NOLINT(readability-container-size-empty): Catch2 then prints the error
    c.options.view.layers = std::get<LayerSet>(layers);
    const auto detail = geo::parse_detail(json.at("detail").get<std::string>());
    REQUIRE(detail);
    c.options.view.detail = *detail;
    c.options.view.assets = std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets";
    const auto size = json.at("size").get<std::vector<int>>();
    REQUIRE(size.size() == 2);
    c.options.width = size[0];
    c.options.height = size[1];
    c.tolerance.channel_threshold = json.value("channel_threshold", c.tolerance.channel_threshold);
    c.tolerance.max_differing_share = json.value("max_differing_share", c.tolerance.max_differing_share);
    return c;
}

RgbaImage flat_image(int width, int height, std::array<std::uint8_t, 4> colour) {
    RgbaImage image{width, height, {}};
    for (int i = 0; i < width * height; ++i) image.pixels.insert(image.pixels.end(), colour.begin(), colour.end());
    return image;
}

void paint_block(RgbaImage& image, int x0, int y0, int size, std::array<std::uint8_t, 4> colour) {
    for (int y = y0; y < y0 + size; ++y)
        for (int x = x0; x < x0 + size; ++x)
            std::copy(colour.begin(), colour.end(), image.pixels.begin() + 4 * (y * image.width + x));
}

bool marked_red(const RgbaImage& diff, int x, int y) {
    const std::uint8_t* p = diff.at(x, y);
    return p[0] == 255 && p[1] == 0 && p[2] == 0;
}

}  // namespace

TEST_CASE("basemap views match their expected images", "[render][expected-image]") {
    const auto dirs = case_dirs();
    REQUIRE(!dirs.empty());
    for (const auto& dir : dirs) {
        DYNAMIC_SECTION(dir.filename().string()) {
            const RenderCase c = read_case(dir);
            auto rendered = render_map(c.options);
            // NOLINTNEXTLINE(readability-container-size-empty): the comparison makes Catch2 print the error
            REQUIRE(error_of(rendered) == "");
            const auto result = test::check_expected_image(dir, std::get<RenderedMap>(rendered).image, c.tolerance);
            if (result.passed && !result.message.empty()) WARN(result.message);
            INFO(result.message);
            CHECK(result.passed);
        }
    }
}

TEST_CASE("image comparison: thresholds, diff image, files on failure", "[expected-image]") {
    const std::array<std::uint8_t, 4> ocean{207, 224, 236, 255}, land{243, 239, 228, 255};
    const RgbaImage expected = flat_image(100, 50, ocean);

    SECTION("identical images pass and mark nothing") {
        const auto d = test::compare_images(expected, expected, 16);
        CHECK(d.same_size);
        CHECK(d.differing == 0);
        CHECK(d.within({}));
        CHECK_FALSE(marked_red(d.diff, 10, 10));
    }
    SECTION("small shifts under the channel threshold do not count") {
        RgbaImage shifted = expected;
        paint_block(shifted, 0, 0, 50, {215, 230, 240, 255});
        CHECK(test::compare_images(expected, shifted, 16).differing == 0);
    }
    SECTION("a changed block fails and the diff marks exactly it") {
        RgbaImage actual = expected;
        paint_block(actual, 20, 10, 10, land);  // 100 of 5000 pixels: 2%
        const auto d = test::compare_images(expected, actual, 16);
        CHECK(d.differing == 100);
        CHECK(d.share() == Approx(0.02));
        CHECK_FALSE(d.within({}));
        CHECK(d.within({16, 0.02}));
        CHECK(marked_red(d.diff, 20, 10));
        CHECK(marked_red(d.diff, 29, 19));
        CHECK_FALSE(marked_red(d.diff, 19, 10));
        CHECK_FALSE(marked_red(d.diff, 30, 19));
        CHECK_FALSE(marked_red(d.diff, 25, 20));
    }
    SECTION("images of different sizes never match") {
        CHECK_FALSE(test::compare_images(expected, flat_image(50, 100, ocean), 16).within({16, 1.0}));
    }
    SECTION("check_expected_image: missing, update, pass, fail with actual.png and diff.png") {
        test::TempDir dir;
        auto missing = test::check_expected_image(dir.path(), expected, {}, false);
        CHECK_FALSE(missing.passed);
        CHECK_THAT(missing.message, Catch::Contains("UPDATE=1"));

        REQUIRE(test::check_expected_image(dir.path(), expected, {}, true).passed);
        auto round_trip = test::read_png(dir / "expected.png");
        REQUIRE(std::holds_alternative<RgbaImage>(round_trip));
        CHECK(std::get<RgbaImage>(round_trip).pixels == expected.pixels);
        CHECK(test::check_expected_image(dir.path(), expected, {}, false).passed);

        RgbaImage actual = expected;
        paint_block(actual, 60, 20, 10, land);
        auto failed = test::check_expected_image(dir.path(), actual, {}, false);
        CHECK_FALSE(failed.passed);
        CHECK_THAT(failed.message, Catch::Contains("2%") && Catch::Contains("diff.png"));
        auto diff = test::read_png(dir / "diff.png");
        REQUIRE(std::holds_alternative<RgbaImage>(diff));
        CHECK(marked_red(std::get<RgbaImage>(diff), 65, 25));
        CHECK_FALSE(marked_red(std::get<RgbaImage>(diff), 5, 5));
        CHECK(std::filesystem::exists(dir / "actual.png"));

        // A later pass clears what the failure left.
        CHECK(test::check_expected_image(dir.path(), expected, {}, false).passed);
        CHECK_FALSE(std::filesystem::exists(dir / "diff.png"));
        CHECK_FALSE(std::filesystem::exists(dir / "actual.png"));
    }
}

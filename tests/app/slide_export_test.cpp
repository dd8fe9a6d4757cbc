// Every slide of the bundled presentation exported headless as the room sees it: what the slide highlights (its
// places' markers and its relations' lifted arcs, as the image's camera projects them) stands inside the image and
// above the caption, in German and in English; and `export --slides DIR` writes one file per slide.
#include <catch2/catch.hpp>

#include "bundled_story.hpp"
#include "image_compare.hpp"
#include "test_support.hpp"

#include "app/modes/present_mode.hpp"
#include "app/modes/slide_export.hpp"
#include "app/ui/slide_caption.hpp"
#include "geo/story/story_geometry.hpp"

using namespace diplomap;
using diplomap::test::bundled_story;

namespace {

constexpr int kWidth = 960, kHeight = 540;

ExportOptions base_options(const std::string& language) {
    ExportOptions o;
    o.story = bundled_story();
    o.width = kWidth;
    o.height = kHeight;
    o.language = language;
    o.view.projection.name = "ortho";
    center_on_story(o.view, *o.story);
    return o;
}

}  // namespace

TEST_CASE("every slide shows what it highlights inside the image and above its caption", "[slides][export]") {
    const geo::Story& story = bundled_story();
    const std::vector<geo::Slide> slides = presentation_slides(story);
    REQUIRE(slides.size() >= 8);
    REQUIRE(slides.size() <= 12);
    for (const std::string language : {"de", "en"}) {
        for (std::size_t i = 0; i < slides.size(); ++i) {
            INFO("slide " << i + 1 << " in " << language);
            const auto options = slide_export_options(base_options(language), i, true);
            REQUIRE(options);
            const geo::Slide& slide = slides[i];
            const CaptionText text = caption_text(story, slide, language);
            CHECK_FALSE(text.quote.empty());
            const double caption_top = layout_caption(text, kWidth, kHeight, estimated_text_height).top;
            CHECK(caption_top > 0.55 * kHeight);
            CHECK(caption_top < 0.95 * kHeight);

            auto rendered = render_map(*options);
            REQUIRE(std::holds_alternative<RenderedMap>(rendered));
            const RenderedMap& map = std::get<RenderedMap>(rendered);
            const auto inside = [&](double x, double y) { return x >= 0 && x <= kWidth && y >= 0 && y <= caption_top; };
            // The places the slide highlights, and both ends of its relations, as their markers were drawn.
            std::vector<std::size_t> lit = slide.highlight.places;
            for (std::size_t r : slide.highlight.relations) {
                lit.push_back(story.relations[r].from_place);
                lit.push_back(story.relations[r].to_place);
            }
            for (std::size_t place : lit) {
                INFO("place " << story.places[place].id);
                const auto marker = std::find_if(map.markers.begin(), map.markers.end(),
                                                 [&](const MarkerOnMap& m) { return m.place == place; });
                REQUIRE(marker != map.markers.end());
                CHECK(inside(marker->x - marker->radius, marker->y - marker->radius));
                CHECK(inside(marker->x + marker->radius, marker->y + marker->radius));
            }
            // Every vertex of the highlighted relations' arcs (lift included), through the image's own camera.
            auto projection = geo::Projection::create(options->view.projection);
            REQUIRE(std::holds_alternative<geo::Projection>(projection));
            const geo::StoryGeometry geometry = geo::build_story_geometry(story, std::get<geo::Projection>(projection));
            const Camera& camera = *options->camera;
            for (std::size_t r : slide.highlight.relations) {
                const geo::StoryLine& line = geometry.lines[r];
                for (std::uint32_t p = line.first_piece; p < line.first_piece + line.piece_count; ++p)
                    for (std::uint32_t v = geometry.pieces.starts[p]; v < geometry.pieces.starts[p + 1]; ++v) {
                        const geo::XY px = camera.metres_to_pixel({static_cast<double>(geometry.pieces.xy[2 * v]),
                                                                   static_cast<double>(geometry.pieces.xy[2 * v + 1])});
                        INFO("relation " << story.relations[r].id << " vertex " << px.x << "," << px.y);
                        CHECK(inside(px.x, px.y));
                    }
            }
            // The caption band is drawn: the image's bottom rows are the band's dark colour.
            const std::size_t row = static_cast<std::size_t>(kHeight - 20) * kWidth * 4;
            const std::uint8_t* p = &map.image.pixels[row + 40 * 4];
            CHECK(p[0] < 60);
            CHECK(p[2] < 70);
        }
    }
}

TEST_CASE("export --slides writes one image per slide; --slide N one, without its caption on request",
          "[slides][export]") {
    test::TempDir dir;
    const auto all = test::run_diplomap("export --slides " + (dir / "deck").string() + " --size 480x270");
    INFO(all.output);
    REQUIRE(all.exit_code == 0);
    const std::size_t count = presentation_slides(bundled_story()).size();
    CHECK(test::files_in(dir / "deck") == count);
    CHECK(std::filesystem::exists(dir / "deck" / "slide-01.png"));
    CHECK(std::filesystem::exists(dir / "deck" /
                                  ("slide-" + std::string(count < 10 ? "0" : "") + std::to_string(count) + ".png")));

    const auto with = test::run_diplomap("export --slide 2 --size 480x270 --out " + (dir / "with.png").string());
    const auto without =
        test::run_diplomap("export --slide 2 --no-caption --size 480x270 --out " + (dir / "without.png").string());
    REQUIRE(with.exit_code == 0);
    REQUIRE(without.exit_code == 0);
    auto a = test::read_png(dir / "with.png");
    auto b = test::read_png(dir / "without.png");
    REQUIRE(std::holds_alternative<RgbaImage>(a));
    REQUIRE(std::holds_alternative<RgbaImage>(b));
    CHECK(std::get<RgbaImage>(a).pixels != std::get<RgbaImage>(b).pixels);

    const auto past = test::run_diplomap("export --slide 99 --size 480x270 --out " + (dir / "x.png").string());
    CHECK(past.exit_code == 1);
    CHECK_THAT(past.output, Catch::Contains("the presentation has"));
    CHECK_FALSE(std::filesystem::exists(dir / "x.png"));
    const auto both =
        test::run_diplomap("export --slides " + (dir / "d2").string() + " --out " + (dir / "y.png").string());
    CHECK(both.exit_code == 2);
}

// The bundled story exported headless: markers where their places project, labels that never overlap, the train
// where its schedule puts it, arcs in their kind's colour and never drawn through the globe.
#include <catch2/catch.hpp>

#include "bundled_story.hpp"

#include <cmath>

#include "app/modes/export_mode.hpp"
#include "app/modes/story_view.hpp"
#include "app/platform/gl_context.hpp"
#include "app/style/map_style.hpp"
#include "app/render/offscreen_target.hpp"
#include "app/style/relation_style.hpp"
#include "geo/story/story_geometry.hpp"
#include "geo/story/story_line_position.hpp"
#include "geo/story/story_loader.hpp"

using namespace diplomap;

namespace {

using diplomap::test::bundled_story;

ExportOptions story_options(const char* projection, geo::LonLat center, const char* layers) {
    ExportOptions o;
    o.width = 1000;
    o.height = 800;
    o.view.projection = std::get<geo::ProjectionSpec>(geo::parse_projection(projection, center));
    o.view.assets = std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets";
    o.view.detail = geo::Detail::Coarse110m;
    o.view.layers = std::get<LayerSet>(parse_layers(layers));
    o.story = bundled_story();
    return o;
}

RenderedMap render(const ExportOptions& o) {
    auto rendered = render_map(o);
    if (auto* error = std::get_if<std::string>(&rendered)) FAIL(*error);
    return std::move(std::get<RenderedMap>(rendered));
}

// Pixel of a projected point, from the export's own georeference (independent of the camera code).
std::pair<double, double> pixel_of(const RenderedMap& map, geo::XY xy) {
    const auto& gt = map.georeference.geotransform;
    return {(xy.x - gt[0]) / gt[1], (xy.y - gt[3]) / gt[5]};
}

int channel_distance(const std::uint8_t* px, const Rgba& c) {
    int worst = 0;
    for (int i = 0; i < 3; ++i)
        worst = std::max(worst, std::abs(static_cast<int>(px[i]) -
                                         static_cast<int>(std::lround(c[static_cast<std::size_t>(i)] * 255))));
    return worst;
}

std::size_t place_index(const std::string& id) {
    const auto i = bundled_story().find_place(id);
    REQUIRE(i);
    return *i;
}

}  // namespace

TEST_CASE("default view: the four main cities' markers sit on their projected pixels, labelled", "[render][story]") {
    ExportOptions o = story_options("ortho", {127.5, 38.5}, "ocean,land,borders,coast,markers,labels");
    center_on_story(o.view, bundled_story());
    const RenderedMap map = render(o);
    auto projection = std::get<geo::Projection>(geo::Projection::create(o.view.projection));

    for (const char* id : {"pyongyang", "vladivostok", "washington", "seoul"}) {
        INFO(id);
        const geo::Place& place = bundled_story().places[place_index(id)];
        const auto xy = projection.forward({place.lon, place.lat});
        REQUIRE(xy);
        const auto [x, y] = pixel_of(map, *xy);
        const auto marker = std::find_if(map.markers.begin(), map.markers.end(),
                                         [&](const MarkerOnMap& m) { return m.place == place_index(id); });
        REQUIRE(marker != map.markers.end());
        CHECK(std::abs(marker->x - x) < 0.01);
        CHECK(std::abs(marker->y - y) < 0.01);
        // The marker's dark fill at its centre.
        CHECK(channel_distance(map.image.at(static_cast<int>(x), static_cast<int>(y)), rgb(0x243447)) <= 12);
        const bool labelled = std::any_of(map.labels.begin(), map.labels.end(),
                                          [&](const DrawnLabel& l) { return l.place == place_index(id); });
        CHECK(labelled);
    }
    REQUIRE(map.labels.size() >= 4);
    for (std::size_t a = 0; a < map.labels.size(); ++a) {
        const geo::LabelBox& box = map.labels[a].box;
        CHECK(box.min_x >= 0);
        CHECK(box.min_y >= 0);
        CHECK(box.max_x <= o.width);
        CHECK(box.max_y <= o.height);
        for (std::size_t b = a + 1; b < map.labels.size(); ++b) CHECK_FALSE(box.intersects(map.labels[b].box));
        // The text is really there: dark glyph pixels inside the box.
        int dark = 0;
        for (int y = static_cast<int>(box.min_y); y < static_cast<int>(box.max_y); ++y)
            for (int x = static_cast<int>(box.min_x); x < static_cast<int>(box.max_x); ++x)
                if (map.image.at(x, y)[0] < 130) ++dark;  // text, also the grey of added places
        CHECK(dark > 10);
    }
}

TEST_CASE("labels hide with their place on the far side of the globe", "[render][story]") {
    // Centred on the Atlantic, Korea is behind the globe: no marker and no label for Pyongyang.
    const RenderedMap map = render(story_options("ortho", {-40, 30}, "ocean,land,markers,labels"));
    for (const MarkerOnMap& m : map.markers) CHECK(m.place != place_index("pyongyang"));
    for (const DrawnLabel& l : map.labels) CHECK(l.place != place_index("pyongyang"));
    const bool washington = std::any_of(map.labels.begin(), map.labels.end(),
                                        [&](const DrawnLabel& l) { return l.place == place_index("washington"); });
    CHECK(washington);
}

TEST_CASE("the train sits at Pyongyang at t = 0 and at the border crossing at its scheduled time", "[render][story]") {
    ExportOptions o = story_options("ortho", {129, 41}, "ocean,land,routes");
    o.view.zoom = 3;
    const geo::Story& story = bundled_story();
    const auto route = story.find_route("train-2023");
    REQUIRE(route);
    const geo::StoryAnimation animation(story);
    const auto& schedule = animation.schedule(*route);
    REQUIRE(schedule);
    std::size_t border = 0;
    for (std::size_t w = 0; w < story.routes[*route].waypoints.size(); ++w)
        if (story.routes[*route].waypoints[w].place == place_index("tumangang-khasan")) border = w;
    REQUIRE(border > 0);
    auto projection = std::get<geo::Projection>(geo::Projection::create(o.view.projection));
    const Rgba train = route_style(false).color;

    for (const auto& [seconds, place] :
         {std::pair{0.0, "pyongyang"}, std::pair{schedule->arrival_time(border) + 0.2, "tumangang-khasan"}}) {
        INFO(place << " at " << seconds << " s");
        o.seconds = seconds;
        const RenderedMap map = render(o);
        const geo::Place& p = story.places[place_index(place)];
        const auto [x, y] = pixel_of(map, *projection.forward({p.lon, p.lat}));
        // The train's disc: white centre dot, its colour in a ring round it.
        CHECK(map.image.at(static_cast<int>(x), static_cast<int>(y))[0] > 200);
        int coloured = 0;
        for (int k = 0; k < 16; ++k) {
            const double a = k * 3.14159265358979 / 8;
            const auto* px =
                map.image.at(static_cast<int>(x + 4.5 * std::cos(a)), static_cast<int>(y + 4.5 * std::sin(a)));
            if (channel_distance(px, train) <= 40) ++coloured;
        }
        CHECK(coloured >= 12);
    }
}

TEST_CASE("pixels along the Washington-Pyongyang arc carry the warning colour", "[render][story]") {
    for (const auto& [projection, center] :
         {std::pair{"eqearth", geo::LonLat{150, 0}}, std::pair{"ortho", geo::LonLat{170, 60}}}) {
        INFO(projection);
        ExportOptions o = story_options(projection, center, "ocean,land,arcs");
        const RenderedMap map = render(o);
        auto proj = std::get<geo::Projection>(geo::Projection::create(o.view.projection));
        const geo::StoryGeometry geometry = geo::build_story_geometry(bundled_story(), proj);
        const auto relation = bundled_story().find_relation("warning-white-house");
        REQUIRE(relation);
        const Rgba warning = relation_style(geo::RelationKind::warning).color;
        int samples = 0, coloured = 0;
        for (double along = 0.1; along < 0.9; along += 0.05) {
            const auto point = geo::point_on_line(geometry, *relation, along);
            if (!point) continue;
            const auto [x, y] = pixel_of(map, point->position);
            if (x < 0 || y < 0 || x >= o.width || y >= o.height) continue;
            ++samples;
            if (channel_distance(map.image.at(static_cast<int>(x), static_cast<int>(y)), warning) <= 40) ++coloured;
        }
        CHECK(samples >= 8);
        CHECK(coloured >= samples * 8 / 10);
    }
}

TEST_CASE("an arc behind the globe draws no pixel inside the disk", "[render][story]") {
    // Over the South Pacific every place of the story is on the far side; lifted arcs may rise beyond the limb,
    // but nothing may show through the earth.
    const RenderedMap map = render(story_options("ortho", {-150, -50}, "arcs"));
    const MapStyle style;
    const double radius_px = geo::kEarthRadiusMetres / map.georeference.geotransform[1];
    int inside = 0, drawn_inside = 0, drawn_outside = 0;
    for (int y = 0; y < map.image.height; ++y)
        for (int x = 0; x < map.image.width; ++x) {
            const double d = std::hypot(x + 0.5 - 0.5 * map.image.width, y + 0.5 - 0.5 * map.image.height);
            if (x > map.image.width - 130 && y > map.image.height - 30) continue;  // the credit box
            const bool background = channel_distance(map.image.at(x, y), style.background) <= 2;
            if (d < radius_px - 1.5) {
                ++inside;
                if (!background) ++drawn_inside;
            } else if (d > radius_px + 1.5 && !background) {
                ++drawn_outside;
            }
        }
    CHECK(inside > 100000);
    CHECK(drawn_inside == 0);
    CHECK(drawn_outside > 0);  // the long arcs do rise beyond the limb
}

namespace {

// Samples along a relation's arc in the export, and how many of them carry its kind's colour.
std::pair<int, int> arc_samples(const RenderedMap& map, const ExportOptions& o, std::size_t relation) {
    auto projection = std::get<geo::Projection>(geo::Projection::create(o.view.projection));
    const geo::StoryGeometry geometry = geo::build_story_geometry(bundled_story(), projection);
    const Rgba colour = relation_style(bundled_story().relations[relation].kind).color;
    int samples = 0, coloured = 0;
    for (double along = 0.1; along < 0.9; along += 0.05) {
        const auto point = geo::point_on_line(geometry, relation, along);
        if (!point) continue;
        const auto [x, y] = pixel_of(map, point->position);
        if (x < 0 || y < 0 || x >= o.width || y >= o.height) continue;
        ++samples;
        if (channel_distance(map.image.at(static_cast<int>(x), static_cast<int>(y)), colour) <= 40) ++coloured;
    }
    return {samples, coloured};
}

}  // namespace

TEST_CASE("as of the day before the White House's warning its arc is not drawn; as of that day it is",
          "[render][story]") {
    const auto warning = bundled_story().find_relation("warning-white-house");
    REQUIRE(warning);
    REQUIRE(bundled_story().relations[*warning].date);  // "2023-09": from the first of September
    ExportOptions o = story_options("eqearth", {150, 0}, "ocean,land,arcs");

    o.as_of = std::chrono::year{2023} / 8 / 31;
    const auto [samples_before, coloured_before] = arc_samples(render(o), o, *warning);
    o.as_of = std::chrono::year{2023} / 9 / 1;
    const auto [samples_after, coloured_after] = arc_samples(render(o), o, *warning);
    CHECK(samples_before >= 8);
    CHECK(coloured_before == 0);
    CHECK(coloured_after >= samples_after * 8 / 10);

    // With no date, everything shows, as before there was a filter.
    o.as_of.reset();
    const auto [samples_all, coloured_all] = arc_samples(render(o), o, *warning);
    CHECK(coloured_all >= samples_all * 8 / 10);
}

TEST_CASE("picking passes over relations the date hides", "[render][story]") {
    auto context = create_headless_gl_context();
    if (auto* error = std::get_if<std::string>(&context)) FAIL(*error);
    auto target = std::get<OffscreenTarget>(OffscreenTarget::create(1000, 800));
    auto created = StoryView::create();
    if (auto* error = std::get_if<std::string>(&created)) FAIL(*error);
    StoryView view = std::move(std::get<StoryView>(created));
    auto projection = std::get<geo::Projection>(
        geo::Projection::create(std::get<geo::ProjectionSpec>(geo::parse_projection("eqearth", {150, 0}))));
    view.set_projection(projection);
    view.set_story(bundled_story());
    const Camera camera = Camera::fit(projection.world_bounds(), 1000, 800, 0, {0, 0});
    StoryFrame frame;
    frame.layers = std::get<LayerSet>(parse_layers("arcs"));
    target.bind();
    view.draw_lines(camera, frame);

    const auto rebuff = bundled_story().find_relation("rebuff-peskov");
    REQUIRE(rebuff);
    const auto point = geo::point_on_line(view.geometry(), *rebuff, 0.5);
    REQUIRE(point);
    const geo::XY px = camera.metres_to_pixel(point->position);
    const geo::StoryItem item{geo::StoryItem::Kind::relation, *rebuff};
    CHECK(view.pick(camera, px.x, px.y, frame) == item);
    frame.as_of = frame.previous_as_of = std::chrono::year{2023} / 9 / 11;
    CHECK_FALSE(view.pick(camera, px.x, px.y, frame) == item);
    // While the change to the day draws the arc in, it can be picked; while the change away fades it, not.
    frame.as_of = std::chrono::year{2023} / 9 / 12;
    frame.as_of_changed_seconds = 10.0;
    frame.seconds = 10.5;
    CHECK(view.pick(camera, px.x, px.y, frame) == item);
    std::swap(frame.as_of, frame.previous_as_of);
    CHECK_FALSE(view.pick(camera, px.x, px.y, frame) == item);
}

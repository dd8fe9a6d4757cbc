// The story's arcs and routes drawn headless and read back: colours by kind, drawing in over time, the kind mask,
// and a route dashed only ahead of the train. The geometry is built by hand in projected metres, so every expected
// pixel follows from the camera alone.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <numbers>
#include <string>

#include "app/platform/gl_context.hpp"
#include "app/render/camera.hpp"
#include "app/style/map_style.hpp"
#include "app/render/offscreen_target.hpp"
#include "app/style/relation_style.hpp"
#include "app/render/story_renderer.hpp"
#include "geo/map/image_file.hpp"
#include "geo/map/sphere.hpp"
#include "geo/story/story.hpp"
#include "geo/story/story_animation.hpp"
#include "geo/story/story_filter.hpp"
#include "geo/story/story_geometry.hpp"

using namespace diplomap;

namespace {

constexpr int kWidth = 480, kHeight = 320;
constexpr double kPixelsPerMetre = 1e-4;  // 10 km a pixel
const Rgba kBackground = MapStyle{}.ocean;
constexpr Rgba kTransparent = {0, 0, 0, 0};  // shows as the background itself

// Image rows of the three lines, and their ends in pixel columns.
constexpr int kWarningRow = 80, kRouteRow = 260, kHistoricRow = 296;
constexpr double kWarningFrom = 60, kWarningTo = 420, kRouteFrom = 40, kRouteTo = 440;

geo::Place place(const char* id, double lon, double lat, geo::PlaceRole role) {
    geo::Place p;
    p.id = id;
    p.lon = lon;
    p.lat = lat;
    p.role = role;
    return p;
}

geo::Relation relation(const char* id, geo::RelationKind kind, std::size_t from, std::size_t to) {
    geo::Relation r;
    r.id = id;
    r.kind = kind;
    r.from_place = from;
    r.to_place = to;
    return r;
}

geo::Story test_story() {
    geo::Story story;
    story.places = {place("pyongyang", 125.75, 39.03, geo::PlaceRole::capital),
                    place("moscow", 37.62, 55.76, geo::PlaceRole::capital),
                    place("seoul", 126.98, 37.57, geo::PlaceRole::capital),
                    place("washington", -77.04, 38.9, geo::PlaceRole::capital),
                    place("vladivostok", 131.89, 43.12, geo::PlaceRole::city),
                    place("khasan", 130.7, 42.43, geo::PlaceRole::border_crossing)};
    story.relations = {relation("warning", geo::RelationKind::warning, 2, 1),
                       relation("rebuff", geo::RelationKind::rebuff, 3, 0)};
    geo::Route route;
    route.id = "train";
    route.waypoints = {{125.75, 39.03, 0, std::nullopt, false},
                       {130.7, 42.43, 5, std::nullopt, true},
                       {131.89, 43.12, 4, std::nullopt, false}};
    geo::Route historic;
    historic.id = "1949";
    historic.historic = true;
    historic.waypoints = {{125.75, 39.03, 0, std::nullopt, false}, {37.62, 55.76, 1, std::nullopt, false}};
    story.routes = {route, historic};
    return story;
}

Camera test_camera() { return Camera{{0.0, 0.0}, kPixelsPerMetre, kWidth, kHeight}; }

// Projected metres of the centre of image pixel (px, py).
geo::XY metres_at(double px, double py) { return test_camera().pixel_to_metres(px + 0.5, py + 0.5); }

// Appends one piece through `pixels` (image coordinates), with `along` proportional to its length.
void add_line(geo::StoryGeometry& g, geo::StoryLineSource source, std::size_t index,
              const std::vector<geo::XY>& pixels) {
    geo::StoryLine line;
    line.source = source;
    line.index = index;
    line.first_piece = static_cast<std::uint32_t>(g.pieces.path_count());
    line.piece_count = 1;
    std::vector<double> length{0.0};
    for (std::size_t i = 1; i < pixels.size(); ++i)
        length.push_back(length.back() + std::hypot(pixels[i].x - pixels[i - 1].x, pixels[i].y - pixels[i - 1].y));
    geo::FloatBounds bounds{1e30F, 1e30F, -1e30F, -1e30F};
    for (std::size_t i = 0; i < pixels.size(); ++i) {
        const geo::XY m = metres_at(pixels[i].x, pixels[i].y);
        const auto x = static_cast<float>(m.x), y = static_cast<float>(m.y);
        g.pieces.xy.insert(g.pieces.xy.end(), {x, y});
        bounds = {std::min(bounds.min_x, x), std::min(bounds.min_y, y), std::max(bounds.max_x, x),
                  std::max(bounds.max_y, y)};
        g.along.push_back(i + 1 == pixels.size() ? 1.0F : static_cast<float>(length[i] / length.back()));
    }
    g.pieces.starts.push_back(static_cast<std::uint32_t>(g.pieces.xy.size() / 2));
    g.pieces.bounds.push_back(bounds);
    g.piece_line.push_back(static_cast<std::uint32_t>(g.lines.size()));
    g.lines.push_back(line);
}

std::vector<geo::XY> straight(double from_x, double to_x, double y, int segments) {
    std::vector<geo::XY> points;
    for (int i = 0; i <= segments; ++i) points.push_back({from_x + (to_x - from_x) * i / segments, y});
    return points;
}

// The warning straight along one row, the rebuff as a bow (the joins of a curve), the route straight below.
geo::StoryGeometry test_geometry(const geo::Story& story) {
    geo::StoryGeometry g;
    g.places.assign(story.places.size(), std::nullopt);
    add_line(g, geo::StoryLineSource::relation, 0, straight(kWarningFrom, kWarningTo, kWarningRow, 12));
    std::vector<geo::XY> bow;
    for (int i = 0; i <= 24; ++i) {
        const double s = i / 24.0;
        bow.push_back({80 + 320 * s, 200 - 90 * std::sin(std::numbers::pi * s)});
    }
    add_line(g, geo::StoryLineSource::relation, 1, bow);
    add_line(g, geo::StoryLineSource::route, 0, straight(kRouteFrom, kRouteTo, kRouteRow, 40));
    // Straight with many vertices, then zigzag: turns of about 50, 100 and 160 degrees.
    std::vector<geo::XY> historic = straight(kRouteFrom, 250, kHistoricRow, 30);
    for (const geo::XY p : {geo::XY{280, 282}, geo::XY{300, 306}, geo::XY{330, 290}, geo::XY{360, 300},
                            geo::XY{400, 286}, geo::XY{360, 292}, geo::XY{440, 300}})
        historic.push_back(p);
    add_line(g, geo::StoryLineSource::route, 1, historic);
    g.places[2] = metres_at(kWarningFrom, kWarningRow);
    g.places[1] = metres_at(kWarningTo, kWarningRow);
    g.places[3] = metres_at(80, 200);
    g.places[0] = metres_at(400, 200);
    return g;
}

struct Fixture {
    std::unique_ptr<GlContext> context;
    std::optional<OffscreenTarget> target;
    std::optional<StoryRenderer> renderer;
    geo::Story story = test_story();
    geo::StoryAnimation animation{story};

    Fixture() {
        auto c = create_headless_gl_context();
        if (auto* error = std::get_if<std::string>(&c)) FAIL(*error);
        context = std::move(std::get<std::unique_ptr<GlContext>>(c));
        auto t = OffscreenTarget::create(kWidth, kHeight);
        if (auto* error = std::get_if<std::string>(&t)) FAIL(*error);
        target.emplace(std::move(std::get<OffscreenTarget>(t)));
        auto r = StoryRenderer::create();
        if (auto* error = std::get_if<std::string>(&r)) FAIL(*error);
        renderer.emplace(std::move(std::get<StoryRenderer>(r)));
        renderer->upload(story, test_geometry(story), animation);
    }

    RgbaImage draw(const StoryDrawState& state, const char* name, const Camera& camera = test_camera()) {
        target->bind();
        glViewport(0, 0, kWidth, kHeight);
        glClearColor(kBackground[0], kBackground[1], kBackground[2], 1.0F);
        glClear(GL_COLOR_BUFFER_BIT);
        renderer->draw(camera, state, 1.0F);
        RgbaImage image = target->read();
        // Kept for looking at: DIPLOMAP_KEEP_IMAGES=1 writes every frame the tests draw.
        if (std::getenv("DIPLOMAP_KEEP_IMAGES")) {
            const auto file = std::filesystem::temp_directory_path() / (std::string("story_render_") + name + ".png");
            const auto error = geo::write_rgba_image(file, image.width, image.height, image.pixels, std::nullopt);
            if (error) WARN(*error);
        }
        return image;
    }
};

// The colour `c` shows with full coverage over the background.
std::array<double, 3> over_background(const Rgba& c) {
    std::array<double, 3> out{};
    for (std::size_t i = 0; i < 3; ++i) out[i] = 255.0 * (c[i] * c[3] + kBackground[i] * (1.0F - c[3]));
    return out;
}

double colour_distance(const RgbaImage& image, int x, int y, const Rgba& c) {
    const std::uint8_t* px = image.at(x, y);
    const auto expected = over_background(c);
    double d = 0;
    for (std::size_t i = 0; i < 3; ++i) d = std::max(d, std::abs(px[i] - expected[i]));
    return d;
}

bool shows(const RgbaImage& image, int x, int y, const Rgba& c, double tolerance = 12.0) {
    return colour_distance(image, x, y, c) <= tolerance;
}

// Any pixel within `radius` of (x, y) showing colour `c` (loosely: anti-aliased edges count).
bool shows_near(const RgbaImage& image, int x, int y, const Rgba& c, int radius = 3) {
    for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx)
            if (colour_distance(image, x + dx, y + dy, c) < 60.0) return true;
    return false;
}

int column_at(double from, double to, double along) {
    return static_cast<int>(std::lround(from + (to - from) * along));
}

const Rgba& warning_color() { return relation_style(geo::RelationKind::warning).color; }
const Rgba& rebuff_color() { return relation_style(geo::RelationKind::rebuff).color; }

}  // namespace

TEST_CASE("story arcs: a settled arc shows its kind's colour and an arrowhead at its target", "[story-render]") {
    Fixture f;
    const RgbaImage image = f.draw({}, "settled");
    const int middle = column_at(kWarningFrom, kWarningTo, 0.5);
    CHECK(colour_distance(image, middle, kWarningRow, warning_color()) <= 6.0);
    CHECK(shows(image, column_at(kWarningFrom, kWarningTo, 0.2), kWarningRow, warning_color()));
    CHECK(shows(image, column_at(kWarningFrom, kWarningTo, 0.8), kWarningRow, warning_color()));
    // The rebuff's bow peaks mid-way, 90 px above its ends.
    CHECK(shows_near(image, 240, 110, rebuff_color(), 1));

    // The arrowhead: wider than the line just before the target, pointing at it (nothing as wide at the source).
    const Rgba& c = warning_color();
    // Rows just clear of the line's own anti-aliased edge.
    const int off_axis =
        static_cast<int>(std::floor(0.5F * relation_style(geo::RelationKind::warning).width_px + 0.5F)) + 1;
    bool wide_at_target = false, wide_at_source = false;
    for (int x = static_cast<int>(kWarningTo) - 30; x < static_cast<int>(kWarningTo); ++x)
        wide_at_target |=
            shows(image, x, kWarningRow - off_axis, c, 40) && shows(image, x, kWarningRow + off_axis, c, 40);
    for (int x = static_cast<int>(kWarningFrom); x < static_cast<int>(kWarningFrom) + 30; ++x)
        wide_at_source |=
            shows(image, x, kWarningRow - off_axis, c, 40) || shows(image, x, kWarningRow + off_axis, c, 40);
    CHECK(wide_at_target);
    CHECK_FALSE(wide_at_source);
    // It points along the line: its widest part comes before its tip.
    int widest = -1, widest_x = 0, tip_x = 0;
    for (int x = static_cast<int>(kWarningTo) - 40; x <= static_cast<int>(kWarningTo); ++x) {
        int covered = 0;
        for (int y = kWarningRow - 12; y <= kWarningRow + 12; ++y)
            covered += colour_distance(image, x, y, c) < 60 ? 1 : 0;
        if (covered > widest) widest = covered, widest_x = x;
        if (covered > 0) tip_x = x;
    }
    CHECK(widest_x < tip_x - 4);
}

TEST_CASE("story arcs: nothing before an arc appears, then it draws itself from its source", "[story-render]") {
    Fixture f;
    const double appear = f.animation.appear_seconds(0);
    StoryDrawState state;
    state.seconds = appear - 0.2;
    REQUIRE(f.animation.draw_progress(0, state.seconds) == 0.0);
    const RgbaImage before = f.draw(state, "before");
    for (int x = static_cast<int>(kWarningFrom) - 5; x <= static_cast<int>(kWarningTo) + 5; ++x)
        REQUIRE_FALSE(shows_near(before, x, kWarningRow, warning_color(), 2));

    state.seconds = appear + 0.5 * geo::StoryAnimation::kDrawInSeconds;
    const double progress = f.animation.draw_progress(0, state.seconds);
    REQUIRE(progress > 0.1);
    REQUIRE(progress < 0.9);
    const RgbaImage half = f.draw(state, "half");
    CHECK(shows_near(half, column_at(kWarningFrom, kWarningTo, 0.5 * progress), kWarningRow, warning_color(), 1));
    CHECK(shows_near(half, column_at(kWarningFrom, kWarningTo, progress - 0.05), kWarningRow, warning_color(), 1));
    CHECK_FALSE(shows_near(half, column_at(kWarningFrom, kWarningTo, progress + 0.05), kWarningRow, warning_color()));
    CHECK_FALSE(
        shows_near(half, column_at(kWarningFrom, kWarningTo, 0.5 * (1.0 + progress)), kWarningRow, warning_color()));
    CHECK_FALSE(shows_near(half, static_cast<int>(kWarningTo) - 8, kWarningRow, warning_color(), 6));
}

TEST_CASE("story lines: historic routes are fainter, and no vertex shows as a bead", "[story-render]") {
    Fixture f;
    const RgbaImage image = f.draw({}, "settled_historic");
    // Its own colour at its own opacity somewhere along its straight stretch (a dash, if its style is dashed).
    double best = 255;
    for (int x = static_cast<int>(kRouteFrom) + 6; x < 244; ++x)
        best = std::min(best, colour_distance(image, x, kHistoricRow, route_style(true).color));
    CHECK(best <= 6.0);
    // Every 30 px a vertex: overlapping segment ends would darken the line's translucent casing there.
    auto spread_along = [&](int row) {
        int lo = 255, hi = 0;
        for (int x = static_cast<int>(kWarningFrom) + 6; x < static_cast<int>(kWarningTo) - 30; ++x) {
            lo = std::min<int>(lo, image.at(x, row)[1]);
            hi = std::max<int>(hi, image.at(x, row)[1]);
        }
        return hi - lo;
    };
    for (int row = kWarningRow - 4; row <= kWarningRow + 4; ++row) {
        INFO("row " << row);
        CHECK(spread_along(row) <= 2);
    }
}

TEST_CASE("story arcs: the kind mask and the layer switches hide lines", "[story-render]") {
    Fixture f;
    StoryDrawState state;
    state.relation_kinds = ~(1U << static_cast<unsigned>(geo::RelationKind::warning));
    const RgbaImage masked = f.draw(state, "no_warnings");
    for (int x = static_cast<int>(kWarningFrom) - 5; x <= static_cast<int>(kWarningTo) + 5; ++x)
        REQUIRE_FALSE(shows_near(masked, x, kWarningRow, warning_color(), 2));
    CHECK(shows_near(masked, 240, 110, rebuff_color(), 1));
    CHECK(shows(masked, 240, kRouteRow, route_style(false).color, 20));

    state = {};
    state.arcs = false;
    const RgbaImage routes_only = f.draw(state, "routes_only");
    CHECK_FALSE(shows_near(routes_only, 240, 110, rebuff_color(), 2));
    CHECK(shows(routes_only, 240, kRouteRow, route_style(false).color, 20));
}

TEST_CASE("story routes: solid behind the train, dashed ahead of it", "[story-render]") {
    Fixture f;
    StoryDrawState state;
    double train = -1;
    for (double s = 0.0; s < 60.0; s += 0.1) {
        const auto along = f.animation.train_along(0, s);
        REQUIRE(along);
        if (*along > 0.4 && *along < 0.6) {
            state.seconds = s;
            train = *along;
            break;
        }
    }
    REQUIRE(state.seconds);
    const RgbaImage image = f.draw(state, "route");
    const Rgba& c = route_style(false).color;
    const int train_x = column_at(kRouteFrom, kRouteTo, train);

    int behind_gaps = 0;
    for (int x = static_cast<int>(kRouteFrom) + 4; x < train_x - 4; ++x)
        behind_gaps += shows(image, x, kRouteRow, c, 20) ? 0 : 1;
    CHECK(behind_gaps == 0);

    int covered = 0, uncovered = 0, changes = 0;
    bool last = true;
    for (int x = train_x + 4; x < column_at(kRouteFrom, kRouteTo, 0.9); ++x) {
        const bool on = shows(image, x, kRouteRow, c, 20);
        covered += on ? 1 : 0;
        uncovered += on ? 0 : 1;
        if (x > train_x + 4 && on != last) ++changes;
        last = on;
    }
    CHECK(covered > 20);
    CHECK(uncovered > 20);
    CHECK(changes >= 8);
}

TEST_CASE("story arcs: a hovered line is drawn wider, a selected one with a wide light halo", "[story-render]") {
    Fixture f;
    // Rows across the warning at one column: in the kind's colour, and anything but the background.
    auto coloured_rows = [&](const RgbaImage& image) {
        int n = 0;
        for (int y = kWarningRow - 10; y <= kWarningRow + 10; ++y)
            n += colour_distance(image, 200, y, warning_color()) < 80 ? 1 : 0;
        return n;
    };
    auto marked_rows = [&](const RgbaImage& image) {
        int n = 0;
        for (int y = kWarningRow - 10; y <= kWarningRow + 10; ++y)
            n += colour_distance(image, 200, y, kTransparent) > 8 ? 1 : 0;
        return n;
    };
    const RgbaImage plain = f.draw({}, "plain");
    StoryDrawState state;
    state.highlighted_line = 0;
    CHECK(coloured_rows(f.draw(state, "hovered")) > coloured_rows(plain));
    state = {};
    state.selected_line = 0;
    const RgbaImage selected = f.draw(state, "selected");
    CHECK(coloured_rows(selected) >= coloured_rows(plain));
    CHECK(marked_rows(selected) >= marked_rows(plain) + 4);
}

TEST_CASE("story arcs: an arc coming out from behind the globe never reaches over its limb", "[story-render]") {
    Fixture f;
    // The globe's disk, 127 px across its radius, in the middle of the image; the warning rises from behind its
    // limb at a grazing angle, cut there by the geometry (its first vertex's along is above 0).
    const Camera camera{{0.0, 0.0}, 2e-5, kWidth, kHeight};
    const double radius_px = geo::kEarthRadiusMetres * camera.pixels_per_metre;
    geo::StoryGeometry g;
    g.spec.name = "ortho";
    g.places.assign(f.story.places.size(), std::nullopt);
    geo::StoryLine line;
    line.piece_count = 1;
    g.lines.push_back(line);
    geo::FloatBounds bounds{1e30F, 1e30F, -1e30F, -1e30F};
    for (int i = 0; i <= 40; ++i) {
        const double s = i / 40.0, angle = (100.0 - 60.0 * s) * std::numbers::pi / 180.0;
        const double r = geo::kEarthRadiusMetres * (1.0 + 0.3 * s * s);
        const auto x = static_cast<float>(r * std::cos(angle)), y = static_cast<float>(r * std::sin(angle));
        g.pieces.xy.insert(g.pieces.xy.end(), {x, y});
        bounds = {std::min(bounds.min_x, x), std::min(bounds.min_y, y), std::max(bounds.max_x, x),
                  std::max(bounds.max_y, y)};
        g.along.push_back(static_cast<float>(0.4 + 0.6 * s));
    }
    g.along.back() = 1.0F;
    g.pieces.starts.push_back(static_cast<std::uint32_t>(g.pieces.xy.size() / 2));
    g.pieces.bounds.push_back(bounds);
    g.piece_line.push_back(0);
    f.renderer->upload(f.story, g, f.animation);

    const RgbaImage image = f.draw({}, "limb", camera);
    int inside = 0, outside = 0;
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) {
            if (colour_distance(image, x, y, kTransparent) <= 2) continue;
            const double d = std::hypot(x + 0.5 - 0.5 * kWidth, y + 0.5 - 0.5 * kHeight);
            if (d < radius_px - 1.0) ++inside;
            if (d > radius_px + 3.0) ++outside;
        }
    CHECK(inside == 0);
    CHECK(outside > 100);
}

namespace {

std::optional<geo::DateRange> day(const char* text) {
    geo::DateParse parsed = geo::parse_date_range(text);
    REQUIRE(parsed.range);
    return parsed.range;
}

bool warning_shows_anywhere(const RgbaImage& image) {
    for (int x = static_cast<int>(kWarningFrom) + 10; x <= static_cast<int>(kWarningTo) - 30; x += 10)
        if (shows_near(image, x, kWarningRow, warning_color(), 1)) return true;
    return false;
}

// The warning's colour at full coverage in the middle of its line, 0 (background) .. 1 (as drawn without fading).
double warning_strength(const RgbaImage& image) {
    const int x = column_at(kWarningFrom, kWarningTo, 0.5);
    const auto full = over_background(warning_color());
    double strength = 0;
    for (std::size_t i = 0; i < 3; ++i) {
        const double span = full[i] - 255.0 * kBackground[i];
        if (std::abs(span) > 20)
            strength = std::max(strength, (image.at(x, kWarningRow)[i] - 255.0 * kBackground[i]) / span);
    }
    return strength;
}

}  // namespace

TEST_CASE("story arcs: as of a day before a relation's date it is not drawn, from that day on it is",
          "[story-render]") {
    Fixture f;
    f.story.relations[0].date = day("2023-09-12");
    f.story.routes[0].date = day("2023-09");
    f.renderer->upload(f.story, test_geometry(f.story), f.animation);
    StoryDrawState state;
    state.as_of = {std::chrono::year{2023} / 9 / 11, std::chrono::year{2023} / 9 / 11, -1e9};
    const RgbaImage before = f.draw(state, "as_of_before");
    CHECK_FALSE(warning_shows_anywhere(before));
    CHECK(shows_near(before, 240, 110, rebuff_color(), 1));              // undated: always there
    CHECK(shows(before, 240, kRouteRow, route_style(false).color, 20));  // begun in September

    state.as_of = {std::chrono::year{2023} / 9 / 12, std::chrono::year{2023} / 9 / 12, -1e9};
    const RgbaImage after = f.draw(state, "as_of_after");
    CHECK(warning_shows_anywhere(after));
    CHECK(colour_distance(after, column_at(kWarningFrom, kWarningTo, 0.5), kWarningRow, warning_color()) <= 6.0);

    state.as_of = {std::chrono::year{2023} / 8 / 31, std::chrono::year{2023} / 8 / 31, -1e9};
    CHECK_FALSE(shows_near(f.draw(state, "as_of_august"), 240, kRouteRow, route_style(false).color, 2));
}

TEST_CASE("story arcs: a change of date draws newly shown arcs in and fades hidden ones out", "[story-render]") {
    Fixture f;
    f.story.relations[0].date = day("2023-09-12");
    f.renderer->upload(f.story, test_geometry(f.story), f.animation);
    constexpr double kChanged = 50.0;  // long after the story's own draw-in
    StoryDrawState state;

    // Forward to the day: the warning draws itself in from its source, as at the start.
    state.as_of = {std::chrono::year{2023} / 9 / 12, std::chrono::year{2023} / 9 / 11, kChanged};
    state.seconds = kChanged + 0.5 * geo::StoryAnimation::kDrawInSeconds;
    const RgbaImage half = f.draw(state, "as_of_draw_in");
    CHECK(shows_near(half, column_at(kWarningFrom, kWarningTo, 0.25), kWarningRow, warning_color(), 1));
    CHECK_FALSE(shows_near(half, column_at(kWarningFrom, kWarningTo, 0.75), kWarningRow, warning_color()));
    state.seconds = kChanged - 0.1;  // the clock before the change: not yet there
    CHECK_FALSE(warning_shows_anywhere(f.draw(state, "as_of_draw_in_before")));

    // Back before it: the warning fades out over half a second, all of it at once.
    state.as_of = {std::chrono::year{2023} / 9 / 11, std::chrono::year{2023} / 9 / 12, kChanged};
    state.seconds = kChanged + 0.5 * geo::kAsOfFadeOutSeconds;
    const RgbaImage fading = f.draw(state, "as_of_fading");
    CHECK(warning_strength(fading) > 0.25);
    CHECK(warning_strength(fading) < 0.75);
    CHECK(shows_near(fading, column_at(kWarningFrom, kWarningTo, 0.9), kWarningRow, warning_color(), 1) ==
          shows_near(fading, column_at(kWarningFrom, kWarningTo, 0.1), kWarningRow, warning_color(), 1));
    state.seconds = kChanged + geo::kAsOfFadeOutSeconds;
    CHECK_FALSE(warning_shows_anywhere(f.draw(state, "as_of_faded")));
    state.seconds = kChanged - 0.1;
    CHECK(warning_strength(f.draw(state, "as_of_fading_before")) > 0.95);
}

namespace {

// The test geometry with many warnings side by side along the top of the image: a crowded view.
geo::StoryGeometry crowded_geometry(geo::Story& story, int lines) {
    story.relations.resize(2);
    for (int i = 0; i < lines; ++i) story.relations.push_back(relation("warning", geo::RelationKind::warning, 2, 1));
    geo::StoryGeometry g = test_geometry(story);
    // The test geometry's own lines stay where they are (indices 0, 1 and the routes after the relations): the new
    // ones come after them in the buffer but take the relation indices 2.. .
    geo::StoryGeometry out;
    out.places = g.places;
    auto copy_line = [&](const geo::StoryGeometry& from, std::size_t line, geo::StoryLine as) {
        const geo::StoryLine& source = from.lines[line];
        as.first_piece = static_cast<std::uint32_t>(out.pieces.path_count());
        as.piece_count = source.piece_count;
        for (std::uint32_t p = source.first_piece; p < source.first_piece + source.piece_count; ++p) {
            for (std::uint32_t v = from.pieces.starts[p]; v < from.pieces.starts[p + 1]; ++v) {
                out.pieces.xy.insert(out.pieces.xy.end(), {from.pieces.xy[2 * v], from.pieces.xy[2 * v + 1]});
                out.along.push_back(from.along[v]);
            }
            out.pieces.starts.push_back(static_cast<std::uint32_t>(out.pieces.xy.size() / 2));
            out.pieces.bounds.push_back(from.pieces.bounds[p]);
            out.piece_line.push_back(static_cast<std::uint32_t>(out.lines.size()));
        }
        out.lines.push_back(as);
    };
    copy_line(g, 0, g.lines[0]);
    copy_line(g, 1, g.lines[1]);
    for (int i = 0; i < lines; ++i) {
        geo::StoryGeometry one;
        const double y = 5.0 + 55.0 * i / lines;  // above the warning, clear of the rebuff
        add_line(one, geo::StoryLineSource::relation, 2 + static_cast<std::size_t>(i), straight(20, 460, y, 4));
        copy_line(one, 0, one.lines[0]);
    }
    copy_line(g, 2, g.lines[2]);
    copy_line(g, 3, g.lines[3]);
    return out;
}

}  // namespace

TEST_CASE("story arcs: crowded, lines are thin, uncased and translucent, and a still view draws the same pixels",
          "[story-render]") {
    Fixture f;
    const RgbaImage sparse = f.draw({}, "sparse");
    CHECK(f.renderer->density() == 0.0F);
    f.renderer->upload(f.story, crowded_geometry(f.story, 1200), f.animation);

    StoryDrawState state;
    state.seconds = 5000.0;
    state.routes = false;  // the train's route changes with the clock (dashed ahead of the train)
    const RgbaImage first = f.draw(state, "crowded");
    CHECK(f.renderer->density() == 1.0F);
    // The rebuff's bow, by itself below the crowd: no wider than a hairline and its anti-aliasing, no casing, and
    // fainter than drawn alone.
    int marked_sparse = 0, marked_crowded = 0;
    for (int y = 100; y <= 125; ++y) {
        marked_sparse += colour_distance(sparse, 240, y, kTransparent) > 8 ? 1 : 0;
        marked_crowded += colour_distance(first, 240, y, kTransparent) > 8 ? 1 : 0;
    }
    CHECK(marked_crowded >= 1);
    CHECK(marked_crowded <= 3);
    CHECK(marked_crowded < marked_sparse);

    // The clock moves, the view stands still: the same picture (from the cache).
    state.seconds = 5000.5;
    const RgbaImage second = f.draw(state, "crowded_again");
    CHECK(second.pixels == first.pixels);
    // A change of what is shown draws afresh.
    state.relation_kinds = ~(1U << static_cast<unsigned>(geo::RelationKind::rebuff));
    const RgbaImage without_rebuff = f.draw(state, "crowded_no_rebuff");
    CHECK(without_rebuff.pixels != first.pixels);
    CHECK_FALSE(shows_near(without_rebuff, 240, 110, rebuff_color(), 2));
}

// Picking on hand-built story geometry: lines cut at the map's seam, markers over lines, layer toggles and the
// pixel tolerance at two zoom levels. The geometry is written out here so that these tests depend on nothing but
// StoryGeometry's fields.
#include <catch2/catch.hpp>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <vector>

#include "geo/story/story_picking.hpp"

using geo::PickQuery;
using geo::StoryGeometry;
using geo::StoryItem;
using geo::StoryLine;
using geo::StoryLineSource;
using geo::XY;

namespace {

// Appends a line made of `pieces` (each a list of vertices in projected metres) the way the geometry builder lays
// them out: pieces flattened with their bounds and owner, `along` growing over the whole line.
void add_line(StoryGeometry& g, StoryLineSource source, std::size_t index,
              std::initializer_list<std::initializer_list<XY>> pieces) {
    StoryLine line;
    line.source = source;
    line.index = index;
    line.first_piece = static_cast<std::uint32_t>(g.pieces.path_count());
    std::size_t vertices = 0;
    for (const auto& piece : pieces) vertices += piece.size();
    std::size_t done = 0;
    for (const auto& piece : pieces) {
        geo::FloatBounds b{1e30F, 1e30F, -1e30F, -1e30F};
        for (const XY& p : piece) {
            const auto x = static_cast<float>(p.x), y = static_cast<float>(p.y);
            g.pieces.xy.push_back(x);
            g.pieces.xy.push_back(y);
            b = {std::min(b.min_x, x), std::min(b.min_y, y), std::max(b.max_x, x), std::max(b.max_y, y)};
            g.along.push_back(static_cast<float>(done++) / static_cast<float>(std::max<std::size_t>(vertices - 1, 1)));
        }
        g.pieces.starts.push_back(static_cast<std::uint32_t>(g.pieces.vertex_count()));
        g.pieces.bounds.push_back(b);
        g.piece_line.push_back(static_cast<std::uint32_t>(g.lines.size()));
        ++line.piece_count;
    }
    g.lines.push_back(line);
}

PickQuery query_at(double x, double y, double pixels_per_metre = 1.0, double tolerance_px = 6.0) {
    PickQuery q;
    q.point = {x, y};
    q.pixels_per_metre = pixels_per_metre;
    q.tolerance_px = tolerance_px;
    return q;
}

constexpr StoryItem relation(std::size_t i) { return {StoryItem::Kind::relation, i}; }
constexpr StoryItem route(std::size_t i) { return {StoryItem::Kind::route, i}; }
constexpr StoryItem place(std::size_t i) { return {StoryItem::Kind::place, i}; }

}  // namespace

TEST_CASE("a line cut at the seam picks from either piece, never across the cut", "[picking]") {
    StoryGeometry g;
    // Relation 4 leaves the map at the right edge and comes back at the left one: on the map, two pieces whose
    // ends lie 2000 m apart with nothing drawn between them.
    add_line(g, StoryLineSource::relation, 4, {{{600, 100}, {800, 100}, {1000, 100}}, {{-1000, 120}, {-700, 140}}});
    REQUIRE(g.pieces.path_count() == 2);

    CHECK(geo::pick_story_item(g, query_at(990, 103)) == relation(4));  // right of the cut
    CHECK(geo::pick_story_item(g, query_at(700, 96)) == relation(4));
    CHECK(geo::pick_story_item(g, query_at(-995, 125)) == relation(4));  // left of the cut
    CHECK(geo::pick_story_item(g, query_at(-850, 135)) == relation(4));  // on the left piece's middle
    // On the straight join of the two pieces' ends, where a line drawn across the map would run.
    CHECK(geo::pick_story_item(g, query_at(0, 110)).empty());
    CHECK(geo::pick_story_item(g, query_at(500, 108)).empty());
    // Beyond the end of a piece, further than the tolerance.
    CHECK(geo::pick_story_item(g, query_at(1007, 100)).empty());
}

TEST_CASE("a point between two pieces picks nothing when the gap is wider than the tolerance", "[picking]") {
    StoryGeometry g;
    // A line hidden behind the globe in its middle: two pieces on one straight track with a gap.
    add_line(g, StoryLineSource::route, 1, {{{0, 0}, {400, 0}, {480, 0}}, {{520, 0}, {600, 0}, {1000, 0}}});
    CHECK(geo::pick_story_item(g, query_at(470, 3)) == route(1));
    CHECK(geo::pick_story_item(g, query_at(530, -3)) == route(1));
    CHECK(geo::pick_story_item(g, query_at(500, 0)).empty());
    CHECK(geo::pick_story_item(g, query_at(485, 0)) == route(1));  // 5 px past the end of the first piece
}

TEST_CASE("markers win over lines, the nearest marker first", "[picking]") {
    StoryGeometry g;
    g.places = {XY{300, 300}, XY{308, 300}, std::nullopt, XY{0, 0}};
    add_line(g, StoryLineSource::relation, 0, {{{0, 0}, {300, 300}, {600, 300}}});
    const std::vector<double> radii{5, 5, 5, 0};

    PickQuery q = query_at(302, 300);
    q.place_radius_px = radii;
    CHECK(geo::pick_story_item(g, q) == place(0));
    q.point = {305, 300};  // on both markers, nearer the second
    CHECK(geo::pick_story_item(g, q) == place(1));
    q.point = {300, 306};  // within radius + 1 px
    CHECK(geo::pick_story_item(g, q) == place(0));
    q.point = {292, 300};  // 8 px from the first marker, 5.7 px from the line through it
    CHECK(geo::pick_story_item(g, q) == relation(0));
    // A place with radius 0, one without a position, and one past the end of the radii never pick.
    q.point = {0, 0};
    CHECK(geo::pick_story_item(g, q) == relation(0));
    q.place_radius_px = std::span(radii).first(1);
    q.point = {308, 300};
    CHECK(geo::pick_story_item(g, q) == relation(0));

    // Markers count in pixels too: zoomed out to 0.1 px per metre, 32 m from the second marker is 3.2 px.
    PickQuery far = query_at(340, 300, 0.1);
    far.place_radius_px = radii;
    CHECK(geo::pick_story_item(g, far) == place(1));
    far.point = {370, 300};  // 6.2 px from it: the line it sits on
    CHECK(geo::pick_story_item(g, far) == relation(0));
}

TEST_CASE("disabled lines are skipped, and the nearest enabled line wins", "[picking]") {
    StoryGeometry g;
    add_line(g, StoryLineSource::relation, 0, {{{0, 0}, {100, 0}}});
    add_line(g, StoryLineSource::relation, 1, {{{0, 4}, {100, 4}}});
    add_line(g, StoryLineSource::route, 0, {{{0, -3}, {100, -3}}});

    CHECK(geo::pick_story_item(g, query_at(50, 1)) == relation(0));
    CHECK(geo::pick_story_item(g, query_at(50, 3)) == relation(1));
    CHECK(geo::pick_story_item(g, query_at(50, -2)) == route(0));

    PickQuery q = query_at(50, 1);
    std::vector<std::size_t> asked;
    q.line_enabled = [&](std::size_t line) {
        asked.push_back(line);
        return line != 0;
    };
    CHECK(geo::pick_story_item(g, q) == relation(1));  // 3 m away beats the route 4 m away
    CHECK(std::find(asked.begin(), asked.end(), 2) != asked.end());
    q.line_enabled = [](std::size_t line) { return line == 2; };
    CHECK(geo::pick_story_item(g, q) == route(0));
    q.line_enabled = [](std::size_t) { return false; };
    CHECK(geo::pick_story_item(g, q).empty());

    // Equally near: the earlier line, a relation, is on top.
    CHECK(geo::pick_story_item(g, query_at(50, 2)) == relation(0));
}

TEST_CASE("the tolerance is measured in pixels at the camera's scale", "[picking]") {
    StoryGeometry g;
    add_line(g, StoryLineSource::route, 2, {{{-100000, 0}, {100000, 0}}});
    // 40 m off the line (scales are powers of two, so that "exactly 6 px" is exact).
    CHECK(geo::pick_story_item(g, query_at(0, 40, 0.125)) == route(2));  // 5 px
    CHECK(geo::pick_story_item(g, query_at(0, 40, 0.25)).empty());       // 10 px
    CHECK(geo::pick_story_item(g, query_at(0, 40, 0.25, 12.0)) == route(2));
    CHECK(geo::pick_story_item(g, query_at(0, -48, 0.125)) == route(2));  // exactly 6 px: still on
    CHECK(geo::pick_story_item(g, query_at(0, -49, 0.125)).empty());
    // Past an end the distance is to the end point, not to the infinite line.
    CHECK(geo::pick_story_item(g, query_at(100004, 0)) == route(2));  // 4 px
    CHECK(geo::pick_story_item(g, query_at(100007, 0)).empty());      // 7 px
}

TEST_CASE("empty geometry, lines without pieces and bad scales pick nothing", "[picking]") {
    StoryGeometry g;
    CHECK(geo::pick_story_item(g, query_at(0, 0)).empty());
    StoryLine hidden;
    hidden.index = 3;
    g.lines.push_back(hidden);                                // nothing of it on the map
    add_line(g, StoryLineSource::relation, 5, {{{10, 10}}});  // a single vertex left after clipping
    CHECK(geo::pick_story_item(g, query_at(0, 0)).empty());
    CHECK(geo::pick_story_item(g, query_at(12, 12)) == relation(5));
    CHECK(geo::pick_story_item(g, query_at(12, 12, 0.0)).empty());
    CHECK(geo::pick_story_item(g, query_at(12, 12, -1.0)).empty());
}

// The bundled story's lines on world maps and on the globe, checked against what a reader must see: pieces that end
// exactly on the seam and never streak across the map, arcs behind the globe that draw nothing over the earth's
// disk but rise beyond its limb, and relations between the same two places that never lie on top of each other.
// Expected geometry is recomputed here from the sphere's own formulas (slerp), independently of PROJ's geodesics.
#include "geo/story/story_geometry.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <map>
#include <numbers>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>
#include "bundled_story.hpp"

#include "geo/map/projection.hpp"
#include "geo/story/story_loader.hpp"

namespace {

using geo::LonLat;
using geo::Projection;
using geo::StoryGeometry;
using geo::Vec3;
using geo::XY;

constexpr double R = geo::kEarthRadiusMetres;

using diplomap::test::bundled_story;

Projection make(const std::string& name, LonLat center) {
    auto created = Projection::create(geo::ProjectionSpec{name, center, ""});
    if (auto* error = std::get_if<std::string>(&created)) FAIL("Projection::create(" << name << "): " << *error);
    return std::get<Projection>(std::move(created));
}

std::size_t relation_index(std::string_view id) {
    const std::optional<std::size_t> i = bundled_story().find_relation(id);
    REQUIRE(i.has_value());
    return *i;
}

LonLat place_of(std::size_t place) { return {bundled_story().places[place].lon, bundled_story().places[place].lat}; }

bool has_arc(const geo::Relation& r) {
    return r.from_place != r.to_place && (r.kind != geo::RelationKind::travel || !r.route);
}

struct Piece {
    std::vector<XY> xy;
    std::vector<double> along;
};

std::vector<Piece> pieces_of(const StoryGeometry& g, std::size_t line) {
    std::vector<Piece> out;
    const geo::StoryLine& l = g.lines[line];
    for (std::size_t p = l.first_piece; p < l.first_piece + l.piece_count; ++p) {
        Piece piece;
        for (std::size_t v = g.pieces.starts[p]; v < g.pieces.starts[p + 1]; ++v) {
            piece.xy.push_back({g.pieces.xy[2 * v], g.pieces.xy[2 * v + 1]});
            piece.along.push_back(g.along[v]);
        }
        out.push_back(std::move(piece));
    }
    return out;
}

// The point of the line at `along`, where one of its pieces holds it.
std::optional<XY> point_at(const StoryGeometry& g, std::size_t line, double along) {
    for (const Piece& piece : pieces_of(g, line))
        for (std::size_t i = 0; i + 1 < piece.xy.size(); ++i)
            if (piece.along[i] <= along && along <= piece.along[i + 1] && piece.along[i + 1] > piece.along[i]) {
                const double t = (along - piece.along[i]) / (piece.along[i + 1] - piece.along[i]);
                return XY{piece.xy[i].x + t * (piece.xy[i + 1].x - piece.xy[i].x),
                          piece.xy[i].y + t * (piece.xy[i + 1].y - piece.xy[i].y)};
            }
    return std::nullopt;
}

double distance(XY a, XY b) { return std::hypot(a.x - b.x, a.y - b.y); }

double distance_to_segment(XY p, XY a, XY b) {
    const double dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy;
    const double t = l2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / l2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// The great circle by spherical linear interpolation of unit vectors: the sphere's textbook formula.
Vec3 slerp(LonLat from, LonLat to, double f) {
    const Vec3 a = geo::to_unit_vector(from), b = geo::to_unit_vector(to);
    const double omega = std::acos(std::clamp(geo::dot(a, b), -1.0, 1.0));
    const double sa = std::sin((1 - f) * omega) / std::sin(omega), sb = std::sin(f * omega) / std::sin(omega);
    return {sa * a.x + sb * b.x, sa * a.y + sb * b.y, sa * a.z + sb * b.z};
}

double ground_length(LonLat from, LonLat to) {
    return R * std::acos(std::clamp(geo::dot(geo::to_unit_vector(from), geo::to_unit_vector(to)), -1.0, 1.0));
}

// Does the great circle from `from` to `to` pass the cut meridian of a world map centred at `center_lon`?
bool crosses_seam(LonLat from, LonLat to, double center_lon) {
    double rel = geo::wrap_longitude(from.lon - center_lon), previous = from.lon;
    for (int i = 1; i <= 4000; ++i) {
        const double lon = geo::to_lon_lat(slerp(from, to, i / 4000.0)).lon;
        rel += geo::wrap_longitude(lon - previous);
        previous = lon;
        if (rel > 180.0 || rel < -180.0) return true;
    }
    return false;
}

// The orthographic view frame in metres: x east, y north, z towards the viewer.
Vec3 view(LonLat center, Vec3 unit, double radius) {
    const Vec3 c = geo::to_unit_vector(center);
    const Vec3 east{-std::sin(center.lon * geo::kDegToRad), std::cos(center.lon * geo::kDegToRad), 0.0};
    const Vec3 north{c.y * east.z - c.z * east.y, c.z * east.x - c.x * east.z, c.x * east.y - c.y * east.x};
    return {radius * geo::dot(east, unit), radius * geo::dot(north, unit), radius * geo::dot(c, unit)};
}

// Structure every geometry must have, whatever the projection.
void check_structure(const Projection& projection, const StoryGeometry& g) {
    const geo::Story& story = bundled_story();
    CHECK(g.spec == projection.spec());
    REQUIRE(g.places.size() == story.places.size());
    REQUIRE(g.lines.size() == story.relations.size() + story.routes.size());
    REQUIRE(g.pieces.starts.front() == 0);
    REQUIRE(g.pieces.starts.back() == g.pieces.vertex_count());
    REQUIRE(g.pieces.bounds.size() == g.pieces.path_count());
    REQUIRE(g.along.size() == g.pieces.vertex_count());
    REQUIRE(g.piece_line.size() == g.pieces.path_count());
    std::uint32_t next_piece = 0;
    for (std::size_t i = 0; i < g.lines.size(); ++i) {
        const geo::StoryLine& line = g.lines[i];
        INFO("line " << i);
        const bool relation = i < story.relations.size();
        CHECK(line.source == (relation ? geo::StoryLineSource::relation : geo::StoryLineSource::route));
        CHECK(line.index == (relation ? i : i - story.relations.size()));
        CHECK(line.first_piece == next_piece);
        next_piece += line.piece_count;
        for (std::uint32_t p = line.first_piece; p < line.first_piece + line.piece_count; ++p)
            CHECK(g.piece_line[p] == i);
        if (relation && !has_arc(story.relations[i])) {
            CHECK(line.piece_count == 0);
            CHECK(line.lift_m == 0);
        }
        if (!relation) CHECK(line.lift_m == 0);
    }
    CHECK(next_piece == g.pieces.path_count());

    std::string problem;
    for (std::size_t p = 0; p < g.pieces.path_count() && problem.empty(); ++p) {
        const std::size_t begin = g.pieces.starts[p], end = g.pieces.starts[p + 1];
        const geo::FloatBounds& b = g.pieces.bounds[p];
        std::ostringstream where;
        where << "piece " << p << " of line " << g.piece_line[p];
        if (end - begin < 2) problem = where.str() + " has fewer than 2 vertices";
        for (std::size_t v = begin; v < end && problem.empty(); ++v) {
            const float x = g.pieces.xy[2 * v], y = g.pieces.xy[2 * v + 1];
            if (!std::isfinite(x) || !std::isfinite(y)) problem = where.str() + " has a vertex that is not finite";
            if (x < b.min_x || x > b.max_x || y < b.min_y || y > b.max_y) problem = where.str() + ": outside bounds";
            if (g.along[v] < 0.0f || g.along[v] > 1.0f) problem = where.str() + ": along outside 0..1";
            if (v > begin && g.along[v] < g.along[v - 1]) problem = where.str() + ": along decreases";
        }
    }
    INFO(problem);
    CHECK(problem.empty());
}

// Every arc whose end is on the map ends there exactly, at along 0 and 1.
void check_line_ends(const StoryGeometry& g) {
    const geo::Story& story = bundled_story();
    for (std::size_t i = 0; i < story.relations.size(); ++i) {
        const geo::Relation& r = story.relations[i];
        if (!has_arc(r) || g.lines[i].piece_count == 0) continue;
        INFO("relation " << r.id);
        const std::vector<Piece> pieces = pieces_of(g, i);
        if (const auto& from = g.places[r.from_place]; from && pieces.front().along.front() == 0.0) {
            CHECK(distance(pieces.front().xy.front(), *from) < 2.0);
        }
        if (const auto& to = g.places[r.to_place]) {
            REQUIRE(pieces.back().along.back() == 1.0);
            CHECK(distance(pieces.back().xy.back(), *to) < 2.0);
        }
    }
}

}  // namespace

TEST_CASE("story lines: one per relation, then one per route, for every projection", "[story][geometry]") {
    const geo::Story& story = bundled_story();
    struct Case {
        const char* name;
        LonLat center;
    };
    for (const Case& c : {Case{"ortho", {127.5, 38.5}}, Case{"ortho", {-100.0, 60.0}}, Case{"eqearth", {150.0, 0.0}},
                          Case{"webmerc", {0.0, 0.0}}, Case{"webmerc", {180.0, 0.0}}, Case{"laea", {127.5, 38.5}},
                          Case{"aeqd", {-77.0, 38.9}}, Case{"natearth", {-30.0, 0.0}}}) {
        INFO(c.name << " centred at " << c.center.lon << "," << c.center.lat);
        const Projection projection = make(c.name, c.center);
        const StoryGeometry g = geo::build_story_geometry(story, projection);
        check_structure(projection, g);
        check_line_ends(g);
        // No segment streaks across the map, and lifts stay near the map.
        const geo::Bounds& w = projection.world_bounds();
        double longest = 0;
        for (std::size_t line = 0; line < g.lines.size(); ++line)
            for (const Piece& piece : pieces_of(g, line))
                for (std::size_t i = 0; i < piece.xy.size(); ++i) {
                    const double m = g.lines[line].lift_m + 10.0;
                    INFO("line " << line << " vertex (" << piece.xy[i].x << ", " << piece.xy[i].y << ")");
                    CHECK((piece.xy[i].x >= w.min_x - m && piece.xy[i].x <= w.max_x + m &&
                           piece.xy[i].y >= w.min_y - m && piece.xy[i].y <= w.max_y + m));
                    if (i > 0) longest = std::max(longest, distance(piece.xy[i], piece.xy[i - 1]));
                }
        CHECK(longest < 0.25 * w.width());
        // Every relation that has an arc draws something on these views of the northern hemisphere's story.
        for (std::size_t i = 0; i < story.relations.size(); ++i)
            if (has_arc(story.relations[i]) && std::string_view(c.name) != "ortho") CHECK(g.lines[i].piece_count > 0);
        for (std::size_t r = 0; r < story.routes.size(); ++r)
            CHECK(g.lines[story.relations.size() + r].piece_count > 0);
        // Meetings are markers, and a journey with a route is drawn by the route.
        for (const char* id : {"meeting-2023-planned", "meeting-2019", "travel-2023", "travel-2019"}) {
            INFO(id);
            CHECK(g.lines[relation_index(id)].piece_count == 0);
        }
    }
}

TEST_CASE("arcs across the seam of world maps end exactly on the map's edge, on both sides", "[story][geometry]") {
    const geo::Story& story = bundled_story();
    struct Case {
        const char* name;
        double center;
    };
    for (const Case& c : {Case{"eqearth", 150.0}, Case{"eqearth", 180.0}, Case{"eqearth", -170.0},
                          Case{"natearth", 179.9}, Case{"eqearth", 0.0}, Case{"natearth", -30.0}}) {
        INFO(c.name << " centred at " << c.center);
        const Projection projection = make(c.name, {c.center, 0.0});
        const StoryGeometry g = geo::build_story_geometry(story, projection);
        const geo::Bounds& w = projection.world_bounds();

        // Both seams, finely: centre - 180 on the left edge, centre + 180 on the right.
        std::vector<XY> seams[2];
        for (int side = 0; side < 2; ++side)
            for (int k = -9000; k <= 9000; ++k)
                if (auto p = projection.forward({c.center + (side ? 180.0 : -180.0), k / 100.0}))
                    seams[side].push_back(*p);
        auto seam_distance = [&](XY p, int side) {
            double best = std::numeric_limits<double>::max();
            for (std::size_t i = 0; i + 1 < seams[side].size(); ++i)
                best = std::min(best, distance_to_segment(p, seams[side][i], seams[side][i + 1]));
            return best;
        };

        std::size_t crossings = 0;
        for (std::size_t i = 0; i < story.relations.size(); ++i) {
            const geo::Relation& r = story.relations[i];
            if (!has_arc(r)) continue;
            INFO("relation " << r.id);
            const bool crosses = crosses_seam(place_of(r.from_place), place_of(r.to_place), c.center);
            const std::vector<Piece> pieces = pieces_of(g, i);
            if (crosses) {
                ++crossings;
                CHECK(pieces.size() >= 2);
            } else {
                CHECK(pieces.size() == 1);
            }
            for (std::size_t p = 0; p + 1 < pieces.size(); ++p) {
                const Piece& a = pieces[p];
                const Piece& b = pieces[p + 1];
                // One piece leaves the map where the next comes back: same along, opposite edges, same height.
                CHECK(a.along.back() == b.along.front());
                const int a_side = a.xy.back().x > 0 ? 1 : 0, b_side = b.xy.front().x > 0 ? 1 : 0;
                CHECK(a_side != b_side);
                CHECK(seam_distance(a.xy.back(), a_side) < 20.0);
                CHECK(seam_distance(b.xy.front(), b_side) < 20.0);
                CHECK(std::abs(a.xy.back().y - b.xy.front().y) < 1000.0);
            }
            for (const Piece& piece : pieces)
                for (std::size_t v = 1; v < piece.xy.size(); ++v)
                    CHECK(distance(piece.xy[v], piece.xy[v - 1]) < 0.25 * w.width());
        }
        CHECK(crossings > 0);
        // Moscow -> Washington goes over the Atlantic: the seam of every map centred near 180 cuts it.
        const std::size_t rebuff = relation_index("rebuff-peskov");
        if (std::abs(geo::wrap_longitude(c.center - 180.0)) < 45.0) CHECK(g.lines[rebuff].piece_count == 2);
        // Washington -> Pyongyang goes over the Bering Strait: the seam of maps centred on the Atlantic cuts it.
        const std::size_t warning = relation_index("warning-white-house");
        if (std::abs(c.center) < 45.0) CHECK(g.lines[warning].piece_count == 2);
    }
}

TEST_CASE("the view frame of the globe is PROJ's orthographic projection", "[story][geometry]") {
    const LonLat center{127.5, 38.5};
    const Projection projection = make("ortho", center);
    for (const geo::Place& place : bundled_story().places) {
        const LonLat p{place.lon, place.lat};
        const Vec3 v = view(center, geo::to_unit_vector(p), R);
        const std::optional<XY> xy = projection.forward(p);
        INFO(place.id);
        CHECK(xy.has_value() == (v.z >= 0));
        if (xy) {
            CHECK(xy->x == Approx(v.x).margin(1e-4));
            CHECK(xy->y == Approx(v.y).margin(1e-4));
        }
    }
}

TEST_CASE("arcs on the globe draw nothing over the earth's disk from behind it", "[story][geometry]") {
    const geo::Story& story = bundled_story();
    const LonLat center{127.5, 38.5};
    const Projection projection = make("ortho", center);
    const StoryGeometry g = geo::build_story_geometry(story, projection);
    check_structure(projection, g);
    check_line_ends(g);

    constexpr double tolerance = 2000.0;  // chords and float rounding: a 1-degree chord sags about 270 m
    std::string problem;
    bool rises_beyond_limb = false;
    // The n-th arc between two places (from 0) leans to alternate sides of their great circle's plane by
    // 0.45 rad more each pair: 0, +0.45, -0.45, +0.9, ...
    std::map<std::pair<std::size_t, std::size_t>, int> earlier;
    for (std::size_t i = 0; i < story.relations.size() && problem.empty(); ++i) {
        const geo::Relation& r = story.relations[i];
        if (!has_arc(r)) continue;
        const LonLat from = place_of(r.from_place), to = place_of(r.to_place);
        const double lift = g.lines[i].lift_m;
        const int n = earlier[std::minmax(r.from_place, r.to_place)]++;
        const int pair = (n + 1) / 2;
        const double lean = 0.45 * pair * (n % 2 == 1 ? 1.0 : -1.0);
        const Vec3 a0 = view(center, geo::to_unit_vector(from), 1.0), b0 = view(center, geo::to_unit_vector(to), 1.0);
        Vec3 pole{a0.y * b0.z - a0.z * b0.y, a0.z * b0.x - a0.x * b0.z, a0.x * b0.y - a0.y * b0.x};
        const double pole_length = std::sqrt(geo::dot(pole, pole));
        pole = {pole.x / pole_length, pole.y / pole_length, pole.z / pole_length};
        for (const Piece& piece : pieces_of(g, i)) {
            std::vector<double> z;
            for (std::size_t v = 0; v < piece.xy.size(); ++v) {
                const double a = piece.along[v];
                const double h = lift * std::sin(std::numbers::pi * a);
                const Vec3 up = view(center, slerp(from, to, a), R + h * std::cos(lean));
                const Vec3 p{up.x + h * std::sin(lean) * pole.x, up.y + h * std::sin(lean) * pole.y,
                             up.z + h * std::sin(lean) * pole.z};
                z.push_back(p.z);
                std::ostringstream where;
                where << r.id << " vertex " << v << " along " << a << " at (" << piece.xy[v].x << ", " << piece.xy[v].y
                      << "), expected (" << p.x << ", " << p.y << ", z " << p.z << ")";
                if (distance(piece.xy[v], {p.x, p.y}) > tolerance) problem = where.str() + ": not on the lifted arc";
                if (p.z < -tolerance && std::hypot(piece.xy[v].x, piece.xy[v].y) < R - tolerance)
                    problem = where.str() + ": behind the earth";
                if (r.id == "warning-white-house" && p.z < 0 && std::hypot(p.x, p.y) > R) rises_beyond_limb = true;
            }
            // Points along each drawn segment, with z along the same straight line.
            for (std::size_t v = 0; v + 1 < piece.xy.size() && problem.empty(); ++v)
                for (int k = 1; k < 32; ++k) {
                    const double t = k / 32.0;
                    const XY q{piece.xy[v].x + t * (piece.xy[v + 1].x - piece.xy[v].x),
                               piece.xy[v].y + t * (piece.xy[v + 1].y - piece.xy[v].y)};
                    const double qz = z[v] + t * (z[v + 1] - z[v]);
                    if (qz < -tolerance && std::hypot(q.x, q.y) < R - tolerance) {
                        std::ostringstream where;
                        where << r.id << " segment " << v << " at t " << t << " passes behind the earth";
                        problem = where.str();
                    }
                }
        }
    }
    INFO(problem);
    CHECK(problem.empty());

    // Washington's warning: seen near Korea, rising beyond the limb on its way from the far side.
    const std::size_t warning = relation_index("warning-white-house");
    const std::vector<Piece> pieces = pieces_of(g, warning);
    REQUIRE(!pieces.empty());
    CHECK(pieces.back().along.back() == 1.0);
    CHECK(pieces.front().along.front() > 0.0);  // Washington itself is behind the globe
    CHECK(rises_beyond_limb);
    CHECK_FALSE(g.places[story.relations[warning].from_place].has_value());

    // Markers: exactly the places on the near side, where PROJ puts them.
    for (std::size_t p = 0; p < story.places.size(); ++p) {
        INFO(story.places[p].id);
        const bool near_side = view(center, geo::to_unit_vector(place_of(p)), R).z >= 0;
        REQUIRE(g.places[p].has_value() == near_side);
        if (near_side) CHECK(distance(*g.places[p], *projection.forward(place_of(p))) < 1e-6);
    }
}

TEST_CASE("arcs wholly behind the globe are not drawn at all", "[story][geometry]") {
    const geo::Story& story = bundled_story();
    // The antipode of Korea: the Korean peninsula, Moscow and Beijing are on the far side.
    const Projection projection = make("ortho", {-52.5, -38.5});
    const StoryGeometry g = geo::build_story_geometry(story, projection);
    check_structure(projection, g);
    for (const char* id : {"skepticism-china", "supply-arms"}) {
        INFO(id);
        CHECK(g.lines[relation_index(id)].piece_count == 0);
        CHECK(g.lines[relation_index(id)].lift_m > 0);
    }
    for (std::size_t r = 0; r < story.routes.size(); ++r) CHECK(g.lines[story.relations.size() + r].piece_count == 0);
    for (const char* id : {"pyongyang", "seoul", "moscow", "beijing", "vladivostok"}) {
        INFO(id);
        const std::optional<std::size_t> place = story.find_place(id);
        REQUIRE(place.has_value());
        CHECK_FALSE(g.places[*place].has_value());
    }
}

TEST_CASE("routes on the globe lie on the ground exactly where PROJ projects their waypoints", "[story][geometry]") {
    const geo::Story& story = bundled_story();
    const Projection projection = make("ortho", {127.5, 38.5});
    const StoryGeometry g = geo::build_story_geometry(story, projection);
    for (std::size_t r = 0; r < story.routes.size(); ++r) {
        const geo::Route& route = story.routes[r];
        INFO("route " << route.id);
        const geo::StoryLine& line = g.lines[story.relations.size() + r];
        REQUIRE(line.piece_count == 1);
        std::vector<double> along{0.0};
        for (std::size_t w = 1; w < route.waypoints.size(); ++w)
            along.push_back(along.back() + ground_length({route.waypoints[w - 1].lon, route.waypoints[w - 1].lat},
                                                         {route.waypoints[w].lon, route.waypoints[w].lat}));
        CHECK(line.ground_length_m == Approx(along.back()).margin(1.0));
        const Piece piece = pieces_of(g, story.relations.size() + r).front();
        std::size_t matched = 0;
        for (std::size_t w = 0; w < route.waypoints.size(); ++w) {
            const double a = along[w] / along.back();
            const auto v =
                std::find_if(piece.along.begin(), piece.along.end(), [&](double x) { return std::abs(x - a) < 1e-6; });
            if (v == piece.along.end()) continue;
            ++matched;
            const XY expected = *projection.forward({route.waypoints[w].lon, route.waypoints[w].lat});
            CHECK(distance(piece.xy[static_cast<std::size_t>(v - piece.along.begin())], expected) < 0.5);
        }
        CHECK(matched == route.waypoints.size());
    }
}

TEST_CASE("relations between the same two places never lie on top of each other", "[story][geometry]") {
    const geo::Story& story = bundled_story();
    const std::size_t white_house = relation_index("warning-white-house"), kirby = relation_index("warning-kirby");
    const std::size_t escalation = relation_index("analysis-seiler-escalation");
    const std::size_t arms = relation_index("supply-arms"), relief = relation_index("supply-relief");
    const std::size_t hightech = relation_index("supply-hightech"), appeal = relation_index("appeal-yoon");

    for (const auto& [name, center] : {std::pair{"ortho", LonLat{127.5, 38.5}}, std::pair{"eqearth", LonLat{150, 0}},
                                       std::pair{"laea", LonLat{100, 50}}}) {
        INFO(name);
        const Projection projection = make(name, center);
        const StoryGeometry g = geo::build_story_geometry(story, projection);
        // Lifts: each further relation between the same two places is lifted higher, in story order.
        const double base = 0.15 * ground_length(place_of(story.relations[white_house].from_place),
                                                 place_of(story.relations[white_house].to_place));
        CHECK(g.lines[white_house].lift_m == Approx(base).epsilon(1e-9));
        CHECK(g.lines[kirby].lift_m == Approx(1.35 * base).epsilon(1e-9));
        CHECK(g.lines[escalation].lift_m == Approx(1.70 * base).epsilon(1e-9));
        CHECK(g.lines[relief].lift_m == Approx(1.35 * g.lines[arms].lift_m).epsilon(1e-9));
        CHECK(g.lines[hightech].lift_m == Approx(1.70 * g.lines[arms].lift_m).epsilon(1e-9));
        CHECK(g.lines[appeal].lift_m == Approx(0.15 * g.lines[appeal].ground_length_m).epsilon(1e-9));

        for (const auto& [a, b] : {std::pair{white_house, kirby}, std::pair{kirby, escalation}, std::pair{arms, relief},
                                   std::pair{relief, hightech}}) {
            INFO(story.relations[a].id << " and " << story.relations[b].id);
            const std::optional<XY> ma = point_at(g, a, 0.5), mb = point_at(g, b, 0.5);
            REQUIRE(ma.has_value());
            REQUIRE(mb.has_value());
            CHECK(distance(*ma, *mb) > 50e3);
        }
    }
}

namespace {

// A story of two places and one warning between them, for shapes the bundled story does not have.
geo::Story two_place_story(LonLat from, LonLat to) {
    geo::Story story;
    for (const LonLat p : {from, to}) {
        geo::Place place;
        place.id = "place-" + std::to_string(story.places.size());
        place.lon = p.lon;
        place.lat = p.lat;
        story.places.push_back(place);
    }
    geo::Relation relation;
    relation.id = "warning";
    relation.kind = geo::RelationKind::warning;
    relation.from_place = 0;
    relation.to_place = 1;
    story.relations.push_back(relation);
    return story;
}

}  // namespace

TEST_CASE("an arc over the pole leaves Web Mercator at its top edge and stays on it when lifted", "[story][geometry]") {
    const Projection projection = make("webmerc", {0.0, 0.0});
    const geo::Story story = two_place_story({10.0, 80.0}, {-170.0, 80.0});
    const StoryGeometry g = geo::build_story_geometry(story, projection);
    REQUIRE(g.lines.size() == 1);
    REQUIRE(g.lines[0].piece_count == 2);
    const std::vector<Piece> pieces = pieces_of(g, 0);
    const double top = projection.world_bounds().max_y;
    CHECK(pieces[0].xy.back().y == Approx(top).margin(2.0));
    CHECK(pieces[1].xy.front().y == Approx(top).margin(2.0));
    CHECK(pieces[0].along.front() == 0.0);
    CHECK(pieces[1].along.back() == 1.0);
    CHECK(pieces[0].along.back() < pieces[1].along.front());
}

TEST_CASE("an arc through the antipode of an azimuthal map stops on its rim", "[story][geometry]") {
    for (const char* name : {"laea", "aeqd"}) {
        INFO(name);
        const Projection projection = make(name, {0.0, 0.0});
        const geo::Story story = two_place_story({170.0, 5.0}, {-170.0, -5.0});
        const StoryGeometry g = geo::build_story_geometry(story, projection);
        REQUIRE(g.lines[0].piece_count == 2);
        const std::vector<Piece> pieces = pieces_of(g, 0);
        // The rim is the 179.5-degree circle round the centre: its radius is half the world's width.
        const double rim = 0.5 * projection.world_bounds().width();
        CHECK(std::hypot(pieces[0].xy.back().x, pieces[0].xy.back().y) == Approx(rim).epsilon(1e-3));
        CHECK(std::hypot(pieces[1].xy.front().x, pieces[1].xy.front().y) == Approx(rim).epsilon(1e-3));
        for (const Piece& piece : pieces)
            for (const XY p : piece.xy) CHECK(std::hypot(p.x, p.y) <= rim + g.lines[0].lift_m);
    }
}

TEST_CASE("custom PROJ strings get the same treatment as the named maps", "[story][geometry]") {
    const geo::Story& story = bundled_story();
    for (const char* custom : {"+proj=robin +lon_0=170", "+proj=ortho +lat_0=40 +lon_0=120", "+proj=moll +lon_0=-20"}) {
        INFO(custom);
        auto created = Projection::create(geo::ProjectionSpec{"custom", {0, 0}, custom});
        REQUIRE(std::holds_alternative<Projection>(created));
        const Projection& projection = std::get<Projection>(created);
        const StoryGeometry g = geo::build_story_geometry(story, projection);
        check_structure(projection, g);
        check_line_ends(g);
        CHECK(g.pieces.path_count() > 0);
    }
}

namespace {

// Relations among places spread evenly over the sphere, some pairs repeated (their arcs lifted higher).
geo::Story random_story(int places, int relations, unsigned seed) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    geo::Story story;
    for (int i = 0; i < places; ++i) {
        geo::Place place;
        place.id = "place-" + std::to_string(i);
        place.lon = -180.0 + 360.0 * unit(random);
        place.lat = std::clamp(std::asin(2.0 * unit(random) - 1.0) / geo::kDegToRad, -89.0, 89.0);
        story.places.push_back(place);
    }
    std::uniform_int_distribution<int> pick(0, places - 1);
    for (int i = 0; i < relations; ++i) {
        geo::Relation relation;
        relation.id = "relation-" + std::to_string(i);
        relation.kind = geo::RelationKind::warning;
        relation.from_place = static_cast<std::size_t>(pick(random));
        relation.to_place =
            i % 7 == 0 && i > 0 ? story.relations.back().to_place : static_cast<std::size_t>(pick(random));
        if (relation.to_place == relation.from_place) relation.to_place = (relation.to_place + 1) % places;
        story.relations.push_back(relation);
    }
    return story;
}

// The farthest, in pixels, that a point of `fine`'s line strays from `coarse`'s polyline of the same line; points
// beyond the along range of coarse pieces (where the two cut at a limb a little apart) are not compared.
double farthest_px(const StoryGeometry& fine, const StoryGeometry& coarse, std::size_t line, double pixels_per_metre) {
    const std::vector<Piece> coarse_pieces = pieces_of(coarse, line);
    double farthest = 0;
    for (const Piece& piece : pieces_of(fine, line))
        for (std::size_t i = 0; i < piece.xy.size(); ++i) {
            double nearest = std::numeric_limits<double>::infinity();
            bool covered = false;
            for (const Piece& c : coarse_pieces) {
                if (piece.along[i] < c.along.front() || piece.along[i] > c.along.back()) continue;
                covered = true;
                for (std::size_t k = 0; k + 1 < c.xy.size(); ++k)
                    nearest = std::min(nearest, distance_to_segment(piece.xy[i], c.xy[k], c.xy[k + 1]));
            }
            if (covered) farthest = std::max(farthest, nearest * pixels_per_metre);
        }
    return farthest;
}

}  // namespace

TEST_CASE("arcs get as many segments as their length on screen needs, and no more than at one degree",
          "[story][geometry]") {
    const geo::Story& bundled = bundled_story();
    const geo::Story random = random_story(60, 300, 20230912U);
    struct Case {
        const char* name;
        LonLat center;
    };
    for (const Case& c : {Case{"ortho", {127.5, 38.5}}, Case{"ortho", {-100.0, 60.0}}, Case{"eqearth", {150.0, 0.0}},
                          Case{"webmerc", {0.0, 0.0}}, Case{"laea", {127.5, 38.5}}, Case{"natearth", {-30.0, 0.0}}}) {
        const Projection projection = make(c.name, c.center);
        const geo::Bounds& world = projection.world_bounds();
        for (const double zoom : {0.0, 2.0}) {
            // A 1920 x 1080 view of the whole map, as Camera::fit frames it, and one zoomed in twice.
            const double scale = 0.96 * std::min(1920.0 / world.width(), 1080.0 / world.height()) * std::exp2(zoom);
            geo::StoryGeometryOptions options;
            options.pixels_per_metre = scale;
            for (const geo::Story* story : {&bundled, &random}) {
                INFO(c.name << " centred at " << c.center.lon << "," << c.center.lat << ", zoom " << zoom << ", "
                            << (story == &bundled ? "bundled" : "random") << " story");
                const StoryGeometry fine = geo::build_story_geometry(*story, projection);
                const StoryGeometry adapted = geo::build_story_geometry(*story, projection, options);
                REQUIRE(adapted.lines.size() == fine.lines.size());
                double worst = 0;
                for (std::size_t line = 0; line < story->relations.size(); ++line) {
                    // Seen from the same side: an arc drawn at one degree is drawn adapted, and the other way round.
                    CHECK((adapted.lines[line].piece_count > 0) == (fine.lines[line].piece_count > 0));
                    CHECK(adapted.lines[line].lift_m == fine.lines[line].lift_m);
                    worst = std::max(worst, farthest_px(fine, adapted, line, scale));
                }
                // Built for a tolerance of 0.2 px; the bend is estimated, so allow for that.
                CHECK(worst < 0.5);
                if (story == &random && zoom == 0.0) CHECK(adapted.along.size() < fine.along.size() * 3 / 4);
                CHECK(adapted.along.size() <= fine.along.size() + 2 * adapted.pieces.path_count());
            }
        }
    }
}

TEST_CASE("beyond full detail, arcs are densified at max_segment_deg as without a scale", "[story][geometry]") {
    const geo::Story random = random_story(40, 120, 7U);
    geo::StoryGeometryOptions options;
    options.pixels_per_metre = geo::full_detail_pixels_per_metre(options);
    REQUIRE(options.pixels_per_metre > 0);
    for (const char* name : {"ortho", "eqearth"}) {
        INFO(name);
        const Projection projection = make(name, {127.5, 38.5});
        const StoryGeometry fine = geo::build_story_geometry(random, projection);
        const StoryGeometry adapted = geo::build_story_geometry(random, projection, options);
        CHECK(adapted.along.size() == fine.along.size());
        CHECK(adapted.pieces.xy == fine.pieces.xy);
    }
}

TEST_CASE("arcs between the same two places stay apart on a globe centred on one of them", "[story][geometry]") {
    // Centred on one end, the great circle to the other passes through the view centre: arcs lifted straight up
    // would all project onto one line. Each further arc leans to a side, so their tops must stand apart.
    const geo::Story& story = bundled_story();
    std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> arcs;
    for (std::size_t i = 0; i < story.relations.size(); ++i)
        if (has_arc(story.relations[i]))
            arcs[std::minmax(story.relations[i].from_place, story.relations[i].to_place)].push_back(i);
    std::size_t pairs_checked = 0;
    for (const auto& [places, lines] : arcs) {
        if (lines.size() < 2) continue;
        const Projection projection = make("ortho", place_of(places.first));
        const StoryGeometry g = geo::build_story_geometry(story, projection);
        // Each arc's top: its projected vertex nearest halfway along.
        std::vector<XY> tops;
        for (const std::size_t line : lines) {
            std::optional<XY> top;
            double best = 1.0;
            for (const Piece& piece : pieces_of(g, line))
                for (std::size_t v = 0; v < piece.xy.size(); ++v)
                    if (std::abs(piece.along[v] - 0.5) < best) {
                        best = std::abs(piece.along[v] - 0.5);
                        top = piece.xy[v];
                    }
            if (top && best < 0.05) tops.push_back(*top);
        }
        if (tops.size() < 2) continue;  // the far end behind the globe: nothing to tell apart
        const double length = g.lines[lines.front()].ground_length_m;
        for (std::size_t a = 0; a < tops.size(); ++a)
            for (std::size_t b = a + 1; b < tops.size(); ++b) {
                INFO(story.places[places.first].id << " - " << story.places[places.second].id << ": arcs " << a
                                                   << " and " << b);
                CHECK(distance(tops[a], tops[b]) > 0.05 * length);
            }
        ++pairs_checked;
    }
    CHECK(pairs_checked >= 1);
}

TEST_CASE("a line built alone is exactly the line built with all the others", "[story][geometry]") {
    const geo::Story& story = bundled_story();
    // The third relation Moscow -> Pyongyang rises above the two before it: building it alone must keep its rank.
    const std::size_t hightech = story.find_relation("supply-hightech").value();
    const std::size_t route = story.relations.size() + story.find_route("train-2023").value();
    for (const char* name : {"ortho", "eqearth"}) {
        INFO(name);
        const Projection projection = make(name, {100, 45});
        const StoryGeometry all = geo::build_story_geometry(story, projection);
        geo::StoryGeometryOptions options;
        options.only_lines.assign(all.lines.size(), false);
        options.only_lines[hightech] = true;
        options.only_lines[route] = true;
        const StoryGeometry some = geo::build_story_geometry(story, projection, options);
        REQUIRE(some.lines.size() == all.lines.size());
        for (std::size_t i = 0; i < all.lines.size(); ++i) {
            INFO("line " << i);
            const geo::StoryLine& a = all.lines[i];
            const geo::StoryLine& b = some.lines[i];
            if (i != hightech && i != route) {
                CHECK(b.piece_count == 0);
                continue;
            }
            REQUIRE(a.piece_count > 0);
            CHECK(b.lift_m == a.lift_m);
            CHECK(b.ground_length_m == a.ground_length_m);
            REQUIRE(b.piece_count == a.piece_count);
            for (std::uint32_t p = 0; p < a.piece_count; ++p) {
                const std::size_t a_begin = all.pieces.starts[a.first_piece + p];
                const std::size_t a_end = all.pieces.starts[a.first_piece + p + 1];
                const std::size_t b_begin = some.pieces.starts[b.first_piece + p];
                REQUIRE(some.pieces.starts[b.first_piece + p + 1] - b_begin == a_end - a_begin);
                for (std::size_t v = 0; v < a_end - a_begin; ++v) {
                    CHECK(some.pieces.xy[2 * (b_begin + v)] == all.pieces.xy[2 * (a_begin + v)]);
                    CHECK(some.pieces.xy[2 * (b_begin + v) + 1] == all.pieces.xy[2 * (a_begin + v) + 1]);
                }
            }
        }
        CHECK(some.pieces.path_count() < all.pieces.path_count());
    }
}

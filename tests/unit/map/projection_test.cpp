// Projections against closed-form spherical formulas and against PROJ's own command-line tool (cs2cs), plus
// parsing, WKT, inverse and the world bounds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numbers>
#include <optional>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "geo/map/projection.hpp"

namespace {

using geo::LonLat;
using geo::Projection;
using geo::ProjectionSpec;
using geo::XY;

constexpr double R = geo::kEarthRadiusMetres;
constexpr double kMillimetre = 1e-3;
constexpr double d2r = geo::kDegToRad;

// The sphere's direct problem: the point `dist_deg` away from `from` along `azimuth_deg` (clockwise from north).
LonLat destination(LonLat from, double dist_deg, double azimuth_deg) {
    const double phi1 = from.lat * d2r, lam1 = from.lon * d2r, delta = dist_deg * d2r, theta = azimuth_deg * d2r;
    const double sin_phi2 = std::sin(phi1) * std::cos(delta) + std::cos(phi1) * std::sin(delta) * std::cos(theta);
    const double phi2 = std::asin(std::clamp(sin_phi2, -1.0, 1.0));
    const double lam2 = lam1 + std::atan2(std::sin(theta) * std::sin(delta) * std::cos(phi1),
                                          std::cos(delta) - std::sin(phi1) * sin_phi2);
    return {geo::wrap_longitude(lam2 * geo::kRadToDeg), phi2 * geo::kRadToDeg};
}

double arc_deg(LonLat a, LonLat b) { return geo::angular_distance_deg(geo::to_unit_vector(a), geo::to_unit_vector(b)); }

struct NamedPoint {
    std::string name;
    LonLat p;
};

// Cities, poles, both sides of the cut meridian, and points just inside, just beyond and far beyond the horizon.
std::vector<NamedPoint> point_table(LonLat center) {
    const double cut = geo::wrap_longitude(center.lon + 180.0);
    return {
        {"Pyongyang", {125.7625, 39.0392}},
        {"Washington", {-77.0369, 38.9072}},
        {"Seoul", {126.9780, 37.5665}},
        {"Vladivostok", {131.8855, 43.1155}},
        {"north pole", {0.0, 90.0}},
        {"south pole", {0.0, -90.0}},
        {"centre", center},
        {"east of the cut", {geo::wrap_longitude(cut + 1e-3), 10.0}},
        {"west of the cut", {geo::wrap_longitude(cut - 1e-3), 10.0}},
        {"east of the cut, south", {geo::wrap_longitude(cut + 0.5), -35.0}},
        {"west of the cut, south", {geo::wrap_longitude(cut - 0.5), -35.0}},
        {"inside the horizon (89.9)", destination(center, 89.9, 30.0)},
        {"inside the horizon (89.99)", destination(center, 89.99, 250.0)},
        {"beyond the horizon (90.1)", destination(center, 90.1, 110.0)},
        {"beyond the horizon (135)", destination(center, 135.0, 300.0)},
        {"near the antipode (179)", destination(center, 179.0, 45.0)},
    };
}

const std::vector<LonLat> kCentres{{127.5, 38.5}, {-30.0, -50.0}, {-179.0, 10.0}, {175.0, 20.0}};

Projection make(const std::string& name, LonLat center) {
    auto created = Projection::create(ProjectionSpec{name, center, ""});
    if (auto* error = std::get_if<std::string>(&created)) FAIL("Projection::create(" << name << "): " << *error);
    return std::get<Projection>(std::move(created));
}

// What Projection::forward takes: for world maps, longitudes unwrapped into [centre - 180, centre + 180].
LonLat forward_input(const Projection& projection, LonLat p) {
    if (projection.domain().kind != geo::ClipKind::CutMeridian) return p;
    const double c = projection.domain().center.lon;
    return {c + geo::wrap_longitude(p.lon - c), p.lat};
}

double cos_c(LonLat center, LonLat p) {
    const double phi0 = center.lat * d2r, phi = p.lat * d2r, dlam = (p.lon - center.lon) * d2r;
    return std::sin(phi0) * std::sin(phi) + std::cos(phi0) * std::cos(phi) * std::cos(dlam);
}

XY ortho_closed_form(LonLat center, LonLat p) {
    const double phi0 = center.lat * d2r, phi = p.lat * d2r, dlam = (p.lon - center.lon) * d2r;
    return {R * std::cos(phi) * std::sin(dlam),
            R * (std::cos(phi0) * std::sin(phi) - std::sin(phi0) * std::cos(phi) * std::cos(dlam))};
}

XY laea_closed_form(LonLat center, LonLat p) {
    const double phi0 = center.lat * d2r, phi = p.lat * d2r, dlam = (p.lon - center.lon) * d2r;
    const double k = std::sqrt(2.0 / (1.0 + cos_c(center, p)));
    return {R * k * std::cos(phi) * std::sin(dlam),
            R * k * (std::cos(phi0) * std::sin(phi) - std::sin(phi0) * std::cos(phi) * std::cos(dlam))};
}

std::string run_command(const std::string& command) {
    std::string output;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return output;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
    ::pclose(pipe);
    return output;
}

bool have_cs2cs() { return std::system("command -v cs2cs >/dev/null 2>&1") == 0; }

// Projects `points` with PROJ's cs2cs from the map's sphere to `definition`; nullopt where cs2cs fails ("*", inf).
std::vector<std::optional<XY>> cs2cs(const std::string& definition, const std::vector<LonLat>& points) {
    std::string input;
    char line[96];
    for (const LonLat& p : points) {
        std::snprintf(line, sizeof line, "%.12f %.12f\n", p.lon, p.lat);
        input += line;
    }
    const std::string command = "printf '%s' '" + input +
                                "' | cs2cs -f %.6f +proj=longlat +R=6371008.8 +type=crs +to " + definition +
                                " +type=crs 2>&1";
    std::istringstream output(run_command(command));
    std::vector<std::optional<XY>> result;
    for (std::string text; std::getline(output, text);) {
        std::istringstream fields(text);
        std::string xs, ys;
        fields >> xs >> ys;
        char* end_x = nullptr;
        char* end_y = nullptr;
        const double x = std::strtod(xs.c_str(), &end_x), y = std::strtod(ys.c_str(), &end_y);
        if (xs.empty() || ys.empty() || *end_x != '\0' || *end_y != '\0' || !std::isfinite(x) || !std::isfinite(y))
            result.emplace_back(std::nullopt);
        else
            result.emplace_back(XY{x, y});
    }
    return result;
}

}  // namespace

TEST_CASE("ortho and laea match the closed-form spherical formulas to 1 mm", "[projection]") {
    int compared = 0, rejected = 0;
    for (const LonLat& center : kCentres) {
        const Projection ortho = make("ortho", center);
        const Projection laea = make("laea", center);
        for (const NamedPoint& np : point_table(center)) {
            INFO("centre " << center.lon << "," << center.lat << ", " << np.name << " " << np.p.lon << "," << np.p.lat);
            const double c = cos_c(center, np.p);
            const auto o = ortho.forward(np.p);
            if (c > 1e-9) {
                REQUIRE(o.has_value());
                const XY e = ortho_closed_form(center, np.p);
                CHECK(std::abs(o->x - e.x) <= kMillimetre);
                CHECK(std::abs(o->y - e.y) <= kMillimetre);
                // Everything visible lies on the globe's disk.
                CHECK(std::hypot(o->x, o->y) <= R + kMillimetre);
                ++compared;
            } else {
                CHECK_FALSE(o.has_value());  // the far side of the globe does not project
                ++rejected;
            }
            const auto l = laea.forward(np.p);
            REQUIRE(l.has_value());  // laea shows all but the antipode itself
            const XY e = laea_closed_form(center, np.p);
            CHECK(std::abs(l->x - e.x) <= kMillimetre);
            CHECK(std::abs(l->y - e.y) <= kMillimetre);
            CHECK(std::hypot(l->x, l->y) <= 2 * R + kMillimetre);
        }
    }
    // The table must exercise both outcomes.
    CHECK(compared >= 20);
    CHECK(rejected >= 8);
}

TEST_CASE("forward on the far side of the globe is nullopt", "[projection]") {
    const LonLat center{127.5, 38.5};
    const Projection ortho = make("ortho", center);
    const LonLat antipode{geo::wrap_longitude(center.lon + 180.0), -center.lat};
    CHECK_FALSE(ortho.forward(antipode).has_value());
    CHECK_FALSE(ortho.forward({-77.0369, 38.9072}).has_value());  // Washington, from above Korea
    for (double az = 0; az < 360; az += 15) {
        INFO("azimuth " << az);
        REQUIRE(arc_deg(center, destination(center, 90.5, az)) == Approx(90.5).margin(1e-9));
        CHECK_FALSE(ortho.forward(destination(center, 90.5, az)).has_value());
        CHECK(ortho.forward(destination(center, 89.5, az)).has_value());
    }
}

TEST_CASE("every named projection matches PROJ's cs2cs to 1 mm", "[projection]") {
    if (!have_cs2cs())
        FAIL(
            "cs2cs was not found on PATH: the projection tests need PROJ's command-line tools (apt-get install "
            "proj-bin)");
    int compared = 0, both_failed = 0;
    const std::vector<LonLat> centres{{127.5, 38.5}, {175.0, 20.0}, {-179.0, -10.0}, {0.0, 0.0}};
    for (std::string_view name_view : geo::projection_names()) {
        const std::string name(name_view);
        for (const LonLat& center : centres) {
            const Projection projection = make(name, center);
            const auto table = point_table(center);
            std::vector<LonLat> points;
            points.reserve(table.size());
            for (const NamedPoint& np : table) points.push_back(np.p);
            const auto expected = cs2cs(projection.definition(), points);
            INFO(name << " centred at " << center.lon << "," << center.lat << ": " << projection.definition());
            REQUIRE(expected.size() == points.size());
            for (std::size_t i = 0; i < points.size(); ++i) {
                INFO(table[i].name << " " << points[i].lon << "," << points[i].lat);
                const auto got = projection.forward(forward_input(projection, points[i]));
                REQUIRE(got.has_value() == expected[i].has_value());
                if (!got) {
                    ++both_failed;
                    continue;
                }
                CHECK(std::abs(got->x - expected[i]->x) <= kMillimetre);
                CHECK(std::abs(got->y - expected[i]->y) <= kMillimetre);
                ++compared;
            }
        }
    }
    CHECK(compared >= 300);
    CHECK(both_failed >= 6);  // ortho beyond the horizon, Mercator at the poles
}

TEST_CASE("world maps keep the two sides of the cut meridian apart", "[projection]") {
    for (const char* name : {"eqearth", "natearth", "webmerc"}) {
        for (double c : {0.0, 127.5, 180.0, -179.9}) {
            const Projection projection = make(name, {c, 0.0});
            INFO(name << " centred at " << c);
            // On the equator the seam points are the outline's leftmost and rightmost points.
            const auto west = projection.forward({c - 180.0, 0.0});
            const auto east = projection.forward({c + 180.0, 0.0});
            REQUIRE(west.has_value());
            REQUIRE(east.has_value());
            CHECK(west->x < 0);
            CHECK(east->x > 0);
            CHECK(std::abs(west->x + east->x) <= kMillimetre);
            CHECK(std::abs(west->x - projection.world_bounds().min_x) <= 1.0);
            CHECK(std::abs(east->x - projection.world_bounds().max_x) <= 1.0);
            const auto centre = projection.forward({c, 0.0});
            REQUIRE(centre.has_value());
            CHECK(std::abs(centre->x) <= kMillimetre);
        }
    }
}

TEST_CASE("parse_projection accepts names, aliases, PROJ strings and codes", "[projection]") {
    const LonLat center{10.0, 20.0};
    for (std::string_view name : geo::projection_names()) {
        const auto parsed = geo::parse_projection(name, center);
        REQUIRE(std::holds_alternative<ProjectionSpec>(parsed));
        CHECK(std::get<ProjectionSpec>(parsed).name == name);
        CHECK(std::get<ProjectionSpec>(parsed).center == center);
    }
    CHECK(geo::projection_names().size() == 6);

    const std::vector<std::pair<std::string, std::string>> aliases{
        {"globe", "ortho"},          {"Orthographic", "ortho"},         {"equal-earth", "eqearth"},
        {"lambert", "laea"},         {"azimuthal-equidistant", "aeqd"}, {"mercator", "webmerc"},
        {"web-mercator", "webmerc"}, {"natural-earth", "natearth"},     {"ORTHO", "ortho"}};
    for (const auto& [alias, name] : aliases) {
        INFO(alias);
        const auto parsed = geo::parse_projection(alias, center);
        REQUIRE(std::holds_alternative<ProjectionSpec>(parsed));
        CHECK(std::get<ProjectionSpec>(parsed).name == name);
    }

    for (const char* text_c : {"+proj=laea +lat_0=52 +lon_0=10 +R=6371008.8", "EPSG:3035"}) {
        const std::string text(text_c);
        INFO(text);
        const auto parsed = geo::parse_projection(text, center);
        REQUIRE(std::holds_alternative<ProjectionSpec>(parsed));
        const auto& spec = std::get<ProjectionSpec>(parsed);
        CHECK(spec.name == "custom");
        CHECK(spec.custom == text);
        const auto created = Projection::create(spec);
        if (auto* error = std::get_if<std::string>(&created)) FAIL(*error);
        const Projection& projection = std::get<Projection>(created);
        CHECK(projection.domain().kind == geo::ClipKind::Horizon);
        CHECK(projection.domain().center == LonLat{10.0, 52.0});
    }
}

TEST_CASE("EPSG:3035 puts its origin at the false easting and northing", "[projection]") {
    const auto parsed = geo::parse_projection("EPSG:3035", {0, 0});
    REQUIRE(std::holds_alternative<ProjectionSpec>(parsed));
    const auto created = Projection::create(std::get<ProjectionSpec>(parsed));
    REQUIRE(std::holds_alternative<Projection>(created));
    const auto origin = std::get<Projection>(created).forward({10.0, 52.0});
    REQUIRE(origin.has_value());
    CHECK(std::abs(origin->x - 4321000.0) <= kMillimetre);
    CHECK(std::abs(origin->y - 3210000.0) <= kMillimetre);
}

TEST_CASE("unknown projections and geographic CRSs are rejected with clear errors", "[projection]") {
    const auto parsed = geo::parse_projection("robinson", {0, 0});
    REQUIRE(std::holds_alternative<std::string>(parsed));
    const std::string& error = std::get<std::string>(parsed);
    CHECK_THAT(error, Catch::Contains("robinson"));
    for (std::string_view name : geo::projection_names()) CHECK_THAT(error, Catch::Contains(std::string(name)));

    CHECK(std::holds_alternative<std::string>(geo::parse_projection("", {0, 0})));

    const auto geographic = geo::parse_projection("EPSG:4326", {0, 0});
    REQUIRE(std::holds_alternative<ProjectionSpec>(geographic));  // parsing does not look the code up
    const auto created = Projection::create(std::get<ProjectionSpec>(geographic));
    REQUIRE(std::holds_alternative<std::string>(created));
    CHECK_THAT(std::get<std::string>(created), Catch::Contains("EPSG:4326"));
    CHECK_THAT(std::get<std::string>(created), Catch::Contains("not a projected CRS"));

    const auto nonsense = Projection::create(ProjectionSpec{"custom", {0, 0}, "EPSG:999999999"});
    CHECK(std::holds_alternative<std::string>(nonsense));
    const auto bad_centre = Projection::create(ProjectionSpec{"ortho", {0, 95}, ""});
    CHECK(std::holds_alternative<std::string>(bad_centre));
    const auto bad_name = Projection::create(ProjectionSpec{"bonne", {0, 0}, ""});
    REQUIRE(std::holds_alternative<std::string>(bad_name));
    CHECK_THAT(std::get<std::string>(bad_name), Catch::Contains("eqearth"));
}

TEST_CASE("the WKT of every named projection is on the map's sphere", "[projection]") {
    for (std::string_view name : geo::projection_names()) {
        const Projection projection = make(std::string(name), {127.5, 38.5});
        const std::string wkt = projection.wkt();
        INFO(name << ": " << wkt);
        CHECK_THAT(wkt, Catch::StartsWith("PROJCRS["));
        CHECK_THAT(wkt, Catch::Contains("6371008.8"));
        CHECK_THAT(projection.definition(), Catch::Contains("+R=6371008.8"));
    }
}

TEST_CASE("inverse undoes forward and refuses points off the map", "[projection]") {
    int round_trips = 0;
    for (std::string_view name_view : geo::projection_names()) {
        const std::string name(name_view);
        for (const LonLat& center : kCentres) {
            const Projection projection = make(name, center);
            INFO(name << " centred at " << center.lon << "," << center.lat);
            for (const NamedPoint& np : point_table(center)) {
                if (!geo::domain_contains(projection.domain(), np.p)) continue;
                // At the poles PROJ's inverses lose precision (asin near 1, Equal Earth's Newton iteration), and
                // near the antipode an azimuthal inverse is ill-conditioned: those points get their own checks.
                if (std::abs(np.p.lat) > 89.999) continue;
                const double tolerance = arc_deg(center, np.p) < 170.0 ? 1e-9 : 1e-7;
                const auto xy = projection.forward(forward_input(projection, np.p));
                if (!xy) continue;
                INFO(np.name << " " << np.p.lon << "," << np.p.lat);
                const auto back = projection.inverse(*xy);
                REQUIRE(back.has_value());
                CHECK(std::abs(back->lat - np.p.lat) <= tolerance);
                CHECK(std::abs(geo::wrap_longitude(back->lon - np.p.lon)) <= tolerance);
                ++round_trips;
            }

            // Off the map: beyond the globe's disk, past the world map's outline.
            const geo::Bounds& b = projection.world_bounds();
            const double span = std::max(b.width(), b.height());
            CHECK_FALSE(projection.inverse({b.max_x + 0.05 * span, 0.5 * (b.min_y + b.max_y)}).has_value());
            CHECK_FALSE(projection.inverse({b.min_x - 0.05 * span, b.max_y + 0.05 * span}).has_value());
            CHECK_FALSE(projection.inverse({0.5 * (b.min_x + b.max_x), b.min_y - 0.05 * span}).has_value());
        }
    }
    CHECK(round_trips >= 150);

    // The poles of world maps come back to within PROJ's own iteration tolerance.
    for (const char* name : {"eqearth", "natearth"}) {
        const Projection projection = make(name, {127.5, 0});
        for (double lat : {90.0, -90.0}) {
            INFO(name << " pole " << lat);
            const auto xy = projection.forward({127.5, lat});
            REQUIRE(xy.has_value());
            const auto back = projection.inverse(*xy);
            REQUIRE(back.has_value());
            CHECK(std::abs(back->lat - lat) <= 1e-5);
        }
    }

    const Projection ortho = make("ortho", {127.5, 38.5});
    CHECK_FALSE(ortho.inverse({1.01 * R, 0}).has_value());
    CHECK_FALSE(ortho.inverse({0.75 * R, 0.75 * R}).has_value());  // outside the disk, inside its bounding box
    CHECK(ortho.inverse({0.7 * R, 0.7 * R}).has_value());
    const Projection laea = make("laea", {127.5, 38.5});
    CHECK_FALSE(laea.inverse({2.01 * R, 0}).has_value());
    const Projection eqearth = make("eqearth", {127.5, 0});
    // Inside the bounding box, outside the rounded outline: the corner of the world map.
    const geo::Bounds& b = eqearth.world_bounds();
    CHECK_FALSE(eqearth.inverse({b.max_x * 0.99, b.max_y * 0.99}).has_value());
}

TEST_CASE("the world bounds fit the domain outline", "[projection]") {
    for (double c : {0.0, 127.5, -179.9}) {
        const Projection webmerc = make("webmerc", {c, 0});
        const geo::Bounds& b = webmerc.world_bounds();
        INFO("webmerc centred at " << c);
        // Web Mercator's world is square: 2 pi R wide and high, up to 85.0511 deg.
        CHECK(std::abs(b.width() - 2 * std::numbers::pi * R) <= kMillimetre);
        CHECK(std::abs(b.height() - b.width()) <= kMillimetre);
        CHECK(std::abs(b.min_x + b.max_x) <= kMillimetre);
        CHECK(webmerc.domain().max_abs_lat == Approx(85.0511).margin(1e-4));
    }
    const Projection ortho = make("ortho", {127.5, 38.5});
    CHECK(ortho.world_bounds().width() == Approx(2 * R).epsilon(1e-6));
    CHECK(ortho.world_bounds().height() == Approx(2 * R).epsilon(1e-6));
    const Projection laea = make("laea", {127.5, 38.5});
    CHECK(laea.world_bounds().width() <= 4 * R);
    CHECK(laea.world_bounds().width() >= 4 * R * std::sin(179.0 / 2 * d2r));
    const Projection eqearth = make("eqearth", {30, 0});
    // Equal Earth's width-to-height ratio is about 2.05.
    CHECK(eqearth.world_bounds().width() / eqearth.world_bounds().height() == Approx(2.05).margin(0.01));
}

TEST_CASE("the globe's outline projects whole at centres with many digits", "[projection]") {
    // A centre such as the bundled story's home (computed, 17 significant digits) once reached PROJ rounded to 10:
    // horizon points then fell beyond PROJ's horizon, the disk lost a slice and the bounds went lopsided.
    for (const LonLat c : {LonLat{138.12785834659263, 58.824687054349447},
                           LonLat{-77.036512345678901, 38.897612345678901}, LonLat{0.1 + 0.2, -33.333333333333336}}) {
        INFO("ortho centred at " << c.lon << "," << c.lat);
        const Projection ortho = make("ortho", c);
        const geo::Bounds& b = ortho.world_bounds();
        CHECK(std::abs(b.min_x + R) <= 1.0);
        CHECK(std::abs(b.max_x - R) <= 1.0);
        CHECK(std::abs(b.min_y + R) <= 1.0);
        CHECK(std::abs(b.max_y - R) <= 1.0);
        const geo::LonLatPaths outline = geo::domain_outline(ortho.domain());
        std::vector<XY> xy(outline.points.size());
        ortho.forward(outline.points, xy);
        int failed = 0;
        for (const XY& p : xy)
            if (!std::isfinite(p.x) || !std::isfinite(p.y)) ++failed;
        CHECK(failed == 0);
    }
}

// The projected scene at 110m for world maps and globes at awkward centres: everything the renderer gets must be
// finite, inside the world bounds, and free of the long segments that show as streaks across the map.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>
#include <string>
#include <variant>

#include "geo/map/basemap.hpp"
#include "geo/map/graticule.hpp"
#include "geo/map/projected_scene.hpp"
#include "geo/map/projection.hpp"

namespace {

using geo::LonLat;
using geo::ProjectedPaths;
using geo::ProjectedScene;
using geo::Projection;

constexpr double R = geo::kEarthRadiusMetres;

const geo::Basemap& basemap_110m() {
    static const geo::Basemap basemap = [] {
        auto loaded = geo::load_basemap(std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets" / "basemap",
                                        geo::Detail::Coarse110m);
        if (auto* error = std::get_if<std::string>(&loaded)) FAIL(*error);
        return std::get<geo::Basemap>(std::move(loaded));
    }();
    return basemap;
}

const geo::LonLatPaths& graticule() {
    static const geo::LonLatPaths g = geo::make_graticule(10.0);
    return g;
}

Projection make(const std::string& name, LonLat center) {
    auto created = Projection::create(geo::ProjectionSpec{name, center, ""});
    if (auto* error = std::get_if<std::string>(&created)) FAIL("Projection::create(" << name << "): " << *error);
    return std::get<Projection>(std::move(created));
}

struct Limits {
    geo::Bounds world;
    double tolerance;        // metres: float rounding of the packed coordinates, and a little more
    double max_segment;      // metres
    double disk_radius = 0;  // globes and azimuthal maps: every vertex within this distance of the origin
};

// Checks one layer; the first problem fails the test with its place, a clean layer counts as one assertion.
// Long segments are allowed only along the top or bottom of the world (the pole lines of world maps).
void check_layer(const char* layer, const ProjectedPaths& paths, bool rings, const Limits& limits) {
    INFO("layer " << layer);
    REQUIRE(paths.starts.front() == 0);
    REQUIRE(paths.starts.back() == paths.vertex_count());
    REQUIRE(paths.xy.size() % 2 == 0);
    REQUIRE(paths.bounds.size() == paths.path_count());
    const geo::Bounds& w = limits.world;
    const double tol = limits.tolerance;
    auto on_top_or_bottom = [&](double y) { return std::abs(y - w.min_y) <= tol || std::abs(y - w.max_y) <= tol; };
    std::string problem;
    double longest = 0;
    for (std::size_t i = 0; i < paths.path_count() && problem.empty(); ++i) {
        const std::size_t begin = paths.starts[i], end = paths.starts[i + 1];
        const std::size_t n = end - begin;
        std::ostringstream where;
        where.precision(10);
        if (n < (rings ? 3U : 2U)) {
            where << "path " << i << " has only " << n << " vertices";
            problem = where.str();
            break;
        }
        if (!rings && n > geo::kMaxLinePieceVertices) {
            where << "line " << i << " has " << n << " vertices, over the piece limit";
            problem = where.str();
            break;
        }
        const geo::FloatBounds& b = paths.bounds[i];
        for (std::size_t j = begin; j < end && problem.empty(); ++j) {
            const double x = paths.xy[2 * j], y = paths.xy[2 * j + 1];
            where.str("");
            where << "path " << i << " vertex " << j - begin << " (" << x << ", " << y << ")";
            if (!std::isfinite(x) || !std::isfinite(y)) {
                problem = where.str() + " is not finite";
            } else if (x < w.min_x - tol || x > w.max_x + tol || y < w.min_y - tol || y > w.max_y + tol) {
                problem = where.str() + " is outside the world bounds";
            } else if (limits.disk_radius > 0 && std::hypot(x, y) > limits.disk_radius + tol) {
                problem = where.str() + " is outside the disk";
            } else if (x < b.min_x || x > b.max_x || y < b.min_y || y > b.max_y) {
                problem = where.str() + " is outside its path's bounds";
            }
            if (j + 1 == end && !rings) break;
            const std::size_t k = j + 1 < end ? j + 1 : begin;  // rings: the closing edge too
            const double x2 = paths.xy[2 * k], y2 = paths.xy[2 * k + 1];
            const double len = std::hypot(x2 - x, y2 - y);
            const bool along_edge_of_world = on_top_or_bottom(y) && on_top_or_bottom(y2) && std::abs(y2 - y) <= tol;
            // A ring round the view centre is closed over the centre with a zero-width bridge (there and back
            // along the same segment): it encloses nothing, so the even-odd fill does not show it.
            bool bridge = false;
            if (rings && len > limits.max_segment)
                for (std::size_t m = begin; m < end && !bridge; ++m) {
                    const std::size_t n2 = m + 1 < end ? m + 1 : begin;
                    bridge = std::hypot(paths.xy[2 * m] - x2, paths.xy[2 * m + 1] - y2) <= tol &&
                             std::hypot(paths.xy[2 * n2] - x, paths.xy[2 * n2 + 1] - y) <= tol;
                }
            if (!along_edge_of_world && !bridge) longest = std::max(longest, len);
            if (len > limits.max_segment && !along_edge_of_world && !bridge && problem.empty()) {
                std::ostringstream s;
                s.precision(10);
                s << where.str() << " -> (" << x2 << ", " << y2 << "): a segment of " << len / 1000 << " km";
                problem = s.str();
            }
        }
    }
    INFO(problem);
    CHECK(problem.empty());
    INFO("longest segment " << longest / 1000 << " km");
    CHECK(longest <= limits.max_segment);
}

void check_scene(const Projection& projection, double cull_radius_deg = 180.0) {
    const ProjectedScene scene = geo::build_scene(projection, basemap_110m(), graticule(), cull_radius_deg);
    const geo::Bounds& w = scene.world;
    CHECK(w.min_x == projection.world_bounds().min_x);
    CHECK(w.max_y == projection.world_bounds().max_y);
    REQUIRE(w.width() > 0);
    REQUIRE(w.height() > 0);
    const bool azimuthal = projection.domain().kind == geo::ClipKind::Horizon;
    Limits limits{w, 1e-6 * std::max(w.width(), w.height()) + 4.0, 0.25 * w.width(), 0.0};
    if (azimuthal) limits.disk_radius = 0.5 * std::max(w.width(), w.height());

    CHECK(scene.ocean.path_count() == 1);
    CHECK(scene.land.path_count() > 0);
    CHECK(scene.borders.path_count() > 0);
    CHECK(scene.coast.path_count() > 0);
    CHECK(scene.graticule.path_count() > 0);
    check_layer("ocean", scene.ocean, true, limits);
    check_layer("land", scene.land, true, limits);
    check_layer("borders", scene.borders, false, limits);
    check_layer("coast", scene.coast, false, limits);
    check_layer("graticule", scene.graticule, false, limits);

    // Every clipped land vertex was projected: PROJ rejected none of them (rejects are dropped silently).
    geo::ClipDomain domain = projection.domain();
    if (azimuthal) domain.horizon_deg = std::min(domain.horizon_deg, cull_radius_deg);
    geo::LonLatPaths clipped;
    geo::clip_rings(basemap_110m().land.paths, domain, clipped, basemap_110m().land.caps);
    CHECK(scene.land.vertex_count() == clipped.points.size());
    // The ocean is the whole outline, and it reaches the world bounds on all four sides.
    const geo::FloatBounds& ob = scene.ocean.bounds.front();
    CHECK(std::abs(ob.min_x - w.min_x) <= limits.tolerance);
    CHECK(std::abs(ob.max_x - w.max_x) <= limits.tolerance);
    CHECK(std::abs(ob.min_y - w.min_y) <= limits.tolerance);
    CHECK(std::abs(ob.max_y - w.max_y) <= limits.tolerance);
}

}  // namespace

TEST_CASE("world-map scenes stay inside the world and have no streaks", "[scene]") {
    for (const char* name : {"eqearth", "natearth", "webmerc"}) {
        for (double c : {0.0, 150.0, 180.0, -179.9}) {
            INFO(name << " centred at " << c);
            const Projection projection = make(name, {c, 0.0});
            check_scene(projection);
        }
    }
}

TEST_CASE("globe and azimuthal scenes stay on the disk and have no streaks", "[scene]") {
    for (LonLat c : {LonLat{127.5, 38.5}, LonLat{0, 90}, LonLat{0, -90}, LonLat{180, 0}, LonLat{-179.9, -45},
                     LonLat{-52.5, -38.5}}) {
        INFO("ortho centred at " << c.lon << "," << c.lat);
        const Projection projection = make("ortho", c);
        CHECK(projection.world_bounds().width() == Approx(2 * R).epsilon(1e-6));
        check_scene(projection);
    }
    for (const char* name : {"laea", "aeqd"}) {
        for (LonLat c : {LonLat{127.5, 38.5}, LonLat{0, -90}}) {
            INFO(name << " centred at " << c.lon << "," << c.lat);
            check_scene(make(name, c));
        }
    }
}

TEST_CASE("a zoomed-in globe keeps only the cap the camera sees", "[scene]") {
    const LonLat center{127.5, 38.5};
    const Projection projection = make("ortho", center);
    const ProjectedScene full = geo::build_scene(projection, basemap_110m(), graticule());
    const ProjectedScene zoomed = geo::build_scene(projection, basemap_110m(), graticule(), 20.0);
    CHECK(full.cull_radius_deg == 90.0);
    CHECK(zoomed.cull_radius_deg == 20.0);
    CHECK(zoomed.land.vertex_count() < full.land.vertex_count() / 4);
    CHECK(zoomed.land.vertex_count() > 0);
    // The ocean keeps the full outline.
    CHECK(zoomed.ocean.xy == full.ocean.xy);
    // Everything else lies within the projected cap, R sin 20 deg from the centre.
    const double cap = R * std::sin(20.0 * geo::kDegToRad) + 4.0;
    double farthest = 0;
    for (const ProjectedPaths* layer : {&zoomed.land, &zoomed.borders, &zoomed.coast, &zoomed.graticule})
        for (std::size_t i = 0; i < layer->vertex_count(); ++i)
            farthest = std::max(farthest, std::hypot(double(layer->xy[2 * i]), double(layer->xy[2 * i + 1])));
    CHECK(farthest <= cap);
    CHECK(farthest >= 0.9 * cap);  // Korea, China and Japan reach the edge of the cap
    check_scene(projection, 20.0);
}

TEST_CASE("project_paths agrees with the scene's layers", "[scene]") {
    const Projection projection = make("eqearth", {150.0, 0.0});
    const ProjectedScene scene = geo::build_scene(projection, basemap_110m(), graticule());
    const ProjectedPaths land =
        geo::project_paths(projection, basemap_110m().land.paths, true, basemap_110m().land.caps);
    CHECK(land.xy == scene.land.xy);
    CHECK(land.starts == scene.land.starts);
    const ProjectedPaths coast = geo::project_paths(projection, basemap_110m().coast.paths, false);
    CHECK(coast.xy == scene.coast.xy);
}

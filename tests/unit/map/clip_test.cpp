// Clipping on the sphere, data in and data out: crafted rings and lines with known answers, then the Natural Earth
// land and coast at 110m and 10m against every kind of domain, checked for the defects that show on a map
// (vertices outside the domain, edges that streak across it, area that goes missing).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <numbers>
#include <span>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "geo/map/basemap.hpp"
#include "geo/map/clip.hpp"

namespace {

using geo::ClipDomain;
using geo::ClipKind;
using geo::LonLat;
using geo::LonLatPaths;

constexpr double kEps = 1e-9;
constexpr double kWebMercatorMaxLat = 85.0511287798066;

LonLatPaths make_paths(std::initializer_list<std::vector<LonLat>> paths) {
    LonLatPaths out;
    for (const auto& p : paths) out.append(p);
    return out;
}

double arc_deg(LonLat a, LonLat b) { return geo::angular_distance_deg(geo::to_unit_vector(a), geo::to_unit_vector(b)); }

// The sphere's direct problem: the point `dist_deg` away from `from` along `azimuth_deg` (clockwise from north; at a
// pole, north and east are those of the meridian `from.lon`).
LonLat destination(LonLat from, double dist_deg, double azimuth_deg) {
    const double d2r = geo::kDegToRad;
    const double lam = from.lon * d2r, phi = from.lat * d2r, delta = dist_deg * d2r, theta = azimuth_deg * d2r;
    const geo::Vec3 c = geo::to_unit_vector(from);
    const geo::Vec3 north{-std::sin(phi) * std::cos(lam), -std::sin(phi) * std::sin(lam), std::cos(phi)};
    const geo::Vec3 east{-std::sin(lam), std::cos(lam), 0.0};
    const double a = std::cos(delta), b = std::sin(delta) * std::cos(theta), e = std::sin(delta) * std::sin(theta);
    return geo::to_lon_lat(
        {a * c.x + b * north.x + e * east.x, a * c.y + b * north.y + e * east.y, a * c.z + b * north.z + e * east.z});
}

// A ring of `n` points at `radius_deg` round `center`.
std::vector<LonLat> circle(LonLat center, double radius_deg, int n = 72, bool clockwise = false) {
    std::vector<LonLat> ring;
    ring.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) ring.push_back(destination(center, radius_deg, (clockwise ? 1 : -1) * 360.0 * i / n));
    return ring;
}

// Signed shoelace area in the (lon, lat) plane; output of cut-meridian clipping is unwrapped, so this is exact there.
double planar_area(std::span<const LonLat> ring) {
    double twice = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const LonLat a = ring[i], b = ring[(i + 1) % ring.size()];
        twice += a.lon * b.lat - b.lon * a.lat;
    }
    return 0.5 * twice;
}

// The same for input that steps across the antimeridian: consecutive longitudes are unwrapped first.
double planar_area_unwrapped(std::span<const LonLat> ring) {
    std::vector<LonLat> unwrapped{ring.front()};
    for (std::size_t i = 1; i < ring.size(); ++i)
        unwrapped.push_back(
            {unwrapped.back().lon + geo::wrap_longitude(ring[i].lon - unwrapped.back().lon), ring[i].lat});
    return planar_area(unwrapped);
}

double total_planar_area(const LonLatPaths& paths) {
    double sum = 0;
    for (std::size_t i = 0; i < paths.size(); ++i) sum += planar_area(paths.path(i));
    return sum;
}

// Signed area (steradians) of a ring with great-circle edges: a fan of signed spherical triangles from vertex 0.
double spherical_area(std::span<const LonLat> ring) {
    if (ring.size() < 3) return 0;
    const geo::Vec3 a = geo::to_unit_vector(ring[0]);
    double sum = 0;
    for (std::size_t i = 1; i + 1 < ring.size(); ++i) {
        const geo::Vec3 b = geo::to_unit_vector(ring[i]), c = geo::to_unit_vector(ring[i + 1]);
        const geo::Vec3 bxc{b.y * c.z - b.z * c.y, b.z * c.x - b.x * c.z, b.x * c.y - b.y * c.x};
        sum += 2 * std::atan2(geo::dot(a, bxc), 1 + geo::dot(a, b) + geo::dot(b, c) + geo::dot(c, a));
    }
    return sum;
}

double total_abs_spherical_area(const LonLatPaths& paths) {
    double sum = 0;
    for (std::size_t i = 0; i < paths.size(); ++i) sum += std::abs(spherical_area(paths.path(i)));
    return sum;
}

std::size_t rings_with_area(const LonLatPaths& paths) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < paths.size(); ++i) n += std::abs(planar_area(paths.path(i))) > 1e-9;
    return n;
}

bool structurally_valid(const LonLatPaths& paths) {
    if (paths.starts.empty() || paths.starts.front() != 0 || paths.starts.back() != paths.points.size()) return false;
    for (std::size_t i = 0; i + 1 < paths.starts.size(); ++i)
        if (paths.starts[i] >= paths.starts[i + 1]) return false;  // no empty paths
    return true;
}

std::string where(std::size_t path, std::size_t vertex, LonLat p) {
    std::ostringstream out;
    out.precision(17);
    out << "path " << path << " vertex " << vertex << " (" << p.lon << ", " << p.lat << ")";
    return out.str();
}

// Cut-meridian output: longitudes in [centre - 180, centre + 180], seam points exactly on the seam, latitudes in the
// band, and no edge (closing edge of rings included) stepping more than 180 deg of longitude, except along the
// band's limit (the pole line of a ring closed over the pole, Web Mercator's top and bottom), which is the
// outline's own edge. The first violation fails the test with its place; a clean result counts as one assertion.
// Returns the number of vertices on the seam.
std::size_t check_cut_meridian_output(const LonLatPaths& out, const ClipDomain& domain, bool rings) {
    REQUIRE(structurally_valid(out));
    const double west = domain.center.lon - 180.0, east = domain.center.lon + 180.0, band = domain.max_abs_lat;
    std::size_t on_seam = 0;
    std::string problem;
    for (std::size_t i = 0; i < out.size() && problem.empty(); ++i) {
        const auto path = out.path(i);
        if (path.size() < (rings ? 3U : 2U)) problem = where(i, 0, path[0]) + ": path too short";
        for (std::size_t j = 0; j < path.size() && problem.empty(); ++j) {
            const LonLat p = path[j];
            if (!std::isfinite(p.lon) || !std::isfinite(p.lat))
                problem = where(i, j, p) + ": not finite";
            else if (p.lon < west || p.lon > east)
                problem = where(i, j, p) + ": beyond the seam";
            else if (std::abs(p.lat) > band)
                problem = where(i, j, p) + ": beyond the latitude band";
            // Nothing lands a hair off the seam: it is either on it or clearly inside.
            else if ((std::abs(p.lon - west) < 1e-7 && p.lon != west) ||
                     (std::abs(p.lon - east) < 1e-7 && p.lon != east))
                problem = where(i, j, p) + ": a hair off the seam";
            on_seam += p.lon == west || p.lon == east;
            if (j + 1 == path.size() && !rings) break;
            const LonLat q = path[(j + 1) % path.size()];
            if (std::abs(q.lon - p.lon) > 180.0 && (std::abs(p.lat) != band || q.lat != p.lat))
                problem = where(i, j, p) + ": edge to " + where(i, j + 1, q) + " spans more than 180 deg of longitude";
        }
    }
    INFO(problem);
    CHECK(problem.empty());
    return on_seam;
}

// Horizon output: every vertex within the horizon, vertices that are on it exactly on it; edges along the boundary
// (both ends on the horizon) densified, other edges no longer than `max_edge_deg` unless they are zero-width
// bridges (the same edge walked back in the same ring). Returns the number of vertices on the horizon.
std::size_t check_horizon_output(const LonLatPaths& out, const ClipDomain& domain, bool rings, double max_edge_deg) {
    REQUIRE(structurally_valid(out));
    const geo::Vec3 c = geo::to_unit_vector(domain.center);
    const double h = domain.horizon_deg;
    std::size_t on_horizon = 0;
    std::string problem;
    for (std::size_t i = 0; i < out.size() && problem.empty(); ++i) {
        const auto path = out.path(i);
        if (path.size() < (rings ? 3U : 2U)) problem = where(i, 0, path[0]) + ": path too short";
        std::vector<double> d(path.size());
        for (std::size_t j = 0; j < path.size() && problem.empty(); ++j) {
            const LonLat p = path[j];
            d[j] = geo::angular_distance_deg(c, geo::to_unit_vector(p));
            if (!std::isfinite(p.lon) || !std::isfinite(p.lat))
                problem = where(i, j, p) + ": not finite";
            else if (p.lon < -180.0 || p.lon > 180.0)
                problem = where(i, j, p) + ": longitude out of range";
            else if (d[j] > h + kEps)
                problem = where(i, j, p) + ": beyond the horizon, " + std::to_string(d[j]);
            else if (std::abs(d[j] - h) < 1e-6 && std::abs(d[j] - h) > kEps)
                problem = where(i, j, p) + ": a hair off the horizon";  // on the boundary means exactly on it
            on_horizon += std::abs(d[j] - h) <= kEps;
        }
        for (std::size_t j = 0; j < path.size() && problem.empty(); ++j) {
            if (j + 1 == path.size() && !rings) break;
            const std::size_t k = (j + 1) % path.size();
            const double len = arc_deg(path[j], path[k]);
            if (std::abs(d[j] - h) <= kEps && std::abs(d[k] - h) <= kEps) {
                // Along the horizon: the clipper walks it in 2-degree steps, so a chord across the disk shows here.
                if (len > 2.0 + 1e-6)
                    problem = where(i, j, path[j]) + ": chord along the horizon of " + std::to_string(len) + " deg";
            } else if (len > max_edge_deg) {
                bool bridge = false;
                for (std::size_t m = 0; m < path.size() && !bridge; ++m) {
                    const std::size_t n = (m + 1) % path.size();
                    bridge = arc_deg(path[m], path[k]) < 1e-7 && arc_deg(path[n], path[j]) < 1e-7;
                }
                if (!bridge)
                    problem = where(i, j, path[j]) + ": edge to " + where(i, k, path[k]) + " of " +
                              std::to_string(len) + " deg";
            }
        }
    }
    INFO(problem);
    CHECK(problem.empty());
    return on_horizon;
}

// Inside the domain, allowing for rounding on the horizon.
bool within(const ClipDomain& domain, LonLat p) {
    if (domain.kind == ClipKind::CutMeridian)
        return std::abs(p.lat) <= domain.max_abs_lat && p.lon >= domain.center.lon - 180.0 &&
               p.lon <= domain.center.lon + 180.0;
    return arc_deg(domain.center, p) <= domain.horizon_deg + kEps;
}

LonLatPaths clip_rings(const LonLatPaths& in, const ClipDomain& domain, bool with_caps = false) {
    LonLatPaths out;
    const auto caps = geo::bounding_caps(in);
    geo::clip_rings(in, domain, out,
                    with_caps ? std::span<const geo::BoundingCap>(caps) : std::span<const geo::BoundingCap>());
    return out;
}

LonLatPaths clip_lines(const LonLatPaths& in, const ClipDomain& domain, bool with_caps = false) {
    LonLatPaths out;
    const auto caps = geo::bounding_caps(in);
    geo::clip_lines(in, domain, out,
                    with_caps ? std::span<const geo::BoundingCap>(caps) : std::span<const geo::BoundingCap>());
    return out;
}

// A box from lon0 eastwards by `width` degrees (longitudes wrapped into [-180, 180]), lat from lat0 to lat1, with
// points every 5 degrees along its parallels.
std::vector<LonLat> lon_box(double lon0, double width, double lat0, double lat1) {
    std::vector<LonLat> ring;
    for (double t = 0; t <= width + kEps; t += 5.0) ring.push_back({geo::wrap_longitude(lon0 + t), lat0});
    for (double t = width; t >= -kEps; t -= 5.0) ring.push_back({geo::wrap_longitude(lon0 + t), lat1});
    return ring;
}

const std::filesystem::path kBasemap = std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets" / "basemap";

const LonLatPaths& basemap_file(const std::string& name, bool rings) {
    static std::map<std::string, LonLatPaths> cache;  // node-based: references stay valid as it grows
    if (const auto it = cache.find(name); it != cache.end()) return it->second;
    auto read = geo::read_paths(kBasemap / name, rings);
    if (auto* error = std::get_if<std::string>(&read)) FAIL(*error);
    return cache.emplace(name, std::get<LonLatPaths>(std::move(read))).first->second;
}

}  // namespace

TEST_CASE("the test helpers measure what they claim", "[clip]") {
    CHECK(planar_area(lon_box(0, 20, 0, 10)) == Approx(200));
    CHECK(planar_area_unwrapped(lon_box(170, 20, 0, 10)) == Approx(200));
    // A cap of 30 deg: 2 pi (1 - cos 30), less a sliver for the polygon's chords.
    const double cap = 2 * std::numbers::pi * (1 - std::cos(30 * geo::kDegToRad));
    CHECK(std::abs(spherical_area(circle({127.5, 38.5}, 30, 360))) == Approx(cap).epsilon(1e-3));
    CHECK(spherical_area(circle({0, 0}, 10, 72, false)) == Approx(-spherical_area(circle({0, 0}, 10, 72, true))));
    CHECK(arc_deg({127.5, 38.5}, destination({127.5, 38.5}, 123.0, 77.0)) == Approx(123.0).margin(1e-9));
}

TEST_CASE("a ring across the antimeridian splits on the seam and keeps its area", "[clip]") {
    const LonLatPaths ring = make_paths({lon_box(170, 20, 0, 10)});  // 170 .. -170 deg
    const double area = planar_area_unwrapped(ring.path(0));
    REQUIRE(area == Approx(200));
    struct Case {
        double center;
        std::size_t rings;  // rings with area
    };
    for (const Case& c : {Case{0.0, 2}, Case{10.0, 1}, Case{-10.0, 1}, Case{5.0, 2}, Case{179.9, 1}, Case{-180.0, 1},
                          Case{180.0, 1}, Case{127.5, 1}, Case{-179.5, 1}}) {
        const ClipDomain domain = ClipDomain::cut_meridian(c.center);
        INFO("centre " << c.center);
        for (bool caps : {false, true}) {
            const LonLatPaths out = clip_rings(ring, domain, caps);
            check_cut_meridian_output(out, domain, true);
            CHECK(rings_with_area(out) == c.rings);
            CHECK(std::abs(total_planar_area(out)) == Approx(area).epsilon(1e-12));
        }
    }
}

TEST_CASE("a ring centred on the cut meridian splits for every centre", "[clip]") {
    for (double c : {0.0, 10.0, 127.5, 179.9, 180.0, -180.0, -179.5, -0.25}) {
        const ClipDomain domain = ClipDomain::cut_meridian(c);
        const LonLatPaths ring = make_paths({lon_box(c + 180.0 - 12.5, 25.0, -20.0, 15.0)});
        const double area = planar_area_unwrapped(ring.path(0));
        INFO("centre " << c);
        const LonLatPaths out = clip_rings(ring, domain);
        const std::size_t on_seam = check_cut_meridian_output(out, domain, true);
        REQUIRE(out.size() == 2);
        CHECK(on_seam >= 4);
        // One piece on each side of the map, each touching its own edge.
        const auto a = out.path(0), b = out.path(1);
        const bool a_east = std::any_of(a.begin(), a.end(), [&](LonLat p) { return p.lon == c + 180.0; });
        const bool b_east = std::any_of(b.begin(), b.end(), [&](LonLat p) { return p.lon == c + 180.0; });
        const bool a_west = std::any_of(a.begin(), a.end(), [&](LonLat p) { return p.lon == c - 180.0; });
        const bool b_west = std::any_of(b.begin(), b.end(), [&](LonLat p) { return p.lon == c - 180.0; });
        CHECK(a_east != b_east);
        CHECK(a_west != b_west);
        CHECK(a_east != a_west);
        CHECK(std::abs(planar_area(a)) == Approx(12.5 * 35.0).epsilon(1e-9));
        CHECK(std::abs(planar_area(b)) == Approx(12.5 * 35.0).epsilon(1e-9));
        CHECK(std::abs(total_planar_area(out)) == Approx(area).epsilon(1e-12));
        // The seam edge is densified: no gap along it longer than a degree.
        for (const auto path : {a, b})
            for (std::size_t j = 0; j < path.size(); ++j) {
                const LonLat p = path[j], q = path[(j + 1) % path.size()];
                if (p.lon == q.lon && (p.lon == c + 180.0 || p.lon == c - 180.0))
                    CHECK(std::abs(q.lat - p.lat) <= 1.0 + kEps);
            }
    }
}

TEST_CASE("a ring round a pole is closed over the pole", "[clip]") {
    for (double lat : {-70.0, 70.0}) {
        const double pole = lat < 0 ? -90.0 : 90.0;
        // Antarctica's way: longitudes rising from -180 to 180 and a jump back; also without the repeated end, and
        // the other way round.
        std::vector<LonLat> with_jump, without_end;
        for (double lon = -180.0; lon <= 180.0; lon += 10.0) with_jump.push_back({lon, lat});
        without_end.assign(with_jump.begin(), with_jump.end() - 1);
        std::vector<LonLat> reversed(with_jump.rbegin(), with_jump.rend());
        std::vector<LonLat> shifted;  // starting mid-ocean, the jump in the middle
        for (double lon = 35.0; lon < 395.0; lon += 7.5) shifted.push_back({geo::wrap_longitude(lon), lat});
        for (const auto& ring_points : {with_jump, without_end, reversed, shifted}) {
            const LonLatPaths ring = make_paths({ring_points});
            for (double c : {0.0, 127.5, 180.0, -179.5, -90.0}) {
                INFO("lat " << lat << ", centre " << c << ", " << ring_points.size() << " points from "
                            << ring_points.front().lon);
                for (double band : {90.0, kWebMercatorMaxLat}) {
                    const ClipDomain domain = ClipDomain::cut_meridian(c, band);
                    const LonLatPaths out = clip_rings(ring, domain);
                    check_cut_meridian_output(out, domain, true);
                    REQUIRE(rings_with_area(out) >= 1);
                    // The band between the ring's parallel and the pole (or the band's limit).
                    CHECK(std::abs(total_planar_area(out)) == Approx(360.0 * (band - std::abs(lat))).epsilon(1e-9));
                    const bool reaches_limit = std::any_of(out.points.begin(), out.points.end(), [&](LonLat p) {
                        return p.lat == (pole < 0 ? -band : band);
                    });
                    CHECK(reaches_limit);
                    for (const LonLat& p : out.points) CHECK(p.lat * pole >= 0);  // nothing in the other hemisphere
                }
            }
        }
    }
}

TEST_CASE("a ring round the view centre on the globe is closed over the centre", "[clip]") {
    for (LonLat center : {LonLat{127.5, 38.5}, LonLat{0, 90}, LonLat{0, -90}, LonLat{180, 0}, LonLat{-179.9, -45}}) {
        for (double radius : {30.0, 80.0}) {
            for (bool clockwise : {false, true}) {
                const LonLatPaths ring = make_paths({circle(center, radius, 90, clockwise)});
                const ClipDomain domain = ClipDomain::horizon(center, 90.0);
                INFO("centre " << center.lon << "," << center.lat << ", radius " << radius << ", clockwise "
                               << clockwise);
                const LonLatPaths out = clip_rings(ring, domain);
                check_horizon_output(out, domain, true, 10.0);
                REQUIRE(out.size() == 1);
                // Nothing is lost and nothing added: the same area, on the same side.
                CHECK(spherical_area(out.path(0)) == Approx(spherical_area(ring.path(0))).epsilon(1e-9));
                // Inside the ring lies the centre: the clipper must not have taken the outside for the inside.
                CHECK(std::abs(spherical_area(out.path(0))) < 2 * std::numbers::pi);
            }
        }
    }
}

TEST_CASE("a ring across the horizon is cut exactly on it", "[clip]") {
    struct Case {
        LonLat center;
        double horizon;
        double radius;  // of the ring, centred on the horizon
    };
    for (const Case& c :
         {Case{{127.5, 38.5}, 90.0, 20.0}, Case{{0, 90}, 90.0, 15.0}, Case{{180, 0}, 90.0, 25.0},
          Case{{-179.9, -45}, 90.0, 10.0}, Case{{127.5, 38.5}, 30.0, 8.0}, Case{{127.5, 38.5}, 179.5, 0.4}}) {
        for (double azimuth : {0.0, 45.0, 180.0, 290.0}) {
            const LonLat ring_center = destination(c.center, c.horizon, azimuth);
            const LonLatPaths ring = make_paths({circle(ring_center, c.radius, 144)});
            const ClipDomain domain = ClipDomain::horizon(c.center, c.horizon);
            INFO("centre " << c.center.lon << "," << c.center.lat << ", horizon " << c.horizon << ", azimuth "
                           << azimuth);
            for (bool caps : {false, true}) {
                const LonLatPaths out = clip_rings(ring, domain, caps);
                const std::size_t on_horizon = check_horizon_output(out, domain, true, 10.0);
                REQUIRE(out.size() == 1);
                CHECK(on_horizon >= 2);
                if (c.horizon == 90.0) {
                    // The horizon is a great circle, so the visible part is half the ring.
                    CHECK(std::abs(spherical_area(out.path(0))) ==
                          Approx(0.5 * std::abs(spherical_area(ring.path(0)))).epsilon(2e-3));
                }
            }
        }
    }
}

TEST_CASE("a ring wholly on the far side or wholly visible", "[clip]") {
    const LonLat center{127.5, 38.5};
    const ClipDomain domain = ClipDomain::horizon(center, 90.0);
    const LonLatPaths far =
        make_paths({circle(destination(center, 150.0, 10.0), 20.0), circle(destination(center, 110.0, 200.0), 15.0)});
    for (bool caps : {false, true}) {
        CHECK(clip_rings(far, domain, caps).empty());
        CHECK(clip_lines(far, domain, caps).empty());
    }
    // Seen from the other side, the same rings are whole.
    const ClipDomain other = ClipDomain::horizon({-52.5, -38.5}, 90.0);
    for (bool caps : {false, true}) {
        const LonLatPaths out = clip_rings(far, other, caps);
        check_horizon_output(out, other, true, 10.0);
        REQUIRE(out.size() == 2);
        CHECK(total_abs_spherical_area(out) == Approx(total_abs_spherical_area(far)).epsilon(1e-9));
    }
    // Ring wholly inside a world map: copied as it is.
    const LonLatPaths korea = make_paths({{{124, 34}, {130, 34}, {130, 43}, {124, 43}}});
    const LonLatPaths out = clip_rings(korea, ClipDomain::cut_meridian(127.5));
    CHECK(out.points == korea.points);
    CHECK(out.starts == korea.starts);
}

TEST_CASE("a self-intersecting bow-tie survives clipping", "[clip]") {
    const LonLatPaths bow_tie = make_paths({{{0, 0}, {10, 10}, {10, 0}, {0, 10}}});
    const LonLatPaths out = clip_rings(bow_tie, ClipDomain::cut_meridian(0));
    CHECK(out.points == bow_tie.points);

    const LonLatPaths across_seam = make_paths({{{170, 0}, {-170, 10}, {-170, 0}, {170, 10}}});
    const ClipDomain domain = ClipDomain::cut_meridian(0);
    const LonLatPaths cut = clip_rings(across_seam, domain);
    check_cut_meridian_output(cut, domain, true);
    REQUIRE(cut.size() == 2);
    // Each side keeps one lobe of the bow-tie, a triangle with its apex where the diagonals cross on the seam.
    CHECK(std::abs(planar_area(cut.path(0))) == Approx(50.0));
    CHECK(std::abs(planar_area(cut.path(1))) == Approx(50.0));

    const LonLat center{127.5, 38.5};
    const LonLat e = destination(center, 90.0, 90.0);
    const LonLatPaths on_horizon = make_paths(
        {{destination(e, 10, 45), destination(e, 10, 225), destination(e, 10, 135), destination(e, 10, 315)}});
    const ClipDomain globe = ClipDomain::horizon(center, 90.0);
    const LonLatPaths visible = clip_rings(on_horizon, globe);
    check_horizon_output(visible, globe, true, 30.0);
    CHECK(!visible.empty());
    CHECK(total_abs_spherical_area(visible) > 0);
}

TEST_CASE("degenerate rings neither crash nor come out with area", "[clip]") {
    const LonLatPaths degenerate = make_paths({
        {{0, 0}, {10, 10}},                // too short
        {{0, 0}, {10, 10}, {10, 10}},      // two distinct points
        {{0, 0}, {10, 10}, {0, 0}},        // there and back
        {{5, 5}, {5, 5}, {5, 5}, {5, 5}},  // one point
        {{179, 0}, {-179, 0}, {179, 0}},   // there and back across the seam
        {{180, 0}, {-180, 0}, {180, 0}},   // the seam itself
        {{0, 90}, {0, 90}, {90, 90}},      // the pole
    });
    for (const ClipDomain& domain :
         {ClipDomain::cut_meridian(0), ClipDomain::cut_meridian(180), ClipDomain::cut_meridian(-52.5),
          ClipDomain::cut_meridian(0, kWebMercatorMaxLat), ClipDomain::horizon({127.5, 38.5}, 90),
          ClipDomain::horizon({0, 0}, 90), ClipDomain::horizon({-179, 0}, 179.5), ClipDomain::horizon({0, 90}, 30)}) {
        INFO("domain kind " << static_cast<int>(domain.kind) << " centre " << domain.center.lon << ","
                            << domain.center.lat);
        for (bool caps : {false, true}) {
            const LonLatPaths out = clip_rings(degenerate, domain, caps);
            REQUIRE(structurally_valid(out));
            for (std::size_t i = 0; i < out.size(); ++i) {
                CHECK(std::abs(spherical_area(out.path(i))) < 1e-9);
                if (domain.kind == ClipKind::CutMeridian) CHECK(std::abs(planar_area(out.path(i))) < 1e-9);
            }
            for (const LonLat& p : out.points) CHECK(within(domain, p));
            const LonLatPaths lines = clip_lines(degenerate, domain, caps);
            REQUIRE(structurally_valid(lines));
        }
    }
}

TEST_CASE("lines across the seam split into pieces that keep their length", "[clip]") {
    const auto unwrapped_length = [](std::span<const LonLat> line) {
        double sum = 0;
        for (std::size_t i = 1; i < line.size(); ++i)
            sum += std::abs(geo::wrap_longitude(line[i].lon - line[i - 1].lon));
        return sum;
    };
    {
        const ClipDomain domain = ClipDomain::cut_meridian(0);
        const LonLatPaths out = clip_lines(make_paths({{{170, 0}, {-170, 5}}}), domain);
        check_cut_meridian_output(out, domain, false);
        REQUIRE(out.size() == 2);
        CHECK(out.path(0).front() == LonLat{170, 0});
        CHECK(out.path(0).back() == LonLat{180, 2.5});
        CHECK(out.path(1).front() == LonLat{-180, 2.5});
        CHECK(out.path(1).back() == LonLat{-170, 5});
    }
    const LonLatPaths zigzag = make_paths({{{170, 0}, {-170, 1}, {170, 2}, {-170, 3}, {170, 4}}});
    std::vector<LonLat> parallel;
    for (double lon = -180; lon <= 180; lon += 1) parallel.push_back({lon, 45});
    const LonLatPaths parallels = make_paths({parallel});
    for (double c : {0.0, 10.0, 90.0, 180.0, -179.9}) {
        const ClipDomain domain = ClipDomain::cut_meridian(c);
        INFO("centre " << c);
        for (const LonLatPaths* in : {&zigzag, &parallels}) {
            const LonLatPaths out = clip_lines(*in, domain);
            check_cut_meridian_output(out, domain, false);
            double length = 0;
            for (std::size_t i = 0; i < out.size(); ++i) {
                const auto piece = out.path(i);
                for (std::size_t j = 1; j < piece.size(); ++j) {
                    CHECK(std::abs(piece[j].lon - piece[j - 1].lon) <= 180.0);
                    length += std::abs(piece[j].lon - piece[j - 1].lon);
                }
            }
            CHECK(length == Approx(unwrapped_length(in->path(0))).epsilon(1e-12));
        }
        // The zigzag crosses the seam four times when the seam is at 180.
        if (c == 0.0) CHECK(clip_lines(zigzag, domain).size() == 5);
    }
    // A line through the horizon stops on it.
    const LonLat center{127.5, 38.5};
    const ClipDomain globe = ClipDomain::horizon(center, 90.0);
    const LonLatPaths through = make_paths({{destination(center, 60, 30), destination(center, 89, 30),
                                             destination(center, 95, 30), destination(center, 120, 30)}});
    const LonLatPaths out = clip_lines(through, globe);
    CHECK(check_horizon_output(out, globe, false, 40.0) == 1);
    REQUIRE(out.size() == 1);
    CHECK(out.path(0).size() == 3);
    CHECK(arc_deg(out.path(0).back(), destination(center, 90, 30)) < 1e-6);
}

TEST_CASE("Web Mercator's band keeps nothing beyond 85.0511 deg", "[clip]") {
    const ClipDomain domain = ClipDomain::cut_meridian(0, kWebMercatorMaxLat);
    std::vector<LonLat> polar_cap;  // round the north pole at 88 deg
    for (double lon = -180; lon < 180; lon += 10) polar_cap.push_back({lon, 88});
    const LonLatPaths rings =
        make_paths({lon_box(0, 20, 80, 89), lon_box(-30, 20, -89, -60), polar_cap, lon_box(100, 20, 10, 20)});
    const LonLatPaths out = clip_rings(rings, domain);
    check_cut_meridian_output(out, domain, true);
    REQUIRE(rings_with_area(out) == 3);
    double max_lat = -90, min_lat = 90;
    for (const LonLat& p : out.points) {
        max_lat = std::max(max_lat, p.lat);
        min_lat = std::min(min_lat, p.lat);
    }
    CHECK(max_lat == kWebMercatorMaxLat);
    CHECK(min_lat == -kWebMercatorMaxLat);
    CHECK(std::abs(total_planar_area(out)) ==
          Approx(20 * (kWebMercatorMaxLat - 80) + 20 * (kWebMercatorMaxLat - 60) + 200).epsilon(1e-9));

    std::vector<LonLat> meridian;
    for (double lat = 0; lat <= 90; lat += 1) meridian.push_back({30, lat});
    const LonLatPaths lines = clip_lines(make_paths({meridian, {{0, 86}, {10, 89}}}), domain);
    check_cut_meridian_output(lines, domain, false);
    REQUIRE(lines.size() == 1);
    CHECK(lines.path(0).back() == LonLat{30, kWebMercatorMaxLat});
}

TEST_CASE("the domain outline and domain_contains agree with the clip output", "[clip]") {
    for (double c : {0.0, 127.5, -179.5}) {
        for (double band : {90.0, kWebMercatorMaxLat}) {
            const ClipDomain domain = ClipDomain::cut_meridian(c, band);
            const LonLatPaths outline = geo::domain_outline(domain);
            REQUIRE(outline.size() == 1);
            check_cut_meridian_output(outline, domain, true);
            CHECK(std::abs(planar_area(outline.path(0))) == Approx(360.0 * 2 * band).epsilon(1e-12));
            CHECK(geo::domain_contains(domain, {c + 180.0, band}));
            if (band < 90.0) CHECK_FALSE(geo::domain_contains(domain, {c, band + 1e-6}));
        }
    }
    for (LonLat center : {LonLat{127.5, 38.5}, LonLat{0, -90}}) {
        for (double h : {30.0, 90.0, 179.5}) {
            const ClipDomain domain = ClipDomain::horizon(center, h);
            const LonLatPaths outline = geo::domain_outline(domain);
            REQUIRE(outline.size() == 1);
            CHECK(check_horizon_output(outline, domain, true, 2.0) == outline.points.size());
            CHECK(geo::domain_contains(domain, destination(center, h - 1e-6, 33)));
            CHECK_FALSE(geo::domain_contains(domain, destination(center, h + 1e-6, 33)));
        }
    }
}

TEST_CASE("Natural Earth land and coast clip cleanly on every kind of domain", "[clip]") {
    std::vector<ClipDomain> world_maps;
    for (double c : {0.0, 127.5, 180.0, -179.5}) world_maps.push_back(ClipDomain::cut_meridian(c));
    world_maps.push_back(ClipDomain::cut_meridian(150.0, kWebMercatorMaxLat));
    std::vector<ClipDomain> globes;
    for (LonLat c : {LonLat{127.5, 38.5}, LonLat{0, 90}, LonLat{0, -90}, LonLat{180, 0}, LonLat{-52.5, -38.5}})
        globes.push_back(ClipDomain::horizon(c, 90.0));
    globes.push_back(ClipDomain::horizon({127.5, 38.5}, 179.5));  // laea, aeqd
    globes.push_back(ClipDomain::horizon({127.5, 38.5}, 25.0));   // a zoomed-in globe

    for (const char* resolution_c : {"110m", "10m"}) {
        const std::string resolution(resolution_c);
        const LonLatPaths& land = basemap_file("land-" + resolution + ".fgb", true);
        const LonLatPaths& coast = basemap_file("coast-" + resolution + ".fgb", false);
        REQUIRE(land.size() > 100);
        REQUIRE(coast.size() > 100);
        const auto land_caps = geo::bounding_caps(land);
        const auto coast_caps = geo::bounding_caps(coast);

        // World maps: nothing outside, no streak, and the same land area (in lon/lat) whatever the centre.
        std::vector<double> areas;
        for (const ClipDomain& domain : world_maps) {
            INFO(resolution << " world map centred at " << domain.center.lon << " up to " << domain.max_abs_lat);
            LonLatPaths out;
            geo::clip_rings(land, domain, out, land_caps);
            const std::size_t on_seam = check_cut_meridian_output(out, domain, true);
            CHECK(on_seam >= 2);  // Antarctica at least is cut
            if (domain.max_abs_lat == 90.0) areas.push_back(total_planar_area(out));
            LonLatPaths lines;
            geo::clip_lines(coast, domain, lines, coast_caps);
            check_cut_meridian_output(lines, domain, false);
            CHECK(lines.points.size() >= coast.points.size());
        }
        for (double a : areas) CHECK(a == Approx(areas.front()).epsilon(1e-9));
        // Land is 29 % of the sphere; in lon/lat degrees, with Antarctica's band stretched, a bit more.
        // Land is 29 % of the sphere; in lon/lat degrees, with the polar land stretched, about a third of the map.
        CHECK(std::abs(areas.front()) / (360.0 * 180.0) == Approx(0.33).margin(0.03));

        // Globes: nothing beyond the horizon, no chord across the disk, and two opposite hemispheres add up to
        // the same land whichever way the globe is cut.
        std::vector<double> hemisphere_areas;
        for (const ClipDomain& domain : globes) {
            INFO(resolution << " globe centred at " << domain.center.lon << "," << domain.center.lat << ", horizon "
                            << domain.horizon_deg);
            LonLatPaths out, out_no_caps;
            geo::clip_rings(land, domain, out, land_caps);
            geo::clip_rings(land, domain, out_no_caps);
            check_horizon_output(out, domain, true, 10.0);
            CHECK(total_abs_spherical_area(out) == Approx(total_abs_spherical_area(out_no_caps)).epsilon(1e-9));
            if (domain.horizon_deg == 90.0) hemisphere_areas.push_back(total_abs_spherical_area(out));
            LonLatPaths lines;
            geo::clip_lines(coast, domain, lines, coast_caps);
            check_horizon_output(lines, domain, false, 10.0);
        }
        const double north_south = hemisphere_areas[1] + hemisphere_areas[2];
        const double korea_antipode = hemisphere_areas[0] + hemisphere_areas[4];
        CHECK(korea_antipode == Approx(north_south).epsilon(1e-3));
        CHECK(north_south / (4 * std::numbers::pi) == Approx(0.29).margin(0.02));
    }
}

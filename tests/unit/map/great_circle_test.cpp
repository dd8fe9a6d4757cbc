// Densified great circles against GeographicLib's own command-line solver on the map's sphere
// (`GeodSolve -e 6371008.8 0`): arcs and routes must follow the geodesic everyone else computes, to a metre.
#include "geo/map/great_circle.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace {

using geo::LonLat;

constexpr double R = geo::kEarthRadiusMetres;
constexpr const char* kGeodSolve = "/usr/bin/GeodSolve";

// Metres between two points on the map's sphere (haversine: exact enough at these distances, and not PROJ's).
double sphere_distance(LonLat a, LonLat b) {
    const double dphi = (b.lat - a.lat) * geo::kDegToRad, dlam = (b.lon - a.lon) * geo::kDegToRad;
    const double h = std::pow(std::sin(0.5 * dphi), 2) + std::cos(a.lat * geo::kDegToRad) *
                                                             std::cos(b.lat * geo::kDegToRad) *
                                                             std::pow(std::sin(0.5 * dlam), 2);
    return 2.0 * R * std::asin(std::sqrt(std::min(1.0, h)));
}

std::string run(const std::string& command) {
    INFO(command);
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    char buffer[4096];
    while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    REQUIRE(pclose(pipe) == 0);
    return out;
}

std::string geodsolve() {
    if (!std::filesystem::exists(kGeodSolve))
        FAIL(kGeodSolve << " is missing: install Debian's geographiclib-tools (the set-up script does)");
    return std::string(kGeodSolve) + " -e 6371008.8 0 -p 9";
}

double geodsolve_length(LonLat from, LonLat to) {
    std::ostringstream command;
    command.precision(17);
    command << geodsolve() << " -i --input-string '" << from.lat << ' ' << from.lon << ' ' << to.lat << ' ' << to.lon
            << "'";
    std::istringstream out(run(command.str()));
    double azi1 = 0, azi2 = 0, s12 = 0;
    REQUIRE(out >> azi1 >> azi2 >> s12);
    return s12;
}

// GeodSolve's points at `distances` along the geodesic from `from` to `to` (its -I mode: a line from an inverse).
std::vector<LonLat> geodsolve_points(LonLat from, LonLat to, const std::vector<double>& distances) {
    std::ostringstream command;
    command.precision(17);
    command << geodsolve() << " -I " << from.lat << ' ' << from.lon << ' ' << to.lat << ' ' << to.lon
            << " --line-separator ';' --input-string '";
    for (std::size_t i = 0; i < distances.size(); ++i) command << (i ? ";" : "") << distances[i];
    command << "'";
    std::istringstream out(run(command.str()));
    std::vector<LonLat> points;
    double lat = 0, lon = 0, azi = 0;
    while (out >> lat >> lon >> azi) points.push_back({lon, lat});
    REQUIRE(points.size() == distances.size());
    return points;
}

void check_against_geodsolve(LonLat from, LonLat to, std::size_t expected_segments) {
    const std::vector<LonLat> points = geo::densify_great_circle(from, to, 1.0);
    REQUIRE(points.size() == expected_segments + 1);
    const double length = geodsolve_length(from, to);
    CHECK(geo::GreatCircle(from, to).length_m() == Approx(length).margin(1e-3));

    std::vector<double> distances;
    for (std::size_t i = 0; i < points.size(); ++i)
        distances.push_back(length * static_cast<double>(i) / static_cast<double>(expected_segments));
    const std::vector<LonLat> expected = geodsolve_points(from, to, distances);
    double worst = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        INFO("point " << i << " at " << distances[i] << " m: ours " << points[i].lon << "," << points[i].lat
                      << ", GeodSolve " << expected[i].lon << "," << expected[i].lat);
        const double d = sphere_distance(points[i], expected[i]);
        worst = std::max(worst, d);
        CHECK(d < 1.0);
    }
    INFO("worst " << worst << " m");
    CHECK(worst < 1.0);
    // The ends are the places themselves, the last one's longitude unrolled by whole turns.
    CHECK(points.front() == from);
    CHECK(points.back().lat == to.lat);
    CHECK(std::remainder(points.back().lon - to.lon, 360.0) == 0.0);
    // Unrolled longitudes never jump: consecutive points are a degree of great circle apart.
    for (std::size_t i = 1; i < points.size(); ++i) CHECK(std::abs(points[i].lon - points[i - 1].lon) < 30.0);
}

}  // namespace

TEST_CASE("a short great circle agrees with GeodSolve and has at least 8 segments", "[geodesic]") {
    // Pyongyang -> Vladivostok: about 6.6 degrees, so the minimum of 8 segments applies.
    check_against_geodsolve({125.7625, 39.0392}, {131.8855, 43.1155}, 8);
}

TEST_CASE("a long great circle across the antimeridian agrees with GeodSolve", "[geodesic]") {
    const LonLat washington{-77.0365, 38.8977}, pyongyang{125.7625, 39.0392};
    const double arc_deg = geo::GreatCircle(washington, pyongyang).arc_deg();
    REQUIRE(arc_deg > 90.0);
    check_against_geodsolve(washington, pyongyang, static_cast<std::size_t>(std::ceil(arc_deg)));
    // It goes west over the Pacific side of the pole, so the unrolled end lies a turn west of Pyongyang.
    CHECK(geo::densify_great_circle(washington, pyongyang, 1.0).back().lon == pyongyang.lon - 360.0);
}

TEST_CASE("segment counts follow the longest segment and the minimum", "[geodesic]") {
    CHECK(geo::segment_count(6.6, 1.0, 8) == 8);
    CHECK(geo::segment_count(100.2, 1.0, 8) == 101);
    CHECK(geo::segment_count(10.0, 2.5, 1) == 4);
    CHECK(geo::segment_count(0.0, 1.0, 1) == 1);
    CHECK(geo::segment_count(10.0, 0.0, 8) == 8);  // no longest segment: the minimum
}

TEST_CASE("points beyond the end continue the same great circle", "[geodesic]") {
    const geo::GreatCircle circle({125.7625, 39.0392}, {131.8855, 43.1155});
    const LonLat beyond = circle.at_distance(2.0 * circle.length_m());
    const geo::GreatCircle doubled({125.7625, 39.0392}, beyond);
    CHECK(doubled.length_m() == Approx(2.0 * circle.length_m()).epsilon(1e-9));
    CHECK(sphere_distance(doubled.at_distance(circle.length_m()), {131.8855, 43.1155}) < 1e-3);
}

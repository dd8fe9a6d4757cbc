// Camera flights against van Wijk and Nuij's closed forms ("Smooth and efficient zooming and panning", 2003): the
// path length S in their metric, where the scale must change monotonically and where it must pull back first, the
// duration rule clamp(S / V, 0.6 s, 3 s), exact ends, and the globe's centre on the great circle.
#include "geo/map/view_flight.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

using geo::LonLat;
using geo::ViewFlight;
using geo::ViewPose;

constexpr double kWidthPx = 1920;
constexpr double kRho = 1.4;  // FlightParameters' default

// A pose whose view is `width_m` metres wide on kWidthPx pixels, looking at (x, y).
ViewPose flat_pose(double x, double y, double width_m) {
    ViewPose pose;
    pose.camera.center = {x, y};
    pose.camera.pixels_per_metre = kWidthPx / width_m;
    return pose;
}

ViewPose globe_pose(LonLat center, double width_m) {
    ViewPose pose = flat_pose(0, 0, width_m);
    pose.center = center;
    return pose;
}

bool same(const ViewPose& a, const ViewPose& b) {
    return a.center == b.center && a.camera.center.x == b.camera.center.x && a.camera.center.y == b.camera.center.y &&
           a.camera.pixels_per_metre == b.camera.pixels_per_metre;
}

// pixels_per_metre at n + 1 evenly spaced times over the flight, both ends included.
std::vector<double> scales(const ViewFlight& flight, int n = 200) {
    std::vector<double> out;
    for (int i = 0; i <= n; ++i) out.push_back(flight.at(flight.duration_seconds() * i / n).camera.pixels_per_metre);
    return out;
}

}  // namespace

TEST_CASE("a flight starts exactly at its first pose and ends exactly at its second", "[flight]") {
    const ViewPose from = globe_pose({125.7381, 39.0194}, 9.0e6);
    const ViewPose to = globe_pose({131.8855, 43.1155}, 1.2e6);
    for (const bool on_globe : {true, false}) {
        ViewPose flat_to = to;
        flat_to.camera.center = {250'000, -120'000};
        const ViewFlight flight(from, on_globe ? to : flat_to, kWidthPx, on_globe);
        INFO("on globe: " << on_globe);
        CHECK(same(flight.at(0), from));
        CHECK(same(flight.at(-1), from));
        CHECK(same(flight.at(flight.duration_seconds()), on_globe ? to : flat_to));
        CHECK(same(flight.at(flight.duration_seconds() + 5), on_globe ? to : flat_to));
        CHECK(flight.pan_fraction(0) == 0);
        CHECK(flight.pan_fraction(flight.duration_seconds()) == 1);
        // And it gets there continuously: a hair before the end it is a hair from the target.
        const ViewPose almost = flight.at(flight.duration_seconds() * (1 - 1e-7));
        CHECK(almost.camera.pixels_per_metre == Approx(to.camera.pixels_per_metre).epsilon(1e-6));
        const ViewPose start = flight.at(flight.duration_seconds() * 1e-7);
        CHECK(start.camera.pixels_per_metre == Approx(from.camera.pixels_per_metre).epsilon(1e-6));
    }
}

TEST_CASE("a pure zoom has van Wijk-Nuij's length ln(w1 / w0) / rho and a monotonic scale", "[flight]") {
    // Zoom by 2 in place: S = ln 2 / rho.
    const ViewFlight twice(flat_pose(1000, 2000, 4e6), flat_pose(1000, 2000, 2e6), kWidthPx, false);
    CHECK(twice.path_length() == Approx(std::log(2.0) / kRho).epsilon(1e-12));
    CHECK(std::log(2.0) / kRho == Approx(0.495).margin(0.001));  // the figure the header gives
    // Out by 8: the same metric backwards.
    const ViewFlight out8(flat_pose(0, 0, 1e6), flat_pose(0, 0, 8e6), kWidthPx, false);
    CHECK(out8.path_length() == Approx(std::log(8.0) / kRho).epsilon(1e-12));

    const std::vector<double> in = scales(twice);
    CHECK(std::is_sorted(in.begin(), in.end()));
    CHECK(std::adjacent_find(in.begin(), in.end()) == in.end());  // strictly: it never stands still inside
    std::vector<double> out = scales(out8);
    std::reverse(out.begin(), out.end());
    CHECK(std::is_sorted(out.begin(), out.end()));
    // The centre stays put all the way.
    for (int i = 0; i <= 10; ++i) {
        const ViewPose p = twice.at(twice.duration_seconds() * i / 10);
        CHECK(p.camera.center.x == Approx(1000).epsilon(1e-12));
        CHECK(p.camera.center.y == Approx(2000).epsilon(1e-12));
    }
}

TEST_CASE("a pan at one scale zooms out first and in again, as far as the closed form says", "[flight]") {
    const double w = 1e6;
    const double u1 = 3 * w;  // three view widths
    const ViewFlight flight(flat_pose(0, 0, w), flat_pose(u1 * 0.6, u1 * 0.8, w), kWidthPx, false);
    // S = (r1 - r0) / rho with r0 = -asinh(rho^2 u1 / 2w) = -r1.
    const double r1 = std::asinh(kRho * kRho * u1 / (2 * w));
    CHECK(flight.path_length() == Approx(2 * r1 / kRho).epsilon(1e-12));
    CHECK(flight.path_length() == Approx(2.57).margin(0.005));  // the figure the header gives

    const std::vector<double> s = scales(flight);
    const auto lowest = std::min_element(s.begin(), s.end());
    // Decreasing to the widest view, increasing after it, and the widest view is at the middle (the path is
    // symmetric when both ends have the same scale).
    CHECK(std::is_sorted(s.begin(), lowest + 1, std::greater<>()));
    CHECK(std::is_sorted(lowest, s.end()));
    CHECK(std::distance(s.begin(), lowest) == 100);
    // Widest: w0 cosh(r0), reached where rho s + r0 = 0.
    CHECK(kWidthPx / *lowest == Approx(w * std::cosh(r1)).epsilon(1e-9));
    CHECK(s.front() == s.back());
    // The camera moves along the straight line between the two centres, and half way at the middle.
    for (int i = 0; i <= 20; ++i) {
        const ViewPose p = flight.at(flight.duration_seconds() * i / 20);
        CHECK(p.camera.center.x * 0.8 - p.camera.center.y * 0.6 == Approx(0).margin(1e-6));
    }
    const ViewPose middle = flight.at(0.5 * flight.duration_seconds());
    CHECK(middle.camera.center.x == Approx(0.5 * u1 * 0.6).epsilon(1e-9));
}

TEST_CASE("a zoom with a short pan stays monotonic; with a long pan it pulls back first", "[flight]") {
    const double w0 = 8e6, w1 = 1e6;  // zoom in by 8
    // Monotonic exactly when the cosh's minimum (rho s + r0 = 0) lies outside the path: r0 >= 0.
    const auto r0 = [&](double u1) {
        const double b0 = (w1 * w1 - w0 * w0 + std::pow(kRho, 4) * u1 * u1) / (2 * w0 * kRho * kRho * u1);
        return -std::asinh(b0);
    };
    const double short_pan = 0.5 * w0;
    const double long_pan = 12 * w0;
    REQUIRE(r0(short_pan) > 0);
    REQUIRE(r0(long_pan) < 0);

    const ViewFlight direct(flat_pose(0, 0, w0), flat_pose(short_pan, 0, w1), kWidthPx, false);
    const std::vector<double> in = scales(direct);
    CHECK(std::is_sorted(in.begin(), in.end()));

    const ViewFlight detour(flat_pose(0, 0, w0), flat_pose(long_pan, 0, w1), kWidthPx, false);
    const std::vector<double> s = scales(detour);
    const auto lowest = std::min_element(s.begin(), s.end());
    CHECK(lowest != s.begin());
    CHECK(*lowest < s.front());
    CHECK(std::is_sorted(s.begin(), lowest + 1, std::greater<>()));
    CHECK(std::is_sorted(lowest, s.end()));
    CHECK(kWidthPx / *lowest == Approx(w0 * std::cosh(r0(long_pan))).epsilon(1e-3));
}

TEST_CASE("a flight lasts clamp(S / V, 0.6 s, 3 s)", "[flight]") {
    struct Case {
        ViewPose from, to;
    };
    const std::vector<Case> cases = {
        {flat_pose(0, 0, 1e6), flat_pose(0, 0, 1.01e6)},   // barely moves: the clamp's floor
        {flat_pose(0, 0, 8e6), flat_pose(0, 0, 1e6)},      // zoom by 8: S / V = 1.35 s
        {flat_pose(0, 0, 1e6), flat_pose(1.5e6, 0, 1e6)},  // one and a half widths across
        {flat_pose(0, 0, 1e5), flat_pose(4e7, 0, 1e5)},    // across the world, close in: the ceiling
        {globe_pose({125.7, 39.0}, 3e6), globe_pose({-77.0, 38.9}, 3e6)},
    };
    for (const Case& c : cases) {
        const bool on_globe = c.from.center != c.to.center;
        const ViewFlight flight(c.from, c.to, kWidthPx, on_globe);
        INFO("S = " << flight.path_length());
        CHECK(flight.duration_seconds() == std::clamp(flight.path_length() / geo::kFlightSpeed, 0.6, 3.0));
    }
    CHECK(ViewFlight(cases[0].from, cases[0].to, kWidthPx, false).duration_seconds() == 0.6);
    CHECK(ViewFlight(cases[1].from, cases[1].to, kWidthPx, false).duration_seconds() ==
          Approx(std::log(8.0) / kRho / 1.1).epsilon(1e-12));
    CHECK(ViewFlight(cases[1].from, cases[1].to, kWidthPx, false).duration_seconds() == Approx(1.35).margin(0.005));
    CHECK(ViewFlight(cases[3].from, cases[3].to, kWidthPx, false).duration_seconds() == 3.0);
    // Another speed and bounds are honoured.
    geo::FlightParameters slow;
    slow.speed = 0.5;
    slow.min_seconds = 1;
    slow.max_seconds = 10;
    const ViewFlight custom(cases[1].from, cases[1].to, kWidthPx, false, slow);
    CHECK(custom.duration_seconds() == Approx(std::log(8.0) / kRho / 0.5).epsilon(1e-12));
}

TEST_CASE("on the globe the centre follows the great circle, at the pan's pace", "[flight]") {
    const LonLat pyongyang{125.7381, 39.0194}, washington{-77.0365, 38.8977};
    const ViewFlight flight(globe_pose(pyongyang, 2e6), globe_pose(washington, 2e6), kWidthPx, true);
    const geo::Vec3 a = geo::to_unit_vector(pyongyang), b = geo::to_unit_vector(washington);
    const geo::Vec3 normal{a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
    const double total = geo::angular_distance_deg(a, b);
    // The pan is the arc on the sphere: about 11,000 km.
    CHECK(total * geo::kDegToRad * geo::kEarthRadiusMetres == Approx(1.10e7).epsilon(0.01));
    double previous = -1;
    for (int i = 0; i <= 50; ++i) {
        const double t = flight.duration_seconds() * i / 50;
        const ViewPose p = flight.at(t);
        const geo::Vec3 v = geo::to_unit_vector(p.center);
        INFO("t = " << t << ": " << p.center.lon << ", " << p.center.lat);
        // On the great circle through both ends (the plane through the earth's centre), between them ...
        CHECK(geo::dot(normal, v) / std::sqrt(geo::dot(normal, normal)) == Approx(0).margin(1e-12));
        const double from_start = geo::angular_distance_deg(a, v);
        CHECK(from_start + geo::angular_distance_deg(v, b) == Approx(total).epsilon(1e-9));
        // ... as far along as the pan has come, and never back.
        CHECK(from_start == Approx(flight.pan_fraction(t) * total).margin(1e-9));
        CHECK(from_start >= previous);
        previous = from_start;
    }
    // Over the Pacific: it crosses the date line, not Europe.
    const ViewPose middle = flight.at(0.5 * flight.duration_seconds());
    CHECK(std::abs(middle.center.lon) > 150);
}

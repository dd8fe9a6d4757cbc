#pragma once
// The map's earth: a sphere, so that clipping, great circles and projections agree exactly.
#include <cmath>
#include <numbers>

namespace geo {

// The mean earth radius (IUGG R1). Every CRS the program builds or writes uses this sphere.
inline constexpr double kEarthRadiusMetres = 6371008.8;
inline constexpr double kDegToRad = std::numbers::pi / 180.0;
inline constexpr double kRadToDeg = 180.0 / std::numbers::pi;

struct LonLat {
    double lon = 0;  // degrees east
    double lat = 0;  // degrees north
    bool operator==(const LonLat&) const = default;
};

struct Vec3 {
    double x = 0, y = 0, z = 0;
};

inline Vec3 to_unit_vector(LonLat p) {
    const double lam = p.lon * kDegToRad, phi = p.lat * kDegToRad;
    const double c = std::cos(phi);
    return {c * std::cos(lam), c * std::sin(lam), std::sin(phi)};
}

inline LonLat to_lon_lat(Vec3 v) {
    return {std::atan2(v.y, v.x) * kRadToDeg, std::atan2(v.z, std::hypot(v.x, v.y)) * kRadToDeg};
}

inline double dot(Vec3 a, Vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }

// Angle between two points on the unit sphere, in degrees; atan2 form stays exact near 0 and 180.
inline double angular_distance_deg(Vec3 a, Vec3 b) {
    const Vec3 c{a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
    return std::atan2(std::sqrt(dot(c, c)), dot(a, b)) * kRadToDeg;
}

// Longitude difference folded into [-180, 180).
inline double wrap_longitude(double lon) {
    lon = std::fmod(lon + 180.0, 360.0);
    if (lon < 0) lon += 360.0;
    return lon - 180.0;
}

}  // namespace geo

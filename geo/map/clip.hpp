#pragma once
// Clipping on the sphere, before projection: at the horizon (a small circle round the view centre) for the globe and
// azimuthal views, along the cut meridian (centre + 180 deg) for world maps. Projecting only what survives is what
// keeps streaks, inverted fills and far-side geometry off the map.
#include <span>
#include <vector>

#include "geo/map/paths.hpp"

namespace geo {

enum class ClipKind { CutMeridian, Horizon };

struct ClipDomain {
    ClipKind kind = ClipKind::CutMeridian;
    LonLat center;              // CutMeridian: only center.lon counts
    double horizon_deg = 90.0;  // Horizon: angular radius of the visible cap
    double max_abs_lat = 90.0;  // CutMeridian: latitude band kept (Web Mercator stops at 85.05 deg)

    static ClipDomain cut_meridian(double center_lon, double max_abs_lat = 90.0) {
        return {ClipKind::CutMeridian, {center_lon, 0.0}, 90.0, max_abs_lat};
    }
    static ClipDomain horizon(LonLat center, double radius_deg) {
        return {ClipKind::Horizon, center, radius_deg, 90.0};
    }
};

// A cap that contains a whole path: lets the clipper copy or skip paths without looking at their vertices.
struct BoundingCap {
    Vec3 center;
    double radius_deg = 180.0;
};
std::vector<BoundingCap> bounding_caps(const LonLatPaths& paths);

// Output coordinates are geographic. For CutMeridian, longitudes are unwrapped into
// [center - 180, center + 180] so that the two sides of the seam stay apart (points on the seam carry exactly
// center - 180 or center + 180); feed them to PROJ as they are. For Horizon, longitudes are in [-180, 180].
// Rings come out implicitly closed; seam and horizon edges that clipping adds are densified so they stay on the
// domain's boundary after projection. `caps` (optional, one per input path) speeds up inside/outside decisions.
void clip_rings(const LonLatPaths& rings, const ClipDomain& domain, LonLatPaths& out,
                std::span<const BoundingCap> caps = {});
void clip_lines(const LonLatPaths& lines, const ClipDomain& domain, LonLatPaths& out,
                std::span<const BoundingCap> caps = {});

// The domain's boundary as one ring in the same coordinates as clip output: the ocean/outline shape.
LonLatPaths domain_outline(const ClipDomain& domain);

// Whether a geographic point lies inside the domain (on the boundary counts as inside).
bool domain_contains(const ClipDomain& domain, LonLat p);

}  // namespace geo

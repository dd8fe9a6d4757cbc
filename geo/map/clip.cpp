#include "geo/map/clip.hpp"

#include <algorithm>
#include <cmath>

namespace geo {
namespace {

// A point in the plane the clipper works in: u is an unwrapped longitude (it may leave [-180, 180] so that a path
// crossing the seam stays continuous), v a latitude, both in the clipping frame.
struct PlanePoint {
    double u, v;
};

enum class Axis { U, V };

double coord(const PlanePoint& p, Axis a) { return a == Axis::U ? p.u : p.v; }

PlanePoint intersect(const PlanePoint& a, const PlanePoint& b, Axis axis, double value) {
    const double t = (value - coord(a, axis)) / (coord(b, axis) - coord(a, axis));
    if (axis == Axis::U) return {value, a.v + t * (b.v - a.v)};
    return {a.u + t * (b.u - a.u), value};
}

bool inside(const PlanePoint& p, Axis axis, double value, bool keep_greater) {
    const double c = coord(p, axis);
    return keep_greater ? c >= value : c <= value;
}

// Sutherland-Hodgman against one half-plane. A concave ring may come out with zero-width bridges along the clip
// line; they enclose no area, so the even-odd fill and the stroke-free outline are unaffected.
void clip_ring_half_plane(const std::vector<PlanePoint>& in, std::vector<PlanePoint>& out, Axis axis, double value,
                          bool keep_greater) {
    out.clear();
    const std::size_t n = in.size();
    for (std::size_t i = 0; i < n; ++i) {
        const PlanePoint& cur = in[i];
        const PlanePoint& prev = in[(i + n - 1) % n];
        const bool cur_in = inside(cur, axis, value, keep_greater);
        const bool prev_in = inside(prev, axis, value, keep_greater);
        if (cur_in) {
            if (!prev_in) out.push_back(intersect(prev, cur, axis, value));
            out.push_back(cur);
        } else if (prev_in) {
            out.push_back(intersect(prev, cur, axis, value));
        }
    }
}

// Clips an open polyline against one half-plane; each surviving piece goes to `pieces`.
void clip_line_half_plane(const std::vector<PlanePoint>& in, std::vector<std::vector<PlanePoint>>& pieces, Axis axis,
                          double value, bool keep_greater) {
    std::vector<PlanePoint> current;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const bool cur_in = inside(in[i], axis, value, keep_greater);
        if (i > 0) {
            const bool prev_in = inside(in[i - 1], axis, value, keep_greater);
            if (cur_in != prev_in) current.push_back(intersect(in[i - 1], in[i], axis, value));
            if (prev_in && !cur_in) {
                if (current.size() >= 2) pieces.push_back(std::move(current));
                current.clear();
            }
        }
        if (cur_in) current.push_back(in[i]);
    }
    if (current.size() >= 2) pieces.push_back(std::move(current));
}

// Rotation taking the view centre to the north pole, so that the horizon becomes a parallel.
struct Rotation {
    Vec3 ex, ey, ez;

    explicit Rotation(LonLat center) {
        const double lam = center.lon * kDegToRad, phi = center.lat * kDegToRad;
        ez = {std::cos(phi) * std::cos(lam), std::cos(phi) * std::sin(lam), std::sin(phi)};
        ex = {-std::sin(phi) * std::cos(lam), -std::sin(phi) * std::sin(lam), std::cos(phi)};
        ey = {ez.y * ex.z - ez.z * ex.y, ez.z * ex.x - ez.x * ex.z, ez.x * ex.y - ez.y * ex.x};
    }
    [[nodiscard]] LonLat forward(LonLat p) const {
        const Vec3 v = to_unit_vector(p);
        return to_lon_lat({dot(ex, v), dot(ey, v), dot(ez, v)});
    }
    [[nodiscard]] LonLat inverse(LonLat p) const {
        const Vec3 v = to_unit_vector(p);
        return to_lon_lat({ex.x * v.x + ey.x * v.y + ez.x * v.z, ex.y * v.x + ey.y * v.y + ez.y * v.z,
                           ex.z * v.x + ey.z * v.y + ez.z * v.z});
    }
};

constexpr double kSeamStepDeg = 1.0;     // meridian seams are curves in most world projections
constexpr double kHorizonStepDeg = 2.0;  // the horizon circle

// Inserts points on a fixed grid along an edge that runs on the clip boundary, so that the boundary follows its
// projected curve. The grid is absolute so that a bridge walked there and back produces the same points twice.
void densify_along(double from, double to, double step, const auto& emit) {
    if (from < to) {
        for (double g = std::floor(from / step + 1) * step; g < to; g += step) emit(g);
    } else {
        for (double g = std::ceil(from / step - 1) * step; g > to; g -= step) emit(g);
    }
}

class Clipper {
public:
    explicit Clipper(const ClipDomain& domain) : domain_(domain), rotation_(domain.center) {
        center_vector_ = to_unit_vector(domain.center);
    }

    void rings(const LonLatPaths& in, LonLatPaths& out, std::span<const BoundingCap> caps) {
        for (std::size_t i = 0; i < in.size(); ++i) {
            const auto ring = in.path(i);
            if (ring.size() < 3) continue;
            const Coverage coverage = classify(ring, caps, i);
            if (coverage == Coverage::Outside) continue;
            if (coverage == Coverage::Inside) {
                copy_inside(ring, out);
                continue;
            }
            to_plane(ring, /*closed=*/true);
            close_round_pole_if_needed();
            clip_plane_ring(out);
        }
    }

    void lines(const LonLatPaths& in, LonLatPaths& out, std::span<const BoundingCap> caps) {
        for (std::size_t i = 0; i < in.size(); ++i) {
            const auto line = in.path(i);
            if (line.size() < 2) continue;
            const Coverage coverage = classify(line, caps, i);
            if (coverage == Coverage::Outside) continue;
            if (coverage == Coverage::Inside) {
                copy_inside(line, out);
                continue;
            }
            to_plane(line, /*closed=*/false);
            clip_plane_line(out);
        }
    }

private:
    enum class Coverage { Inside, Outside, Straddles };

    [[nodiscard]] bool horizon() const { return domain_.kind == ClipKind::Horizon; }

    Coverage classify(std::span<const LonLat> path, std::span<const BoundingCap> caps, std::size_t index) const {
        if (horizon()) {
            if (index < caps.size()) {
                const double d = angular_distance_deg(center_vector_, caps[index].center);
                if (d - caps[index].radius_deg > domain_.horizon_deg) return Coverage::Outside;
                if (d + caps[index].radius_deg < domain_.horizon_deg) return Coverage::Inside;
            }
            return Coverage::Straddles;
        }
        // World maps: a path is whole if it never steps across the seam and stays inside the latitude band.
        double prev = wrap_longitude(path[0].lon - domain_.center.lon);
        for (const LonLat& p : path) {
            const double rel = wrap_longitude(p.lon - domain_.center.lon);
            if (std::abs(rel - prev) > 180.0 || rel == -180.0 || std::abs(p.lat) > domain_.max_abs_lat)
                return Coverage::Straddles;
            prev = rel;
        }
        return Coverage::Inside;
    }

    void copy_inside(std::span<const LonLat> path, LonLatPaths& out) const {
        if (horizon()) {
            out.append(path);
            return;
        }
        for (const LonLat& p : path)
            out.points.push_back({domain_.center.lon + wrap_longitude(p.lon - domain_.center.lon), p.lat});
        out.close_path();
    }

    // Into the clipping frame, unwrapping longitude so that consecutive points never differ by more than 180 deg.
    void to_plane(std::span<const LonLat> path, bool closed) {
        plane_.clear();
        double u = 0;
        for (std::size_t i = 0; i < path.size(); ++i) {
            const LonLat f = horizon() ? rotation_.forward(path[i])
                                       : LonLat{wrap_longitude(path[i].lon - domain_.center.lon), path[i].lat};
            if (i == 0) {
                u = f.lon;
            } else {
                u += wrap_longitude(f.lon - plane_.back().u);
            }
            plane_.push_back({u, f.lat});
        }
        // Closing step of a ring: its net longitude change tells whether the ring goes round a pole.
        winding_ = 0;
        if (closed) {
            const double back_to_start = plane_.back().u + wrap_longitude(plane_.front().u - plane_.back().u);
            winding_ = back_to_start - plane_.front().u;
        }
    }

    // A ring that goes once round a pole (Antarctica; any ring round the view centre on the globe) encloses one of
    // the two poles of the clipping frame. The enclosed one is on the side of the smaller area, since no land
    // polygon covers more than a hemisphere. Closing the ring over that pole turns it into an ordinary polygon.
    void close_round_pole_if_needed() {
        if (std::abs(winding_) < 180.0) return;
        double north_area = 0, south_area = 0;
        const std::size_t n = plane_.size();
        for (std::size_t i = 0; i < n; ++i) {
            const PlanePoint a = plane_[i];
            const PlanePoint b = i + 1 < n ? plane_[i + 1] : PlanePoint{plane_[0].u + winding_, plane_[0].v};
            const double s = std::sin(0.5 * (a.v + b.v) * kDegToRad);
            north_area += (1 - s) * (b.u - a.u);
            south_area += (1 + s) * (b.u - a.u);
        }
        const double pole = std::abs(north_area) <= std::abs(south_area) ? 90.0 : -90.0;
        const PlanePoint first = plane_.front();
        plane_.push_back({first.u + winding_, first.v});
        plane_.push_back({first.u + winding_, pole});
        plane_.push_back({first.u, pole});
    }

    void clip_plane_ring(LonLatPaths& out) {
        if (horizon()) {
            clip_ring_half_plane(plane_, scratch_, Axis::V, 90.0 - domain_.horizon_deg, true);
            emit_ring(scratch_, 0.0, out);
            return;
        }
        const auto [lo, hi] = u_range(plane_);
        for (int k = static_cast<int>(std::floor((lo + 180.0) / 360.0));
             k <= static_cast<int>(std::floor((hi + 180.0) / 360.0)); ++k) {
            const double shift = 360.0 * k;
            clip_ring_half_plane(plane_, scratch_, Axis::U, shift - 180.0, true);
            clip_ring_half_plane(scratch_, scratch2_, Axis::U, shift + 180.0, false);
            if (domain_.max_abs_lat < 90.0) {
                clip_ring_half_plane(scratch2_, scratch_, Axis::V, -domain_.max_abs_lat, true);
                clip_ring_half_plane(scratch_, scratch2_, Axis::V, domain_.max_abs_lat, false);
            }
            emit_ring(scratch2_, shift, out);
        }
    }

    void clip_plane_line(LonLatPaths& out) {
        pieces_.clear();
        if (horizon()) {
            clip_line_half_plane(plane_, pieces_, Axis::V, 90.0 - domain_.horizon_deg, true);
            for (const auto& piece : pieces_) emit_line(piece, 0.0, out);
            return;
        }
        const auto [lo, hi] = u_range(plane_);
        for (int k = static_cast<int>(std::floor((lo + 180.0) / 360.0));
             k <= static_cast<int>(std::floor((hi + 180.0) / 360.0)); ++k) {
            const double shift = 360.0 * k;
            std::vector<std::vector<PlanePoint>> a, b;
            clip_line_half_plane(plane_, a, Axis::U, shift - 180.0, true);
            for (const auto& piece : a) clip_line_half_plane(piece, b, Axis::U, shift + 180.0, false);
            if (domain_.max_abs_lat < 90.0) {
                a.clear();
                for (const auto& piece : b) clip_line_half_plane(piece, a, Axis::V, -domain_.max_abs_lat, true);
                b.clear();
                for (const auto& piece : a) clip_line_half_plane(piece, b, Axis::V, domain_.max_abs_lat, false);
            }
            for (const auto& piece : b) emit_line(piece, shift, out);
        }
    }

    static std::pair<double, double> u_range(const std::vector<PlanePoint>& pts) {
        double lo = pts.front().u, hi = lo;
        for (const PlanePoint& p : pts) {
            lo = std::min(lo, p.u);
            hi = std::max(hi, p.u);
        }
        return {lo, hi};
    }

    LonLat from_plane(PlanePoint p, double shift) const {
        if (horizon()) return rotation_.inverse({p.u, p.v});
        // p.u lies within 180 deg of shift, so p.u - shift is exact: seam points land exactly on centre +- 180 and
        // nothing rounds past the seam, as centre + p.u - shift (rounded twice) could.
        return {domain_.center.lon + (p.u - shift), p.v};
    }

    // Boundary edges (both ends exactly on the seam or the horizon) are walked in small steps.
    void emit_ring(const std::vector<PlanePoint>& ring, double shift, LonLatPaths& out) const {
        if (ring.size() < 3) return;
        const std::size_t begin = out.points.size();
        const double horizon_v = 90.0 - domain_.horizon_deg;
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const PlanePoint a = ring[i];
            const PlanePoint b = ring[(i + 1) % ring.size()];
            out.points.push_back(from_plane(a, shift));
            if (horizon()) {
                if (a.v == horizon_v && b.v == horizon_v)
                    densify_along(a.u, b.u, kHorizonStepDeg, [&](double u) {
                        out.points.push_back(from_plane({u, horizon_v}, shift));
                    });
            } else if (a.u == b.u && (a.u == shift - 180.0 || a.u == shift + 180.0)) {
                densify_along(a.v, b.v, kSeamStepDeg, [&](double v) {
                    out.points.push_back(from_plane({a.u, v}, shift));
                });
            }
        }
        if (out.points.size() - begin < 3) {
            out.points.resize(begin);
            return;
        }
        out.close_path();
    }

    void emit_line(const std::vector<PlanePoint>& line, double shift, LonLatPaths& out) const {
        for (const PlanePoint& p : line) out.points.push_back(from_plane(p, shift));
        out.close_path();
    }

    ClipDomain domain_;
    Rotation rotation_;
    Vec3 center_vector_;
    double winding_ = 0;
    std::vector<PlanePoint> plane_, scratch_, scratch2_;
    std::vector<std::vector<PlanePoint>> pieces_;
};

}  // namespace

std::vector<BoundingCap> bounding_caps(const LonLatPaths& paths) {
    std::vector<BoundingCap> caps;
    caps.reserve(paths.size());
    // One path's vertices on the unit sphere, computed once: the sines and cosines are most of the work, and a
    // still export computes caps for every path of the basemap it loads.
    std::vector<Vec3> vectors;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        vectors.clear();
        Vec3 sum;
        for (const LonLat& p : paths.path(i)) {
            const Vec3 v = to_unit_vector(p);
            vectors.push_back(v);
            sum = {sum.x + v.x, sum.y + v.y, sum.z + v.z};
        }
        const double len = std::sqrt(dot(sum, sum));
        if (len < 1e-9) {
            caps.push_back({{0, 0, 1}, 180.0});  // no meaningful centre: never decided without looking
            continue;
        }
        const Vec3 center{sum.x / len, sum.y / len, sum.z / len};
        // The farthest vertex is the one least aligned with the centre: one arc cosine per path. Near a dot of 1 the
        // arc cosine loses precision, but only to about 1e-6 degrees, far inside the margin below.
        double least_aligned = 1.0;
        for (const Vec3& v : vectors) least_aligned = std::min(least_aligned, dot(center, v));
        const double radius = std::acos(std::clamp(least_aligned, -1.0, 1.0)) * kRadToDeg;
        // Edges between vertices bulge slightly beyond their ends; the margin keeps the cap conservative.
        caps.push_back({center, radius + 0.5});
    }
    return caps;
}

void clip_rings(const LonLatPaths& rings, const ClipDomain& domain, LonLatPaths& out,
                std::span<const BoundingCap> caps) {
    Clipper(domain).rings(rings, out, caps);
}

void clip_lines(const LonLatPaths& lines, const ClipDomain& domain, LonLatPaths& out,
                std::span<const BoundingCap> caps) {
    Clipper(domain).lines(lines, out, caps);
}

LonLatPaths domain_outline(const ClipDomain& domain) {
    LonLatPaths out;
    if (domain.kind == ClipKind::Horizon) {
        const Rotation rotation(domain.center);
        const double v = 90.0 - domain.horizon_deg;
        for (double u = -180.0; u < 180.0; u += kHorizonStepDeg) out.points.push_back(rotation.inverse({u, v}));
    } else {
        const double west = domain.center.lon - 180.0, east = domain.center.lon + 180.0, m = domain.max_abs_lat;
        for (double v = -m; v < m; v += kSeamStepDeg) out.points.push_back({west, v});
        out.points.push_back({west, m});
        // Parallels are straight lines in world projections, so the pole lines need no points between the seams.
        for (double v = m; v > -m; v -= kSeamStepDeg) out.points.push_back({east, v});
        out.points.push_back({east, -m});
    }
    out.close_path();
    return out;
}

bool domain_contains(const ClipDomain& domain, LonLat p) {
    if (domain.kind == ClipKind::Horizon)
        return angular_distance_deg(to_unit_vector(domain.center), to_unit_vector(p)) <= domain.horizon_deg;
    return std::abs(p.lat) <= domain.max_abs_lat;
}

}  // namespace geo

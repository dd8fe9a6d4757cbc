#include "geo/story/story_geometry.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <utility>

#include "geo/map/great_circle.hpp"

namespace geo {
namespace {

constexpr double R = kEarthRadiusMetres;
constexpr std::size_t kMinArcSegments = 8;
// Consecutive route waypoints closer than this are one point: a repeated station adds no leg.
constexpr double kSameWaypointMetres = 1e-3;
// Bisections stop when the bracket, as a fraction of the line, is this small: far below a millimetre.
constexpr double kAlongTolerance = 1e-15;
// Half the chord, as a fraction of the line, whose projection gives a bowed vertex its direction of travel.
constexpr double kNormalChordAlong = 0.05;
// The step, as a fraction of the line, that gives the track's tangent where it crosses the map's edge.
constexpr double kEdgeStepAlong = 1e-5;

XY operator-(XY a, XY b) { return {a.x - b.x, a.y - b.y}; }
XY operator+(XY a, XY b) { return {a.x + b.x, a.y + b.y}; }
XY operator*(double k, XY a) { return {k * a.x, k * a.y}; }
double length(XY a) { return std::hypot(a.x, a.y); }
bool finite(XY a) { return std::isfinite(a.x) && std::isfinite(a.y); }

std::optional<XY> normalized(XY a) {
    const double l = length(a);
    if (!(l > 0) || !std::isfinite(l)) return std::nullopt;
    return XY{a.x / l, a.y / l};
}

double smoothstep(double x) {
    x = std::clamp(x, 0.0, 1.0);
    return x * x * (3.0 - 2.0 * x);
}

// The last point where `inside` holds, between `inside_along` (where it does) and `outside_along` (where it
// does not). Keeping the inside end means a cut point never projects from beyond the map's edge.
template <typename Inside>
double bisect(double inside_along, double outside_along, const Inside& inside) {
    for (int i = 0; i < 200 && std::abs(outside_along - inside_along) > kAlongTolerance; ++i) {
        const double mid = 0.5 * (inside_along + outside_along);
        if (mid == inside_along || mid == outside_along) break;
        (inside(mid) ? inside_along : outside_along) = mid;
    }
    return inside_along;
}

// =================================================================================================================
// [SECTION] Ground tracks

struct TrackVertex {
    LonLat ground;        // longitude unrolled along the line, so that it never jumps by a turn
    double along = 0;     // fraction of the line's ground length
    std::size_t leg = 0;  // the great circle that the segment from this vertex to the next lies on
    double leg_s = 0;     // metres along that great circle
};

// A line on the ground, densified: one great circle for an arc, one per leg for a route. Every point between the
// vertices is a point of its great circle, so cuts found by bisection lie exactly on the line.
class GroundTrack {
public:
    // `segments(circle)`: how many equal segments the arc gets.
    template <typename Segments>
    static GroundTrack arc(LonLat from, LonLat to, const Segments& segments) {
        GroundTrack track;
        const GreatCircle& circle = track.legs_.emplace_back(from, to);
        track.length_m_ = circle.length_m();
        if (!(track.length_m_ > 0)) return {};
        const std::size_t n = segments(circle);
        for (std::size_t i = 0; i <= n; ++i) {
            const double along = static_cast<double>(i) / static_cast<double>(n);  // exactly 1 at the end
            const double s = track.length_m_ * along;
            LonLat p = i == 0 ? from : circle.at_distance(s);
            if (i == n) p = unrolled_near(to, p.lon);
            track.vertices_.push_back({p, along, 0, s});
        }
        return track;
    }

    static GroundTrack route(const Route& route, double max_segment_deg) {
        GroundTrack track;
        if (route.waypoints.empty()) return track;
        track.vertices_.push_back({{route.waypoints.front().lon, route.waypoints.front().lat}, 0, 0, 0});
        for (std::size_t w = 1; w < route.waypoints.size(); ++w) {
            const LonLat start = track.vertices_.back().ground;
            const LonLat next{route.waypoints[w].lon, route.waypoints[w].lat};
            GreatCircle circle(start, next);
            if (!(circle.length_m() > kSameWaypointMetres)) continue;
            const std::size_t leg = track.legs_.size();
            track.vertices_.back().leg = leg;  // the segment leaving this waypoint follows the new leg
            track.vertices_.back().leg_s = 0;
            const std::size_t n = segment_count(circle.arc_deg(), max_segment_deg, 1);
            for (std::size_t i = 1; i <= n; ++i) {
                const double s = circle.length_m() * static_cast<double>(i) / static_cast<double>(n);
                LonLat p = circle.at_distance(s);
                if (i == n) p = unrolled_near(next, p.lon);
                track.vertices_.push_back({p, track.length_m_ + s, leg, s});  // along: metres for now
            }
            track.length_m_ += circle.length_m();
            track.legs_.push_back(circle);
        }
        if (track.legs_.empty()) return {};
        for (TrackVertex& v : track.vertices_) v.along /= track.length_m_;
        track.vertices_.back().along = 1.0;
        return track;
    }

    [[nodiscard]] bool empty() const { return vertices_.size() < 2; }
    [[nodiscard]] double length_m() const { return length_m_; }
    [[nodiscard]] const std::vector<TrackVertex>& vertices() const { return vertices_; }

    // The point at `along`, on the great circle of the segment that holds it; before the start or past the end,
    // the first or last great circle continues.
    [[nodiscard]] LonLat at(double along) const {
        const auto it = std::upper_bound(vertices_.begin(), vertices_.end(), along,
                                         [](double a, const TrackVertex& v) { return a < v.along; });
        std::size_t i = it == vertices_.begin() ? 0 : static_cast<std::size_t>(it - vertices_.begin()) - 1;
        i = std::min(i, vertices_.size() - 2);
        const TrackVertex& a = vertices_[i];
        const TrackVertex& b = vertices_[i + 1];
        if (along == a.along) return a.ground;
        if (along == b.along) return b.ground;
        const double end_s = b.leg == a.leg ? b.leg_s : legs_[a.leg].length_m();
        const double t = (along - a.along) / (b.along - a.along);
        return legs_[a.leg].at_distance(a.leg_s + t * (end_s - a.leg_s));
    }

private:
    std::vector<GreatCircle> legs_;
    std::vector<TrackVertex> vertices_;
    double length_m_ = 0;
};

// A line as the renderer gets it, before packing.
struct LinePiece {
    std::vector<XY> xy;
    std::vector<double> along;
};

// =================================================================================================================
// [SECTION] Flat maps: cutting the ground track where it leaves the map

// Where a vertex lies on the map's edge: the bow slides such ends along the edge, so that a lifted line leaves the
// map exactly where its ground track does.
enum class MapEdge : std::uint8_t { none, seam, parallel, horizon };

struct GroundVertex {
    LonLat lonlat;  // as Projection::forward takes it: world maps unwrapped round the centre, as clip.hpp does
    double along = 0;
    MapEdge edge = MapEdge::none;
};

struct GroundPiece {
    std::vector<GroundVertex> vertices;
    double shift = 0;  // world maps: whole turns taken off the track's unrolled longitude for this piece
};

// A cut inside one segment of the track: the seam's relative longitude or the parallel's latitude in `value`.
struct Cut {
    double along = 0;
    MapEdge edge = MapEdge::none;
    double value = 0;
};

// The map's domain as the ground track sees it: which points are on the map, and in which copy of the world.
class TrackDomain {
public:
    explicit TrackDomain(const ClipDomain& domain) : domain_(domain) {}

    [[nodiscard]] const ClipDomain& clip() const { return domain_; }
    [[nodiscard]] bool world_map() const { return domain_.kind == ClipKind::CutMeridian; }
    [[nodiscard]] double relative_lon(LonLat unrolled) const { return unrolled.lon - domain_.center.lon; }

    // The shift of the copy of the world that holds `p`; nullopt where it is off the map.
    [[nodiscard]] std::optional<double> shift_at(LonLat p) const {
        if (!world_map()) return contains(p) ? std::optional<double>(0.0) : std::nullopt;
        if (std::abs(p.lat) > domain_.max_abs_lat) return std::nullopt;
        return 360.0 * std::floor((relative_lon(p) + 180.0) / 360.0);
    }

    [[nodiscard]] bool contains(LonLat p) const { return domain_contains(domain_, {wrap_longitude(p.lon), p.lat}); }

    // `p` (unrolled) as Projection::forward takes it within the copy `shift`.
    [[nodiscard]] LonLat to_map(LonLat p, double shift) const {
        if (!world_map()) return {wrap_longitude(p.lon), p.lat};
        return {domain_.center.lon + (relative_lon(p) - shift), p.lat};
    }

    // Appends the points of segment a -> b where the track leaves or enters the map.
    void add_cuts(const GroundTrack& track, const TrackVertex& a, const TrackVertex& b, std::vector<Cut>& cuts) const {
        if (world_map()) {
            add_seam_cuts(track, a, b, cuts);
            if (domain_.max_abs_lat < 90.0)
                add_cut_where(track, a, b, MapEdge::parallel, cuts,
                              [&](LonLat p) { return std::abs(p.lat) <= domain_.max_abs_lat; });
        } else {
            add_cut_where(track, a, b, MapEdge::horizon, cuts, [&](LonLat p) { return contains(p); });
        }
    }

    // The vertex of `cut` within the copy `shift`; seam and parallel cuts land exactly on the edge.
    [[nodiscard]] GroundVertex vertex(const GroundTrack& track, const Cut& cut, double shift) const {
        const LonLat p = track.at(cut.along);
        GroundVertex v{to_map(p, shift), cut.along, cut.edge};
        if (!world_map()) return v;
        if (cut.edge == MapEdge::seam) v.lonlat.lon = domain_.center.lon + (cut.value - shift);
        if (cut.edge == MapEdge::parallel) v.lonlat.lat = cut.value;
        // A track vertex that happens to lie on the seam is an edge as much as a cut is.
        const double rel = relative_lon(p) - shift;
        if (v.edge == MapEdge::none && (rel == 180.0 || rel == -180.0)) v.edge = MapEdge::seam;
        return v;
    }

private:
    void add_seam_cuts(const GroundTrack& track, const TrackVertex& a, const TrackVertex& b,
                       std::vector<Cut>& cuts) const {
        const double ua = relative_lon(a.ground), ub = relative_lon(b.ground);
        const double lo = std::min(ua, ub), hi = std::max(ua, ub);
        for (double seam = 360.0 * std::floor((lo - 180.0) / 360.0) + 180.0; seam < hi; seam += 360.0) {
            if (!(seam > lo)) continue;
            const bool a_below = ua < seam;
            const double along =
                bisect(a.along, b.along, [&](double t) { return (relative_lon(track.at(t)) < seam) == a_below; });
            cuts.push_back({along, MapEdge::seam, seam});
        }
    }

    template <typename Inside>
    void add_cut_where(const GroundTrack& track, const TrackVertex& a, const TrackVertex& b, MapEdge edge,
                       std::vector<Cut>& cuts, const Inside& inside) const {
        const bool a_in = inside(a.ground);
        if (a_in == inside(b.ground)) return;
        const TrackVertex& out = a_in ? b : a;
        const double along = bisect(a_in ? a.along : b.along, out.along, [&](double t) { return inside(track.at(t)); });
        const double parallel = std::copysign(domain_.max_abs_lat, out.ground.lat);
        cuts.push_back({along, edge, edge == MapEdge::parallel ? parallel : 0.0});
    }

    ClipDomain domain_;
};

class GroundPieceCollector {
public:
    [[nodiscard]] bool is_open(double shift) const { return open_ && pieces_.back().shift == shift; }
    void start(double shift, const GroundVertex& first) {
        close();
        pieces_.push_back({{first}, shift});
        open_ = true;
    }
    void add(const GroundVertex& v) { pieces_.back().vertices.push_back(v); }
    [[nodiscard]] std::optional<double> open_shift() const {
        return open_ ? std::optional<double>(pieces_.back().shift) : std::nullopt;
    }
    void replace_last(const GroundVertex& v) { pieces_.back().vertices.back() = v; }
    void close() {
        if (open_ && pieces_.back().vertices.size() < 2) pieces_.pop_back();
        open_ = false;
    }
    std::vector<GroundPiece> take() {
        close();
        return std::move(pieces_);
    }

private:
    std::vector<GroundPiece> pieces_;
    bool open_ = false;
};

// The track's parts on the map, each within one copy of the world, ending exactly on the edges where it leaves.
std::vector<GroundPiece> split_on_map(const GroundTrack& track, const TrackDomain& domain) {
    GroundPieceCollector pieces;
    const std::vector<TrackVertex>& v = track.vertices();
    std::vector<Cut> cuts;
    for (std::size_t i = 0; i + 1 < v.size(); ++i) {
        cuts.assign(1, {v[i].along, MapEdge::none, 0.0});
        domain.add_cuts(track, v[i], v[i + 1], cuts);
        std::sort(cuts.begin() + 1, cuts.end(), [](const Cut& a, const Cut& b) { return a.along < b.along; });
        cuts.push_back({v[i + 1].along, MapEdge::none, 0.0});
        for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
            const Cut& from = cuts[k];
            const Cut& to = cuts[k + 1];
            if (!(to.along > from.along)) {
                // A cut that bisection put on a vertex: the vertex becomes the cut, exactly on the edge.
                if (const std::optional<double> shift = pieces.open_shift(); shift && to.edge != MapEdge::none)
                    pieces.replace_last(domain.vertex(track, to, *shift));
                continue;
            }
            const std::optional<double> shift = domain.shift_at(track.at(0.5 * (from.along + to.along)));
            if (!shift) {
                pieces.close();
                continue;
            }
            if (!pieces.is_open(*shift)) pieces.start(*shift, domain.vertex(track, from, *shift));
            pieces.add(domain.vertex(track, to, *shift));
        }
    }
    return pieces.take();
}

struct FlatPiece {
    std::vector<GroundVertex> ground;
    std::vector<XY> xy;
    double shift = 0;
};

// Projects the pieces; points PROJ cannot project split them.
std::vector<FlatPiece> project_pieces(const Projection& projection, const std::vector<GroundPiece>& pieces) {
    std::vector<FlatPiece> out;
    std::vector<LonLat> lonlat;
    std::vector<XY> xy;
    for (const GroundPiece& piece : pieces) {
        lonlat.clear();
        for (const GroundVertex& v : piece.vertices) lonlat.push_back(v.lonlat);
        xy.resize(lonlat.size());
        projection.forward(lonlat, xy);
        FlatPiece current{{}, {}, piece.shift};
        auto flush = [&] {
            if (current.xy.size() >= 2) out.push_back(current);
            current.ground.clear();
            current.xy.clear();
        };
        for (std::size_t i = 0; i < xy.size(); ++i) {
            if (!finite(xy[i])) {
                flush();
                continue;
            }
            current.ground.push_back(piece.vertices[i]);
            current.xy.push_back(xy[i]);
        }
        flush();
    }
    return out;
}

// =================================================================================================================
// [SECTION] Flat maps: the bow

// Lifts one projected piece to the left of its direction of travel by the arc's height at each vertex. Where the
// piece ends on the map's edge, the end moves onto the edge, so that the line leaves the map where its ground track
// does and comes back on the other side of a seam where it left.
class Bow {
public:
    Bow(const Projection& projection, const TrackDomain& domain, const GroundTrack& track, double lift_m)
        : projection_(projection), domain_(domain), track_(track), lift_m_(lift_m) {}

    [[nodiscard]] double height(double along) const { return lift_m_ * std::sin(std::numbers::pi * along); }

    // Where the piece's ends land on the map's edge, as parameters of edge_point; empty where an end is not on
    // an edge (or not lifted).
    struct EdgeSlides {
        std::optional<double> start, end;
    };
    [[nodiscard]] EdgeSlides edge_slides(const FlatPiece& piece) const {
        return {edge_slide(piece, 0), edge_slide(piece, piece.xy.size() - 1)};
    }

    void apply(FlatPiece& piece, const EdgeSlides& slides) const {
        const std::size_t n = piece.xy.size();
        const std::vector<XY> normal = normals(piece);
        std::vector<double> distance(n, 0.0);  // along the projected ground track, from the piece's start
        for (std::size_t j = 1; j < n; ++j) distance[j] = distance[j - 1] + length(piece.xy[j] - piece.xy[j - 1]);
        const double total = distance[n - 1];

        std::vector<XY> lifted(n);
        for (std::size_t j = 0; j < n; ++j) lifted[j] = piece.xy[j] + height(piece.ground[j].along) * normal[j];
        // The shift that takes an end onto the edge fades out over the whole piece: the line stays smooth, and
        // the piece's other end keeps its place.
        const XY start_shift = edge_shift(piece.ground[0], slides.start, lifted[0]);
        const XY end_shift = edge_shift(piece.ground[n - 1], slides.end, lifted[n - 1]);
        if (!(total > 0)) return;
        for (std::size_t j = 0; j < n; ++j) {
            const double from_start = distance[j] / total, from_end = (total - distance[j]) / total;
            lifted[j] =
                lifted[j] + (1.0 - smoothstep(from_start)) * start_shift + (1.0 - smoothstep(from_end)) * end_shift;
        }
        piece.xy = std::move(lifted);
    }

private:
    // Left normals of the projected direction of travel, each from a chord of the great circle round its vertex
    // (one-sided at the piece's ends, so that it never reaches across an edge). A chord rather than the tangent:
    // where the projected track bends sharply, normals that turn more slowly keep a tall bow from folding.
    [[nodiscard]] std::vector<XY> normals(const FlatPiece& piece) const {
        const std::size_t n = piece.xy.size();
        const double first = piece.ground.front().along, last = piece.ground.back().along;
        std::vector<LonLat> samples;
        samples.reserve(2 * n);
        for (const GroundVertex& v : piece.ground) {
            samples.push_back(domain_.to_map(track_.at(std::max(v.along - kNormalChordAlong, first)), piece.shift));
            samples.push_back(domain_.to_map(track_.at(std::min(v.along + kNormalChordAlong, last)), piece.shift));
        }
        std::vector<XY> xy(samples.size());
        projection_.forward(samples, xy);
        std::vector<XY> normal(n);
        for (std::size_t j = 0; j < n; ++j) {
            XY tangent = xy[2 * j + 1] - xy[2 * j];
            if (!finite(tangent) || !(length(tangent) > 0))
                tangent = piece.xy[std::min(j + 1, n - 1)] - piece.xy[j > 0 ? j - 1 : 0];
            const XY t = normalized(tangent).value_or(XY{1, 0});
            normal[j] = {-t.y, t.x};
        }
        return normal;
    }

    // The ground end slid along the edge by the lift's component along the edge: the point of the edge nearest
    // the end lifted along the track's normal.
    [[nodiscard]] std::optional<double> edge_slide(const FlatPiece& piece, std::size_t j) const {
        const GroundVertex& v = piece.ground[j];
        const double h = height(v.along);
        if (v.edge == MapEdge::none || !(h > 0)) return std::nullopt;
        const std::optional<XY> normal = local_normal(piece, j);
        if (!normal) return std::nullopt;
        return slide_along_edge(v, piece.xy[j], *normal, h);
    }

    [[nodiscard]] XY edge_shift(const GroundVertex& v, std::optional<double> slide, XY lifted) const {
        if (!slide) return {};
        const std::optional<XY> on_edge = projection_.forward(edge_point(v, *slide));
        return on_edge ? *on_edge - lifted : XY{};
    }

    // The normal of the track's own tangent at an end, from a step inwards: the smoothed normal looks at different
    // stretches of the track on the two sides of a seam, the tangent at the crossing is the same on both.
    [[nodiscard]] std::optional<XY> local_normal(const FlatPiece& piece, std::size_t j) const {
        const double along = piece.ground[j].along;
        const double inwards = j == 0 ? std::min(along + kEdgeStepAlong, piece.ground.back().along)
                                      : std::max(along - kEdgeStepAlong, piece.ground.front().along);
        const std::optional<XY> step = projection_.forward(domain_.to_map(track_.at(inwards), piece.shift));
        if (!step) return std::nullopt;
        const std::optional<XY> t = normalized(j == 0 ? *step - piece.xy[j] : piece.xy[j] - *step);
        if (!t) return std::nullopt;
        return XY{-t->y, t->x};
    }

    // The edge through `v` as a curve of one parameter in degrees, 0 at `v`.
    [[nodiscard]] LonLat edge_point(const GroundVertex& v, double theta) const {
        const ClipDomain& d = domain_.clip();
        switch (v.edge) {
            case MapEdge::seam: return {v.lonlat.lon, std::clamp(v.lonlat.lat + theta, -d.max_abs_lat, d.max_abs_lat)};
            case MapEdge::parallel: {
                const double lo = d.center.lon - 180.0, hi = d.center.lon + 180.0;
                return {std::clamp(v.lonlat.lon + theta, lo, hi), v.lonlat.lat};
            }
            case MapEdge::horizon: return rotated_about_centre(v.lonlat, theta);
            case MapEdge::none: break;
        }
        return v.lonlat;
    }

    // Turns `p` about the axis through the domain's centre: the horizon maps onto itself.
    [[nodiscard]] LonLat rotated_about_centre(LonLat p, double theta_deg) const {
        const Vec3 k = to_unit_vector(domain_.clip().center), v = to_unit_vector(p);
        const double c = std::cos(theta_deg * kDegToRad), s = std::sin(theta_deg * kDegToRad);
        const Vec3 kxv{k.y * v.z - k.z * v.y, k.z * v.x - k.x * v.z, k.x * v.y - k.y * v.x};
        const double kv = dot(k, v) * (1.0 - c);
        return to_lon_lat(
            {v.x * c + kxv.x * s + k.x * kv, v.y * c + kxv.y * s + k.y * kv, v.z * c + kxv.z * s + k.z * kv});
    }

    // The parameter of the edge point whose projected distance from the ground end is the lift's component along
    // the edge (or of the edge's end, at a pole, where the edge is shorter than that).
    [[nodiscard]] std::optional<double> slide_along_edge(const GroundVertex& v, XY ground, XY normal, double h) const {
        constexpr double kProbeDeg = 1e-4, kMaxDeg = 360.0;
        auto project = [&](double theta) { return projection_.forward(edge_point(v, theta)); };
        double sign = 0, along_edge = 0;
        for (const double s : {1.0, -1.0}) {
            const std::optional<XY> probe = project(s * kProbeDeg);
            if (!probe) continue;
            const std::optional<XY> step = normalized(*probe - ground);
            if (!step) continue;  // clamped at a pole: the edge goes on only the other way
            const double component = step->x * normal.x + step->y * normal.y;
            if (sign == 0 || component > along_edge) {
                along_edge = component;
                sign = s;
            }
        }
        if (sign == 0) return std::nullopt;
        const double target = h * std::max(along_edge, 0.0);
        auto distance = [&](double theta) {
            const std::optional<XY> p = project(sign * theta);
            return p ? length(*p - ground) : std::numeric_limits<double>::quiet_NaN();
        };
        // Double the step until the edge is far enough, then bisect; distance along a convex outline only grows.
        double inside = 0, outside = kProbeDeg;
        while (outside < kMaxDeg && distance(outside) < target) {
            inside = outside;
            outside *= 2.0;
        }
        outside = std::min(outside, kMaxDeg);
        if (!(distance(outside) >= target)) {
            for (int i = 0; i < 60 && outside > inside; ++i, outside = 0.5 * (outside + inside))
                if (project(sign * outside)) return sign * outside;
            return sign * inside;
        }
        for (int i = 0; i < 100 && outside - inside > 1e-12; ++i) {
            const double mid = 0.5 * (inside + outside);
            (distance(mid) < target ? inside : outside) = mid;
        }
        return sign * outside;
    }

    const Projection& projection_;
    const TrackDomain& domain_;
    const GroundTrack& track_;
    double lift_m_;
};

std::vector<LinePiece> flat_pieces(const Projection& projection, const GroundTrack& track, double lift_m) {
    const TrackDomain domain(projection.domain());
    std::vector<FlatPiece> pieces = project_pieces(projection, split_on_map(track, domain));
    if (lift_m > 0) {
        const Bow bow(projection, domain, track, lift_m);
        std::vector<Bow::EdgeSlides> slides;
        slides.reserve(pieces.size());
        for (const FlatPiece& piece : pieces) slides.push_back(bow.edge_slides(piece));
        // A seam crossing ends one piece and starts the next at the same point of the track. Their tangents differ
        // in length on the two sides, so their own slides would too: both take the mean, and the line comes back
        // on one edge at the latitude where it left the other.
        for (std::size_t k = 0; k + 1 < pieces.size(); ++k) {
            const GroundVertex& leaves = pieces[k].ground.back();
            const GroundVertex& returns = pieces[k + 1].ground.front();
            std::optional<double>& a = slides[k].end;
            std::optional<double>& b = slides[k + 1].start;
            const bool one_crossing =
                leaves.edge == MapEdge::seam && returns.edge == MapEdge::seam && leaves.along == returns.along;
            if (one_crossing && a && b) a = b = 0.5 * (*a + *b);
        }
        for (std::size_t k = 0; k < pieces.size(); ++k) bow.apply(pieces[k], slides[k]);
    }
    std::vector<LinePiece> out;
    out.reserve(pieces.size());
    for (FlatPiece& piece : pieces) {
        LinePiece line{std::move(piece.xy), {}};
        for (const GroundVertex& v : piece.ground) line.along.push_back(v.along);
        out.push_back(std::move(line));
    }
    return out;
}

// =================================================================================================================
// [SECTION] The globe: arcs in 3D

// The orthographic view of the globe as PROJ's spherical `ortho` computes it: x east, y north, z towards the
// viewer, for unit vectors.
class ViewFrame {
public:
    explicit ViewFrame(LonLat center)
        : lon0_(center.lon), sin_lat0_(std::sin(center.lat * kDegToRad)), cos_lat0_(std::cos(center.lat * kDegToRad)) {}

    [[nodiscard]] Vec3 unit(LonLat p) const {
        const double dlon = (p.lon - lon0_) * kDegToRad, phi = p.lat * kDegToRad;
        const double c = std::cos(phi), s = std::sin(phi), cd = std::cos(dlon);
        return {c * std::sin(dlon), cos_lat0_ * s - sin_lat0_ * c * cd, sin_lat0_ * s + cos_lat0_ * c * cd};
    }

private:
    double lon0_, sin_lat0_, cos_lat0_;
};

Vec3 lerp(Vec3 a, Vec3 b, double t) { return {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y), a.z + t * (b.z - a.z)}; }

// The open part (lo, hi) of the straight segment a -> b that the earth hides: behind the plane of the limb (z < 0)
// and inside the cylinder the disk casts backwards (x^2 + y^2 < R^2). Both conditions hold on an interval of the
// segment, so the hidden part is one interval, found exactly rather than by sampling; it may lie strictly inside
// the segment, where a chord dips behind the limb between two visible vertices.
std::optional<std::pair<double, double>> hidden_part(Vec3 a, Vec3 b) {
    double lo = 0, hi = 1;
    const double dz = b.z - a.z;
    if (dz == 0) {
        if (!(a.z < 0)) return std::nullopt;
    } else {
        const double t = -a.z / dz;
        if (dz > 0)
            hi = std::min(hi, t);
        else
            lo = std::max(lo, t);
    }
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double qa = dx * dx + dy * dy, qb = 2.0 * (a.x * dx + a.y * dy), qc = a.x * a.x + a.y * a.y - R * R;
    if (qa == 0) {
        if (!(qc < 0)) return std::nullopt;
    } else {
        const double disc = qb * qb - 4.0 * qa * qc;
        if (!(disc > 0)) return std::nullopt;
        const double q = -0.5 * (qb + std::copysign(std::sqrt(disc), qb));  // no cancellation in either root
        const double t1 = q / qa, t2 = qc / q;
        lo = std::max(lo, std::min(t1, t2));
        hi = std::min(hi, std::max(t1, t2));
    }
    if (!(lo < hi)) return std::nullopt;
    return std::pair{lo, hi};
}

// An arc lifted to real height above the globe: each vertex a 3D point, each segment a straight chord, cut
// exactly where a chord passes behind the earth's disk.
// `lean_rad` tilts the lift from straight up towards the great circle's pole (a side of the arc's plane).
std::vector<LinePiece> globe_arc_pieces(const GroundTrack& track, double lift_m, double lean_rad,
                                        const ViewFrame& view) {
    const std::vector<TrackVertex>& v = track.vertices();
    std::vector<Vec3> p(v.size());
    Vec3 pole{};
    if (!v.empty() && lean_rad != 0) {
        const Vec3 a = view.unit(v.front().ground), b = view.unit(v.back().ground);
        const Vec3 c{a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
        // Ends at the same or opposite points have no one plane: such an arc is lifted straight up.
        if (const double n = std::sqrt(dot(c, c)); n > 1e-9) pole = {c.x / n, c.y / n, c.z / n};
    }
    const double up = std::cos(lean_rad), side = std::sin(lean_rad);
    for (std::size_t i = 0; i < v.size(); ++i) {
        const Vec3 u = view.unit(v[i].ground);
        const double h = lift_m * std::sin(std::numbers::pi * v[i].along);
        const bool leans = pole.x != 0 || pole.y != 0 || pole.z != 0;
        const double hu = leans ? h * up : h, hs = leans ? h * side : 0.0;
        p[i] = {u.x * (R + hu) + pole.x * hs, u.y * (R + hu) + pole.y * hs, u.z * (R + hu) + pole.z * hs};
    }
    std::vector<LinePiece> pieces;
    bool open = false;
    auto add = [&](Vec3 q, double along) {
        if (!open) pieces.emplace_back();
        open = true;
        pieces.back().xy.push_back({q.x, q.y});
        pieces.back().along.push_back(along);
    };
    auto close = [&] {
        if (open && pieces.back().xy.size() < 2) pieces.pop_back();
        open = false;
    };
    for (std::size_t i = 0; i + 1 < v.size(); ++i) {
        const double a0 = v[i].along, a1 = v[i + 1].along;
        const std::optional<std::pair<double, double>> hidden = hidden_part(p[i], p[i + 1]);
        if (!hidden) {
            if (!open) add(p[i], a0);
            add(p[i + 1], a1);
            continue;
        }
        const auto [lo, hi] = *hidden;
        if (lo > 0) {
            if (!open) add(p[i], a0);
            add(lerp(p[i], p[i + 1], lo), a0 + lo * (a1 - a0));
        }
        close();
        if (hi < 1) {
            add(lerp(p[i], p[i + 1], hi), a0 + hi * (a1 - a0));
            add(p[i + 1], a1);
        }
    }
    close();
    return pieces;
}

// =================================================================================================================
// [SECTION] Segments for the scale on screen

// Enough equal segments that no chord strays more than the tolerance from the lifted arc on screen. A chord over
// a parameter step h of a curve whose second derivative is at most `bend` strays at most bend * h^2 / 8 from it.
std::size_t segments_for_bend(double bend, double step_scale, std::size_t finest, const StoryGeometryOptions& options) {
    const double n = std::ceil(step_scale * std::sqrt(bend * options.pixels_per_metre / (8.0 * options.tolerance_px)));
    if (!std::isfinite(n)) return finest;
    return std::clamp(static_cast<std::size_t>(std::max(n, 0.0)), kMinArcSegments, finest);
}

// On the globe the bend is known: in metres per radian squared of the great circle, the ground circle contributes
// R, and the lift profile h = lift * sin(pi * phi / theta) up to lift * pi^2 / theta^2, which dominates for short
// arcs lifted high. The orthographic view only shortens it.
std::size_t globe_arc_segments(const GreatCircle& circle, double lift_m, const StoryGeometryOptions& options) {
    const std::size_t finest = segment_count(circle.arc_deg(), options.max_segment_deg, kMinArcSegments);
    const double theta = circle.arc_deg() * kDegToRad;
    if (!(theta > 0)) return finest;
    return segments_for_bend(R + lift_m * std::numbers::pi * std::numbers::pi / (theta * theta), theta, finest,
                             options);
}

// Samples of a ground track for estimating how a flat map bends it; where the map bends it more sharply than
// they can tell (the rim of an azimuthal map), its stretch shows between them as a bend large enough.
constexpr int kBendSamples = 16;
// The estimate from samples misses part of a bend that peaks between them.
constexpr double kSampledBendAllowance = 2.0;

// On flat maps the projection bends and stretches the track in ways only projecting it tells: the bend, in projected
// metres per unit of `along` squared, is estimated from second differences of the track projected at a few
// points, plus the bow's lift * pi^2. Points in different copies of the world (across the seam) or off the map
// make the estimate large: such arcs keep the finest segments.
std::size_t flat_arc_segments(const GreatCircle& circle, double lift_m, const Projection& projection,
                              const TrackDomain& domain, const StoryGeometryOptions& options) {
    const std::size_t finest = segment_count(circle.arc_deg(), options.max_segment_deg, kMinArcSegments);
    if (!(circle.length_m() > 0)) return finest;
    std::array<LonLat, kBendSamples + 1> lonlat{};
    std::array<XY, kBendSamples + 1> xy{};
    std::optional<double> shift;
    for (int i = 0; i <= kBendSamples; ++i) {
        const LonLat p = circle.at_distance(circle.length_m() * i / kBendSamples);
        const std::optional<double> here = domain.shift_at(p);
        if (!here || (shift && *here != *shift)) return finest;
        shift = here;
        lonlat[static_cast<std::size_t>(i)] = domain.to_map(p, *here);
    }
    projection.forward(lonlat, xy);
    double bend = 0;
    constexpr double h = 1.0 / kBendSamples;
    for (std::size_t i = 1; i < xy.size(); ++i) {
        if (!finite(xy[i]) || !finite(xy[i - 1])) return finest;
        if (i + 1 < xy.size()) bend = std::max(bend, length(xy[i - 1] - 2.0 * xy[i] + xy[i + 1]) / (h * h));
    }
    return segments_for_bend(kSampledBendAllowance * bend + lift_m * std::numbers::pi * std::numbers::pi, 1.0, finest,
                             options);
}

// =================================================================================================================
// [SECTION] Assembly

bool has_arc(const Relation& relation) {
    if (relation.from_place == relation.to_place) return false;
    return relation.kind != RelationKind::travel || !relation.route;
}

LonLat place_lonlat(const Story& story, std::size_t place) {
    return {story.places[place].lon, story.places[place].lat};
}

std::vector<std::optional<XY>> project_places(const Story& story, const Projection& projection) {
    const TrackDomain domain(projection.domain());
    std::vector<std::optional<XY>> out;
    out.reserve(story.places.size());
    for (const Place& place : story.places) {
        LonLat p{place.lon, place.lat};
        if (!domain.contains(p)) {
            out.emplace_back();
            continue;
        }
        if (domain.world_map()) p = domain.to_map(p, *domain.shift_at(p));
        out.push_back(projection.forward(p));
    }
    return out;
}

void append_pieces(StoryGeometry& geometry, StoryLine& line, const std::vector<LinePiece>& pieces) {
    ProjectedPaths& paths = geometry.pieces;
    line.first_piece = static_cast<std::uint32_t>(paths.path_count());
    for (const LinePiece& piece : pieces) {
        const std::size_t begin = paths.vertex_count();
        FloatBounds b{std::numeric_limits<float>::max(), std::numeric_limits<float>::max(),
                      std::numeric_limits<float>::lowest(), std::numeric_limits<float>::lowest()};
        for (std::size_t i = 0; i < piece.xy.size(); ++i) {
            const float x = static_cast<float>(piece.xy[i].x), y = static_cast<float>(piece.xy[i].y);
            // A cut a hair from a vertex rounds onto it: keep one vertex there, the later one (it may be the end).
            if (paths.vertex_count() > begin && paths.xy[paths.xy.size() - 2] == x && paths.xy.back() == y) {
                geometry.along.back() = static_cast<float>(piece.along[i]);
                continue;
            }
            paths.xy.push_back(x);
            paths.xy.push_back(y);
            geometry.along.push_back(static_cast<float>(piece.along[i]));
            b = {std::min(b.min_x, x), std::min(b.min_y, y), std::max(b.max_x, x), std::max(b.max_y, y)};
        }
        if (paths.vertex_count() - begin < 2) {
            paths.xy.resize(2 * begin);
            geometry.along.resize(begin);
            continue;
        }
        paths.starts.push_back(static_cast<std::uint32_t>(paths.vertex_count()));
        paths.bounds.push_back(b);
        geometry.piece_line.push_back(static_cast<std::uint32_t>(geometry.lines.size()));
        ++line.piece_count;
    }
}

}  // namespace

double full_detail_pixels_per_metre(const StoryGeometryOptions& options) {
    // Where even the ground circle alone asks for max_segment_deg on the globe. A flat map may bend an arc less
    // (a meridian not at all), but from this scale on it gets max_segment_deg too, so that no view needs to rebuild
    // its geometry beyond it.
    const double step = options.max_segment_deg * kDegToRad;
    if (!(step > 0) || !(options.tolerance_px > 0)) return 0.0;
    return 8.0 * options.tolerance_px / (R * step * step);
}

StoryGeometry build_story_geometry(const Story& story, const Projection& projection,
                                   const StoryGeometryOptions& options) {
    StoryGeometry geometry;
    geometry.spec = projection.spec();
    geometry.places = project_places(story, projection);
    const bool globe = projection.spec().name == "ortho";
    const ViewFrame view(projection.domain().center);
    const TrackDomain domain(projection.domain());
    const double full = full_detail_pixels_per_metre(options);

    const auto wanted = [&](std::size_t line) {
        return options.only_lines.empty() || (line < options.only_lines.size() && options.only_lines[line]);
    };
    // Arcs drawn so far between each unordered pair of places: each further one is lifted higher.
    std::map<std::pair<std::size_t, std::size_t>, int> earlier_arcs;
    for (std::size_t i = 0; i < story.relations.size(); ++i) {
        const Relation& relation = story.relations[i];
        StoryLine line{
            StoryLineSource::relation, i, 0.0, 0.0, static_cast<std::uint32_t>(geometry.pieces.path_count()), 0};
        // Each further arc between the same two places is lifted higher; only arcs that are drawn count.
        const int k = earlier_arcs[std::minmax(relation.from_place, relation.to_place)];
        auto lift_for = [&](double length_m) {
            return options.lift_per_length * length_m * (1.0 + options.lift_step * k);
        };
        // The first arc stands straight up; further ones lean to alternate sides, a step further each pair.
        const int pair = (k + 1) / 2;  // 0, 1, 1, 2, 2, ...
        const double lean = options.lean_step_rad * pair * (k % 2 == 1 ? 1.0 : -1.0);
        auto segments = [&](const GreatCircle& circle) {
            const std::size_t finest = segment_count(circle.arc_deg(), options.max_segment_deg, kMinArcSegments);
            if (!(options.pixels_per_metre > 0) || !(options.tolerance_px > 0) || options.pixels_per_metre >= full)
                return finest;
            const double lift = lift_for(circle.length_m());
            return globe ? globe_arc_segments(circle, lift, options)
                         : flat_arc_segments(circle, lift, projection, domain, options);
        };
        if (!wanted(i)) {
            // Not built, but counted as the full build would count it.
            if (has_arc(relation) &&
                GreatCircle(place_lonlat(story, relation.from_place), place_lonlat(story, relation.to_place))
                        .length_m() > 0)
                ++earlier_arcs[std::minmax(relation.from_place, relation.to_place)];
            geometry.lines.push_back(line);
            continue;
        }
        const GroundTrack track = has_arc(relation) ? GroundTrack::arc(place_lonlat(story, relation.from_place),
                                                                       place_lonlat(story, relation.to_place), segments)
                                                    : GroundTrack{};
        if (!track.empty()) {
            line.ground_length_m = track.length_m();
            line.lift_m = lift_for(track.length_m());
            ++earlier_arcs[std::minmax(relation.from_place, relation.to_place)];
            append_pieces(
                geometry, line,
                globe ? globe_arc_pieces(track, line.lift_m, lean, view) : flat_pieces(projection, track, line.lift_m));
        }
        geometry.lines.push_back(line);
    }
    for (std::size_t r = 0; r < story.routes.size(); ++r) {
        StoryLine line{
            StoryLineSource::route, r, 0.0, 0.0, static_cast<std::uint32_t>(geometry.pieces.path_count()), 0};
        const std::size_t index = story.relations.size() + r;
        if (!wanted(index)) {
            geometry.lines.push_back(line);
            continue;
        }
        const GroundTrack track = GroundTrack::route(story.routes[r], options.max_segment_deg);
        if (!track.empty()) {
            line.ground_length_m = track.length_m();
            // On the ground, the globe is a horizon domain like any other: routes project through PROJ.
            append_pieces(geometry, line, flat_pieces(projection, track, 0.0));
        }
        geometry.lines.push_back(line);
    }
    return geometry;
}

}  // namespace geo

#include "geo/story/story_picking.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace geo {
namespace {

// How far beyond its drawn radius a marker still counts as hit, in pixels: markers are small, and a pointer on
// their anti-aliased rim should not fall through to a line underneath.
constexpr double kMarkerSlackPx = 1.0;

double squared_distance_to_segment(double px, double py, double ax, double ay, double bx, double by) {
    const double dx = bx - ax, dy = by - ay;
    const double length2 = dx * dx + dy * dy;
    double t = 0.0;
    if (length2 > 0.0) t = std::clamp(((px - ax) * dx + (py - ay) * dy) / length2, 0.0, 1.0);
    const double ex = px - (ax + t * dx), ey = py - (ay + t * dy);
    return ex * ex + ey * ey;
}

std::optional<std::size_t> pick_place(const StoryGeometry& geometry, const PickQuery& query) {
    std::optional<std::size_t> best;
    double best_px = std::numeric_limits<double>::infinity();
    const std::size_t count = std::min(geometry.places.size(), query.place_radius_px.size());
    for (std::size_t i = 0; i < count; ++i) {
        const double radius = query.place_radius_px[i];
        if (!geometry.places[i] || !(radius > 0.0)) continue;
        const double d_px = std::hypot(query.point.x - geometry.places[i]->x, query.point.y - geometry.places[i]->y) *
                            query.pixels_per_metre;
        if (d_px <= radius + kMarkerSlackPx && d_px < best_px) {
            best = i;
            best_px = d_px;
        }
    }
    return best;
}

}  // namespace

StoryItem pick_story_item(const StoryGeometry& geometry, const PickQuery& query) {
    const double scale = query.pixels_per_metre;
    if (!(scale > 0.0) || !std::isfinite(scale) || !std::isfinite(query.point.x) || !std::isfinite(query.point.y))
        return {};

    if (const auto place = pick_place(geometry, query)) return {StoryItem::Kind::place, *place};

    const double tolerance_m = std::max(query.tolerance_px, 0.0) / scale;
    // Inclusive: a pointer exactly tolerance_px away still picks.
    double best_d2 = tolerance_m * tolerance_m;
    std::optional<std::size_t> best_line;
    // Strictly nearer, except for the first hit, so that ties go to the earlier line: relations come before routes
    // and are drawn over them.
    const auto consider = [&](double d2, std::size_t line) {
        if (d2 < best_d2 || (!best_line && d2 <= best_d2)) {
            best_d2 = d2;
            best_line = line;
        }
    };

    const ProjectedPaths& pieces = geometry.pieces;
    const std::size_t piece_total = pieces.starts.empty() ? 0 : pieces.path_count();
    const bool have_bounds = pieces.bounds.size() == piece_total;
    const double px = query.point.x, py = query.point.y;

    // By line rather than by piece, so that a disabled line costs one call and none of its pieces are looked at.
    for (std::size_t line = 0; line < geometry.lines.size(); ++line) {
        const StoryLine& story_line = geometry.lines[line];
        if (story_line.piece_count == 0) continue;
        if (query.line_enabled && !query.line_enabled(line)) continue;
        const std::size_t end_piece =
            std::min<std::size_t>(std::size_t{story_line.first_piece} + story_line.piece_count, piece_total);
        for (std::size_t piece = story_line.first_piece; piece < end_piece; ++piece) {
            if (have_bounds) {
                const FloatBounds& b = pieces.bounds[piece];
                // Only pieces whose box, grown by the best distance so far, holds the point can beat it.
                const double reach = std::sqrt(best_d2);
                if (px < b.min_x - reach || px > b.max_x + reach || py < b.min_y - reach || py > b.max_y + reach)
                    continue;
            }
            const std::size_t first = pieces.starts[piece];
            const std::size_t last = std::min<std::size_t>(pieces.starts[piece + 1], pieces.vertex_count());
            if (first >= last) continue;
            const auto x = [&](std::size_t v) { return static_cast<double>(pieces.xy[2 * v]); };
            const auto y = [&](std::size_t v) { return static_cast<double>(pieces.xy[2 * v + 1]); };
            // A piece of one vertex is still a point that can be hit; longer pieces are their segments. No segment
            // ever joins two pieces: that is what keeps a seam-cut line from being picked across the map.
            if (last - first == 1) {
                consider(squared_distance_to_segment(px, py, x(first), y(first), x(first), y(first)), line);
                continue;
            }
            for (std::size_t v = first; v + 1 < last; ++v)
                consider(squared_distance_to_segment(px, py, x(v), y(v), x(v + 1), y(v + 1)), line);
        }
    }
    if (!best_line) return {};
    const StoryLine& hit = geometry.lines[*best_line];
    return {hit.source == StoryLineSource::route ? StoryItem::Kind::route : StoryItem::Kind::relation, hit.index};
}

}  // namespace geo

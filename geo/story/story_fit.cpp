#include "geo/story/story_fit.hpp"

#include <algorithm>
#include <cmath>

#include "geo/map/sphere.hpp"
#include "geo/story/story_geometry.hpp"

namespace geo {

FitTarget main_places_target(const Story& story) {
    FitTarget target;
    for (std::size_t i = 0; i < story.places.size(); ++i)
        if (story.places[i].main) target.places.push_back(i);
    if (target.places.empty())
        for (std::size_t i = 0; i < story.places.size(); ++i) target.places.push_back(i);
    return target;
}

std::vector<LonLat> target_points(const Story& story, const FitTarget& target) {
    std::vector<LonLat> points;
    const auto add_place = [&](std::size_t p) { points.push_back({story.places[p].lon, story.places[p].lat}); };
    for (std::size_t p : target.places) add_place(p);
    for (std::size_t r : target.relations) {
        add_place(story.relations[r].from_place);
        add_place(story.relations[r].to_place);
    }
    for (std::size_t r : target.routes)
        for (const Waypoint& w : story.routes[r].waypoints) points.push_back({w.lon, w.lat});
    return points;
}

namespace {

// Seen from straight above their great circle, lifted arcs project onto that circle's line: the globe looks at
// them from a little to the side instead (towards the equator, so they bow up the screen), by a share of the first
// framed relation's length.
LonLat globe_centre(const Story& story, const FitTarget& target, const std::vector<LonLat>& points) {
    const LonLat middle = spherical_midpoint(points);
    for (std::size_t r : target.relations) {
        const Relation& relation = story.relations[r];
        const Place& from = story.places[relation.from_place];
        const Place& to = story.places[relation.to_place];
        const Vec3 a = to_unit_vector({from.lon, from.lat}), b = to_unit_vector({to.lon, to.lat});
        Vec3 n{a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
        const double length = std::sqrt(n.x * n.x + n.y * n.y + n.z * n.z);
        if (length < 1e-6) continue;  // a meeting at one place, or antipodes
        const double angle = angular_distance_deg(a, b) * kDegToRad;
        const Vec3 m = to_unit_vector(middle);
        // The normal's side that points away from the pole the arc is nearer to.
        const double sign = (n.z * (m.z >= 0 ? 1.0 : -1.0)) > 0 ? -1.0 : 1.0;
        const double tilt = 0.18 * angle / length * sign;
        return to_lon_lat({m.x + tilt * n.x, m.y + tilt * n.y, m.z + tilt * n.z});
    }
    return middle;
}

}  // namespace

std::optional<ViewPose> fit_story_view(const Story& story, const FitTarget& target, const ProjectionSpec& current,
                                       bool turn_globe, int width, int height, const PixelRect& free,
                                       const StoryFitOptions& options) {
    const std::vector<LonLat> points = target_points(story, target);
    if (points.empty()) return std::nullopt;
    ProjectionSpec spec = current;
    if (turn_globe) spec.center = globe_centre(story, target, points);
    auto created = Projection::create(spec);
    const auto* projection = std::get_if<Projection>(&created);
    if (!projection) return std::nullopt;
    auto bounds = projected_bounds(*projection, points);
    if (!bounds) return std::nullopt;

    // The lifted arcs rise above the ground between their places: their projected lines widen the bounds.
    if (!target.relations.empty() || !target.routes.empty()) {
        StoryGeometryOptions only_target;
        only_target.only_lines.assign(story.relations.size() + story.routes.size(), false);
        for (std::size_t r : target.relations) only_target.only_lines[r] = true;
        for (std::size_t r : target.routes) only_target.only_lines[story.relations.size() + r] = true;
        const StoryGeometry geometry = build_story_geometry(story, *projection, only_target);
        const auto widen = [&](std::size_t line_index) {
            const StoryLine& line = geometry.lines[line_index];
            for (std::uint32_t piece = line.first_piece; piece < line.first_piece + line.piece_count; ++piece) {
                const std::size_t begin = geometry.pieces.starts[piece];
                const std::size_t end = geometry.pieces.starts[piece + 1];
                for (std::size_t v = begin; v < end; ++v) {
                    const auto x = static_cast<double>(geometry.pieces.xy[2 * v]);
                    const auto y = static_cast<double>(geometry.pieces.xy[2 * v + 1]);
                    bounds = Bounds{std::min(bounds->min_x, x), std::min(bounds->min_y, y), std::max(bounds->max_x, x),
                                    std::max(bounds->max_y, y)};
                }
            }
        };
        for (std::size_t r : target.relations) widen(r);
        for (std::size_t r : target.routes) widen(story.relations.size() + r);
    }

    // Labels stand beside their markers: the free rectangle shrinks by their room on each side, so the outermost
    // places' names stay inside it too.
    PixelRect room = free;
    room.left += options.label_width_px;
    room.right -= options.label_width_px;
    room.top += options.label_height_px;
    room.bottom -= options.label_height_px;
    if (room.width() < 64 || room.height() < 64) room = free;
    const Bounds& world = projection->world_bounds();
    FitOptions fit;
    fit.margin_px = options.margin_px;
    // Never farther out than the whole world, never closer than a city's surroundings.
    fit.min_pixels_per_metre = 0.8 * std::min(width / world.width(), height / world.height());
    fit.max_pixels_per_metre = fit.min_pixels_per_metre * 64.0;
    return ViewPose{spec.center, fit_bounds(*bounds, width, height, room, fit)};
}

}  // namespace geo

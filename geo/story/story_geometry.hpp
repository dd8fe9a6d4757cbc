#pragma once
// The story's lines on the map for one projection: every relation as a great-circle arc lifted above the ground,
// every route along its waypoints on the ground. Built once per projection (like ProjectedScene), never per frame.
//
// Arcs follow the great circle between their places (PROJ's geodesic API on the map's sphere, f = 0). Their lift
// grows with their length, and relations that share both places get different lifts, so that a warning and its
// rebuff never lie on top of each other. On the globe (`ortho`) the lift is real height above the sphere: a lifted
// point projects orthographically like any 3D point, hidden where the earth stands in front of it, visible where
// it rises beyond the limb. On every other projection the lift is a bow to the left of the direction of travel.
// Lines are cut into pieces wherever they leave the map (the cut meridian of world maps, behind the globe), so no
// segment ever joins two sides of the map.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "geo/map/projected_scene.hpp"
#include "geo/map/projection.hpp"
#include "geo/story/story.hpp"

namespace geo {

enum class StoryLineSource : std::uint8_t { relation, route };

// One relation or route. Its vertices are pieces [first_piece, first_piece + piece_count) of StoryGeometry::pieces.
struct StoryLine {
    StoryLineSource source = StoryLineSource::relation;
    std::size_t index = 0;       // into Story::relations or Story::routes
    double ground_length_m = 0;  // along the ground track on the sphere (0 for relations without an arc)
    double lift_m = 0;           // greatest height above the ground (0 for routes and relations without an arc)
    std::uint32_t first_piece = 0;
    std::uint32_t piece_count = 0;  // 0 when nothing of it is on the map
};

// Pieces of all lines, flattened for upload: vertex i has projected metres xy[2i], xy[2i+1] and `along[i]`, its
// fraction (0 at the source, 1 at the target) of the line's ground length. `along` increases within a piece, and
// a piece that ends where the line ends has along == 1 exactly there (so the renderer can put the arrowhead on it).
// An arc's height at `along` is lift_m * sin(pi * along): real height on the globe, a bow on every other map.
struct StoryGeometry {
    ProjectionSpec spec;
    std::vector<std::optional<XY>> places;  // per Story::places; nullopt where hidden or off the map
    // Exactly one per relation, in story order, then one per route: lines[i] is relation i and
    // lines[relations.size() + r] is route r, also where a line has no pieces (meetings, journeys that their
    // route shows, arcs wholly off the map), so that indices never shift with the projection.
    std::vector<StoryLine> lines;
    ProjectedPaths pieces;                  // xy, starts and bounds per piece
    std::vector<float> along;               // one per vertex of `pieces`
    std::vector<std::uint32_t> piece_line;  // per piece: index into `lines`
};

struct StoryGeometryOptions {
    double max_segment_deg = 1.0;  // the finest densification of arcs and of long route legs, degrees of great circle
    // The scale the arcs will be seen at, pixels per projected metre; 0: every arc densified at max_segment_deg.
    // Otherwise an arc gets only as many segments as keep each chord within `tolerance_px` of the curve on screen
    // (at least 8, at most the max_segment_deg count): a few dozen for an arc across a whole globe, where 10,000
    // arcs at one degree would cost the renderer 700,000 segments for no visible gain.
    double pixels_per_metre = 0;
    double tolerance_px = 0.2;
    double lift_per_length = 0.15;  // greatest lift as a share of the arc's ground length
    double lift_step = 0.35;        // each further relation between the same two places is lifted this much more
    // On the globe each further relation between the same two places also leans to alternate sides of the first
    // by this much more (radians): lifted straight up, arcs whose great circle passes through the view centre
    // would project onto one line whatever their heights.
    double lean_step_rad = 0.45;
    // When not empty: only the lines marked here (indexed as StoryGeometry::lines) get pieces; the others are
    // present but empty (no pieces, zero length), yet still count for the lifts of later arcs between the same
    // places, so a line built alone is exactly the line built with all the others. Fitting a view to a few lines
    // then costs a few lines, not the whole story.
    std::vector<bool> only_lines;
};

// The scale beyond which `options` densify every arc at max_segment_deg anyway: zooming in further changes nothing,
// so a view need not rebuild its geometry for it.
[[nodiscard]] double full_detail_pixels_per_metre(const StoryGeometryOptions& options);

// Relations whose two places are the same (a meeting, a statement) and travel relations that name a route get no
// arc: the place's marker and the route show them.
StoryGeometry build_story_geometry(const Story& story, const Projection& projection,
                                   const StoryGeometryOptions& options = {});

}  // namespace geo

#pragma once
// Finding the story item under the pointer, on the CPU in projected metres: a place when the pointer is on its
// marker, otherwise the nearest line (arc or route) within a few pixels. Works on every projection and on lines
// that are cut at the map's seam, because it looks at the very pieces the renderer draws.
#include <functional>
#include <span>

#include "geo/story/selection.hpp"
#include "geo/story/story_geometry.hpp"

namespace geo {

struct PickQuery {
    XY point;                                 // the pointer in projected metres
    double pixels_per_metre = 1;              // the camera's scale
    double tolerance_px = 6;                  // how far from a line still counts
    std::span<const double> place_radius_px;  // per place: the marker's radius on screen (0: not pickable)
    // Which lines may be picked (layer toggles, arcs not yet drawn); empty: all.
    std::function<bool(std::size_t line)> line_enabled;
};

// Relations pick as StoryItem::Kind::relation, routes as ::route (the geometry's StoryLine says which).
StoryItem pick_story_item(const StoryGeometry& geometry, const PickQuery& query);

}  // namespace geo

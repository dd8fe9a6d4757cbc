#pragma once
// Where on the map a line of the story is at a given share of its length: the train marker rides on this, and
// tests use it to find where an arc or a route should be drawn.
#include <cstddef>
#include <optional>

#include "geo/story/story_geometry.hpp"

namespace geo {

struct LinePoint {
    XY position;   // projected metres
    XY direction;  // unit vector of travel in projected metres (0, 0 where it cannot be told)
};

// The point at `along` (0..1) on line `line`; nullopt where that part of the line is not on the map (behind the
// globe, past the cut meridian). Looks only at the line's own pieces: no allocation, fit for the frame loop.
std::optional<LinePoint> point_on_line(const StoryGeometry& geometry, std::size_t line, double along);

}  // namespace geo

#pragma once
#include "geo/map/paths.hpp"

namespace geo {

// Meridians and parallels every `step_deg`, densified so that they curve correctly once projected. Meridians stop
// at the last parallel short of the poles, where they would otherwise crowd into a dark knot.
LonLatPaths make_graticule(double step_deg = 10.0);

}  // namespace geo

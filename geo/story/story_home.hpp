#pragma once
// The centre a story opens on: its first main place (Pyongyang for the bundled story), moved just far enough
// towards the other main places that all of them stand on the visible half of the globe, so the heart of the
// story is on screen and labelled from the first frame. Washington is 100 degrees from Pyongyang: a globe centred
// exactly on Korea would hide it.
#include "geo/map/sphere.hpp"
#include "geo/story/story.hpp"

namespace geo {

// Main places (or, without any, all places) end up within `max_distance_deg` of the centre where that is possible;
// a story without places gives `fallback`.
LonLat story_home_center(const Story& story, LonLat fallback, double max_distance_deg = 78.0);

}  // namespace geo

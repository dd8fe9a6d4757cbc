#pragma once
// Which of a story's main places the home view frames, and which it only points to from the edge of the map.
// Framing every main place can leave the heart of the story too small to read: the bundled story's Washington lies
// across the Pacific from Korea, and a view holding both shows Pyongyang, Seoul and Vladivostok as one blur.
#include <cstddef>
#include <vector>

#include "geo/story/story.hpp"
#include "geo/story/story_fit.hpp"

namespace geo {

struct HomeGroup {
    std::vector<std::size_t> framed;     // main places the home view frames (indices into Story::places)
    std::vector<std::size_t> elsewhere;  // main places shown by an edge indicator instead
};

// "Readable": a view that frames every main place shows a group whose extent is at least `readable_share` of the
// whole framed extent. The scale of a fitted view follows the great-circle diameter of what it frames, so with the
// default 0.25 a group that would take less than a quarter of the free area's smaller side is not readable.
// The main places fall into groups linked by steps shorter than `readable_share` of the diameter of all of them
// (single linkage); the densest group is the one with the most places (on a tie, the one holding the story's first
// main place). When that group's own diameter is under `readable_share` of the whole, it alone is framed and
// every other main place is `elsewhere`; otherwise every main place is framed.
[[nodiscard]] HomeGroup home_group(const Story& story, double readable_share = 0.25);

// What the home view frames: the framed places and the relations between two of them, so their lifted arcs fit.
[[nodiscard]] FitTarget home_target(const Story& story, const HomeGroup& group);

}  // namespace geo

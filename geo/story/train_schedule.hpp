#pragma once
// Where the train is at a given animation time: a steady pace along its route, a pause at every waypoint marked
// as a stop (the border crossing), a rest at the destination, then the journey starts again. A pure function of
// time, so the same time always gives the same frame.
#include <vector>

#include "geo/story/story.hpp"

namespace geo {

struct TrainTiming {
    double travel_seconds = 12.0;  // moving time for the whole route
    double stop_seconds = 1.5;     // pause at each stop
    double arrival_seconds = 2.0;  // rest at the destination before looping
};

class TrainSchedule {
public:
    TrainSchedule(const Route& route, const TrainTiming& timing = {});

    // Fraction of the route's ground length covered at `seconds` (0 at the start, 1 at the destination).
    [[nodiscard]] double along_at(double seconds) const;
    // When the train reaches the waypoint (its first arrival in the first loop).
    [[nodiscard]] double arrival_time(std::size_t waypoint) const;
    [[nodiscard]] double loop_seconds() const { return loop_seconds_; }

private:
    std::vector<double> waypoint_along_;  // fraction of the ground length at each waypoint
    std::vector<bool> stops_;
    TrainTiming timing_;
    double loop_seconds_ = 0;
};

}  // namespace geo

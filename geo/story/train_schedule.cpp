#include "geo/story/train_schedule.hpp"

#include <algorithm>
#include <cmath>

#include "geo/map/great_circle.hpp"

namespace geo {

TrainSchedule::TrainSchedule(const Route& route, const TrainTiming& timing) : timing_(timing) {
    const std::size_t n = route.waypoints.size();
    waypoint_along_.assign(n, 0.0);
    for (std::size_t i = 1; i < n; ++i) {
        const Waypoint& a = route.waypoints[i - 1];
        const Waypoint& b = route.waypoints[i];
        waypoint_along_[i] = waypoint_along_[i - 1] + GreatCircle({a.lon, a.lat}, {b.lon, b.lat}).length_m();
    }
    const double total = n > 0 ? waypoint_along_.back() : 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        // A route that goes nowhere still runs its clock: its waypoints share the time evenly.
        waypoint_along_[i] = total > 0 ? waypoint_along_[i] / total
                                       : static_cast<double>(i) / static_cast<double>(std::max<std::size_t>(n - 1, 1));
    }
    if (n > 0) waypoint_along_.back() = 1.0;

    // The destination rests for arrival_seconds instead of stopping.
    stops_.assign(n, false);
    std::size_t stop_count = 0;
    for (std::size_t i = 0; i + 1 < n; ++i) {
        stops_[i] = route.waypoints[i].stop;
        if (stops_[i]) ++stop_count;
    }
    loop_seconds_ = std::max(0.0, timing_.travel_seconds) +
                    static_cast<double>(stop_count) * std::max(0.0, timing_.stop_seconds) +
                    std::max(0.0, timing_.arrival_seconds);
}

double TrainSchedule::arrival_time(std::size_t waypoint) const {
    if (waypoint_along_.empty()) return 0.0;
    waypoint = std::min(waypoint, waypoint_along_.size() - 1);
    const auto stops_before = std::count(stops_.begin(), stops_.begin() + static_cast<std::ptrdiff_t>(waypoint), true);
    return std::max(0.0, timing_.travel_seconds) * waypoint_along_[waypoint] +
           static_cast<double>(stops_before) * std::max(0.0, timing_.stop_seconds);
}

double TrainSchedule::along_at(double seconds) const {
    if (!(loop_seconds_ > 0) || waypoint_along_.size() < 2 || !std::isfinite(seconds)) return 1.0;
    double t = std::fmod(seconds, loop_seconds_);
    if (t < 0) t += loop_seconds_;
    const double travel = std::max(0.0, timing_.travel_seconds), stop = std::max(0.0, timing_.stop_seconds);
    double clock = 0.0;  // when the train reaches waypoint i
    for (std::size_t i = 0; i + 1 < waypoint_along_.size(); ++i) {
        const double departs = clock + (stops_[i] ? stop : 0.0);
        if (t < departs) return waypoint_along_[i];
        const double leg = travel * (waypoint_along_[i + 1] - waypoint_along_[i]);
        if (t < departs + leg)
            // Clamped: rounding must never carry the train past the next waypoint and back again.
            return std::min(waypoint_along_[i] + (t - departs) / travel, waypoint_along_[i + 1]);
        clock = departs + leg;
    }
    return 1.0;
}

}  // namespace geo

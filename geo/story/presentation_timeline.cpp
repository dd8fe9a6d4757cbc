#include "geo/story/presentation_timeline.hpp"

#include <algorithm>

namespace geo {

double presentation_seconds(const std::vector<Slide>& slides) {
    double total = 0;
    for (const Slide& slide : slides) total += std::max(0.0, slide.duration_seconds);
    return total;
}

PresentationMoment presentation_moment(const std::vector<Slide>& slides, const std::vector<double>& flights,
                                       double seconds) {
    PresentationMoment moment;
    if (slides.empty()) return moment;
    double start = 0;
    std::size_t index = 0;
    // The slide whose [start, start + duration) holds the time; past the end, the last slide's last instant.
    const double t = std::max(0.0, seconds);
    while (index + 1 < slides.size() && t >= start + std::max(0.0, slides[index].duration_seconds)) {
        start += std::max(0.0, slides[index].duration_seconds);
        ++index;
    }
    const Slide& slide = slides[index];
    moment.slide = index;
    moment.slide_seconds = std::min(t - start, std::max(0.0, slide.duration_seconds));
    const double flight = index == 0 || index >= flights.size() ? 0.0 : std::max(0.0, flights[index]);
    moment.in_flight = moment.slide_seconds < flight;
    moment.flight_seconds = std::min(moment.slide_seconds, flight);
    const double played = std::max(0.0, moment.slide_seconds - flight);
    moment.animation_seconds = std::min(slide.from_seconds + played, std::max(slide.from_seconds, slide.to_seconds));
    return moment;
}

}  // namespace geo

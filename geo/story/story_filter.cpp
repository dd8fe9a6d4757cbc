#include "geo/story/story_filter.hpp"

#include <algorithm>

#include "geo/story/story_animation.hpp"

namespace geo {

bool shown_as_of(const std::optional<DateRange>& date, const std::optional<std::chrono::year_month_day>& day) {
    return !date || !day || date->begun_by(*day);
}

Presence presence_as_of(const std::optional<DateRange>& date, const AsOf& as_of, std::optional<double> seconds) {
    const bool now = shown_as_of(date, as_of.date);
    const bool before = shown_as_of(date, as_of.previous);
    if (now && before) return {};
    if (!now && !before) return {0.0, 0.0};
    // Settled: the change has played out.
    const double since = seconds ? *seconds - as_of.changed_seconds : 1e9;
    if (now) return {std::clamp(since / StoryAnimation::kDrawInSeconds, 0.0, 1.0), 1.0};
    return {1.0, std::clamp(1.0 - since / kAsOfFadeOutSeconds, 0.0, 1.0)};
}

}  // namespace geo

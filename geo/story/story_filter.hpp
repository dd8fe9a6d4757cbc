#pragma once
// "What was known when": which relations and routes a view dated `as of` a day shows, and how a change of that day
// plays out over the animation clock (newly shown lines draw themselves in, newly hidden ones fade out). Plain
// functions of their inputs, like the animation clock, so that drawing, picking and the overlay agree and a frame
// stays a pure function of its inputs.
#include <chrono>
#include <optional>

#include "geo/story/date.hpp"

namespace geo {

struct AsOf {
    std::optional<std::chrono::year_month_day> date;      // empty: everything shows
    std::optional<std::chrono::year_month_day> previous;  // the date before the last change (empty: everything)
    double changed_seconds = -1e9;                        // the animation clock when it changed

    friend bool operator==(const AsOf&, const AsOf&) = default;
};

// Lines hidden by a change of date fade out in this time; lines shown by it draw in as at the story's start
// (StoryAnimation::kDrawInSeconds).
inline constexpr double kAsOfFadeOutSeconds = 0.5;

// Whether an item dated `date` shows as of `day`: undated items always do, and so does everything with no day.
[[nodiscard]] bool shown_as_of(const std::optional<DateRange>& date,
                               const std::optional<std::chrono::year_month_day>& day);

// How an item dated `date` shows at clock `seconds` (empty: settled, every change played out).
struct Presence {
    double drawn = 1.0;    // 0..1 of its length drawn in since the date showed it (1: not newly shown)
    double opacity = 1.0;  // 0..1, below 1 while the date's change fades it out
    [[nodiscard]] bool visible() const { return drawn > 0.0 && opacity > 0.0; }
};
[[nodiscard]] Presence presence_as_of(const std::optional<DateRange>& date, const AsOf& as_of,
                                      std::optional<double> seconds);

}  // namespace geo

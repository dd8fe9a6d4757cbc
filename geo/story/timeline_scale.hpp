#pragma once
// The timeline's axis. The story's dates are uneven (April 2019, February 2022, then a dozen days of September
// 2023), so a linear axis would crush the story's week into one pixel: every date that matters is an anchor,
// anchors stand evenly spaced, and days run linearly between neighbours. Scrubbing maps a position back to a day.
#include <chrono>
#include <cstddef>
#include <vector>

#include "geo/story/story.hpp"

namespace geo {

// The first days of the story's timeline events, relations, routes and its publication date, sorted, unique.
[[nodiscard]] std::vector<std::chrono::year_month_day> timeline_anchors(const Story& story);

class TimelineScale {
public:
    TimelineScale() = default;
    explicit TimelineScale(std::vector<std::chrono::year_month_day> anchors);

    [[nodiscard]] bool empty() const { return anchors_.empty(); }
    [[nodiscard]] const std::vector<std::chrono::year_month_day>& anchors() const { return anchors_; }
    [[nodiscard]] std::chrono::year_month_day first() const { return anchors_.front(); }
    [[nodiscard]] std::chrono::year_month_day last() const { return anchors_.back(); }

    // 0 at the first anchor, 1 at the last; dates outside clamp. A single anchor stands at 0.5.
    [[nodiscard]] double position(std::chrono::year_month_day day) const;
    // The day at `position`, rounded to the nearest day; anchors are exact.
    [[nodiscard]] std::chrono::year_month_day day_at(double position) const;

private:
    std::vector<std::chrono::year_month_day> anchors_;
};

}  // namespace geo

#pragma once
// The story's animation clock, as plain functions of time: one clock in seconds is an explicit input, so the same
// time always gives the same frame (exports, videos and render tests depend on it). No time at all means the
// settled story: every arc fully drawn, the train arrived.
#include <cstddef>
#include <optional>
#include <vector>

#include "geo/story/story.hpp"
#include "geo/story/train_schedule.hpp"

namespace geo {

class StoryAnimation {
public:
    static constexpr double kFirstArcSeconds = 1.0;    // the first relation appears this long after the start
    static constexpr double kArcSpacingSeconds = 0.6;  // each further relation this much later, in story order
    static constexpr double kDrawInSeconds = 1.5;      // an arc draws itself from source to target in this time

    explicit StoryAnimation(const Story& story, const TrainTiming& timing = {});

    // When relation `relation` appears.
    [[nodiscard]] double appear_seconds(std::size_t relation) const;
    // How much of the relation's arc is drawn, 0..1, from its source; 1 when `seconds` is empty (settled).
    [[nodiscard]] double draw_progress(std::size_t relation, std::optional<double> seconds) const;
    // For a route travelled by the animated train (not historic): the fraction of its length covered at `seconds`,
    // 1 when settled. Empty for routes without a train (drawn solid throughout).
    [[nodiscard]] std::optional<double> train_along(std::size_t route, std::optional<double> seconds) const;
    [[nodiscard]] const std::optional<TrainSchedule>& schedule(std::size_t route) const { return schedules_[route]; }

private:
    std::vector<std::optional<TrainSchedule>> schedules_;  // per route
};

// How long the story takes to play once: the last relation's arc drawn, every train's first journey done (with its
// rest at the destination). The viewer's clock loops over this; slides' play ranges must lie within it.
[[nodiscard]] double story_play_seconds(const Story& story, const StoryAnimation& animation);
[[nodiscard]] double story_play_seconds(const Story& story);

}  // namespace geo

#include "geo/story/story_animation.hpp"

#include <algorithm>

namespace geo {

StoryAnimation::StoryAnimation(const Story& story, const TrainTiming& timing) {
    schedules_.reserve(story.routes.size());
    for (const Route& route : story.routes) {
        // Historic journeys are context, drawn solid; only the story's own train moves.
        if (!route.historic && route.mode == RouteMode::train && route.waypoints.size() >= 2)
            schedules_.emplace_back(TrainSchedule(route, timing));
        else
            schedules_.emplace_back(std::nullopt);
    }
}

double StoryAnimation::appear_seconds(std::size_t relation) const {
    return kFirstArcSeconds + static_cast<double>(relation) * kArcSpacingSeconds;
}

double StoryAnimation::draw_progress(std::size_t relation, std::optional<double> seconds) const {
    if (!seconds) return 1.0;
    return std::clamp((*seconds - appear_seconds(relation)) / kDrawInSeconds, 0.0, 1.0);
}

std::optional<double> StoryAnimation::train_along(std::size_t route, std::optional<double> seconds) const {
    if (route >= schedules_.size() || !schedules_[route]) return std::nullopt;
    if (!seconds) return 1.0;
    return schedules_[route]->along_at(*seconds);
}

double story_play_seconds(const Story& story, const StoryAnimation& animation) {
    double end = 0.0;
    if (!story.relations.empty())
        end = animation.appear_seconds(story.relations.size() - 1) + StoryAnimation::kDrawInSeconds;
    for (std::size_t r = 0; r < story.routes.size(); ++r)
        if (const auto& schedule = animation.schedule(r)) end = std::max(end, schedule->loop_seconds());
    return end;
}

double story_play_seconds(const Story& story) { return story_play_seconds(story, StoryAnimation(story)); }

}  // namespace geo

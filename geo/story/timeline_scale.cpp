#include "geo/story/timeline_scale.hpp"

#include <algorithm>
#include <cmath>

namespace geo {

using std::chrono::sys_days;
using std::chrono::year_month_day;

std::vector<year_month_day> timeline_anchors(const Story& story) {
    std::vector<year_month_day> days;
    days.reserve(story.timeline.size() + story.relations.size() + story.routes.size() + 1);
    for (const TimelineEvent& e : story.timeline) days.push_back(e.date.first);
    for (const Relation& r : story.relations)
        if (r.date) days.push_back(r.date->first);
    for (const Route& r : story.routes)
        if (r.date) days.push_back(r.date->first);
    if (story.meta.date.first.ok()) days.push_back(story.meta.date.first);
    days.erase(std::remove_if(days.begin(), days.end(), [](const year_month_day& d) { return !d.ok(); }), days.end());
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

TimelineScale::TimelineScale(std::vector<year_month_day> anchors) : anchors_(std::move(anchors)) {
    std::sort(anchors_.begin(), anchors_.end());
    anchors_.erase(std::unique(anchors_.begin(), anchors_.end()), anchors_.end());
}

double TimelineScale::position(year_month_day day) const {
    if (anchors_.empty()) return 0.0;
    if (anchors_.size() == 1) return 0.5;
    if (day <= anchors_.front()) return 0.0;
    if (day >= anchors_.back()) return 1.0;
    const auto next = std::upper_bound(anchors_.begin(), anchors_.end(), day);
    const auto i = static_cast<std::size_t>(next - anchors_.begin()) - 1;
    const double span = (sys_days(anchors_[i + 1]) - sys_days(anchors_[i])).count();
    const double into = (sys_days(day) - sys_days(anchors_[i])).count();
    return (static_cast<double>(i) + into / span) / static_cast<double>(anchors_.size() - 1);
}

year_month_day TimelineScale::day_at(double position) const {
    if (anchors_.empty()) return {};
    if (anchors_.size() == 1) return anchors_.front();
    const double segments = static_cast<double>(anchors_.size() - 1);
    const double at = std::clamp(position, 0.0, 1.0) * segments;
    const auto i = std::min(static_cast<std::size_t>(at), anchors_.size() - 2);
    const double span = (sys_days(anchors_[i + 1]) - sys_days(anchors_[i])).count();
    const auto days = static_cast<int>(std::lround((at - static_cast<double>(i)) * span));
    return year_month_day(sys_days(anchors_[i]) + std::chrono::days(days));
}

}  // namespace geo

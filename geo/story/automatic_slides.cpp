#include "geo/story/automatic_slides.hpp"

#include <algorithm>
#include <numeric>

#include "geo/story/slide_timing.hpp"
#include "geo/story/slide_view.hpp"
#include "geo/story/story_animation.hpp"

namespace geo {

std::vector<Slide> automatic_slides(const Story& story) {
    std::vector<std::size_t> order(story.relations.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& da = story.relations[a].date;
        const auto& db = story.relations[b].date;
        if (!da || !db) return da.has_value() && !db.has_value();
        return da->first < db->first;
    });

    const StoryAnimation animation(story);
    std::vector<Slide> slides;
    slides.reserve(order.size());
    for (const std::size_t r : order) {
        const Relation& relation = story.relations[r];
        Slide slide;
        slide.id = relation.id;
        slide.camera.fit = true;
        slide.highlight.relations = {r};
        if (!relation.excerpts.empty())
            slide.caption_excerpt = relation.excerpts.front();
        else
            slide.caption_text = relation.label;
        slide.from_seconds = animation.appear_seconds(r);
        slide.to_seconds = slide.from_seconds + StoryAnimation::kDrawInSeconds;
        slides.push_back(std::move(slide));
    }
    const std::vector<double> flights = nominal_flight_seconds(story, slides);
    for (std::size_t i = 0; i < slides.size(); ++i)
        slides[i].duration_seconds = default_slide_duration(story, slides[i], flights[i]);
    return slides;
}

}  // namespace geo

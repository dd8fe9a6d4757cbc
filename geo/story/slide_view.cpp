#include "geo/story/slide_view.hpp"

#include <algorithm>
#include <cmath>
#include <variant>

#include "geo/story/story_home.hpp"

namespace geo {

namespace {

// The command line's zoom 0 (app/render/camera.hpp): the world's outline with a small margin.
constexpr double kWorldMargin = 0.96;

CameraPose explicit_camera(const Projection& projection, double zoom, const PixelRect& free, int width, int height) {
    const Bounds& world = projection.world_bounds();
    const double scale = kWorldMargin * std::min(free.width() / world.width(), free.height() / world.height());
    XY look_at{0.5 * (world.min_x + world.max_x), 0.5 * (world.min_y + world.max_y)};
    if (zoom > 0)
        if (const auto centre = projection.forward(projection.spec().center)) look_at = *centre;
    CameraPose pose;
    pose.pixels_per_metre = scale * std::exp2(zoom);
    // The point looked at sits at the middle of `free`; the camera's centre is the middle of the whole image.
    const double dx = 0.5 * width - 0.5 * (free.left + free.right);
    const double dy = 0.5 * height - 0.5 * (free.top + free.bottom);
    pose.center = {look_at.x + dx / pose.pixels_per_metre, look_at.y - dy / pose.pixels_per_metre};
    return pose;
}

}  // namespace

PixelRect nominal_slide_free() { return {0, 0, kNominalSlideWidth, kNominalSlideHeight}; }

SlideView story_home_view(const Story& story, int width, int height, const PixelRect& free) {
    SlideView view;
    view.projection.name = "ortho";
    view.projection.center = story_home_center(story, view.projection.center);
    view.pose.center = view.projection.center;
    auto created = Projection::create(view.projection);
    if (const auto* projection = std::get_if<Projection>(&created))
        view.pose.camera = explicit_camera(*projection, 0, free, width, height);
    return view;
}

std::optional<SlideView> slide_view(const Story& story, const Slide& slide, const ProjectionSpec& current, int width,
                                    int height, const PixelRect& free, const StoryFitOptions& options) {
    ProjectionSpec spec = current;
    if (!slide.camera.projection.empty()) {
        auto parsed = parse_projection(slide.camera.projection, current.center);
        auto* parsed_spec = std::get_if<ProjectionSpec>(&parsed);
        if (parsed_spec == nullptr) return std::nullopt;
        spec = std::move(*parsed_spec);
    }
    if (slide.camera.fit) {
        FitTarget target;
        target.places = slide.camera.fit_places;
        if (target.empty()) target = slide.highlight;
        if (target.empty()) target = main_places_target(story);
        const bool turn = turns_globe(spec);
        const auto pose = fit_story_view(story, target, spec, turn, width, height, free, options);
        if (!pose) return std::nullopt;
        if (turn) spec.center = pose->center;
        return SlideView{spec, *pose};
    }
    if (slide.camera.center) spec.center = *slide.camera.center;
    if (is_world_map(spec)) spec.center.lat = 0;
    auto created = Projection::create(spec);
    const auto* projection = std::get_if<Projection>(&created);
    if (projection == nullptr) return std::nullopt;
    return SlideView{spec, ViewPose{spec.center, explicit_camera(*projection, slide.camera.zoom, free, width, height)}};
}

ViewFlight slide_flight(const SlideView& from, const SlideView& to, const PixelRect& free) {
    return ViewFlight(from.pose, to.pose, free.width(), turns_globe(from.projection) && turns_globe(to.projection));
}

std::vector<double> nominal_flight_seconds(const Story& story, const std::vector<Slide>& slides) {
    const PixelRect free = nominal_slide_free();
    SlideView view = story_home_view(story, kNominalSlideWidth, kNominalSlideHeight, free);
    std::vector<double> seconds;
    seconds.reserve(slides.size());
    for (const Slide& slide : slides) {
        const auto next = slide_view(story, slide, view.projection, kNominalSlideWidth, kNominalSlideHeight, free);
        if (!next) {
            seconds.push_back(0);
            continue;
        }
        seconds.push_back(slide_flight(view, *next, free).duration_seconds());
        view = *next;
    }
    return seconds;
}

}  // namespace geo

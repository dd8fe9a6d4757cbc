#include "app/modes/map_view.hpp"

#include "geo/story/story_home.hpp"

namespace diplomap {

Camera initial_camera(const geo::Projection& projection, const MapViewOptions& options, int width, int height) {
    const geo::Bounds& world = projection.world_bounds();
    geo::XY center{0.5 * (world.min_x + world.max_x), 0.5 * (world.min_y + world.max_y)};
    if (options.zoom > 0)
        if (const auto p = projection.forward(options.projection.center)) center = *p;
    return Camera::fit(world, width, height, options.zoom, center);
}

geo::Detail detail_for_view(const MapViewOptions& options, const Camera& camera) {
    return options.detail ? *options.detail : geo::detail_for_scale(1.0 / camera.pixels_per_metre);
}

void center_on_story(MapViewOptions& options, const geo::Story& story) {
    if (options.center_given || options.projection.name == "custom") return;
    geo::LonLat home = geo::story_home_center(story, options.projection.center);
    if (geo::is_world_map(options.projection)) home.lat = 0;
    options.projection.center = home;
}

}  // namespace diplomap

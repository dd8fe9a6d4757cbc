#pragma once
// What a view of the map is made of, shared by the window, exports and tests: projection, camera placement,
// layers and level of detail.
#include <filesystem>
#include <optional>
#include <string>
#include <variant>

#include "app/render/camera.hpp"
#include "app/style/layers.hpp"
#include "geo/map/basemap.hpp"
#include "geo/map/projection.hpp"
#include "geo/story/story.hpp"

namespace diplomap {

struct MapViewOptions {
    geo::ProjectionSpec projection;
    bool center_given = false;  // the user chose the centre; otherwise a story may choose its own
    double zoom = 0.0;          // 0 fits the world; +1 doubles the scale
    LayerSet layers = LayerSet::all();
    std::optional<geo::Detail> detail;  // nullopt: follow the scale
    std::optional<std::filesystem::path> assets;
};

// The camera a view starts with: zoom 0 centres the whole world (globe or world map); closer in, the camera looks
// at the projected centre point.
Camera initial_camera(const geo::Projection& projection, const MapViewOptions& options, int width, int height);

// Without a centre from the user, the view opens on the story's home (geo/story/story_home.hpp).
void center_on_story(MapViewOptions& options, const geo::Story& story);

geo::Detail detail_for_view(const MapViewOptions& options, const Camera& camera);

}  // namespace diplomap

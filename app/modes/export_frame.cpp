#include "app/modes/export_frame.hpp"

#include <algorithm>

#include "app/modes/assets.hpp"
#include "app/modes/story_view.hpp"
#include "app/render/map_renderer.hpp"
#include "app/ui/map_overlay.hpp"
#include "app/ui/offscreen_ui_frame.hpp"
#include "geo/map/graticule.hpp"
#include "geo/map/projected_scene.hpp"

namespace diplomap {

Camera export_camera(const geo::Projection& projection, const ExportOptions& options) {
    Camera camera = initial_camera(projection, options.view, options.width, options.height);
    if (options.camera) {
        // Same centre, and the same share of the map across the image's width as across the window's.
        camera = *options.camera;
        camera.pixels_per_metre *= static_cast<double>(options.width) / std::max(options.camera->width, 1);
        camera.width = options.width;
        camera.height = options.height;
    }
    return camera;
}

std::variant<BasemapMesh, std::string> load_export_mesh(const ExportOptions& options, const geo::Projection& projection,
                                                        const Camera& camera, geo::Detail detail) {
    auto assets = find_assets(options.view.assets);
    if (auto* error = std::get_if<std::string>(&assets)) return *error;
    auto basemap = geo::load_basemap(std::get<std::filesystem::path>(assets) / "basemap", detail);
    if (auto* error = std::get_if<std::string>(&basemap)) return *error;
    // The scale is fixed, so the mesh holds only the levels of detail this image is drawn at.
    const double metres_per_pixel = 1.0 / camera.pixels_per_metre;
    return make_basemap_mesh(geo::build_scene(projection, std::get<geo::Basemap>(basemap), geo::make_graticule()),
                             geo::fill_level_for_scale(metres_per_pixel), geo::level_for_scale(metres_per_pixel));
}

void draw_export_map(const ExportOptions& options, const Camera& camera, const OffscreenTarget& target,
                     MapRenderer& map) {
    target.bind();
    map.draw(camera, options.view.layers, MapStyle{}, 1.0F);
}

void draw_export_frame(const ExportOptions& options, const Camera& camera, const OffscreenTarget& target,
                       MapRenderer& map, StoryView* story_view, ImGuiOffscreen& overlay) {
    draw_export_map(options, camera, target, map);
    draw_export_story(options, camera, target, story_view, overlay);
}

void draw_export_story(const ExportOptions& options, const Camera& camera, const OffscreenTarget& target,
                       StoryView* story_view, ImGuiOffscreen& overlay) {
    StoryFrame frame;
    frame.seconds = options.seconds;
    frame.layers = options.view.layers;
    frame.language = options.language;
    frame.as_of = options.as_of;
    frame.previous_as_of = options.as_of;
    frame.relation_kinds = options.relation_kinds;
    if (story_view) {
        target.bind();
        story_view->draw_lines(camera, frame);
    }
    overlay.render(options.width, options.height, [&](ImDrawList& list) {
        const auto width = static_cast<float>(options.width), height = static_cast<float>(options.height);
        if (story_view) story_view->draw_marks(list, camera, frame);
        float below_title = 0.0F;
        if (options.story && options.view.layers.has(Layer::Title))
            below_title = draw_map_title(list, *options.story, options.language, 0.0F, 0.0F, width, 1.0F);
        if (options.story && options.view.layers.has(Layer::Legend))
            draw_map_legend(list, *options.story, options.relation_kinds, options.language, 0.0F, below_title, height,
                            1.0F);
        draw_map_credit(list, width, height, 1.0F);
    });
    target.bind();
}

}  // namespace diplomap

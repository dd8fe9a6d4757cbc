#include "app/modes/export_mode.hpp"

#include <algorithm>
#include <future>
#include <ostream>

#include "app/modes/assets.hpp"
#include "app/modes/story_view.hpp"
#include "app/platform/gl_context.hpp"
#include "app/ui/map_overlay.hpp"
#include "app/render/map_renderer.hpp"
#include "app/ui/offscreen_ui_frame.hpp"
#include "geo/map/graticule.hpp"
#include "geo/map/projected_scene.hpp"

namespace diplomap {

std::variant<RenderedMap, std::string> render_map(const ExportOptions& options) {
    auto projection = geo::Projection::create(options.view.projection);
    if (auto* error = std::get_if<std::string>(&projection)) return *error;
    const geo::Projection& proj = std::get<geo::Projection>(projection);

    Camera camera = initial_camera(proj, options.view, options.width, options.height);
    if (options.camera) {
        // Same centre, and the same share of the map across the image's width as across the window's.
        camera = *options.camera;
        camera.pixels_per_metre *= static_cast<double>(options.width) / std::max(options.camera->width, 1);
        camera.width = options.width;
        camera.height = options.height;
    }
    const geo::Detail detail = detail_for_view(options.view, camera);

    // The basemap loads and projects on a second thread while this one starts EGL and compiles shaders: the two
    // take about as long as each other, so an export costs the longer of them, not their sum.
    auto scene_future = std::async(std::launch::async, [&]() -> std::variant<BasemapMesh, std::string> {
        auto assets = find_assets(options.view.assets);
        if (auto* error = std::get_if<std::string>(&assets)) return *error;
        auto basemap = geo::load_basemap(std::get<std::filesystem::path>(assets) / "basemap", detail);
        if (auto* error = std::get_if<std::string>(&basemap)) return *error;
        // The scale is fixed, so the mesh holds only the levels of detail this image is drawn at.
        const double metres_per_pixel = 1.0 / camera.pixels_per_metre;
        return make_basemap_mesh(geo::build_scene(proj, std::get<geo::Basemap>(basemap), geo::make_graticule()),
                                 geo::fill_level_for_scale(metres_per_pixel), geo::level_for_scale(metres_per_pixel));
    });

    auto context = create_headless_gl_context();
    if (auto* error = std::get_if<std::string>(&context)) return *error;
    auto target = OffscreenTarget::create(options.width, options.height);
    if (auto* error = std::get_if<std::string>(&target)) return *error;
    auto renderer = MapRenderer::create();
    if (auto* error = std::get_if<std::string>(&renderer)) return *error;
    std::optional<StoryView> story_view;
    if (options.story) {
        auto created = StoryView::create();
        if (auto* error = std::get_if<std::string>(&created)) return *error;
        story_view.emplace(std::move(std::get<StoryView>(created)));
        story_view->set_projection(proj);
        story_view->set_story(*options.story);
    }
    ImGuiOffscreen overlay(1.0F);  // builds the font atlas

    auto prepared = scene_future.get();
    if (auto* error = std::get_if<std::string>(&prepared)) return *error;
    const BasemapMesh& mesh = std::get<BasemapMesh>(prepared);

    OffscreenTarget& fb = std::get<OffscreenTarget>(target);
    MapRenderer& map = std::get<MapRenderer>(renderer);
    fb.bind();
    map.upload(mesh);
    map.draw(camera, options.view.layers, MapStyle{}, 1.0F);

    StoryFrame frame;
    frame.seconds = options.seconds;
    frame.layers = options.view.layers;
    frame.language = options.language;
    frame.as_of = options.as_of;
    frame.previous_as_of = options.as_of;
    frame.relation_kinds = options.relation_kinds;
    if (story_view) {
        fb.bind();
        story_view->draw_lines(camera, frame);
    }
    {
        overlay.render(options.width, options.height, [&](ImDrawList& list) {
            const auto width = static_cast<float>(options.width), height = static_cast<float>(options.height);
            if (story_view) story_view->draw_marks(list, camera, frame);
            float below_title = 0.0F;
            if (options.story && options.view.layers.has(Layer::Title))
                below_title = draw_map_title(list, *options.story, options.language, 0.0F, 0.0F, width, 1.0F);
            if (options.story && options.view.layers.has(Layer::Legend))
                draw_map_legend(list, *options.story, options.relation_kinds, options.language, 0.0F, below_title,
                                height, 1.0F);
            draw_map_credit(list, width, height, 1.0F);
        });
    }
    fb.bind();
    RenderedMap result{fb.read(), {}, detail, {}, {}};
    if (story_view) {
        const auto radii = story_view->overlay().marker_radii_px();
        const geo::StoryGeometry& geometry = story_view->geometry();
        for (std::size_t i = 0; i < radii.size(); ++i) {
            if (radii[i] <= 0 || !geometry.places[i]) continue;
            const geo::XY px = camera.metres_to_pixel(*geometry.places[i]);
            result.markers.push_back({i, px.x, px.y, radii[i]});
        }
        const auto labels = story_view->overlay().labels();
        result.labels.assign(labels.begin(), labels.end());
    }
    const geo::XY top_left = camera.pixel_to_metres(0, 0);
    const double pixel = 1.0 / camera.pixels_per_metre;
    result.georeference = {{top_left.x, pixel, 0.0, top_left.y, 0.0, -pixel}, proj.wkt()};
    return result;
}

int run_export(const ExportOptions& options, std::ostream& err) {
    if (auto error = geo::check_writable(options.out)) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    auto rendered = render_map(options);
    if (auto* error = std::get_if<std::string>(&rendered)) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    const RenderedMap& map = std::get<RenderedMap>(rendered);
    const bool georeferenced = geo::image_format_for(options.out) == geo::ImageFormat::GeoTiff;
    if (auto error = geo::write_rgba_image(options.out, map.image.width, map.image.height, map.image.pixels,
                                           georeferenced ? std::optional(map.georeference) : std::nullopt)) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    return 0;
}

}  // namespace diplomap

#include "app/modes/export_mode.hpp"

#include <algorithm>
#include <future>
#include <ostream>

#include "app/modes/export_frame.hpp"
#include "app/modes/story_view.hpp"
#include "app/platform/gl_context.hpp"
#include "app/render/map_renderer.hpp"
#include "app/ui/offscreen_ui_frame.hpp"

namespace diplomap {

std::variant<RenderedMap, std::string> render_map(const ExportOptions& options) {
    auto projection = geo::Projection::create(options.view.projection);
    if (auto* error = std::get_if<std::string>(&projection)) return *error;
    const geo::Projection& proj = std::get<geo::Projection>(projection);

    const Camera camera = export_camera(proj, options);
    const geo::Detail detail = detail_for_view(options.view, camera);

    // The basemap loads and projects on a second thread while this one starts EGL and compiles shaders: the two
    // take about as long as each other, so an export costs the longer of them, not their sum.
    auto scene_future =
        std::async(std::launch::async, [&]() { return load_export_mesh(options, proj, camera, detail); });

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
    draw_export_frame(options, camera, fb, map, story_view ? &*story_view : nullptr, overlay);
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

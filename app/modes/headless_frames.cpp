#include "app/modes/headless_frames.hpp"

#include <epoxy/gl.h>

#include <future>

#include "app/modes/export_frame.hpp"
#include "app/modes/story_view.hpp"
#include "app/platform/gl_context.hpp"
#include "app/render/map_renderer.hpp"
#include "app/ui/offscreen_ui_frame.hpp"

namespace diplomap {

struct HeadlessFrames::Parts {
    ExportOptions options;
    Camera camera;
    // Declared before everything made in it, so that the GL objects go first and the context last.
    std::unique_ptr<GlContext> context;
    std::optional<OffscreenTarget> target;
    // The basemap does not move with the clock: drawn once here (colour and the stencil it leaves) and copied
    // under each frame's story, which saves about a third of a frame's drawing.
    std::optional<OffscreenTarget> map_picture;
    std::optional<MapRenderer> map;
    std::optional<StoryView> story_view;
    std::unique_ptr<ImGuiOffscreen> overlay;
    RgbaImage image;

    ~Parts() {
        // Every GL object is deleted with its context current (export_mode and the window do the same).
        if (context) context->make_current();
        overlay.reset();
        story_view.reset();
        map.reset();
        target.reset();
        map_picture.reset();
    }
};

HeadlessFrames::HeadlessFrames(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}
HeadlessFrames::~HeadlessFrames() = default;

std::variant<std::unique_ptr<HeadlessFrames>, std::string> HeadlessFrames::create(const ExportOptions& options) {
    auto parts = std::make_unique<Parts>();
    Parts& p = *parts;
    p.options = options;
    auto projection = geo::Projection::create(options.view.projection);
    if (auto* error = std::get_if<std::string>(&projection)) return *error;
    const geo::Projection& proj = std::get<geo::Projection>(projection);
    p.camera = export_camera(proj, options);
    const geo::Detail detail = detail_for_view(options.view, p.camera);
    // As in render_map: the basemap projects on a second thread while this one starts EGL and compiles shaders.
    auto scene_future =
        std::async(std::launch::async, [&]() { return load_export_mesh(options, proj, p.camera, detail); });

    auto context = create_headless_gl_context();
    if (auto* error = std::get_if<std::string>(&context)) return *error;
    p.context = std::move(std::get<std::unique_ptr<GlContext>>(context));
    auto target = OffscreenTarget::create(options.width, options.height);
    if (auto* error = std::get_if<std::string>(&target)) return *error;
    p.target.emplace(std::move(std::get<OffscreenTarget>(target)));
    auto renderer = MapRenderer::create();
    if (auto* error = std::get_if<std::string>(&renderer)) return *error;
    p.map.emplace(std::move(std::get<MapRenderer>(renderer)));
    if (options.story) {
        auto created = StoryView::create();
        if (auto* error = std::get_if<std::string>(&created)) return *error;
        p.story_view.emplace(std::move(std::get<StoryView>(created)));
        p.story_view->set_projection(proj);
        p.story_view->set_story(*options.story);
    }
    p.overlay = std::make_unique<ImGuiOffscreen>(1.0F);

    auto prepared = scene_future.get();
    if (auto* error = std::get_if<std::string>(&prepared)) return *error;
    auto picture = OffscreenTarget::create(options.width, options.height);
    if (auto* error = std::get_if<std::string>(&picture)) return *error;
    p.map_picture.emplace(std::move(std::get<OffscreenTarget>(picture)));
    p.map_picture->bind();
    p.map->upload(std::get<BasemapMesh>(prepared));
    draw_export_map(p.options, p.camera, *p.map_picture, *p.map);
    return std::unique_ptr<HeadlessFrames>(new HeadlessFrames(std::move(parts)));
}

const RgbaImage& HeadlessFrames::render(std::optional<double> seconds) {
    Parts& p = *parts_;
    p.options.seconds = seconds;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, p.map_picture->framebuffer());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, p.target->framebuffer());
    const int width = p.options.width, height = p.options.height;
    glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT,
                      GL_NEAREST);
    draw_export_story(p.options, p.camera, *p.target, p.story_view ? &*p.story_view : nullptr, *p.overlay);
    p.image = p.target->read();
    return p.image;
}

double HeadlessFrames::play_seconds() const { return parts_->story_view ? parts_->story_view->play_seconds() : 0.0; }

}  // namespace diplomap

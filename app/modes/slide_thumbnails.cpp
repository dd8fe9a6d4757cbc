#include "app/modes/slide_thumbnails.hpp"

#include <cstdio>
#include <sstream>

#include "app/modes/export_mode.hpp"
#include "app/modes/slide_export.hpp"
#include "app/modes/viewer_core.hpp"
#include "geo/map/image_file.hpp"

namespace diplomap {

std::optional<SlideThumbnail> SlideThumbnails::get(std::size_t index) const {
    const auto found = pictures_.find(index);
    if (found == pictures_.end()) return std::nullopt;
    return SlideThumbnail{found->second.texture.get(), found->second.width, found->second.height};
}

void SlideThumbnails::forget_if_stale(const ViewerCore& core) {
    const Camera& camera = core.view().camera;
    if (story_version_ == core.story_version() && language_ == core.language() && window_width_ == camera.width &&
        window_height_ == camera.height)
        return;
    pictures_.clear();
    failed_.clear();
    story_version_ = core.story_version();
    language_ = core.language();
    window_width_ = camera.width;
    window_height_ = camera.height;
}

bool SlideThumbnails::draw(ViewerCore& core, std::size_t index) {
    forget_if_stale(core);
    if (pictures_.count(index) != 0) return true;
    if (failed_.count(index) != 0 || !core.has_story() || window_width_ <= 0 || window_height_ <= 0) return false;

    // The slide as the room will see it in this window, shrunk: the window's aspect, and text, markers and lines
    // scaled down with it, so the picture looks like the screen rather than a crowded small map.
    ExportOptions base;
    base.view = core.options().view;
    base.view.projection = core.view().spec;
    base.view.layers = core.settings().layers;
    base.story = core.story();
    base.language = core.language();
    base.as_of = core.as_of().as_of;
    base.relation_kinds = core.settings().relation_kinds;
    base.width = width_;
    base.height = std::max(2, width_ * window_height_ / window_width_);
    base.scale = static_cast<double>(width_) / window_width_;
    std::optional<ExportOptions> options = slide_export_options(base, index, false);
    if (!options) {
        failed_.insert(index);
        return false;
    }
    // GLX (the window) and EGL (the export) contexts cannot both be current on one thread.
    core.window().release_current();
    auto rendered = render_map(*options);
    core.window().make_current();
    auto* map = std::get_if<RenderedMap>(&rendered);
    if (!map) {
        failed_.insert(index);
        return false;
    }
    const RgbaImage& image = map->image;
    GLuint name = 0;
    glGenTextures(1, &name);
    Picture picture{GlTexture(name), image.width, image.height};
    glBindTexture(GL_TEXTURE_2D, name);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 image.pixels.data());
    glBindTexture(GL_TEXTURE_2D, 0);
    pictures_.emplace(index, std::move(picture));
    if (keep_dir_) {
        char name_buffer[32];
        std::snprintf(name_buffer, sizeof name_buffer, "slide-%02zu.png", index + 1);
        if (auto error =
                geo::write_rgba_image(*keep_dir_ / name_buffer, image.width, image.height, image.pixels, std::nullopt))
            std::fprintf(stderr, "diplomap: %s\n", error->c_str());
    }
    return true;
}

}  // namespace diplomap

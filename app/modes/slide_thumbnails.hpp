#pragma once
// Pictures of the presentation's slides for the presenter view, drawn by the same export as `export --slide N`
// (no caption: the presenter view prints it beside the picture) and kept as textures of the window's GL context.
// Drawing one takes a few hundred milliseconds, so the presenter view asks for the next slide only once the current
// one has landed and rests, and a picture, once drawn, is kept until the story or the language changes.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "app/render/gl_objects.hpp"

namespace diplomap {

class ViewerCore;

struct SlideThumbnail {
    GLuint texture = 0;
    int width = 0, height = 0;
};

class SlideThumbnails {
public:
    // Pictures `width` pixels wide, as tall as the window's aspect; `keep_dir`, when set, also receives each as
    // slide-NN.png (window tests compare them with the slide export).
    explicit SlideThumbnails(int width, std::optional<std::filesystem::path> keep_dir = std::nullopt)
        : width_(width), keep_dir_(std::move(keep_dir)) {}

    // The picture of slide `index` (0-based), if drawn.
    [[nodiscard]] std::optional<SlideThumbnail> get(std::size_t index) const;
    // Draws slide `index` unless it is there already. Between frames only: the export takes the thread's GL context
    // and gives the window's back. Returns false when the slide's view cannot be drawn (it is not asked again).
    bool draw(ViewerCore& core, std::size_t index);

private:
    void forget_if_stale(const ViewerCore& core);

    int width_;
    std::optional<std::filesystem::path> keep_dir_;
    std::uint64_t story_version_ = 0;
    std::string language_;
    int window_width_ = 0, window_height_ = 0;
    struct Picture {
        GlTexture texture;
        int width = 0, height = 0;
    };
    std::map<std::size_t, Picture> pictures_;
    std::set<std::size_t> failed_;
};

}  // namespace diplomap

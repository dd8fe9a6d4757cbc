#pragma once
// A framebuffer of any size with colour and stencil, for exports and render tests.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "app/render/gl_objects.hpp"

namespace diplomap {

struct RgbaImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> pixels;  // rows top to bottom, 4 bytes per pixel

    [[nodiscard]] const std::uint8_t* at(int x, int y) const {
        return pixels.data() +
               4 * (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x));
    }
};

class OffscreenTarget {
public:
    static std::variant<OffscreenTarget, std::string> create(int width, int height);
    void bind() const;
    [[nodiscard]] RgbaImage read() const;
    [[nodiscard]] int width() const { return width_; }
    [[nodiscard]] int height() const { return height_; }
    [[nodiscard]] GLuint color_texture() const { return color_.get(); }
    [[nodiscard]] GLuint framebuffer() const { return framebuffer_.get(); }

private:
    OffscreenTarget() = default;
    GlFramebuffer framebuffer_;
    GlTexture color_;  // a texture, so a snapshot can be drawn again (cross-fades)
    GlRenderbuffer stencil_;
    int width_ = 0, height_ = 0;
};

}  // namespace diplomap

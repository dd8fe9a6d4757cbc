#include "app/render/offscreen_target.hpp"

#include <cstring>

namespace diplomap {

std::variant<OffscreenTarget, std::string> OffscreenTarget::create(int width, int height) {
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
    if (width < 1 || height < 1 || width > max_size || height > max_size)
        return "image size " + std::to_string(width) + "x" + std::to_string(height) + " is outside 1.." +
               std::to_string(max_size) + " pixels per side";
    OffscreenTarget t;
    t.width_ = width;
    t.height_ = height;
    GLuint texture = 0, stencil = 0;
    glGenTextures(1, &texture);
    t.color_ = GlTexture(texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glBindTexture(GL_TEXTURE_2D, 0);
    glGenRenderbuffers(1, &stencil);
    t.stencil_ = GlRenderbuffer(stencil);
    glBindRenderbuffer(GL_RENDERBUFFER, stencil);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, width, height);
    GLuint fb = 0;
    glGenFramebuffers(1, &fb);
    t.framebuffer_ = GlFramebuffer(fb);
    glBindFramebuffer(GL_FRAMEBUFFER, fb);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, t.color_.get(), 0);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, t.stencil_.get());
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    if (status != GL_FRAMEBUFFER_COMPLETE) {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        if (glGetError() == GL_OUT_OF_MEMORY || status == 0)
            return "not enough memory for a " + std::to_string(width) + "x" + std::to_string(height) + " image";
        return "offscreen framebuffer incomplete (status " + std::to_string(status) + ")";
    }
    return t;
}

void OffscreenTarget::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.get());
    glViewport(0, 0, width_, height_);
}

RgbaImage OffscreenTarget::read() const {
    RgbaImage image{width_, height_, {}};
    image.pixels.resize(static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_) * 4);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.get());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, image.pixels.data());
    // GL's rows run bottom to top; images run top to bottom.
    const std::size_t row = static_cast<std::size_t>(width_) * 4;
    std::vector<std::uint8_t> swap(row);
    for (int y = 0; y < height_ / 2; ++y) {
        std::uint8_t* a = image.pixels.data() + static_cast<std::size_t>(y) * row;
        std::uint8_t* b = image.pixels.data() + static_cast<std::size_t>(height_ - 1 - y) * row;
        std::memcpy(swap.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, swap.data(), row);
    }
    return image;
}

}  // namespace diplomap

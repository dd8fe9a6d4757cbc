#pragma once
#include <string>
#include <variant>

#include "app/render/gl_objects.hpp"

namespace diplomap {

// Draws a texture over the whole viewport with an opacity: the old picture fading out over the new one.
class TextureBlit {
public:
    static std::variant<TextureBlit, std::string> create();
    void draw(GLuint texture, float opacity) const;

private:
    TextureBlit() = default;
    GlProgram program_;
    GlVertexArray vao_;
};

}  // namespace diplomap

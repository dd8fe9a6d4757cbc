#include "app/render/texture_blit.hpp"

#include <diplomap/embedded_shaders.hpp>

#include "app/render/shader_program.hpp"

namespace diplomap {

std::variant<TextureBlit, std::string> TextureBlit::create() {
    TextureBlit blit;
    auto program = build_program("blit", shaders::blit_vert, shaders::blit_frag);
    if (auto* error = std::get_if<std::string>(&program)) return *error;
    blit.program_ = std::move(std::get<GlProgram>(program));
    blit.vao_ = make_vertex_array();
    return blit;
}

void TextureBlit::draw(GLuint texture, float opacity) const {
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(program_.get());
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture);
    glUniform1i(glGetUniformLocation(program_.get(), "u_texture"), 0);
    glUniform1f(glGetUniformLocation(program_.get(), "u_opacity"), opacity);
    glBindVertexArray(vao_.get());
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
    glUseProgram(0);
}

}  // namespace diplomap

#include "app/render/shader_program.hpp"

#include <diplomap/embedded_shaders.hpp>

namespace diplomap {
namespace {

std::string info_log(GLuint object, bool is_program) {
    GLint length = 0;
    if (is_program)
        glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length);
    else
        glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
    std::string log(static_cast<std::size_t>(std::max(length, 1)), '\0');
    if (is_program)
        glGetProgramInfoLog(object, length, nullptr, log.data());
    else
        glGetShaderInfoLog(object, length, nullptr, log.data());
    return log;
}

GLuint compile(GLenum stage, std::string_view source, std::string* error) {
    const GLuint shader = glCreateShader(stage);
    const char* parts[] = {shaders::prelude_glsl.data(), source.data()};
    const GLint lengths[] = {static_cast<GLint>(shaders::prelude_glsl.size()), static_cast<GLint>(source.size())};
    glShaderSource(shader, 2, parts, lengths);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        *error = info_log(shader, false);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

}  // namespace

std::variant<GlProgram, std::string> build_program(std::string_view name, std::string_view vertex_source,
                                                   std::string_view fragment_source) {
    std::string error;
    const GLuint vs = compile(GL_VERTEX_SHADER, vertex_source, &error);
    if (!vs) return "shader " + std::string(name) + ".vert: " + error;
    const GLuint fs = compile(GL_FRAGMENT_SHADER, fragment_source, &error);
    if (!fs) {
        glDeleteShader(vs);
        return "shader " + std::string(name) + ".frag: " + error;
    }
    GlProgram program(glCreateProgram());
    glAttachShader(program.get(), vs);
    glAttachShader(program.get(), fs);
    glLinkProgram(program.get());
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(program.get(), GL_LINK_STATUS, &ok);
    if (!ok) return "program " + std::string(name) + ": " + info_log(program.get(), true);
    return program;
}

}  // namespace diplomap

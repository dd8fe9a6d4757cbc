#pragma once
#include <string>
#include <string_view>
#include <variant>

#include "app/render/gl_objects.hpp"

namespace diplomap {

// Compiles and links a program from embedded stage sources, each prefixed with the shared prelude.
std::variant<GlProgram, std::string> build_program(std::string_view name, std::string_view vertex_source,
                                                   std::string_view fragment_source);

}  // namespace diplomap

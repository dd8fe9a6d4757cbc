#pragma once
// The one interface the program needs from a platform: an OpenGL 3.3 core context that is current on this thread.
// A window (SDL) provides one for exploring; EGL's surfaceless platform provides one for exports with no display.
#include <memory>
#include <string>
#include <variant>

namespace diplomap {

class GlContext {
public:
    virtual ~GlContext() = default;
    virtual void make_current() = 0;
};

// An offscreen-only context: needs no display and shows no window (Mesa llvmpipe works).
std::variant<std::unique_ptr<GlContext>, std::string> create_headless_gl_context();

}  // namespace diplomap

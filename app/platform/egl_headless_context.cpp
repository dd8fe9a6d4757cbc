#include <epoxy/egl.h>

#include "app/platform/gl_context.hpp"

namespace diplomap {
namespace {

class EglHeadlessContext final : public GlContext {
public:
    EglHeadlessContext(EGLDisplay display, EGLContext context) : display_(display), context_(context) {}
    ~EglHeadlessContext() override {
        eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(display_, context_);
        eglTerminate(display_);
    }
    EglHeadlessContext(const EglHeadlessContext&) = delete;
    EglHeadlessContext& operator=(const EglHeadlessContext&) = delete;
    void make_current() override { eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, context_); }

private:
    EGLDisplay display_;
    EGLContext context_;
};

std::string egl_error(const char* what) {
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "%s failed (EGL error 0x%04x)", what, static_cast<unsigned>(eglGetError()));
    return buffer;
}

}  // namespace

std::variant<std::unique_ptr<GlContext>, std::string> create_headless_gl_context() {
    if (!epoxy_has_egl_extension(EGL_NO_DISPLAY, "EGL_MESA_platform_surfaceless"))
        return std::string(
            "no headless OpenGL: EGL_MESA_platform_surfaceless is missing (install libgl1-mesa-dri "
            "and libegl-mesa0)");
    EGLDisplay display = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (display == EGL_NO_DISPLAY) return egl_error("eglGetPlatformDisplayEXT");
    EGLint major = 0, minor = 0;
    if (!eglInitialize(display, &major, &minor)) return egl_error("eglInitialize");
    if (!eglBindAPI(EGL_OPENGL_API)) {
        eglTerminate(display);
        return egl_error("eglBindAPI");
    }
    const EGLint attributes[] = {
        EGL_CONTEXT_MAJOR_VERSION,           3,       EGL_CONTEXT_MINOR_VERSION, 3, EGL_CONTEXT_OPENGL_PROFILE_MASK,
        EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    EGLContext context = eglCreateContext(display, EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, attributes);
    if (context == EGL_NO_CONTEXT) {
        const std::string error = egl_error("eglCreateContext (OpenGL 3.3 core)");
        eglTerminate(display);
        return error;
    }
    if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
        const std::string error = egl_error("eglMakeCurrent");
        eglDestroyContext(display, context);
        eglTerminate(display);
        return error;
    }
    return std::unique_ptr<GlContext>(std::make_unique<EglHeadlessContext>(display, context));
}

}  // namespace diplomap

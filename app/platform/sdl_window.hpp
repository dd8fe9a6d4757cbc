#pragma once
// The window: SDL2 with an OpenGL 3.3 core context, resizable and HiDPI aware.
#include <memory>
#include <string>
#include <variant>

#include "app/platform/gl_context.hpp"

struct SDL_Window;

namespace diplomap {

class SdlWindow final : public GlContext {
public:
    static std::variant<std::unique_ptr<SdlWindow>, std::string> create(const std::string& title, int width,
                                                                        int height);
    ~SdlWindow() override;
    SdlWindow(const SdlWindow&) = delete;
    SdlWindow& operator=(const SdlWindow&) = delete;

    void make_current() override;
    // Leaves no context current on this thread: another API's context (EGL, for an export) may then be made current.
    void release_current();
    void swap();
    [[nodiscard]] SDL_Window* handle() const { return window_; }
    [[nodiscard]] void* gl_context() const { return context_; }
    // Framebuffer pixels per window point (2 on a HiDPI screen).
    [[nodiscard]] float pixel_ratio() const;
    void drawable_size(int& width, int& height) const;

private:
    SdlWindow() = default;
    SDL_Window* window_ = nullptr;
    void* context_ = nullptr;
};

// Whether a display is there to open a window on (X11 or Wayland).
bool display_available();

}  // namespace diplomap

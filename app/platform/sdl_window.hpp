#pragma once
// The window: SDL2 with an OpenGL 3.3 core context, resizable and HiDPI aware.
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "app/platform/gl_context.hpp"
#include "app/platform/window_size.hpp"

struct SDL_Window;

namespace diplomap {

class SdlWindow final : public GlContext {
public:
    static std::variant<std::unique_ptr<SdlWindow>, std::string> create(const std::string& title, int width,
                                                                        int height);
    // Opens on the display under the mouse pointer (else the first), sized by initial_window_size() from that
    // display's usable bounds and the size remembered from last time, if any.
    static std::variant<std::unique_ptr<SdlWindow>, std::string> create_fitting(const std::string& title,
                                                                                std::optional<WindowSize> remembered);
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
    // In window points, as the reader left it: what to remember for next time.
    [[nodiscard]] WindowSize size() const;

private:
    SdlWindow() = default;
    static std::variant<std::unique_ptr<SdlWindow>, std::string> open(const std::string& title, int display,
                                                                      WindowSize size);
    SDL_Window* window_ = nullptr;
    void* context_ = nullptr;
};

// Whether a display is there to open a window on (X11 or Wayland).
bool display_available();

}  // namespace diplomap

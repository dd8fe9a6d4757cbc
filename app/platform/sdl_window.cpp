#include "app/platform/sdl_window.hpp"

#include <SDL.h>

#include <cstdlib>

namespace diplomap {

bool display_available() {
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 && *x11) || (wayland && *wayland);
}

namespace {

std::optional<std::string> start_sdl() {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) return std::string("cannot start SDL: ") + SDL_GetError();
    return std::nullopt;
}

// The display the reader is looking at, as far as the pointer tells.
int display_under_pointer() {
    int x = 0, y = 0;
    SDL_GetGlobalMouseState(&x, &y);
    const SDL_Point pointer{x, y};
    for (int i = 0; i < SDL_GetNumVideoDisplays(); ++i) {
        SDL_Rect bounds{};
        if (SDL_GetDisplayBounds(i, &bounds) == 0 && SDL_PointInRect(&pointer, &bounds)) return i;
    }
    return 0;
}

}  // namespace

std::variant<std::unique_ptr<SdlWindow>, std::string> SdlWindow::create(const std::string& title, int width,
                                                                        int height) {
    if (auto error = start_sdl()) return *error;
    return open(title, 0, {width, height});
}

std::variant<std::unique_ptr<SdlWindow>, std::string> SdlWindow::create_fitting(const std::string& title,
                                                                                std::optional<WindowSize> remembered) {
    if (auto error = start_sdl()) return *error;
    const int display = display_under_pointer();
    SDL_Rect usable{};
    UsableArea area;  // stays empty when SDL cannot tell: then the fallback size
    if (SDL_GetDisplayUsableBounds(display, &usable) == 0) area = {usable.x, usable.y, usable.w, usable.h};
    return open(title, display, initial_window_size(area, remembered));
}

std::variant<std::unique_ptr<SdlWindow>, std::string> SdlWindow::open(const std::string& title, int display,
                                                                      WindowSize size) {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);  // the even-odd fills need it
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    std::unique_ptr<SdlWindow> w(new SdlWindow());
    w->window_ = SDL_CreateWindow(title.c_str(), static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(display)),
                                  static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(display)), size.width, size.height,
                                  SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!w->window_) return std::string("cannot open a window: ") + SDL_GetError();
    w->context_ = SDL_GL_CreateContext(w->window_);
    if (!w->context_) return std::string("cannot create an OpenGL 3.3 core context: ") + SDL_GetError();
    SDL_GL_MakeCurrent(w->window_, w->context_);
    SDL_GL_SetSwapInterval(1);
    return w;
}

SdlWindow::~SdlWindow() {
    if (context_) SDL_GL_DeleteContext(context_);
    if (window_) SDL_DestroyWindow(window_);
    SDL_Quit();
}

void SdlWindow::make_current() { SDL_GL_MakeCurrent(window_, context_); }
void SdlWindow::release_current() { SDL_GL_MakeCurrent(window_, nullptr); }
void SdlWindow::swap() { SDL_GL_SwapWindow(window_); }

void SdlWindow::drawable_size(int& width, int& height) const { SDL_GL_GetDrawableSize(window_, &width, &height); }

WindowSize SdlWindow::size() const {
    WindowSize size;
    SDL_GetWindowSize(window_, &size.width, &size.height);
    return size;
}

float SdlWindow::pixel_ratio() const {
    int ww = 0, wh = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(window_, &ww, &wh);
    SDL_GL_GetDrawableSize(window_, &dw, &dh);
    return ww > 0 ? static_cast<float>(dw) / static_cast<float>(ww) : 1.0F;
}

}  // namespace diplomap

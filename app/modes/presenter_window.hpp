#pragma once
// The presenter view in a window of its own, for a second screen: the room's screen shows the slides fullscreen,
// the presenter's laptop this window. It draws with the main window's GL context (both windows share its pixel
// format) and an ImGui context of its own, since Dear ImGui 1.86 has no multi-viewport support.
#include <SDL.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "app/platform/sdl_window.hpp"

struct ImGuiContext;
struct ImFontAtlas;

namespace diplomap {

class PresenterWindow {
public:
    // Opens centred on `display`, or in the lower right corner when that is the main window's own screen.
    static std::variant<std::unique_ptr<PresenterWindow>, std::string> open(SdlWindow& main, int display,
                                                                            const std::string& title);
    ~PresenterWindow();
    PresenterWindow(const PresenterWindow&) = delete;
    PresenterWindow& operator=(const PresenterWindow&) = delete;

    // Whether `event` belongs to this window (its mouse, its keys, its close button).
    [[nodiscard]] bool owns(const SDL_Event& event) const;
    // Gives the event to this window's ImGui; returns true when the window asked to close.
    bool process(const SDL_Event& event);
    // One frame of this window: `draw` fills its one full-size ImGui window. The main window's context and ImGui
    // context are current again afterwards.
    void frame(const std::string& title, const std::function<void()>& draw);

    [[nodiscard]] int width() const;
    [[nodiscard]] int height() const;

private:
    PresenterWindow(SdlWindow& main, SDL_Window* window);
    SdlWindow& main_;
    SDL_Window* window_ = nullptr;
    ImGuiContext* context_ = nullptr;
};

// The SDL window ID an event concerns, or 0 (quit, joystick and the like).
[[nodiscard]] Uint32 event_window_id(const SDL_Event& event);

}  // namespace diplomap

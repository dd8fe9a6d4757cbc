#pragma once
// How big the window opens: most of the usable area of the screen it is on (without task bars and docks), or the
// size the reader left it at last time, and never larger than that area. Pure arithmetic, so it is tested without
// a display; SdlWindow::create_fitting asks SDL for the area.
#include <optional>

namespace diplomap {

struct WindowSize {
    int width = 0;
    int height = 0;

    bool operator==(const WindowSize&) const = default;
};

// A display's usable bounds in window points, as SDL_GetDisplayUsableBounds reports them.
struct UsableArea {
    int x = 0, y = 0, width = 0, height = 0;
};

// The share of the usable area a window takes when nothing is remembered: the map gets most of the screen, and
// a sliver of the desktop stays visible so the window reads as a window.
inline constexpr float kInitialScreenShare = 0.9F;
// Smaller than this and the panels squeeze the map away; used unless the screen itself is smaller.
inline constexpr WindowSize kMinimumWindowSize{800, 560};

// The size to open at: `remembered` (when both sides are positive) or kInitialScreenShare of the area, in both
// cases at least kMinimumWindowSize and at most the area itself. An empty or unknown area (width or height 0)
// gives `fallback`.
WindowSize initial_window_size(const UsableArea& area, std::optional<WindowSize> remembered,
                               WindowSize fallback = {1280, 800});

}  // namespace diplomap

#include "app/platform/window_size.hpp"

#include <algorithm>
#include <cmath>

namespace diplomap {

WindowSize initial_window_size(const UsableArea& area, std::optional<WindowSize> remembered, WindowSize fallback) {
    if (area.width <= 0 || area.height <= 0) {
        if (remembered && remembered->width > 0 && remembered->height > 0) return *remembered;
        return fallback;
    }
    WindowSize wanted;
    if (remembered && remembered->width > 0 && remembered->height > 0) {
        wanted = *remembered;
    } else {
        wanted = {static_cast<int>(std::lround(static_cast<float>(area.width) * kInitialScreenShare)),
                  static_cast<int>(std::lround(static_cast<float>(area.height) * kInitialScreenShare))};
    }
    // The minimum yields to the screen: on a small screen the window fills it rather than spilling over.
    const auto fit = [](int value, int minimum, int screen) { return std::min(std::max(value, minimum), screen); };
    return {fit(wanted.width, kMinimumWindowSize.width, area.width),
            fit(wanted.height, kMinimumWindowSize.height, area.height)};
}

}  // namespace diplomap

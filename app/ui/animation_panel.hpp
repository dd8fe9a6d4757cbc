#pragma once
// Play, pause, speed and scrubbing of the story's animation clock.
#include <string_view>

#include "app/ui/panel_layout.hpp"

namespace diplomap {

struct AnimationControls {
    double seconds = 0;  // the clock
    double length = 1;   // how long the story takes to play once (the slider's range)
    double speed = 1;    // 0.25 .. 4
    bool paused = false;
};

inline constexpr double kMinAnimationSpeed = 0.25;
inline constexpr double kMaxAnimationSpeed = 4.0;

// The controls on one line, inside whatever window is current (the timeline panel holds them).
void draw_animation_controls(AnimationControls& controls, std::string_view language = "en");

// The controls in a small window of their own at the bottom left, above the status bar: for when the timeline
// panel is closed. It floats over the map; draw_animation_strip is its replacement in the laid-out viewer.
void draw_animation_panel(AnimationControls& controls, float bottom_margin, std::string_view language = "en");

// The controls in a window without decoration pinned to `rect` (PanelLayout::controls: where the timeline was).
void draw_animation_strip(AnimationControls& controls, const PanelRect& rect, std::string_view language = "en");

// The height draw_animation_strip needs at the current font: for PanelLayoutInput::controls_height.
float animation_strip_height();

}  // namespace diplomap

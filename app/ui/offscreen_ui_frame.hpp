#pragma once
// An ImGui context that renders with no window, for text on exported images: the draw lists go through the same
// OpenGL3 backend as the window's UI.
#include <functional>

struct ImDrawList;
struct ImGuiContext;

namespace diplomap {

class ImGuiOffscreen {
public:
    explicit ImGuiOffscreen(float ui_scale);
    ~ImGuiOffscreen();
    ImGuiOffscreen(const ImGuiOffscreen&) = delete;
    ImGuiOffscreen& operator=(const ImGuiOffscreen&) = delete;

    // Runs one frame of `width` x `height` pixels; `draw` adds to the background draw list; the result is rendered
    // into the currently bound framebuffer.
    void render(int width, int height, const std::function<void(ImDrawList&)>& draw);

    // The same in two steps, for images drawn in tiles: build() lays out one frame of `width` x `height`
    // framebuffer pixels, `pixels_per_unit` pixels to each draw-list unit (the text and markers scale with it);
    // render_part() then renders the `width` x `height` pixels from (x, y) of that frame into the bound framebuffer,
    // as often as there are tiles. `frames` > 1 runs the frame that many times, for ImGui windows to settle.
    void build(int width, int height, float pixels_per_unit, const std::function<void(ImDrawList&)>& draw,
               int frames = 1);
    void render_part(int x, int y, int width, int height);

private:
    ImGuiContext* context_ = nullptr;
    ImGuiContext* previous_ = nullptr;
};

}  // namespace diplomap

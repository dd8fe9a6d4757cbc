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

private:
    ImGuiContext* context_ = nullptr;
    ImGuiContext* previous_ = nullptr;
};

}  // namespace diplomap

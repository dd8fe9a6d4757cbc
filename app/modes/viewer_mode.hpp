#pragma once
// A mode of the viewer: a thin layer of input and of what is drawn around the map, over the one ViewerCore.
#include <SDL.h>
#include <imgui.h>

#include <optional>
#include <string_view>

namespace diplomap {

enum class ModeKind { explore, present, edit };

class ViewerMode {
public:
    ViewerMode() = default;
    virtual ~ViewerMode() = default;
    ViewerMode(const ViewerMode&) = delete;
    ViewerMode& operator=(const ViewerMode&) = delete;

    // The mode takes over the window (at start, or when the other mode hands over).
    virtual void enter() {}
    // Every event of the frame, after ImGui and the core have seen it.
    virtual void handle_event(const SDL_Event& event) = 0;
    // Once a frame before drawing: flights, autoplay, what the mode asks of the core.
    virtual void update() {}
    // ImGui windows of the mode; sets the core's free rectangle.
    virtual void draw_ui() = 0;
    // Over the story's markers and labels (a caption, edge indicators).
    virtual void draw_overlay() {}
    // The mode asked to hand over to another this frame.
    [[nodiscard]] virtual bool wants(ModeKind kind) const = 0;
    virtual void clear_request() = 0;
    // The window is about to close: true lets it; false keeps it open (the mode asks first, and quits itself).
    [[nodiscard]] virtual bool confirm_quit() { return true; }
    // Window tests: where a named spot of the mode's panels is ("text:120", "ui:add-place"), in window points.
    [[nodiscard]] virtual std::optional<ImVec2> test_target(std::string_view /*name*/) const { return std::nullopt; }
};

}  // namespace diplomap

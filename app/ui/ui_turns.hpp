#pragma once
// ImGui's current context is one pointer for the whole process (Debian's libimgui.a is built without a thread-local
// GImGui), so two threads must never run ImGui at once. The viewer's thread owns ImGui; an export on a worker thread
// draws its text and panels through its own offscreen context (offscreen_ui_frame.hpp) only during a turn that the
// viewer grants between two of its frames, while it waits. Without a viewer (the command line), turns are free.
#include <chrono>

namespace diplomap {

// Called by the viewer's thread: from now on, other threads wait for serve_ui_turns() before running ImGui.
void own_imgui(bool owned);

// Called by the viewer's thread between frames, where it runs no ImGui: lets every thread that waits for a turn
// have it, one after another. Waits up to `wait` for a first request (0: only those already waiting).
void serve_ui_turns(std::chrono::milliseconds wait = std::chrono::milliseconds(0));

// Held while a thread runs ImGui: waits for the owner to serve a turn, unless this thread owns ImGui, nobody does,
// or the thread already holds a turn (turns nest).
class ImGuiTurn {
public:
    ImGuiTurn();
    ~ImGuiTurn();
    ImGuiTurn(const ImGuiTurn&) = delete;
    ImGuiTurn& operator=(const ImGuiTurn&) = delete;

private:
    bool waited_ = false;
};

}  // namespace diplomap

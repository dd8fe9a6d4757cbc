#include "app/ui/offscreen_ui_frame.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>

#include "app/ui/fonts.hpp"
#include "app/ui/ui_turns.hpp"

namespace diplomap {

// Each step holds an ImGui turn (ui_turns.hpp): an export on a worker thread runs while the viewer draws, and
// the context it switches to and back from is the process's one current context.
ImGuiOffscreen::ImGuiOffscreen(float ui_scale) {
    const ImGuiTurn turn;
    previous_ = ImGui::GetCurrentContext();
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    add_ui_font(*io.Fonts, 15.0F * ui_scale);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    ImGui::SetCurrentContext(previous_);
}

ImGuiOffscreen::~ImGuiOffscreen() {
    const ImGuiTurn turn;
    previous_ = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(context_);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext(context_);
    ImGui::SetCurrentContext(previous_);
}

void ImGuiOffscreen::render(int width, int height, const std::function<void(ImDrawList&)>& draw) {
    build(width, height, 1.0F, draw);
    render_part(0, 0, width, height);
}

void ImGuiOffscreen::build(int width, int height, float pixels_per_unit, const std::function<void(ImDrawList&)>& draw,
                           int frames) {
    const ImGuiTurn turn;
    previous_ = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width) / pixels_per_unit, static_cast<float>(height) / pixels_per_unit);
    io.DeltaTime = 1.0F / 60.0F;
    // Windows (the panels of --ui) settle their sizes and scrolling over a frame or two; the last one is kept.
    for (int i = 0; i < std::max(frames, 1); ++i) {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui::NewFrame();
        draw(*ImGui::GetBackgroundDrawList());
        ImGui::Render();
    }
    // Into framebuffer pixels here rather than through ImGui's FramebufferScale: a tile's size divided by the scale
    // and multiplied back is not always the same whole number of pixels, and a tile one pixel short is a seam.
    ImDrawData* data = ImGui::GetDrawData();
    if (pixels_per_unit != 1.0F) {
        for (int i = 0; i < data->CmdListsCount; ++i)
            for (ImDrawVert& vertex : data->CmdLists[i]->VtxBuffer) {
                vertex.pos.x *= pixels_per_unit;
                vertex.pos.y *= pixels_per_unit;
            }
        data->ScaleClipRects(ImVec2(pixels_per_unit, pixels_per_unit));
    }
    data->DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    data->FramebufferScale = ImVec2(1.0F, 1.0F);
    ImGui::SetCurrentContext(previous_);
}

void ImGuiOffscreen::render_part(int x, int y, int width, int height) {
    const ImGuiTurn turn;
    previous_ = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(context_);
    ImDrawData* data = ImGui::GetDrawData();
    data->DisplayPos = ImVec2(static_cast<float>(x), static_cast<float>(y));
    data->DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    ImGui_ImplOpenGL3_RenderDrawData(data);
    ImGui::SetCurrentContext(previous_);
}

}  // namespace diplomap

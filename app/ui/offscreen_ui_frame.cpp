#include "app/ui/offscreen_ui_frame.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "app/ui/fonts.hpp"

namespace diplomap {

ImGuiOffscreen::ImGuiOffscreen(float ui_scale) {
    previous_ = ImGui::GetCurrentContext();
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    add_ui_font(*io.Fonts, 15.0F * ui_scale);
    ImGui_ImplOpenGL3_Init("#version 330 core");
}

ImGuiOffscreen::~ImGuiOffscreen() {
    ImGui::SetCurrentContext(context_);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext(context_);
    ImGui::SetCurrentContext(previous_);
}

void ImGuiOffscreen::render(int width, int height, const std::function<void(ImDrawList&)>& draw) {
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DeltaTime = 1.0F / 60.0F;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    draw(*ImGui::GetBackgroundDrawList());
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ImGui::SetCurrentContext(previous_);
}

}  // namespace diplomap

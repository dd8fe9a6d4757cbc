#include "app/ui/animation_panel.hpp"
#include "app/style/translations.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace diplomap {

void draw_animation_controls(AnimationControls& controls, std::string_view language) {
    // The label changes, the button stays the same: "###play" keeps its identity.
    const std::string play = std::string(tr(controls.paused ? UiText::play : UiText::pause, language)) + "###play";
    if (ImGui::Button(play.c_str(), ImVec2(ImGui::GetFontSize() * 5.0F, 0))) controls.paused = !controls.paused;
    ImGui::SameLine();
    // The slider shows the time within one playing of the story; beyond it the train loops and arcs flow on.
    float shown = static_cast<float>(std::min(controls.seconds, controls.length));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0F);
    if (ImGui::SliderFloat("##time", &shown, 0.0F, static_cast<float>(controls.length), "%.1f s"))
        controls.seconds = shown;
    if (ImGui::IsItemActive()) controls.paused = true;
    ImGui::SameLine();
    float speed = static_cast<float>(controls.speed);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0F);
    if (ImGui::SliderFloat((std::string(tr(UiText::speed, language)) + "###speed").c_str(), &speed,
                           static_cast<float>(kMinAnimationSpeed), static_cast<float>(kMaxAnimationSpeed), "%.2fx",
                           ImGuiSliderFlags_Logarithmic))
        controls.speed = std::clamp(static_cast<double>(speed), kMinAnimationSpeed, kMaxAnimationSpeed);
}

void draw_animation_panel(AnimationControls& controls, float bottom_margin, std::string_view language) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float pad = 10.0F;
    ImGui::SetNextWindowPos(
        ImVec2(viewport->WorkPos.x + pad, viewport->WorkPos.y + viewport->WorkSize.y - bottom_margin - pad),
        ImGuiCond_Always, ImVec2(0.0F, 1.0F));
    ImGui::SetNextWindowBgAlpha(0.82F);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                        ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##animation", nullptr, kFlags)) draw_animation_controls(controls, language);
    ImGui::End();
}

void draw_animation_strip(AnimationControls& controls, const PanelRect& rect, std::string_view language) {
    if (!rect.shown) return;
    ImGui::SetNextWindowPos(ImVec2(rect.left, rect.top), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(rect.width(), rect.height()), ImGuiCond_Always);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##animation-strip", nullptr, kFlags)) draw_animation_controls(controls, language);
    ImGui::End();
}

float animation_strip_height() { return ImGui::GetFrameHeight() + 2.0F * ImGui::GetStyle().WindowPadding.y; }

}  // namespace diplomap

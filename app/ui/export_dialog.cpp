#include "app/ui/export_dialog.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace diplomap {
namespace {

// A4 and A3 at 300 dpi: 210 x 297 mm and 297 x 420 mm, in whole pixels.
constexpr std::array<ExportPreset, 11> kPresets{{
    {UiText::export_preset_window, 0, 0, 0},
    {UiText::export_preset_full_hd, 1920, 1080, 0},
    {UiText::export_preset_4k, 3840, 2160, 0},
    {UiText::export_preset_8k, 7680, 4320, 0},
    {UiText::export_preset_square, 1080, 1080, 0},
    {UiText::export_preset_upright, 1080, 1920, 0},
    {UiText::export_preset_a4_landscape, 3508, 2480, 300},
    {UiText::export_preset_a4_portrait, 2480, 3508, 300},
    {UiText::export_preset_a3_landscape, 4961, 3508, 300},
    {UiText::export_preset_a3_portrait, 3508, 4961, 300},
    {UiText::export_preset_custom, -1, -1, 0},
}};

constexpr std::array<std::pair<ExportFormat, UiText>, 5> kFormats{{
    {ExportFormat::png, UiText::export_format_png},
    {ExportFormat::geotiff, UiText::export_format_geotiff},
    {ExportFormat::mp4, UiText::export_format_mp4},
    {ExportFormat::webm, UiText::export_format_webm},
    {ExportFormat::gif, UiText::export_format_gif},
}};

constexpr std::array<float, 6> kScales{0.0F, 1.0F, 1.5F, 2.0F, 3.0F, 4.0F};
constexpr int kMaxSide = 16384;

std::string preset_name(const ExportPreset& preset, int window_width, int window_height, UiLanguage ui) {
    if (preset.name == UiText::export_preset_window)
        return formatted(UiText::export_preset_window, ui, window_width, window_height);
    return tr(preset.name, ui);
}

}  // namespace

std::string_view export_extension(ExportFormat format) {
    switch (format) {
        case ExportFormat::png: return ".png";
        case ExportFormat::geotiff: return ".tif";
        case ExportFormat::mp4: return ".mp4";
        case ExportFormat::webm: return ".webm";
        case ExportFormat::gif: return ".gif";
    }
    return ".png";
}

bool is_video(ExportFormat format) {
    return format == ExportFormat::mp4 || format == ExportFormat::webm || format == ExportFormat::gif;
}

std::optional<ExportFormat> export_format_of(std::string_view file) {
    std::string extension = std::filesystem::path(file).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".tiff") return ExportFormat::geotiff;
    for (const auto& [format, name] : kFormats)
        if (extension == export_extension(format)) return format;
    return std::nullopt;
}

std::span<const ExportPreset> export_presets() { return kPresets; }

void ExportDialogState::select_preset(std::size_t index, int window_width, int window_height) {
    preset = std::min(index, kPresets.size() - 1);
    const ExportPreset& p = kPresets[preset];
    if (p.width > 0) {
        width = p.width;
        height = p.height;
    } else if (p.width == 0) {
        width = window_width;
        height = window_height;
    }
}

void ExportDialogState::select_format(ExportFormat chosen) {
    format = chosen;
    std::filesystem::path path(file.data());
    if (path.empty()) return;
    path.replace_extension(export_extension(chosen));
    set_file(path.string());
}

void ExportDialogState::set_file(std::string_view path) {
    const std::size_t n = std::min(path.size(), file.size() - 1);
    std::memcpy(file.data(), path.data(), n);
    file[n] = '\0';
    replace = false;
}

std::pair<int, int> ExportDialogState::size(int window_width, int window_height) const {
    const ExportPreset& p = kPresets[std::min(preset, kPresets.size() - 1)];
    int w = p.width > 0 ? p.width : p.width == 0 ? window_width : width;
    int h = p.width > 0 ? p.height : p.width == 0 ? window_height : height;
    w = std::clamp(w, 16, kMaxSide);
    h = std::clamp(h, 16, kMaxSide);
    // H.264 and VP9 in yuv420p halve the colour resolution each way: both sides must be even.
    if (format == ExportFormat::mp4 || format == ExportFormat::webm) {
        w &= ~1;
        h &= ~1;
    }
    return {w, h};
}

double ExportDialogState::dpi() const { return kPresets[std::min(preset, kPresets.size() - 1)].dpi; }

std::string time_left_text(std::optional<double> seconds, UiLanguage ui) {
    if (!seconds) return {};
    const long s = std::lround(std::max(*seconds, 0.0));
    return formatted(UiText::export_time_left, ui, static_cast<int>(s / 60), static_cast<int>(s % 60));
}

ExportDialogAction draw_export_dialog(ExportDialogState& state, const ExportDialogStatus& status, UiLanguage ui,
                                      bool& open) {
    const std::string title = window_title(UiText::export_title, "export_view", ui);
    const std::string replace_title = window_title(UiText::export_replace_title, "export_replace", ui);
    if (open) ImGui::OpenPopup(title.c_str());
    open = false;
    const float em = ImGui::GetFontSize();
    // As tall as its rows, which change with the format and the messages.
    ImGui::SetNextWindowSize(ImVec2(em * 36.0F, 0), ImGuiCond_Always);
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr)) return ExportDialogAction::none;
    ExportDialogAction action = ExportDialogAction::none;
    float label_width = 0;
    for (UiText label : {UiText::export_preset, UiText::export_format, UiText::export_scale, UiText::export_supersample,
                         UiText::export_range, UiText::export_fps, UiText::export_file})
        label_width = std::max(label_width, ImGui::CalcTextSize(tr(label, ui)).x);
    label_width += ImGui::GetStyle().WindowPadding.x + em;
    const auto row = [&](UiText label) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(label, ui));
        ImGui::SameLine(label_width);
        ImGui::SetNextItemWidth(-1);
    };

    ImGui::TextWrapped("%s", tr(UiText::export_explanation, ui));
    ImGui::Separator();
    ImGui::BeginDisabled(status.running);

    row(UiText::export_preset);
    const std::string current = preset_name(kPresets[state.preset], status.window_width, status.window_height, ui);
    if (ImGui::BeginCombo("##preset", current.c_str())) {
        for (std::size_t i = 0; i < kPresets.size(); ++i) {
            const std::string name = preset_name(kPresets[i], status.window_width, status.window_height, ui);
            if (ImGui::Selectable(name.c_str(), i == state.preset))
                state.select_preset(i, status.window_width, status.window_height);
        }
        ImGui::EndCombo();
    }
    auto [width, height] = state.size(status.window_width, status.window_height);
    std::array<int, 2> size{width, height};
    ImGui::SetCursorPosX(label_width);  // under the combo, the pixels it gives (or the reader's own)
    ImGui::SetNextItemWidth(em * 10.0F);
    if (ImGui::InputInt2("##size", size.data())) {
        state.preset = kPresets.size() - 1;
        state.width = std::clamp(size[0], 16, kMaxSide);
        state.height = std::clamp(size[1], 16, kMaxSide);
    }
    if (state.dpi() > 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("%.0f dpi", state.dpi());
    }

    row(UiText::export_format);
    const auto format_name = [&](ExportFormat f) {
        for (const auto& [format, name] : kFormats)
            if (format == f) return tr(name, ui);
        return "";
    };
    if (ImGui::BeginCombo("##format", format_name(state.format))) {
        for (const auto& [format, name] : kFormats)
            if (ImGui::Selectable(tr(name, ui), format == state.format)) state.select_format(format);
        ImGui::EndCombo();
    }

    row(UiText::export_scale);
    char scale_name[64];
    const double automatic = std::max(1.0, std::min(width / 1920.0, height / 1080.0));
    const auto scale_label = [&](float scale) {
        if (scale <= 0) return formatted(UiText::export_scale_automatic, ui, automatic);
        std::snprintf(scale_name, sizeof scale_name, "%.1f×", static_cast<double>(scale));
        return std::string(scale_name);
    };
    if (ImGui::BeginCombo("##scale", scale_label(state.scale).c_str())) {
        for (float scale : kScales)
            if (ImGui::Selectable(scale_label(scale).c_str(), scale == state.scale)) state.scale = scale;
        ImGui::EndCombo();
    }
    row(UiText::export_supersample);
    constexpr std::array<int, 3> kSupersample{1, 2, 4};
    const std::string supersample = std::to_string(state.supersample) + "×";
    if (ImGui::BeginCombo("##supersample", supersample.c_str())) {
        for (int k : kSupersample)
            if (ImGui::Selectable((std::to_string(k) + "×").c_str(), k == state.supersample)) state.supersample = k;
        ImGui::EndCombo();
    }

    if (is_video(state.format)) {
        ImGui::Checkbox(tr(UiText::export_presentation, ui), &state.presentation);
        ImGui::BeginDisabled(state.presentation);
        row(UiText::export_range);
        std::array<float, 2> range{state.from,
                                   state.to > state.from ? state.to : static_cast<float>(status.animation_seconds)};
        if (ImGui::InputFloat2("##range", range.data(), "%.1f s")) {
            state.from = std::max(range[0], 0.0F);
            state.to = std::max(range[1], 0.0F);
        }
        ImGui::EndDisabled();
        row(UiText::export_fps);
        if (ImGui::InputInt("##fps", &state.fps)) state.fps = std::clamp(state.fps, 1, 120);
    } else {
        ImGui::Checkbox(tr(UiText::export_transparent, ui), &state.transparent);
        ImGui::Checkbox(tr(UiText::export_panels, ui), &state.panels);
        ImGui::BeginDisabled(state.format != ExportFormat::png);
        ImGui::Checkbox(tr(UiText::export_world_file, ui), &state.world_file);
        ImGui::EndDisabled();
    }

    row(UiText::export_file);
    if (ImGui::InputText("##file", state.file.data(), state.file.size())) {
        state.replace = false;
        if (auto format = export_format_of(state.file.data())) state.format = *format;
    }
    ImGui::EndDisabled();
    ImGui::Separator();

    if (status.running) {
        const std::string left = time_left_text(status.seconds_left, ui);
        char overlay[96];
        if (status.share <= 0)
            std::snprintf(overlay, sizeof overlay, "%s", tr(UiText::export_preparing, ui));
        else
            std::snprintf(overlay, sizeof overlay, "%.0f %%   %s", status.share * 100.0, left.c_str());
        ImGui::ProgressBar(static_cast<float>(status.share), ImVec2(-1, 0), overlay);
    }
    if (!status.message.empty()) {
        if (status.failed)
            ImGui::TextColored(ImVec4(1.0F, 0.45F, 0.35F, 1.0F), "%s", status.message.c_str());
        else
            ImGui::TextWrapped("%s", status.message.c_str());
    }

    bool ask_replace = false;
    if (status.running) {
        if (ImGui::Button(tr(UiText::cancel_button, ui)) || state.press_cancel) action = ExportDialogAction::cancel;
    } else if (ImGui::Button(tr(UiText::export_button, ui)) || state.press_export) {
        std::error_code ec;
        if (!state.replace && std::filesystem::exists(state.file.data(), ec))
            ask_replace = true;
        else
            action = ExportDialogAction::start;
    }
    state.press_export = state.press_cancel = false;
    ImGui::SameLine();
    if (ImGui::Button(tr(UiText::close_button, ui)) ||
        (!status.running && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))))
        ImGui::CloseCurrentPopup();

    // Asked inside the dialog, so the choices stay as they are behind it.
    if (ask_replace) ImGui::OpenPopup(replace_title.c_str());
    if (ImGui::BeginPopupModal(replace_title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(formatted(UiText::export_exists, ui, state.file.data()).c_str());
        if (ImGui::Button(tr(UiText::replace_button, ui)) || state.press_replace) {
            state.replace = true;
            action = ExportDialogAction::start;
            ImGui::CloseCurrentPopup();
        }
        state.press_replace = false;
        ImGui::SameLine();
        if (ImGui::Button(tr(UiText::cancel_button, ui))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::EndPopup();
    return action;
}

}  // namespace diplomap

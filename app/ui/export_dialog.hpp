#pragma once
// The export dialog (Shift+F12, Ctrl+E, File > Export): a size from the presets for screens, print and social
// media, or the reader's own; the format, the look (scale, supersampling, transparency, panels) and, for a video,
// what is filmed; the file; then a progress bar with the time left and Cancel while the export runs. An existing
// file is replaced only after asking. What the choices mean for the export is the caller's (explore_mode.cpp).
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "app/style/translations.hpp"

namespace diplomap {

enum class ExportFormat : std::uint8_t { png, geotiff, mp4, webm, gif };

[[nodiscard]] std::string_view export_extension(ExportFormat format);  // ".png", ".tif", ...
[[nodiscard]] bool is_video(ExportFormat format);
// The format a file name asks for, by its extension.
[[nodiscard]] std::optional<ExportFormat> export_format_of(std::string_view file);

struct ExportPreset {
    UiText name;
    int width = 0, height = 0;  // 0 x 0: the window's size
    double dpi = 0;             // 0: the export's default (96 per screen pixel)
};
// Window size, the screen and social-media sizes, A4 and A3 at 300 dpi both ways, then the reader's own size last.
[[nodiscard]] std::span<const ExportPreset> export_presets();

struct ExportDialogState {
    std::size_t preset = 0;  // into export_presets(); the last is the reader's own size
    int width = 1920, height = 1080;
    ExportFormat format = ExportFormat::png;
    float scale = 0;  // 0: automatic
    int supersample = 1;
    bool transparent = false;
    bool panels = false;
    bool world_file = false;
    float from = 0, to = 0;  // animation seconds; to <= from: to the end
    int fps = 30;
    bool presentation = false;
    std::array<char, 1024> file{};
    bool replace = false;  // the reader agreed to replace the existing file
    // Buttons pressed by a test hook (--test-export) rather than the mouse; handled in the next frame's dialog.
    bool press_export = false, press_cancel = false, press_replace = false;

    // What the widgets do, for the test hooks as for the mouse.
    void select_preset(std::size_t index, int window_width, int window_height);
    void select_format(ExportFormat chosen);  // and the file name's extension with it
    void set_file(std::string_view path);
    // The size the export will have: the preset's (or the window's), even for MP4 and WebM.
    [[nodiscard]] std::pair<int, int> size(int window_width, int window_height) const;
    [[nodiscard]] double dpi() const;
};

// What the dialog shows besides its choices.
struct ExportDialogStatus {
    bool running = false;
    double share = 0;                    // 0 to 1
    std::optional<double> seconds_left;  // empty while unknown
    std::string message;                 // the last export's result, or why it failed
    bool failed = false;
    int window_width = 0, window_height = 0;
    double animation_seconds = 1;  // the story's length, for the video range
};

enum class ExportDialogAction { none, start, cancel };

// Opens the dialog when `open` is set (and clears it). Returns start when Export was pressed (after agreeing to
// replace an existing file) and cancel when Cancel was pressed while an export runs.
ExportDialogAction draw_export_dialog(ExportDialogState& state, const ExportDialogStatus& status, UiLanguage ui,
                                      bool& open);

// "0:12 left", or nothing while unknown.
std::string time_left_text(std::optional<double> seconds, UiLanguage ui);

}  // namespace diplomap

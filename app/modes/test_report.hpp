#pragma once
// What the viewer drew in its last frame, for window tests (`--test-report FILE`, a hidden option): the free
// rectangle, where markers, labels and edge indicators landed, the interface strings drawn, and the slide shown.
// Written once, after the last frame, as JSON.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "geo/map/view_fit.hpp"

namespace diplomap {

struct ReportBox {
    std::string id;                                   // the place's id, or what the box is (caption, indicator's place)
    double left = 0, top = 0, right = 0, bottom = 0;  // framebuffer pixels, y down
};

struct TestReport {
    std::string mode;  // "explore" or "present"
    int width = 0, height = 0;
    geo::PixelRect free;
    std::string language;
    std::string projection;
    double zoom = 0;
    double animation_seconds = 0;
    std::vector<ReportBox> markers, labels, indicators, captions;
    std::vector<std::string> strings;  // interface strings drawn in the last frame, once each
    std::optional<int> slide;          // 1-based, presenting only
    int slide_count = 0;
    bool autoplay = false;
    bool flying = false;
    bool blank = false;
    bool presenter_view = false;           // the overlay (S)
    bool presenter_window = false;         // the presenter view's own window
    std::optional<int> presenter_picture;  // the slide whose picture the presenter view shows, 1-based
    // F12's last file; frames drawn while an export from the viewer ran, and how the last one ended ("written",
    // "failed", "cancelled").
    std::string saved_picture;
    int export_frames = 0;
    std::string export_result;

    void note_string(std::string_view text);
    void clear_frame();
};

// Writes the report as JSON through a temporary file and a rename; returns the error for the user, if any.
std::optional<std::string> write_test_report(const std::filesystem::path& file, const TestReport& report);

}  // namespace diplomap

#pragma once
// What the viewer (exploring or presenting) is started with, from the command line.
#include <filesystem>
#include <optional>
#include <string>

#include "app/modes/map_view.hpp"

namespace diplomap {

struct ViewerOptions {
    MapViewOptions view;
    std::filesystem::path story;       // folder or story.json, watched for changes
    std::optional<int> width, height;  // the window's size; empty: fits the screen (or as remembered)

    // Presenting (`diplomap present`): the slide to open on (1-based), fullscreen or a window, and the presenter view
    // (a second window, or an overlay toggled with S on one screen).
    bool present = false;
    int slide = 1;
    bool fullscreen = true;
    bool presenter = false;
    bool presenter_window = false;  // the presenter view in a window of its own, even on one screen

    // For tests and benchmarks: stop after this many frames, optionally saving the last one.
    std::optional<int> quit_after_frames;
    std::optional<std::filesystem::path> screenshot;
    bool frame_stats = false;       // print the median and p95 frame time at exit (benchmarks)
    int drag_frames = 0;            // benchmarks: drag the map this many frames, as a hand would, then let go
    std::optional<double> seconds;  // start the animation clock here, paused (screenshots at a fixed time)
    // Window tests: the report of what was drawn (app/modes/test_report.hpp), a clock that advances by a fixed step
    // per frame instead of by the wall clock, and keys pressed at given frames ("10:Right 20:Escape 30:p").
    std::optional<std::filesystem::path> test_report;
    std::optional<double> test_clock_step;
    std::string test_keys;
    std::optional<std::filesystem::path> test_thumbnails;  // the presenter view's slide pictures, also as PNGs here
    // Window tests of the export dialog: what the reader would choose and press there, at given frames
    // ("5:preset=1080x1080 5:format=gif 5:file=/tmp/x.gif 6:export 30:cancel"; explore_mode.cpp).
    std::string test_export;
};

// Runs the viewer until it is closed; returns the process exit code.
int run_viewer(const ViewerOptions& options, std::ostream& err);

}  // namespace diplomap

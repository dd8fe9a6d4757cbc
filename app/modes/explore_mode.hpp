#pragma once
// The interactive viewer: a window with the map, navigation and a status line.
#include <filesystem>
#include <iosfwd>
#include <optional>

#include "app/modes/map_view.hpp"

namespace diplomap {

struct ExploreOptions {
    MapViewOptions view;
    std::filesystem::path story;  // folder or story.json, watched for changes
    int width = 1280, height = 800;
    // For tests and benchmarks: stop after this many frames, optionally saving the last one.
    std::optional<int> quit_after_frames;
    std::optional<std::filesystem::path> screenshot;
    bool frame_stats = false;       // print the median and p95 frame time at exit (benchmarks)
    int drag_frames = 0;            // benchmarks: drag the map this many frames, as a hand would, then let go
    std::optional<double> seconds;  // start the animation clock here, paused (screenshots at a fixed time)
};

int run_explore(const ExploreOptions& options, std::ostream& err);

}  // namespace diplomap

#pragma once
// `diplomap soak` (hidden; for CI and for long runs by hand): the animated story runs headless for a bounded time
// while the projection switches, the story file is rewritten under a live-reload watcher and PNGs are exported.
// Memory and open files are logged every few seconds; the run fails when memory grows after warm-up, when files
// stay open, or when GL reports an error.
#include <filesystem>
#include <iosfwd>
#include <optional>

namespace diplomap {

struct SoakOptions {
    std::optional<std::filesystem::path> story;   // empty: the bundled story
    std::optional<std::filesystem::path> assets;  // empty: found the usual way
    double seconds = 180;
    std::filesystem::path log;  // the memory curve, one line per sample; empty: none
    double log_every_seconds = 5;
    // At least this many of each happen, spread evenly over the run.
    int projection_switches = 60;
    int reloads = 25;
    int exports = 25;
    double max_growth_mb = 5;  // resident memory after warm-up may grow by less than this
    int width = 640, height = 400;
};

// 0 when the run stayed flat and clean; 1 with one line per failure on `err` otherwise.
int run_soak(const SoakOptions& options, std::ostream& out, std::ostream& err);

}  // namespace diplomap

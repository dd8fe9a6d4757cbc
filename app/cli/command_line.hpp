#pragma once
// The command line in two steps: parse_cli() turns arguments into a Command and touches nothing (no files, no GL,
// no output), so tests and the fuzzer can call it alone; run_command() then does what the command says.
#include <filesystem>
#include <optional>
#include <string>
#include <variant>

#include "app/modes/bench_mode.hpp"
#include "app/modes/draft_mode.hpp"
#include "app/modes/viewer_options.hpp"
#include "app/modes/export_mode.hpp"
#include "app/modes/slide_export.hpp"
#include "app/modes/soak_mode.hpp"
#include "app/modes/video_export.hpp"

namespace diplomap {

inline constexpr int kExitFailure = 1;       // input or output failed
inline constexpr int kExitBadArguments = 2;  // the command line itself is wrong

// The story argument stays a string until the command runs: an empty one means the bundled story, which is found
// through the assets folder at run time.
struct ExploreCommand {
    ViewerOptions options;
    std::string story;
};
struct ExportCommand {
    ExportOptions options;  // everything but the story, which is loaded when the command runs
    std::string story;
    std::optional<SlideExport> slides;  // --slide N or --slides DIR
    std::optional<VideoOptions> video;  // --video: film the animation instead of a still
};
struct CheckCommand {
    std::filesystem::path story;
    bool strict = false;  // warnings (a draft, an empty field) fail the check too
};

using Command = std::variant<ExploreCommand, ExportCommand, CheckCommand, BenchOptions, SoakOptions, DraftOptions>;

// Either a command to run, or the end of the run: help or version text (exit 0), or a bad-argument message
// (exit 2).
struct CliParse {
    std::optional<Command> command;
    int exit_code = 0;  // meaningful when there is no command
    std::string out;    // for stdout: help, version
    std::string err;    // for stderr: what is wrong, and where to read more
};

[[nodiscard]] CliParse parse_cli(int argc, const char* const* argv);

}  // namespace diplomap

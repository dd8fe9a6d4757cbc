#pragma once
// What every `diplomap export` does before it draws: the projection checked, the story found, loaded and validated,
// the view centred on it. Apart from cli.cpp so that the still-export program (app/programs/export_main.cpp) runs
// exactly the same steps without linking the viewer or the video encoder.
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <variant>

#include "app/cli/command_line.hpp"

namespace diplomap {

// The story a mode shows: the one named, or the bundled one (found through the assets folder); nullopt after
// printing why not.
std::optional<std::filesystem::path> story_path(const std::string& story,
                                                const std::optional<std::filesystem::path>& assets_flag,
                                                std::ostream& err);

// PROJ strings and CRS codes can only be judged by PROJ itself (and its database), so parse_cli lets them through
// and this turns a rejected one into a bad argument (printed, prefixed with `where`) before anything else happens.
bool projection_usable(const MapViewOptions& view, const char* where, std::ostream& err);

// The export's options with its story loaded, or the exit code after printing why not.
std::variant<ExportOptions, int> prepare_export(const ExportCommand& command, std::ostream& err);

// A still image: no --slide, --slides or --video.
bool is_still_export(const ExportCommand& command);

}  // namespace diplomap

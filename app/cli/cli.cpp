#include "app/cli/cli.hpp"

#include <iostream>

#include "app/cli/command_line.hpp"
#include "app/modes/assets.hpp"
#include "app/modes/check_mode.hpp"

namespace diplomap {
namespace {

// The story a mode shows: the one named, or the bundled one (found through the assets folder).
std::optional<std::filesystem::path> story_path(const std::string& story,
                                                const std::optional<std::filesystem::path>& assets_flag,
                                                std::ostream& err) {
    if (!story.empty()) return std::filesystem::path(story);
    auto assets = find_assets(assets_flag);
    if (auto* error = std::get_if<std::string>(&assets)) {
        err << "diplomap: " << *error << '\n';
        return std::nullopt;
    }
    return default_story(std::get<std::filesystem::path>(assets));
}

// PROJ strings and CRS codes can only be judged by PROJ itself (and its database), so parse_cli lets them through
// and this turns a rejected one into a bad argument before anything else happens.
bool projection_usable(const MapViewOptions& view, const char* where, std::ostream& err) {
    auto projection = geo::Projection::create(view.projection);
    if (auto* error = std::get_if<std::string>(&projection)) {
        const geo::ProjectionSpec& spec = view.projection;
        err << where << ": --projection " << (spec.name == "custom" ? spec.custom : spec.name) << ": " << *error
            << '\n';
        return false;
    }
    return true;
}

struct CommandRunner {
    std::ostream& out;
    std::ostream& err;

    int operator()(const ExploreCommand& command) const {
        ViewerOptions options = command.options;
        if (!projection_usable(options.view, "diplomap", err)) return kExitBadArguments;
        // The viewer opens on a broken story too: it shows the problems in the window and reloads when they are
        // fixed.
        const auto path = story_path(command.story, options.view.assets, err);
        if (!path) return kExitFailure;
        options.story = *path;
        return run_viewer(options, err);
    }

    int operator()(const ExportCommand& command) const {
        ExportOptions options = command.options;
        if (!projection_usable(options.view, "diplomap export", err)) return kExitBadArguments;
        // An export refuses a bad story: it would be a picture nobody can trust.
        const auto path = story_path(command.story, options.view.assets, err);
        if (!path) return kExitFailure;
        options.story = load_story_or_report(*path, err);
        if (!options.story) return kExitFailure;
        options.story_file = path->string();
        center_on_story(options.view, *options.story);
        if (command.slides) return run_slide_export(options, *command.slides, err);
        if (command.video) return run_video_export(options, *command.video, err);
        return run_export(options, err);
    }

    int operator()(const CheckCommand& command) const { return run_check(command.story, command.strict, out, err); }
    int operator()(const BenchOptions& options) const { return run_bench(options, out, err); }
    int operator()(const SoakOptions& options) const { return run_soak(options, out, err); }
    int operator()(const DraftOptions& options) const { return run_draft(options, out, err); }
};

}  // namespace

int run_command(const Command& command, std::ostream& out, std::ostream& err) {
    return std::visit(CommandRunner{out, err}, command);
}

int run_cli(int argc, char** argv) {
    const CliParse parsed = parse_cli(argc, argv);
    std::cout << parsed.out << std::flush;
    std::cerr << parsed.err << std::flush;
    if (!parsed.command) return parsed.exit_code;
    return run_command(*parsed.command, std::cout, std::cerr);
}

}  // namespace diplomap

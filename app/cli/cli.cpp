#include "app/cli/cli.hpp"

#include <iostream>

#include "app/cli/command_line.hpp"
#include "app/cli/export_command.hpp"
#include "app/modes/check_mode.hpp"

namespace diplomap {
namespace {

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
        auto prepared = prepare_export(command, err);
        if (const int* exit_code = std::get_if<int>(&prepared)) return *exit_code;
        const ExportOptions& options = std::get<ExportOptions>(prepared);
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

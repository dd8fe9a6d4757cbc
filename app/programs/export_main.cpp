// diplomap-export: still PNG images only, linked without the viewer (SDL2, Dear ImGui's window backend), the video
// encoder (FFmpeg) and GDAL (GeoTIFF), so that a still does not map and relocate ~250 libraries it never calls (see
// launcher_main.cpp). It parses the whole command line with the same parser as the full program; any other command
// (a GeoTIFF, a slide, a video, the viewer) goes on to diplomap-full with the same arguments.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "app/cli/command_line.hpp"
#include "app/cli/export_command.hpp"
#include "app/programs/sibling_program.hpp"
#include "geo/map/image_file.hpp"

int main(int argc, char** argv) {
    using namespace diplomap;
    const CliParse parsed = parse_cli(argc, argv);
    const auto* command = parsed.command ? std::get_if<ExportCommand>(&*parsed.command) : nullptr;
    const bool png = command && geo::image_format_for(command->options.out) == geo::ImageFormat::Png;
    if (parsed.command && !(command && is_still_export(*command) && png)) return exec_sibling("diplomap-full", argv);
    std::cout << parsed.out << std::flush;
    std::cerr << parsed.err << std::flush;
    if (!command) return parsed.exit_code;
    auto prepared = prepare_export(*command, std::cerr);
    if (const int* exit_code = std::get_if<int>(&prepared)) return *exit_code;
    const int exit_code = run_export(std::get<ExportOptions>(prepared), std::cerr);
#if !defined(__SANITIZE_ADDRESS__) && !defined(DIPLOMAP_SANITIZE)
    // The image is on disk (or its temporary file removed) and nothing else is left to do: the exit handlers would
    // only run static destructors of the libraries (LLVM's and Mesa's among them), 2-3 % of a 1920x1080 export,
    // for memory the kernel frees at once anyway. Sanitizer builds exit normally so that leak checks still run.
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    ::_exit(exit_code);
#else
    return exit_code;
#endif
}

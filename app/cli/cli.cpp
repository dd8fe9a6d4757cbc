#include "app/cli/cli.hpp"

#include <CLI/CLI.hpp>

#include <charconv>
#include <iostream>

#include "app/cli/arguments.hpp"
#include "app/modes/assets.hpp"
#include "app/modes/bench_mode.hpp"
#include "app/modes/check_mode.hpp"
#include "app/modes/explore_mode.hpp"
#include "app/modes/export_mode.hpp"

namespace diplomap {
namespace {

constexpr int kExitBadArguments = 2;

void add_view_options(CLI::App& app, RawViewArguments& raw) {
    app.add_option("--projection,-p", raw.projection,
                   "ortho, eqearth, laea, aeqd, webmerc, natearth, a PROJ string or EPSG:CODE")
        ->default_str("ortho");
    app.add_option("--center,-c", raw.center, "projection centre as LON,LAT in degrees (default: the story's home, Korea for the bundled story)");
    app.add_option("--zoom,-z", raw.zoom, "0 fits the whole world; each +1 doubles the scale")->default_str("0");
    app.add_option("--layers", raw.layers, "comma list of ocean, land, borders, coast, graticule, routes, arcs, markers, labels")
        ->default_str("all");
    app.add_option("--detail", raw.detail, "basemap detail 110m, 50m or 10m (default: follows the zoom)");
    app.add_option("--assets", raw.assets, "assets folder (default: $DIPLOMAP_ASSETS, beside the program, ...)");
}

}  // namespace

int run_cli(int argc, char** argv) {
    CLI::App app{"diplomap: the diplomatic geography of a news story on a live map", "diplomap"};
    app.set_version_flag("--version,-V", std::string("diplomap ") + DIPLOMAP_VERSION);
    app.footer(
        "Examples:\n"
        "  diplomap                                  open the viewer on the globe over Korea\n"
        "  diplomap -p eqearth -c 150,0              a world map centred on the Pacific\n"
        "  diplomap export --out map.png --size 1920x1080\n"
        "  diplomap export --out map.tif --size 2000x1000 -p natearth -c 180,0\n"
        "Exit codes: 0 success, 1 failure of input or output, 2 bad arguments.");

    RawViewArguments view_raw;
    add_view_options(app, view_raw);
    // For tests and benchmarks of the window; not part of the documented interface.
    int frames = 0;
    std::string screenshot, window_size;
    app.add_option("--quit-after-frames", frames)->group("");
    app.add_option("--screenshot", screenshot)->group("");
    bool frame_stats = false;
    std::string view_time;
    app.add_flag("--frame-stats", frame_stats)->group("");
    app.add_option("--time", view_time, "start the animation paused at this many seconds");
    app.add_option("--window-size", window_size, "initial window size WIDTHxHEIGHT")->default_str("1280x800");

    CLI::App* export_cmd = app.add_subcommand("export", "render a still image headless (no window, no display needed)");
    RawViewArguments export_raw;
    std::string out, size = "1920x1080";
    add_view_options(*export_cmd, export_raw);
    export_cmd->add_option("--out,-o", out, "output file: .png, or .tif for a GeoTIFF with its CRS")->required();
    export_cmd->add_option("--size,-s", size, "image size WIDTHxHEIGHT in pixels")->default_str("1920x1080");
    std::string time_text, export_language = "de";
    export_cmd->add_option("--time,-t", time_text,
                           "animation clock in seconds (default: the settled story, every arc drawn)");
    export_cmd->add_option("--language", export_language, "language of the labels, e.g. de or en")->default_str("de");

    CLI::App* check_cmd = app.add_subcommand("check", "validate a story and list every problem (exit 1 if any)");
    std::string check_story;
    check_cmd->add_option("story", check_story, "story folder or story.json")->required();

    std::string view_story, export_story;
    app.add_option("story", view_story, "story folder or story.json (default: the bundled story)");
    export_cmd->add_option("story", export_story, "story folder or story.json (default: the bundled story)");

    CLI::App* bench_cmd = app.add_subcommand("bench", "print every performance figure in one table");
    std::string bench_assets;
    int repeats = 5;
    bench_cmd->add_option("--assets", bench_assets, "assets folder");
    bench_cmd->add_option("--repeats", repeats, "runs per timed figure")->check(CLI::Range(1, 100));
    std::string bench_only;
    bench_cmd->add_option("--only", bench_only, "run one case alone: many-arcs")->group("");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "diplomap: " << e.what() << "\nRun 'diplomap --help' for usage.\n";
        return kExitBadArguments;
    }

    if (bench_cmd->parsed()) {
        BenchOptions options;
        if (!bench_assets.empty()) options.assets = bench_assets;
        options.repeats = repeats;
        options.only = bench_only;
        return run_bench(options, std::cout, std::cerr);
    }
    if (check_cmd->parsed()) return run_check(check_story, std::cout, std::cerr);

    // The story a mode shows: the one named, or the bundled one.
    auto story_path = [](const std::string& story, const std::string& assets_flag) -> std::optional<std::filesystem::path> {
        if (!story.empty()) return std::filesystem::path(story);
        auto assets = find_assets(assets_flag.empty() ? std::nullopt : std::optional<std::filesystem::path>(assets_flag));
        if (auto* error = std::get_if<std::string>(&assets)) {
            std::cerr << "diplomap: " << *error << '\n';
            return std::nullopt;
        }
        return default_story(std::get<std::filesystem::path>(assets));
    };

    if (export_cmd->parsed()) {
        ExportOptions options;
        auto view = resolve_view_arguments(export_raw);
        if (auto* error = std::get_if<std::string>(&view)) {
            std::cerr << "diplomap export: " << *error << '\n';
            return kExitBadArguments;
        }
        options.view = std::get<MapViewOptions>(view);
        auto dims = parse_size(size);
        if (!dims) {
            std::cerr << "diplomap export: --size " << size << ": expected WIDTHxHEIGHT, e.g. 1920x1080, each 1.."
                      << kMaxImageSide << '\n';
            return kExitBadArguments;
        }
        options.width = dims->first;
        options.height = dims->second;
        options.out = out;
        if (!geo::image_format_for(options.out)) {
            std::cerr << "diplomap export: --out " << out << ": unknown image format (use .png, .tif or .tiff)\n";
            return kExitBadArguments;
        }
        if (!time_text.empty()) {
            const auto seconds = parse_number(time_text);
            if (!seconds || *seconds < 0) {
                std::cerr << "diplomap export: --time " << time_text << ": expected seconds, a number >= 0\n";
                return kExitBadArguments;
            }
            options.seconds = *seconds;
        }
        options.language = export_language;
        // An export refuses a bad story: it would be a picture nobody can trust.
        const auto path = story_path(export_story, export_raw.assets);
        if (!path) return 1;
        options.story = load_story_or_report(*path, std::cerr);
        if (!options.story) return 1;
        center_on_story(options.view, *options.story);
        return run_export(options, std::cerr);
    }

    auto view = resolve_view_arguments(view_raw);
    if (auto* error = std::get_if<std::string>(&view)) {
        std::cerr << "diplomap: " << *error << '\n';
        return kExitBadArguments;
    }
    ExploreOptions explore;
    explore.view = std::get<MapViewOptions>(view);
    // The viewer opens on a broken story too: it shows the problems in the window and reloads when they are fixed.
    const auto path = story_path(view_story, view_raw.assets);
    if (!path) return 1;
    explore.story = *path;
    if (frames > 0) explore.quit_after_frames = frames;
    if (!screenshot.empty()) explore.screenshot = screenshot;
    explore.frame_stats = frame_stats;
    if (!view_time.empty()) {
        const auto seconds = parse_number(view_time);
        if (!seconds || *seconds < 0) {
            std::cerr << "diplomap: --time " << view_time << ": expected seconds, a number >= 0\n";
            return kExitBadArguments;
        }
        explore.seconds = *seconds;
    }
    if (!window_size.empty()) {
        auto dims = parse_size(window_size);
        if (!dims) {
            std::cerr << "diplomap: --window-size " << window_size << ": expected WIDTHxHEIGHT\n";
            return kExitBadArguments;
        }
        explore.width = dims->first;
        explore.height = dims->second;
    }
    return run_explore(explore, std::cerr);
}

}  // namespace diplomap

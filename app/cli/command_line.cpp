#include "app/cli/command_line.hpp"

#include <CLI/CLI.hpp>

#include <sstream>

#include "app/cli/arguments.hpp"
#include "app/video/video_encoder.hpp"

namespace diplomap {
namespace {

void add_view_options(CLI::App& app, RawViewArguments& raw) {
    app.add_option("--projection,-p", raw.projection,
                   "ortho, eqearth, laea, aeqd, webmerc, natearth, a PROJ string or EPSG:CODE")
        ->default_str("ortho");
    app.add_option("--center,-c", raw.center,
                   "projection centre as LON,LAT in degrees (default: the story's home, Korea for the bundled story)");
    app.add_option("--zoom,-z", raw.zoom, "0 fits the whole world; each +1 doubles the scale")->default_str("0");
    app.add_option("--layers", raw.layers,
                   "comma list of ocean, land, borders, coast, graticule, routes, arcs, markers, labels")
        ->default_str("all");
    app.add_option("--detail", raw.detail, "basemap detail 110m, 50m or 10m (default: follows the zoom)");
    app.add_option("--assets", raw.assets, "assets folder (default: $DIPLOMAP_ASSETS, beside the program, ...)");
}

// Everything CLI11 fills in, as text; checked and typed after parsing so that every message names its option.
struct RawArguments {
    RawViewArguments view;
    std::string view_story, frames, screenshot, view_time, window_size;
    bool frame_stats = false;
    std::string drag_frames;

    RawViewArguments export_view;
    std::string export_story, out, size = "1920x1080", export_time, language = "de", date;
    std::string video, fps = "30", from, to;
    bool force = false;

    std::string check_story;

    std::string bench_assets, repeats = "5", bench_only;

    std::string soak_story, soak_assets, soak_seconds = "180", soak_log;
};

// A bad value: the message for stderr and exit code 2.
CliParse bad_argument(const std::string& prefix, const std::string& message) {
    CliParse result;
    result.exit_code = kExitBadArguments;
    result.err = prefix + ": " + message + '\n';
    return result;
}

std::optional<double> parse_seconds(const std::string& text) {
    const auto seconds = parse_number(text);
    if (!seconds || *seconds < 0) return std::nullopt;
    return seconds;
}

std::optional<int> parse_count(const std::string& text, int min, int max) {
    const auto number = parse_number(text);
    if (!number || *number != static_cast<double>(static_cast<long long>(*number)) || *number < min || *number > max)
        return std::nullopt;
    return static_cast<int>(*number);
}

// --video and its options (nullopt: a still), or a bad argument.
std::variant<std::optional<VideoOptions>, CliParse> typed_video(const RawArguments& raw, int width, int height) {
    const std::string where = "diplomap export";
    const bool video_options = raw.fps != "30" || !raw.from.empty() || !raw.to.empty() || raw.force;
    if (raw.video.empty()) {
        if (video_options) return bad_argument(where, "--fps, --from, --to and --force go with --video FILE");
        return std::optional<VideoOptions>();
    }
    if (!raw.out.empty()) return bad_argument(where, "--out and --video: give one of them");
    if (!raw.export_time.empty()) return bad_argument(where, "--time is for stills; a video takes --from and --to");
    VideoOptions video;
    video.file = raw.video;
    const auto format = video_format_for(video.file);
    if (!format)
        return bad_argument(where, "--video " + raw.video + ": unknown video format (use .mp4, .webm or .gif)");
    const auto fps = parse_count(raw.fps, 1, 120);
    if (!fps) return bad_argument(where, "--fps " + raw.fps + ": expected a whole number 1..120");
    video.fps = *fps;
    if (!raw.from.empty()) {
        video.from = parse_seconds(raw.from);
        if (!video.from) return bad_argument(where, "--from " + raw.from + ": expected seconds, a number >= 0");
    }
    if (!raw.to.empty()) {
        video.to = parse_seconds(raw.to);
        if (!video.to) return bad_argument(where, "--to " + raw.to + ": expected seconds, a number >= 0");
    }
    if (video.to && video.to <= video.from.value_or(0.0))
        return bad_argument(where, "--to " + raw.to + ": must be later than --from");
    if (auto bad = check_video_settings({*format, width, height, video.fps}))
        return bad_argument(where, "--size " + raw.size + ": " + *bad);
    video.force = raw.force;
    return video;
}

CliParse typed_export(const RawArguments& raw) {
    const std::string where = "diplomap export";
    ExportCommand command;
    ExportOptions& options = command.options;
    auto view = resolve_view_arguments(raw.export_view);
    if (auto* error = std::get_if<std::string>(&view)) return bad_argument(where, *error);
    options.view = std::get<MapViewOptions>(view);
    const auto dims = parse_size(raw.size);
    if (!dims)
        return bad_argument(where, "--size " + raw.size + ": expected WIDTHxHEIGHT, e.g. 1920x1080, each 1.." +
                                       std::to_string(kMaxImageSide));
    options.width = dims->first;
    options.height = dims->second;
    auto video = typed_video(raw, options.width, options.height);
    if (auto* bad = std::get_if<CliParse>(&video)) return *bad;
    command.video = std::get<std::optional<VideoOptions>>(video);
    if (raw.out.empty() && !command.video) return bad_argument(where, "--out FILE or --video FILE is required");
    options.out = raw.out;
    if (!command.video && !geo::image_format_for(options.out))
        return bad_argument(where, "--out " + raw.out + ": unknown image format (use .png, .tif or .tiff)");
    if (!raw.export_time.empty()) {
        options.seconds = parse_seconds(raw.export_time);
        if (!options.seconds)
            return bad_argument(where, "--time " + raw.export_time + ": expected seconds, a number >= 0");
    }
    if (!is_language_tag(raw.language))
        return bad_argument(where, "--language " + raw.language + ": expected a language code such as de or en");
    options.language = raw.language;
    if (!raw.date.empty()) {
        auto day = parse_day(raw.date);
        if (auto* error = std::get_if<std::string>(&day))
            return bad_argument(where, "--date " + raw.date + ": " + *error);
        options.as_of = std::get<std::chrono::year_month_day>(day);
    }
    command.story = raw.export_story;
    return CliParse{Command{std::move(command)}, 0, {}, {}};
}

CliParse typed_explore(const RawArguments& raw) {
    const std::string where = "diplomap";
    ExploreCommand command;
    ExploreOptions& options = command.options;
    auto view = resolve_view_arguments(raw.view);
    if (auto* error = std::get_if<std::string>(&view)) return bad_argument(where, *error);
    options.view = std::get<MapViewOptions>(view);
    if (!raw.frames.empty()) {
        options.quit_after_frames = parse_count(raw.frames, 1, 1'000'000'000);
        if (!options.quit_after_frames)
            return bad_argument(where, "--quit-after-frames " + raw.frames + ": expected a whole number >= 1");
    }
    if (!raw.screenshot.empty()) {
        if (geo::image_format_for(raw.screenshot) != geo::ImageFormat::Png)
            return bad_argument(where, "--screenshot " + raw.screenshot + ": expected a .png file");
        options.screenshot = raw.screenshot;
    }
    options.frame_stats = raw.frame_stats;
    if (!raw.drag_frames.empty()) {
        const auto n = parse_count(raw.drag_frames, 1, 1'000'000);
        if (!n) return bad_argument(where, "--drag-frames " + raw.drag_frames + ": expected a whole number >= 1");
        options.drag_frames = *n;
    }
    if (!raw.view_time.empty()) {
        options.seconds = parse_seconds(raw.view_time);
        if (!options.seconds)
            return bad_argument(where, "--time " + raw.view_time + ": expected seconds, a number >= 0");
    }
    const auto dims = parse_size(raw.window_size);
    if (!dims)
        return bad_argument(where, "--window-size " + raw.window_size + ": expected WIDTHxHEIGHT, each 1.." +
                                       std::to_string(kMaxImageSide));
    options.width = dims->first;
    options.height = dims->second;
    command.story = raw.view_story;
    return CliParse{Command{std::move(command)}, 0, {}, {}};
}

CliParse typed_bench(const RawArguments& raw) {
    BenchOptions options;
    if (!raw.bench_assets.empty()) options.assets = raw.bench_assets;
    const auto repeats = parse_count(raw.repeats, 1, 100);
    if (!repeats)
        return bad_argument("diplomap bench", "--repeats " + raw.repeats + ": expected a whole number 1..100");
    options.repeats = *repeats;
    if (!raw.bench_only.empty() && raw.bench_only != "many-arcs" && raw.bench_only != "basemap")
        return bad_argument("diplomap bench", "--only " + raw.bench_only + ": expected basemap or many-arcs");
    options.only = raw.bench_only;
    return CliParse{Command{options}, 0, {}, {}};
}

CliParse typed_soak(const RawArguments& raw) {
    SoakOptions options;
    if (!raw.soak_story.empty()) options.story = raw.soak_story;
    if (!raw.soak_assets.empty()) options.assets = raw.soak_assets;
    const auto seconds = parse_number(raw.soak_seconds);
    // Shorter runs leave too little time after warm-up to see a trend.
    if (!seconds || *seconds < 10 || *seconds > 7 * 24 * 3600)
        return bad_argument("diplomap soak", "--seconds " + raw.soak_seconds + ": expected 10 to 604800 seconds");
    options.seconds = *seconds;
    options.log = raw.soak_log;
    return CliParse{Command{options}, 0, {}, {}};
}

}  // namespace

CliParse parse_cli(int argc, const char* const* argv) {
    CLI::App app{"diplomap: the diplomatic geography of a news story on a live map", "diplomap"};
    app.set_version_flag("--version,-V", std::string("diplomap ") + DIPLOMAP_VERSION);
    app.footer(
        "Examples:\n"
        "  diplomap                                  open the viewer on the globe over Korea\n"
        "  diplomap -p eqearth -c 150,0              a world map centred on the Pacific\n"
        "  diplomap export --out map.png --size 1920x1080\n"
        "  diplomap export --out map.tif --size 2000x1000 -p natearth -c 180,0\n"
        "  diplomap export --video story.mp4 --size 1280x720     the animation as a video\n"
        "Exit codes: 0 success, 1 failure of input or output, 2 bad arguments.");

    RawArguments raw;
    raw.window_size = "1280x800";
    add_view_options(app, raw.view);
    // For tests and benchmarks of the window; not part of the documented interface.
    app.add_option("--quit-after-frames", raw.frames)->group("");
    app.add_option("--screenshot", raw.screenshot)->group("");
    app.add_flag("--frame-stats", raw.frame_stats)->group("");
    app.add_option("--drag-frames", raw.drag_frames)->group("");
    app.add_option("--time", raw.view_time, "start the animation paused at this many seconds");
    app.add_option("--window-size", raw.window_size, "initial window size WIDTHxHEIGHT")->default_str("1280x800");

    CLI::App* export_cmd =
        app.add_subcommand("export", "render a still or a video headless (no window, no display needed)");
    add_view_options(*export_cmd, raw.export_view);
    export_cmd->add_option("--out,-o", raw.out, "output file: .png, or .tif for a GeoTIFF with its CRS");
    export_cmd->add_option("--size,-s", raw.size, "image size WIDTHxHEIGHT in pixels")->default_str("1920x1080");
    export_cmd->add_option("--time,-t", raw.export_time,
                           "animation clock in seconds (default: the settled story, every arc drawn)");
    export_cmd->add_option("--language", raw.language, "language of the labels, e.g. de or en")->default_str("de");
    export_cmd->add_option("--date", raw.date, "show what was known on this day, YYYY-MM-DD (default: everything)");
    export_cmd->add_option("--video", raw.video,
                           "film the animation instead: .mp4 (H.264), .webm (VP9) or .gif; --size, --language and "
                           "--date as for stills");
    export_cmd->add_option("--fps", raw.fps, "video frames per second, 1..120")->default_str("30");
    export_cmd->add_option("--from", raw.from, "video: animation seconds to start at")->default_str("0");
    export_cmd->add_option("--to", raw.to, "video: animation seconds to end at (default: the animation's end)");
    export_cmd->add_flag("--force", raw.force, "video: replace an existing file");

    CLI::App* check_cmd = app.add_subcommand("check", "validate a story and list every problem (exit 1 if any)");
    check_cmd->add_option("story", raw.check_story, "story folder or story.json")->required();

    app.add_option("story", raw.view_story, "story folder or story.json (default: the bundled story)");
    export_cmd->add_option("story", raw.export_story, "story folder or story.json (default: the bundled story)");

    CLI::App* bench_cmd = app.add_subcommand("bench", "print every performance figure in one table");
    bench_cmd->add_option("--assets", raw.bench_assets, "assets folder");
    bench_cmd->add_option("--repeats", raw.repeats, "runs per timed figure, 1..100")->default_str("5");
    bench_cmd->add_option("--only", raw.bench_only, "run one case alone: basemap or many-arcs")->group("");

    // Hidden: a long headless run that watches memory and open files (tests and CI; docs/trust.md).
    CLI::App* soak_cmd = app.add_subcommand("soak", "")->group("");
    soak_cmd->add_option("--seconds", raw.soak_seconds, "how long to run")->default_str("180");
    soak_cmd->add_option("--log", raw.soak_log, "file for the memory and open-files curve");
    soak_cmd->add_option("--assets", raw.soak_assets, "assets folder");
    soak_cmd->add_option("story", raw.soak_story, "story folder or story.json (default: the bundled story)");

    std::ostringstream out, err;
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        CliParse result;
        // Help and version end the run successfully; CLI11 reports both as ParseErrors with exit code 0.
        result.exit_code = app.exit(e, out, err) == 0 ? 0 : kExitBadArguments;
        result.out = out.str();
        if (result.exit_code != 0)
            result.err = "diplomap: " + std::string(e.what()) + "\nRun 'diplomap --help' for usage.\n";
        return result;
    }

    if (bench_cmd->parsed()) return typed_bench(raw);
    if (check_cmd->parsed()) return CliParse{Command{CheckCommand{raw.check_story}}, 0, {}, {}};
    if (soak_cmd->parsed()) return typed_soak(raw);
    if (export_cmd->parsed()) return typed_export(raw);
    return typed_explore(raw);
}

}  // namespace diplomap

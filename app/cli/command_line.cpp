#include "app/cli/command_line.hpp"

#include <CLI/CLI.hpp>

#include <sstream>

#include "app/cli/arguments.hpp"
#include "app/video/video_format.hpp"

namespace diplomap {
namespace {

void add_assets_option(CLI::App& app, std::string& assets) {
    app.add_option("--assets", assets, "assets folder (default: $DIPLOMAP_ASSETS, beside the program, ...)");
}

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
    add_assets_option(app, raw.assets);
}

// What the viewer and export share besides the view: a story and a moment of its animation.
struct RawMapArguments {
    RawViewArguments view;
    std::string story, time;
};

void add_map_options(CLI::App& app, RawMapArguments& raw, const std::string& time_help) {
    add_view_options(app, raw.view);
    app.add_option("--time,-t", raw.time, time_help);
}

void add_story_argument(CLI::App& app, std::string& story) {
    app.add_option("story", story, "story folder or story.json (default: the bundled story)");
}

// Everything CLI11 fills in, as text; checked and typed after parsing so that every message names its option.
struct RawArguments {
    RawMapArguments explore;
    std::string frames, screenshot, window_size;
    bool frame_stats = false;
    std::string drag_frames;
    std::string test_report, test_clock_step, test_keys;
    std::string test_export;
    std::string present_slide = "1";
    bool present_window = false, presenter = false, presenter_window = false;
    std::string test_thumbnails;

    RawMapArguments export_map;
    std::string out, size = "1920x1080", language = "de", date, scale, supersample = "1", dpi;
    std::string export_slide, export_slides, slides_format = "png";
    bool no_caption = false;
    bool force = false, transparent = false, world_file = false;
    bool ui_panels = false;
    std::string video, fps = "30", from, to;
    bool presentation = false;

    std::string check_story;
    bool check_strict = false;

    std::string bench_assets, repeats = "5", bench_only;

    std::string soak_story, soak_assets, soak_seconds = "180", soak_log;

    std::string draft_article, draft_out, draft_language, draft_assets;
    bool draft_force = false;
};

// A bad value: the message for stderr and exit code 2.
CliParse bad_argument(const std::string& prefix, const std::string& message) {
    CliParse result;
    result.exit_code = kExitBadArguments;
    result.err = prefix + ": " + message + '\n';
    return result;
}

// Each read_* turns one option's text into its value, or returns the message that names the option and the value.
using BadValue = std::optional<std::string>;

BadValue read_seconds(const std::string& option, const std::string& text, std::optional<double>& seconds) {
    if (text.empty()) return std::nullopt;
    seconds = parse_number(text);
    if (!seconds || *seconds < 0) return option + " " + text + ": expected seconds, a number >= 0";
    return std::nullopt;
}

BadValue read_count(const std::string& option, const std::string& text, int min, int max, const std::string& expected,
                    int& count) {
    const auto number = parse_number(text);
    if (!number || *number != static_cast<double>(static_cast<long long>(*number)) || *number < min || *number > max)
        return option + " " + text + ": expected " + expected;
    count = static_cast<int>(*number);
    return std::nullopt;
}

BadValue read_size(const std::string& option, const std::string& text, const std::string& example, int& width,
                   int& height) {
    const auto dims = parse_size(text);
    if (!dims)
        return option + " " + text + ": expected WIDTHxHEIGHT, " + example + "each 1.." + std::to_string(kMaxImageSide);
    width = dims->first;
    height = dims->second;
    return std::nullopt;
}

BadValue read_view(const RawViewArguments& raw, MapViewOptions& view) {
    auto resolved = resolve_view_arguments(raw);
    if (auto* error = std::get_if<std::string>(&resolved)) return *error;
    view = std::get<MapViewOptions>(resolved);
    return std::nullopt;
}

// --video and its options (left empty: a still).
BadValue read_video(const RawArguments& raw, int width, int height, std::optional<VideoOptions>& out) {
    const bool video_options = raw.fps != "30" || !raw.from.empty() || !raw.to.empty();
    if (raw.video.empty()) {
        if (video_options) return "--fps, --from and --to go with --video FILE";
        if (raw.presentation) return "--presentation goes with --video FILE";
        return std::nullopt;
    }
    if (!raw.out.empty()) return "--out and --video: give one of them";
    if (!raw.export_map.time.empty()) return "--time is for stills; a video takes --from and --to";
    VideoOptions video;
    video.file = raw.video;
    const auto format = video_format_for(video.file);
    if (!format) return "--video " + raw.video + ": unknown video format (use .mp4, .webm or .gif)";
    if (auto error = read_count("--fps", raw.fps, 1, 120, "a whole number 1..120", video.fps)) return error;
    if (auto error = read_seconds("--from", raw.from, video.from)) return error;
    if (auto error = read_seconds("--to", raw.to, video.to)) return error;
    if (raw.presentation) {
        if (!raw.export_slide.empty()) return "--presentation films every slide; leave out --slide";
        video.presentation = true;
        video.caption = !raw.no_caption;
    }
    if (video.to && video.to <= video.from.value_or(0.0)) return "--to " + raw.to + ": must be later than --from";
    if (auto bad = check_video_settings({*format, width, height, video.fps})) return "--size " + raw.size + ": " + *bad;
    video.force = raw.force;
    out = video;
    return std::nullopt;
}

CliParse typed_export(const RawArguments& raw) {
    ExportCommand command;
    ExportOptions& options = command.options;
    const auto bad = [&]() -> BadValue {
        if (auto error = read_view(raw.export_map.view, options.view)) return error;
        if (auto error = read_size("--size", raw.size, "e.g. 1920x1080, ", options.width, options.height)) return error;
        if (auto error = read_video(raw, options.width, options.height, command.video)) return error;
        options.out = raw.out;
        if (!raw.export_slides.empty()) {
            if (!raw.out.empty() || !raw.export_slide.empty() || command.video)
                return std::string("--slides DIR writes every slide; leave out --out, --slide and --video");
            if (raw.slides_format != "png" && raw.slides_format != "tif")
                return "--format " + raw.slides_format + ": expected png or tif";
            command.slides =
                SlideExport{std::nullopt, std::filesystem::path(raw.export_slides), raw.slides_format, !raw.no_caption};
            // Checked like an --out of the same format, file by file when they are written.
            options.out = std::filesystem::path(raw.export_slides) / ("slide-01." + raw.slides_format);
        } else {
            if (raw.out.empty() && !command.video)
                return std::string("--out FILE, --slides DIR or --video FILE is required");
            if (!command.video && !geo::image_format_for(options.out))
                return "--out " + raw.out + ": unknown image format (use .png, .tif or .tiff)";
            if (!raw.export_slide.empty()) {
                int slide = 0;
                if (auto error = read_count("--slide", raw.export_slide, 1, 10'000, "a slide number >= 1", slide))
                    return error;
                command.slides = SlideExport{slide, std::nullopt, "png", !raw.no_caption};
            }
        }
        if (auto error = read_seconds("--time", raw.export_map.time, options.seconds)) return error;
        if (!is_language_tag(raw.language))
            return "--language " + raw.language + ": expected a language code such as de or en";
        options.language = raw.language;
        if (!raw.date.empty()) {
            auto day = parse_day(raw.date);
            if (auto* error = std::get_if<std::string>(&day)) return "--date " + raw.date + ": " + *error;
            options.as_of = std::get<std::chrono::year_month_day>(day);
        }
        if (!raw.scale.empty()) {
            options.scale = parse_number(raw.scale);
            if (!options.scale || *options.scale < 0.25 || *options.scale > 64)
                return "--scale " + raw.scale + ": expected a number from 0.25 to 64";
        }
        if (raw.supersample != "1" && raw.supersample != "2" && raw.supersample != "4")
            return "--supersample " + raw.supersample + ": expected 1, 2 or 4";
        options.supersample = raw.supersample[0] - '0';
        if (!raw.dpi.empty()) {
            options.dpi = parse_number(raw.dpi);
            if (!options.dpi || *options.dpi < 1 || *options.dpi > 100000)
                return "--dpi " + raw.dpi + ": expected a number from 1 to 100000";
        }
        if (raw.world_file && geo::image_format_for(options.out) != geo::ImageFormat::Png)
            return "--world-file: only for a .png (a GeoTIFF holds its georeference itself)";
        options.force = raw.force;
        options.transparent = raw.transparent;
        options.world_file = raw.world_file;
        if (raw.ui_panels) {
            if (command.video || command.slides) return std::string("--ui: only for a still (--out)");
            options.panels = PicturePanels{};
        }
        return std::nullopt;
    }();
    if (bad) return bad_argument("diplomap export", *bad);
    command.story = raw.export_map.story;
    return CliParse{Command{std::move(command)}, 0, {}, {}};
}

CliParse typed_explore(const RawArguments& raw) {
    ExploreCommand command;
    ViewerOptions& options = command.options;
    const auto bad = [&]() -> BadValue {
        if (auto error = read_view(raw.explore.view, options.view)) return error;
        if (!raw.frames.empty()) {
            int frames = 0;
            if (auto error =
                    read_count("--quit-after-frames", raw.frames, 1, 1'000'000'000, "a whole number >= 1", frames))
                return error;
            options.quit_after_frames = frames;
        }
        if (!raw.screenshot.empty()) {
            if (geo::image_format_for(raw.screenshot) != geo::ImageFormat::Png)
                return "--screenshot " + raw.screenshot + ": expected a .png file";
            options.screenshot = raw.screenshot;
        }
        options.frame_stats = raw.frame_stats;
        if (!raw.drag_frames.empty())
            if (auto error = read_count("--drag-frames", raw.drag_frames, 1, 1'000'000, "a whole number >= 1",
                                        options.drag_frames))
                return error;
        if (auto error = read_seconds("--time", raw.explore.time, options.seconds)) return error;
        if (!raw.test_report.empty()) options.test_report = raw.test_report;
        if (auto error = read_seconds("--test-clock-step", raw.test_clock_step, options.test_clock_step)) return error;
        options.test_keys = raw.test_keys;
        options.test_export = raw.test_export;
        // Without --window-size the window fits the screen (or opens at the size remembered from last time).
        if (!raw.window_size.empty()) {
            int width = 0, height = 0;
            if (auto error = read_size("--window-size", raw.window_size, "", width, height)) return error;
            options.width = width;
            options.height = height;
        }
        return std::nullopt;
    }();
    if (bad) return bad_argument("diplomap", *bad);
    command.story = raw.explore.story;
    return CliParse{Command{std::move(command)}, 0, {}, {}};
}

// `diplomap present`: the viewer's options, opening on a slide.
CliParse typed_present(const RawArguments& raw) {
    CliParse parsed = typed_explore(raw);
    if (!parsed.command) return parsed;
    ViewerOptions& options = std::get<ExploreCommand>(*parsed.command).options;
    if (auto error = read_count("--slide", raw.present_slide, 1, 10'000, "a slide number >= 1", options.slide))
        return bad_argument("diplomap present", *error);
    options.present = true;
    options.fullscreen = !raw.present_window;
    options.presenter = raw.presenter || raw.presenter_window;
    options.presenter_window = raw.presenter_window;
    if (!raw.test_thumbnails.empty()) options.test_thumbnails = raw.test_thumbnails;
    return parsed;
}

CliParse typed_bench(const RawArguments& raw) {
    BenchOptions options;
    if (!raw.bench_assets.empty()) options.assets = raw.bench_assets;
    if (auto error = read_count("--repeats", raw.repeats, 1, 100, "a whole number 1..100", options.repeats))
        return bad_argument("diplomap bench", *error);
    if (!raw.bench_only.empty() && raw.bench_only != "many-arcs" && raw.bench_only != "basemap" &&
        raw.bench_only != "stills")
        return bad_argument("diplomap bench", "--only " + raw.bench_only + ": expected basemap, many-arcs or stills");
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

CliParse typed_draft(const RawArguments& raw) {
    DraftOptions options;
    options.article = raw.draft_article;
    options.out = raw.draft_out;
    if (!raw.draft_language.empty() && !is_language_tag(raw.draft_language))
        return bad_argument("diplomap draft",
                            "--language " + raw.draft_language + ": expected a language code such as de or en");
    options.language = raw.draft_language;
    options.force = raw.draft_force;
    if (!raw.draft_assets.empty()) options.assets = raw.draft_assets;
    return CliParse{Command{std::move(options)}, 0, {}, {}};
}

}  // namespace

CliParse parse_cli(int argc, const char* const* argv) {
    CLI::App app{"diplomap: the diplomatic geography of a news story on a live map", "diplomap"};
    app.set_version_flag("--version,-V", std::string("diplomap ") + DIPLOMAP_VERSION);
    app.footer(
        "Examples:\n"
        "  diplomap                                  open the viewer on the globe over Korea\n"
        "  diplomap -p eqearth -c 150,0              a world map centred on the Pacific\n"
        "  diplomap present                          the bundled story as slides, fullscreen\n"
        "  diplomap export --out map.png --size 1920x1080\n"
        "  diplomap export --out map.tif --size 2000x1000 -p natearth -c 180,0\n"
        "  diplomap export --out poster.png --size 7680x4320 --supersample 2 --force\n"
        "  diplomap export --video story.mp4 --size 1280x720     the animation as a video\n"
        "  diplomap export --video slides.mp4 --presentation     the slides with their flights as a video\n"
        "Exit codes: 0 success, 1 failure of input or output, 2 bad arguments.");

    RawArguments raw;
    add_map_options(app, raw.explore, "start the animation paused at this many seconds");
    // For tests and benchmarks of the window; not part of the documented interface.
    app.add_option("--quit-after-frames", raw.frames)->group("");
    app.add_option("--screenshot", raw.screenshot)->group("");
    app.add_flag("--frame-stats", raw.frame_stats)->group("");
    app.add_option("--drag-frames", raw.drag_frames)->group("");
    app.add_option("--window-size", raw.window_size, "initial window size WIDTHxHEIGHT (default: fits the screen)");
    // Window tests: what was drawn (JSON), a clock that steps per frame, keys pressed at given frames.
    const auto add_test_options = [&](CLI::App& on) {
        on.add_option("--test-report", raw.test_report)->group("");
        on.add_option("--test-clock-step", raw.test_clock_step)->group("");
        on.add_option("--test-keys", raw.test_keys)->group("");
        on.add_option("--test-export", raw.test_export)->group("");
    };
    add_test_options(app);

    CLI::App* present_cmd = app.add_subcommand("present", "present the story as slides, fullscreen (Esc: explore)");
    add_map_options(*present_cmd, raw.explore, "");
    add_test_options(*present_cmd);
    present_cmd->add_option("--quit-after-frames", raw.frames)->group("");
    present_cmd->add_option("--screenshot", raw.screenshot)->group("");
    present_cmd->add_option("--slide", raw.present_slide, "open on this slide (1 is the first)")->default_str("1");
    present_cmd->add_flag("--window", raw.present_window, "in a window instead of fullscreen");
    present_cmd->add_flag("--presenter", raw.presenter,
                          "the presenter view: its own window on a second screen, else an overlay (S toggles it)");
    present_cmd->add_flag("--presenter-window", raw.presenter_window,
                          "the presenter view in a window of its own, even on one screen");
    present_cmd->add_option("--test-thumbnails", raw.test_thumbnails)->group("");
    present_cmd->add_option("--window-size", raw.window_size, "window size WIDTHxHEIGHT with --window");
    add_story_argument(*present_cmd, raw.explore.story);

    CLI::App* export_cmd = app.add_subcommand("export", "render a still image headless (no window, no display needed)");
    add_map_options(*export_cmd, raw.export_map,
                    "animation clock in seconds (default: the settled story, every arc drawn)");
    export_cmd->add_option("--out,-o", raw.out, "output file: .png, or .tif for a GeoTIFF with its CRS");
    export_cmd->add_option("--slide", raw.export_slide,
                           "a slide of the presentation as the room sees it, caption included");
    export_cmd->add_option("--slides", raw.export_slides, "every slide into this folder: slide-01.png, ...");
    export_cmd->add_option("--format", raw.slides_format, "of the files --slides writes: png or tif")
        ->default_str("png");
    export_cmd->add_flag("--no-caption", raw.no_caption, "slides without their caption");
    export_cmd->add_option("--size,-s", raw.size, "image size WIDTHxHEIGHT in pixels")->default_str("1920x1080");
    export_cmd->add_option("--language", raw.language, "language of the labels, e.g. de or en")->default_str("de");
    export_cmd->add_option("--date", raw.date, "show what was known on this day, YYYY-MM-DD (default: everything)");
    export_cmd->add_flag("--force,-f", raw.force, "replace the output file if it exists");
    export_cmd->add_option("--scale", raw.scale,
                           "text, markers and lines this many times the screen's (default: max(1, min(width/1920, "
                           "height/1080)); 1 keeps screen pixels)");
    export_cmd->add_option("--supersample", raw.supersample, "1, 2 or 4: draw larger and average, for smoother lines")
        ->default_str("1");
    export_cmd->add_flag("--transparent", raw.transparent, "no ocean and no background: an image with alpha");
    export_cmd->add_option("--dpi", raw.dpi, "resolution written into the file (default: 96 x scale)");
    export_cmd->add_flag("--world-file", raw.world_file, "beside a PNG, a .pgw and .aux.xml so GIS tools place it");
    export_cmd->add_flag("--ui", raw.ui_panels, "the exploring panels drawn in as the viewer shows them");
    export_cmd->add_option("--video", raw.video,
                           "film the animation instead: .mp4 (H.264), .webm (VP9) or .gif; --size, --language and "
                           "--date as for stills");
    export_cmd->add_option("--fps", raw.fps, "video frames per second, 1..120")->default_str("30");
    export_cmd->add_option("--from", raw.from, "video: animation (or presentation) seconds to start at")
        ->default_str("0");
    export_cmd->add_option("--to", raw.to, "video: animation (or presentation) seconds to end at (default: the end)");
    export_cmd->add_flag("--presentation", raw.presentation,
                         "video: the presentation (every slide, its flight and its duration) instead of the animation");

    CLI::App* check_cmd = app.add_subcommand("check", "validate a story and list every problem (exit 1 if any)");
    check_cmd->add_option("story", raw.check_story, "story folder or story.json")->required();
    check_cmd->add_flag("--strict", raw.check_strict, "refuse warnings too: a draft, or a field still to fill in");

    add_story_argument(app, raw.explore.story);
    add_story_argument(*export_cmd, raw.export_map.story);

    CLI::App* draft_cmd = app.add_subcommand("draft", "draft a story from an article: quotations, people, cities");
    draft_cmd->add_option("article", raw.draft_article, "the article, a UTF-8 text file")->required();
    draft_cmd->add_option("--out,-o", raw.draft_out, "story folder to write story.json and the article into")
        ->required();
    draft_cmd->add_option("--language", raw.draft_language,
                          "language of the article, e.g. de or en (default: guessed)");
    draft_cmd->add_flag("--force", raw.draft_force, "replace an existing story.json");
    draft_cmd->add_option("--assets", raw.draft_assets, "assets folder (for the exonym table)");

    CLI::App* bench_cmd = app.add_subcommand("bench", "print every performance figure in one table");
    add_assets_option(*bench_cmd, raw.bench_assets);
    bench_cmd->add_option("--repeats", raw.repeats, "runs per timed figure, 1..100")->default_str("5");
    bench_cmd->add_option("--only", raw.bench_only, "run one case alone: basemap, many-arcs or stills")->group("");

    // Hidden: a long headless run that watches memory and open files (tests and CI; docs/trust.md).
    CLI::App* soak_cmd = app.add_subcommand("soak", "")->group("");
    soak_cmd->add_option("--seconds", raw.soak_seconds, "how long to run")->default_str("180");
    soak_cmd->add_option("--log", raw.soak_log, "file for the memory and open-files curve");
    add_assets_option(*soak_cmd, raw.soak_assets);
    add_story_argument(*soak_cmd, raw.soak_story);

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
    if (check_cmd->parsed()) return CliParse{Command{CheckCommand{raw.check_story, raw.check_strict}}, 0, {}, {}};
    if (soak_cmd->parsed()) return typed_soak(raw);
    if (draft_cmd->parsed()) return typed_draft(raw);
    if (export_cmd->parsed()) return typed_export(raw);
    if (present_cmd->parsed()) return typed_present(raw);
    return typed_explore(raw);
}

}  // namespace diplomap

#include "app/modes/bench_mode.hpp"

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <ostream>
#include <vector>

#include "app/modes/assets.hpp"
#include "app/modes/bench_edit.hpp"
#include "app/modes/bench_stills.hpp"
#include "app/modes/bench_story.hpp"
#include "app/modes/navigation.hpp"
#include "app/modes/story_view.hpp"
#include "app/platform/gl_context.hpp"
#include "app/platform/sdl_window.hpp"
#include "app/render/map_renderer.hpp"
#include "app/render/offscreen_target.hpp"
#include "app/ui/offscreen_ui_frame.hpp"
#include "app/render/texture_blit.hpp"
#include "geo/map/graticule.hpp"
#include "geo/map/projected_scene.hpp"
#include "geo/story/story_loader.hpp"

extern char** environ;

namespace diplomap {
namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return NAN;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(std::lround(p * static_cast<double>(v.size() - 1)));
    return v[i];
}

// Wall time of a whole child process of this very executable, from spawn to exit.
std::optional<double> time_self(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    std::string exe = "/proc/self/exe";
    argv.push_back(exe.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    const auto start = Clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, argv.data(), environ) != 0) return std::nullopt;
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
    return ms_since(start);
}

std::optional<double> median_of_runs(const std::vector<std::string>& args, int repeats) {
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        auto t = time_self(args);
        if (!t) return std::nullopt;
        times.push_back(*t);
    }
    return percentile(times, 0.5);
}

void row(std::ostream& out, const char* what, const std::string& value, const char* target) {
    char line[256];
    std::snprintf(line, sizeof line, "| %-62s | %18s | %-14s |\n", what, value.c_str(), target);
    out << line;
}

std::string ms(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f ms", v);
    return b;
}

// Runs this executable with `args` and returns what it printed on stdout (empty on failure).
std::string output_of_self(const std::string& args) {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    FILE* pipe = ::popen(("'" + exe.string() + "' " + args + " 2>/dev/null").c_str(), "r");
    if (!pipe) return {};
    std::string text;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
    return ::pclose(pipe) == 0 ? text : std::string();
}

// 10,000 relations among 500 random places: loading, projecting, drawing over a still 50m globe, peak memory.
int bench_many_arcs(const std::filesystem::path& assets, std::ostream& out, std::ostream& err) {
    constexpr int kPlaces = 500, kRelations = 10000, kFrames = 60;
    const GeneratedStory generated = generate_story(kPlaces, kRelations, 20230912U);
    auto projection = std::get<geo::Projection>(
        geo::Projection::create(std::get<geo::ProjectionSpec>(geo::parse_projection("ortho", {127.5, 38.5}))));
    const Camera camera = Camera::fit(projection.world_bounds(), 1920, 1080, 0, {0, 0});
    const auto start = Clock::now();
    geo::StoryLoad load = geo::load_story_from_text(generated.json, generated.article, "generated/story.json");
    if (!load.story) {
        err << "diplomap: the generated story did not load: " << load.problems.front().to_string() << '\n';
        return 1;
    }
    const double load_ms = ms_since(start);
    // As StoryView builds it for this view: segments per arc for its length on screen.
    geo::StoryGeometryOptions options;
    options.pixels_per_metre = camera.pixels_per_metre;
    const auto project_start = Clock::now();
    const std::size_t vertices = geo::build_story_geometry(*load.story, projection, options).along.size();
    const double project_ms = ms_since(project_start);
    row(out, "many arcs (10,000 relations, 500 places): load + validate", ms(load_ms), "");
    row(out, "  project for the view's scale (densify, lift, clip, project)", ms(project_ms), "");
    row(out, "  load + project", ms(load_ms + project_ms), "<= 1000 ms");
    row(out, "  arc vertices", std::to_string(vertices), "");

    auto context = create_headless_gl_context();
    if (auto* error = std::get_if<std::string>(&context)) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    auto basemap = geo::load_basemap(assets / "basemap", geo::Detail::Medium50m);
    if (auto* error = std::get_if<std::string>(&basemap)) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    auto target = std::get<OffscreenTarget>(OffscreenTarget::create(1920, 1080));
    auto cache = std::get<OffscreenTarget>(OffscreenTarget::create(1920, 1080));
    auto renderer = std::get<MapRenderer>(MapRenderer::create());
    auto blit = std::get<TextureBlit>(TextureBlit::create());
    auto story_view = std::get<StoryView>(StoryView::create());
    const geo::ProjectedScene scene =
        geo::build_scene(projection, std::get<geo::Basemap>(basemap), geo::make_graticule());
    renderer.upload(scene);
    cache.bind();
    renderer.draw(camera, LayerSet::all(), MapStyle{}, 1.0F);
    story_view.set_projection(projection);
    story_view.set_story(std::move(*load.story));
    std::vector<double> frames, moving;
    {
        ImGuiOffscreen overlay(1.0F);
        StoryFrame frame;
        auto draw_frame = [&](const Camera& view) {
            const auto t = Clock::now();
            target.bind();
            blit.draw(cache.color_texture(), 1.0F);
            story_view.draw_lines(view, frame);
            overlay.render(1920, 1080, [&](ImDrawList& list) { story_view.draw_marks(list, view, frame); });
            glFinish();
            return ms_since(t);
        };
        // Every arc drawn (the last appears some 6,000 s into the story's clock), the clock running.
        const double settled = story_view.play_seconds();
        for (int i = 0; i < kFrames + 5; ++i) {
            frame.seconds = settled + i / 60.0;
            const double t = draw_frame(camera);
            if (i >= 5) frames.push_back(t);
        }
        // The same while the view moves: every frame draws all the lines afresh (the basemap still from its cache).
        Camera panned = camera;
        for (int i = 0; i < 12; ++i) {
            frame.seconds = settled + i / 60.0;
            panned.pan_pixels(1, 0);
            const double t = draw_frame(panned);
            if (i >= 2) moving.push_back(t);
        }
    }
    row(out, "  frame over a still 50m globe, 1920x1080 (median)", ms(percentile(frames, 0.5)), "<= 50 ms");
    row(out, "  p95", ms(percentile(frames, 0.95)), "");
    row(out, "  frame while the view moves, lines redrawn (median)", ms(percentile(moving, 0.5)), "");
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    row(out, "  peak memory of this case", std::to_string(usage.ru_maxrss / 1024) + " MB", "<= 400 MB");
    return 0;
}

// Turning the globe as the viewer does it (app/modes/explore_mode.cpp): every step rebuilds the visible cap one
// Natural Earth level coarser, with only the levels of detail drawn now, and draws it coarser; when the hand
// stops, the full scene is rebuilt and drawn. Zoom 4 and 6 are views the viewer shows with the 10m basemap.
int bench_turning(const std::filesystem::path& assets, const geo::Basemap& fine, MapRenderer& renderer,
                  std::ostream& out, std::ostream& err) {
    std::map<geo::Detail, geo::Basemap> basemaps;
    for (const geo::Detail d : {geo::Detail::Coarse110m, geo::Detail::Medium50m}) {
        auto loaded = geo::load_basemap(assets / "basemap", d);
        if (auto* error = std::get_if<std::string>(&loaded)) {
            err << "diplomap: " << *error << '\n';
            return 1;
        }
        basemaps.emplace(d, std::move(std::get<geo::Basemap>(loaded)));
    }
    const auto basemap = [&](geo::Detail d) -> const geo::Basemap& {
        return d == geo::Detail::Fine10m ? fine : basemaps.at(d);
    };
    const geo::LonLatPaths graticule = geo::make_graticule();
    for (const double zoom : {4.0, 6.0}) {
        ViewState view{std::get<geo::ProjectionSpec>(geo::parse_projection("ortho", {120.0, 38.5})), {}};
        auto first = std::get<geo::Projection>(geo::Projection::create(view.spec));
        view.camera = Camera::fit(first.world_bounds(), 1920, 1080, zoom, {0, 0});
        const double metres_per_pixel = 1.0 / view.camera.pixels_per_metre;
        const geo::Detail full = geo::detail_for_scale(metres_per_pixel);
        std::vector<double> frames;
        renderer.set_simplify_pixels(geo::kMovingSimplifyPixels);
        for (int i = 0; i < 40; ++i) {
            drag_view(view, -12.0, 0.0);
            const auto t = Clock::now();
            auto p = std::get<geo::Projection>(geo::Projection::create(view.spec));
            const auto scene =
                geo::build_scene(p, basemap(geo::coarser(full)), graticule, visible_cap_radius_deg(view));
            renderer.upload(make_basemap_mesh(scene,
                                              geo::fill_level_for_scale(metres_per_pixel, geo::kMovingSimplifyPixels),
                                              geo::level_for_scale(metres_per_pixel, geo::kMovingSimplifyPixels)));
            renderer.draw(view.camera, LayerSet::all(), MapStyle{}, 1.0F);
            glFinish();
            frames.push_back(ms_since(t));
        }
        // The hand stops: the full scene, every level, drawn at full detail.
        renderer.set_simplify_pixels(geo::kSimplifyPixels);
        std::vector<double> back;
        for (int i = 0; i < 3; ++i) {
            const auto t = Clock::now();
            auto p = std::get<geo::Projection>(geo::Projection::create(view.spec));
            renderer.upload(
                make_basemap_mesh(geo::build_scene(p, basemap(full), graticule, visible_cap_radius_deg(view))));
            renderer.draw(view.camera, LayerSet::all(), MapStyle{}, 1.0F);
            glFinish();
            back.push_back(ms_since(t));
        }
        const std::string z = std::to_string(static_cast<int>(zoom));
        const std::string d(geo::detail_name(full)), coarse(geo::detail_name(geo::coarser(full)));
        std::string what = "turning the globe at zoom " + z;
        what.append(" (").append(d).append(" view, ").append(coarse).append(" while turning): rebuild + frame");
        row(out, what.c_str(), ms(percentile(frames, 0.5)), "<= 16 ms");
        row(out, "  p95", ms(percentile(frames, 0.95)), "");
        row(out, ("  full " + d + " back after the drag stops: rebuild + frame (median)").c_str(),
            ms(percentile(back, 0.5)), "<= 200 ms");
    }
    return 0;
}

// The 10m basemap: projection, projection changes, panning and turning, and the peak memory of all that with the
// window-sized GL target, as the viewer would hold it.
int bench_basemap(const std::filesystem::path& assets, int repeats, std::ostream& out, std::ostream& err) {
    // Re-projection of the 10m basemap after a projection change, against a bare PROJ loop over the same vertices.
    auto basemap = geo::load_basemap(assets / "basemap", geo::Detail::Fine10m);
    if (auto* error = std::get_if<std::string>(&basemap)) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    const geo::Basemap& fine = std::get<geo::Basemap>(basemap);
    const geo::LonLatPaths graticule = geo::make_graticule();
    auto projection = std::get<geo::Projection>(
        geo::Projection::create(std::get<geo::ProjectionSpec>(geo::parse_projection("eqearth", {150, 0}))));
    geo::LonLatPaths clipped;
    geo::clip_rings(fine.land.paths, projection.domain(), clipped, fine.land.caps);
    geo::clip_lines(fine.borders.paths, projection.domain(), clipped, fine.borders.caps);
    geo::clip_lines(fine.coast.paths, projection.domain(), clipped, fine.coast.caps);
    std::vector<geo::XY> xy(clipped.points.size());
    std::vector<double> ours, bare;
    for (int i = 0; i < repeats; ++i) {
        auto t = Clock::now();
        projection.forward(clipped.points, xy);
        ours.push_back(ms_since(t));
        for (std::size_t k = 0; k < xy.size(); ++k)
            xy[k] = {(clipped.points[k].lon - 150) * geo::kDegToRad, clipped.points[k].lat * geo::kDegToRad};
        t = Clock::now();
        projection.bare_proj_trans(xy);
        bare.push_back(ms_since(t));
    }
    const double o = percentile(ours, 0.5), b = percentile(bare, 0.5);
    char value[64];
    std::snprintf(value, sizeof value, "%.1f ms", o);
    const std::string what = "project 10m basemap (" + std::to_string(xy.size()) + " vertices, " +
                             std::to_string(projection.thread_count()) + " threads)";
    row(out, what.c_str(), value, "<= 40 ms");
    std::snprintf(value, sizeof value, "%.1f ms (x%.2f)", b, o / b);
    row(out, "  bare proj_trans_generic, same vertices and threads", value, "ratio <= 1.3");
    clipped = {};  // 28 MB that the viewer never holds
    xy = {};

    // Projection change to the first frame of the new projection: clip, project, pack, upload, draw.
    auto context = create_headless_gl_context();
    if (auto* error = std::get_if<std::string>(&context)) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    auto target = std::get<OffscreenTarget>(OffscreenTarget::create(1920, 1080));
    auto renderer = std::get<MapRenderer>(MapRenderer::create());
    target.bind();
    std::vector<double> change, scene_ms, mesh_ms, upload_ms, draw_ms;
    geo::Bounds last_world{};  // the viewer keeps only what is on the GPU, not the scene
    for (const char* name : {"ortho", "eqearth", "natearth", "laea", "webmerc"}) {
        const auto t = Clock::now();
        auto p = std::get<geo::Projection>(
            geo::Projection::create(std::get<geo::ProjectionSpec>(geo::parse_projection(name, {127.5, 38.5}))));
        auto scene = std::make_optional(geo::build_scene(p, fine, graticule));
        last_world = scene->world;
        scene_ms.push_back(ms_since(t));
        auto step = Clock::now();
        auto mesh = std::make_optional(make_basemap_mesh(*scene));
        scene.reset();
        mesh_ms.push_back(ms_since(step));
        step = Clock::now();
        renderer.upload(*mesh);
        mesh.reset();
        upload_ms.push_back(ms_since(step));
        step = Clock::now();
        const Camera camera = Camera::fit(last_world, 1920, 1080, 0, {0, 0});
        renderer.draw(camera, LayerSet::all(), MapStyle{}, 1.0F);
        glFinish();
        draw_ms.push_back(ms_since(step));
        change.push_back(ms_since(t));
    }
    row(out, "projection change to first frame, 10m (median of 5 projections)", ms(percentile(change, 0.5)),
        "<= 150 ms");
    row(out, "  clip + project + pack", ms(percentile(scene_ms, 0.5)), "");
    row(out, "  levels of detail (simplify, fans, lines)", ms(percentile(mesh_ms, 0.5)), "");
    row(out, "  upload", ms(percentile(upload_ms, 0.5)), "");
    row(out, "  first frame", ms(percentile(draw_ms, 0.5)), "");

    // Panning a flat map with the 10m basemap loaded: draw only, the scene stays. The viewer draws a moving view
    // coarser (geo::kMovingSimplifyPixels) and the full level on the first frame after the hand stops.
    const auto pan = [&](double zoom, double pixels, double dx, double dy, int count) {
        renderer.set_simplify_pixels(pixels);
        std::vector<double> frames;
        Camera camera = Camera::fit(last_world, 1920, 1080, zoom, {0, 0});
        for (int i = 0; i < count; ++i) {
            camera.pan_pixels(dx, dy);
            const auto t = Clock::now();
            renderer.draw(camera, LayerSet::all(), MapStyle{}, 1.0F);
            glFinish();
            frames.push_back(ms_since(t));
        }
        renderer.set_simplify_pixels(geo::kSimplifyPixels);
        return frames;
    };
    auto frames = pan(3, geo::kMovingSimplifyPixels, 15, 4, 120);
    row(out, "frame while panning webmerc, 10m, zoom 3, 1920x1080, drawn coarser while moving (median)",
        ms(percentile(frames, 0.5)), "<= 16 ms");
    row(out, "  p95", ms(percentile(frames, 0.95)), "");
    frames = pan(3, geo::kSimplifyPixels, 15, 4, 120);
    row(out, "  the same at full detail, also the frame after the hand stops (median)", ms(percentile(frames, 0.5)),
        "<= 200 ms");
    row(out, "  p95", ms(percentile(frames, 0.95)), "");
    frames = pan(0, geo::kMovingSimplifyPixels, 5, 0, 60);
    row(out, "frame while panning webmerc, 10m, whole world in view, coarser while moving (median)",
        ms(percentile(frames, 0.5)), "(worst case)");

    // Turning the globe, zoomed in: each step re-clips and re-projects the visible cap of the 10m basemap.
    frames.clear();
    std::vector<double> draws;
    for (int i = 0; i < 40; ++i) {
        const auto t = Clock::now();
        auto p = std::get<geo::Projection>(geo::Projection::create(
            std::get<geo::ProjectionSpec>(geo::parse_projection("ortho", {120.0 + 0.2 * i, 38.5}))));
        auto scene = geo::build_scene(p, fine, graticule, 22.5);
        renderer.upload(scene);
        const auto d = Clock::now();
        renderer.draw(Camera::fit(scene.world, 1920, 1080, 3, {0, 0}), LayerSet::all(), MapStyle{}, 1.0F);
        glFinish();
        draws.push_back(ms_since(d));
        frames.push_back(ms_since(t));
    }
    row(out, "turning the globe at zoom 3, 10m forced, no coarsening: rebuild + frame (median)",
        ms(percentile(frames, 0.5)), "");
    row(out, "  p95", ms(percentile(frames, 0.95)), "");
    row(out, "  frame alone (median)", ms(percentile(draws, 0.5)), "");
    if (bench_turning(assets, fine, renderer, out, err) != 0) return 1;

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    row(out, "peak memory of this case (10m and coarser basemaps, 1920x1080 GL)",
        std::to_string(usage.ru_maxrss / 1024) + " MB", "<= 300 MB");
    return 0;
}

// The whole viewer (map, story, panels) while a simulated hand drags the map 12 pixels a frame for 100 frames
// (--drag-frames): frame times while moving, the time from letting go to the full scene on screen, and the
// process's peak memory.
void bench_viewer_drags(const std::filesystem::path& assets, std::ostream& out) {
    struct Case {
        const char* what;
        const char* args;
        bool fine;  // the view draws the 10m basemap: its peak memory is the row below
    };
    const Case cases[] = {
        {"viewer turning the globe, default view (110m)", "", false},
        {"viewer turning the globe at zoom 4 (10m view)", "--zoom 4", true},
        {"viewer panning webmerc at zoom 5 (10m view)", "-p webmerc --zoom 5", true},
    };
    long peak_10m = 0;
    for (const Case& c : cases) {
        const std::string text = output_of_self("--assets '" + assets.string() + "' --window-size 1920x1080 " + c.args +
                                                " --drag-frames 100 --quit-after-frames 200 --frame-stats");
        double median = NAN, p95 = NAN, settle = NAN;
        long peak = 0;
        const auto at = text.find("moving-frame-ms");
        const auto settle_at = text.find("settle-ms");
        const auto peak_at = text.find("peak-rss-mb");
        if (at == std::string::npos || settle_at == std::string::npos || peak_at == std::string::npos ||
            std::sscanf(text.c_str() + at, "moving-frame-ms median %lf p95 %lf", &median, &p95) != 2 ||
            std::sscanf(text.c_str() + settle_at, "settle-ms %lf", &settle) != 1 ||
            std::sscanf(text.c_str() + peak_at, "peak-rss-mb %ld", &peak) != 1) {
            row(out, c.what, "failed", "");
            continue;
        }
        row(out, (std::string(c.what) + ": frame while moving (median)").c_str(), ms(median), "");
        row(out, "  p95", ms(p95), "");
        row(out, "  full scene on screen after letting go", ms(settle), "<= 200 ms");
        if (c.fine) peak_10m = std::max(peak_10m, peak);
    }
    row(out, "peak memory of the viewer with the 10m basemap (the two drags above)", std::to_string(peak_10m) + " MB",
        "<= 300 MB");
}

}  // namespace

int run_bench(const BenchOptions& options, std::ostream& out, std::ostream& err) {
    auto assets_found = find_assets(options.assets);
    if (auto* error = std::get_if<std::string>(&assets_found)) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    const auto assets = std::get<std::filesystem::path>(assets_found);
    if (options.only == "many-arcs") return bench_many_arcs(assets, out, err);
    if (options.only == "basemap") return bench_basemap(assets, options.repeats, out, err);
    if (options.only == "stills") {
        for (const BenchFigure& figure : bench_stills(assets, options.repeats))
            row(out, figure.what.c_str(), figure.value, figure.target.c_str());
        return 0;
    }
    if (options.only == "edit") {
        for (const BenchFigure& figure : bench_edit(assets, options.repeats))
            row(out, figure.what.c_str(), figure.value, figure.target.c_str());
        return 0;
    }
    if (!options.only.empty()) {
        err << "diplomap bench: unknown case '" << options.only << "'; valid: basemap, many-arcs, stills, edit\n";
        return 2;
    }
    const std::string tmp =
        (std::filesystem::temp_directory_path() / ("diplomap-bench-" + std::to_string(::getpid()))).string();

    out << "| figure                                                         |              value | target         |\n";
    out << "|----------------------------------------------------------------|--------------------|----------------|\n";
    for (const char* detail : {"50m", "10m"}) {
        const std::vector<std::string> args = {"export",     "--assets", assets.string(),     "--out",
                                               tmp + ".png", "--size",   "1920x1080",         "--detail",
                                               detail,       "--layers", "ocean,land,borders", "--force"};
        const auto t = median_of_runs(args, options.repeats);
        const std::string what =
            std::string("export ortho ") + detail + " 1920x1080 PNG, process start to exit (median)";
        row(out, what.c_str(), t ? ms(*t) : "failed", detail == std::string("50m") ? "<= 300 ms" : "<= 400 ms");
        std::error_code ec;
        if (detail == std::string("50m"))
            row(out, "  its PNG size", std::to_string(std::filesystem::file_size(tmp + ".png", ec) / 1024) + " KiB",
                "");
        std::filesystem::remove(tmp + ".png", ec);
    }
    if (display_available()) {
        const auto t = median_of_runs(
            {"--assets", assets.string(), "--window-size", "1920x1080", "--detail", "50m", "--quit-after-frames", "1"},
            options.repeats);
        row(out, "window: process start to first frame drawn, 50m (median)", t ? ms(*t) : "failed", "<= 300 ms");
        // The bundled story animating over a still 50m globe, as the viewer runs it (basemap cached, story drawn).
        const std::string stats = output_of_self("--assets '" + assets.string() +
                                                 "' --window-size 1920x1080 --detail 50m --quit-after-frames 130 "
                                                 "--frame-stats");
        double median = NAN, p95 = NAN;
        const auto at = stats.find("frame-ms median");
        if (at == std::string::npos ||
            std::sscanf(stats.c_str() + at, "frame-ms median %lf p95 %lf", &median, &p95) != 2) {
            row(out, "bundled story animating, 50m, 1920x1080 window (median)", "failed", "<= 12 ms");
        } else {
            row(out, "bundled story animating, 50m, 1920x1080 window (median)", ms(median), "<= 12 ms");
            row(out, "  p95", ms(p95), "");
        }
        bench_viewer_drags(assets, out);
    } else {
        row(out, "window: process start to first frame drawn, 50m", "n/a (no display)", "<= 300 ms");
    }

    for (const BenchFigure& figure : bench_stills(assets, options.repeats))
        row(out, figure.what.c_str(), figure.value, figure.target.c_str());
    for (const BenchFigure& figure : bench_edit(assets, options.repeats))
        row(out, figure.what.c_str(), figure.value, figure.target.c_str());

    // Each in a process of its own, so that its peak memory is its own.
    for (const char* only : {"basemap", "many-arcs"}) {
        const std::string rows =
            output_of_self(std::string("bench --only ") + only + " --repeats " + std::to_string(options.repeats) +
                           " --assets '" + assets.string() + "'");
        if (rows.empty()) row(out, (std::string("bench --only ") + only).c_str(), "failed", "");
        out << rows;
    }
    return 0;
}

}  // namespace diplomap

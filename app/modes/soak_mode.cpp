#include "app/modes/soak_mode.hpp"

#include <epoxy/gl.h>
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "app/modes/assets.hpp"
#include "app/modes/check_mode.hpp"
#include "app/modes/export_mode.hpp"
#include "app/modes/map_view.hpp"
#include "app/modes/story_view.hpp"
#include "app/platform/gl_context.hpp"
#include "app/render/map_renderer.hpp"
#include "app/render/offscreen_target.hpp"
#include "app/ui/offscreen_ui_frame.hpp"
#include "geo/map/graticule.hpp"
#include "geo/map/projected_scene.hpp"
#include "geo/story/story_loader.hpp"
#include "geo/story/story_watch.hpp"

namespace diplomap {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// What the process holds, read from /proc: the figures a leak shows up in.
struct ProcessSample {
    double rss_mb = 0;
    double heap_mb = 0;  // what malloc has handed out and not had back: the part of the resident memory a leak grows
    int open_files = 0;
};

ProcessSample sample_process() {
    // Free memory goes back to the system first. The allocator keeps freed blocks in each thread's arena (scene
    // builds, exports and PROJ's workers run on threads of their own) and returns them only at an arena's top, so
    // without this the resident size creeps by a megabyte a minute while the heap in use stays flat: retention,
    // not a leak, yet enough to cross the limit of a three-minute run (measured: docs/trust.md).
    ::malloc_trim(0);
    ProcessSample sample;
    std::ifstream statm("/proc/self/statm");
    long long pages_total = 0, pages_resident = 0;
    if (statm >> pages_total >> pages_resident)
        sample.rss_mb = static_cast<double>(pages_resident) * static_cast<double>(::sysconf(_SC_PAGESIZE)) / 1048576.0;
    const struct mallinfo2 heap = ::mallinfo2();
    sample.heap_mb = static_cast<double>(heap.uordblks + heap.hblkhd) / 1048576.0;
    std::error_code ec;
    for (auto it = fs::directory_iterator("/proc/self/fd", ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        ++sample.open_files;
    return sample;
}

// A scratch folder removed with everything in it when the run ends.
class ScratchFolder {
public:
    ScratchFolder() {
        std::string pattern = (fs::temp_directory_path() / "diplomap-soak-XXXXXX").string();
        if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
    }
    ~ScratchFolder() {
        std::error_code ec;
        if (!path_.empty()) fs::remove_all(path_, ec);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// As editors save: a new file renamed over the old one.
void save_by_rename(const fs::path& path, const std::string& content) {
    const fs::path temporary = path.string() + ".swp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << content;
    }
    fs::rename(temporary, path);
}

struct ProjectionStop {
    const char* name;
    geo::LonLat center;
};

// Every kind of clipping the renderer knows: horizon (globe, azimuthal), cut meridian (world maps), and a
// Mercator that clips at high latitudes; centres move so that each switch really rebuilds.
constexpr ProjectionStop kProjections[] = {
    {"ortho", {127.5, 38.5}}, {"eqearth", {150, 0}}, {"laea", {100, 60}},  {"natearth", {-30, 0}},
    {"aeqd", {37.6, 55.8}},   {"webmerc", {0, 0}},   {"ortho", {-77, 39}}, {"eqearth", {180, 0}},
};

// The GL side of the run: one context and what draws into it. Torn down around every export, because an export
// makes (and terminates) an EGL display of its own, exactly as `diplomap export` does.
struct Renderer {
    std::unique_ptr<GlContext> context;  // first member: destroyed last
    std::optional<OffscreenTarget> target;
    std::optional<MapRenderer> map;
    std::optional<StoryView> story;
    std::optional<ImGuiOffscreen> overlay;
};

std::variant<std::unique_ptr<Renderer>, std::string> make_renderer(int width, int height) {
    auto renderer = std::make_unique<Renderer>();
    auto context = create_headless_gl_context();
    if (auto* error = std::get_if<std::string>(&context)) return *error;
    renderer->context = std::move(std::get<std::unique_ptr<GlContext>>(context));
    auto target = OffscreenTarget::create(width, height);
    if (auto* error = std::get_if<std::string>(&target)) return *error;
    renderer->target.emplace(std::move(std::get<OffscreenTarget>(target)));
    auto map = MapRenderer::create();
    if (auto* error = std::get_if<std::string>(&map)) return *error;
    renderer->map.emplace(std::move(std::get<MapRenderer>(map)));
    auto story = StoryView::create();
    if (auto* error = std::get_if<std::string>(&story)) return *error;
    renderer->story.emplace(std::move(std::get<StoryView>(story)));
    renderer->overlay.emplace(1.0F);
    return renderer;
}

class SoakRun {
public:
    SoakRun(const SoakOptions& options, std::ostream& out, std::ostream& err)
        : options_(options), out_(out), err_(err) {}

    int run() {
        if (!prepare()) return 1;
        const auto start = Clock::now();
        const double seconds = options_.seconds;
        // Warm-up: caches, fonts, shader compiles and the allocator settle; every kind of event has happened. A
        // third of the run: on a quiet machine the first minute still sees Mesa's caches fill as exports come.
        const double warm_up = std::max(30.0, seconds / 3.0);
        const double switch_every = seconds / (options_.projection_switches + 1);
        const double reload_every = seconds / (options_.reloads + 1);
        const double export_every = seconds / (options_.exports + 1);
        double next_switch = switch_every, next_reload = reload_every, next_export = export_every, next_log = 0;
        std::optional<ProcessSample> baseline;
        double peak_growth = 0;
        int failures = 0;

        while (true) {
            const double t = std::chrono::duration<double>(Clock::now() - start).count();
            if (t >= next_log || t >= seconds) {
                const ProcessSample now = sample_process();
                log_sample(t, now);
                if (!baseline && t >= warm_up) baseline = now;
                if (baseline) peak_growth = std::max(peak_growth, now.rss_mb - baseline->rss_mb);
                next_log += options_.log_every_seconds;
            }
            if (t >= seconds) break;
            if (t >= next_switch) {
                if (!switch_projection()) ++failures;
                next_switch += switch_every;
            }
            if (t >= next_reload) {
                if (!reload()) ++failures;
                next_reload += reload_every;
            }
            if (t >= next_export) {
                if (!export_once(t)) ++failures;
                next_export += export_every;
            }
            if (!draw_frame(t)) ++failures;
            if (failures > 0) break;
        }

        const ProcessSample end = sample_process();
        std::ostringstream summary;
        summary << std::fixed << std::setprecision(1) << "diplomap soak: " << seconds << " s, " << frames_
                << " frames, " << switches_ << " projection switches, " << reloads_ << " reloads (" << broken_reloads_
                << " broken), " << exports_ << " exports; resident " << (baseline ? baseline->rss_mb : 0.0)
                << " MB after warm-up, " << end.rss_mb << " MB at the end, peak growth " << peak_growth
                << " MB; open files " << (baseline ? baseline->open_files : 0) << " -> " << end.open_files;
        out_ << summary.str() << '\n';
        if (log_) *log_ << "# " << summary.str() << '\n';

        if (failures > 0) return 1;
        if (!baseline) {
            err_ << "diplomap soak: the run ended before warm-up did (" << warm_up << " s)\n";
            return 1;
        }
        int status = 0;
        // Growth is the end against the warm-up sample: a transient peak (an export's buffers, not yet returned to
        // the system) is logged but is not growth.
        const double growth = end.rss_mb - baseline->rss_mb;
        if (growth >= options_.max_growth_mb) {
            err_ << "diplomap soak: resident memory grew by " << growth << " MB after warm-up (limit "
                 << options_.max_growth_mb << " MB)\n";
            status = 1;
        }
        if (end.open_files > baseline->open_files) {
            err_ << "diplomap soak: open files grew from " << baseline->open_files << " to " << end.open_files << '\n';
            status = 1;
        }
        if (switches_ < options_.projection_switches || reloads_ < options_.reloads || exports_ < options_.exports) {
            err_ << "diplomap soak: too few events: " << switches_ << "/" << options_.projection_switches
                 << " switches, " << reloads_ << "/" << options_.reloads << " reloads, " << exports_ << "/"
                 << options_.exports << " exports\n";
            status = 1;
        }
        return status;
    }

private:
    bool prepare() {
        if (scratch_.path().empty()) {
            err_ << "diplomap soak: cannot make a scratch folder in " << fs::temp_directory_path().string() << '\n';
            return false;
        }
        auto assets = find_assets(options_.assets);
        if (auto* error = std::get_if<std::string>(&assets)) {
            err_ << "diplomap soak: " << *error << '\n';
            return false;
        }
        assets_ = std::get<fs::path>(assets);
        const fs::path source = options_.story ? *options_.story : default_story(assets_);
        // The run edits a copy: the story.json and the article it names.
        const geo::StoryLoad original = geo::load_story(source);
        if (!original.story) {
            for (const geo::Diagnostic& d : original.problems) err_ << d.to_string() << '\n';
            err_ << "diplomap soak: the story to soak must load cleanly: " << source.string() << '\n';
            return false;
        }
        good_json_ = read_all(original.story_file);
        story_file_ = scratch_.path() / "story" / "story.json";
        fs::create_directories(story_file_.parent_path());
        save_by_rename(story_file_, good_json_);
        const fs::path article_copy =
            (story_file_.parent_path() / fs::relative(original.article_file, original.story_file.parent_path()))
                .lexically_normal();
        fs::create_directories(article_copy.parent_path());
        save_by_rename(article_copy, read_all(original.article_file));
        watcher_.emplace(story_file_.parent_path(), std::chrono::milliseconds(0));
        if (!watcher_->story()) {
            err_ << "diplomap soak: the copied story does not load\n";
            return false;
        }
        auto basemap = geo::load_basemap(assets_ / "basemap", geo::Detail::Coarse110m);
        if (auto* error = std::get_if<std::string>(&basemap)) {
            err_ << "diplomap soak: " << *error << '\n';
            return false;
        }
        basemap_.emplace(std::move(std::get<geo::Basemap>(basemap)));
        graticule_ = geo::make_graticule();
        if (!options_.log.empty()) {
            log_.emplace(options_.log, std::ios::trunc);
            if (!*log_) {
                err_ << "diplomap soak: cannot write the log " << options_.log.string() << '\n';
                return false;
            }
            *log_ << "# seconds resident_mb open_files frames switches reloads exports heap_mb\n";
        }
        return set_projection(kProjections[0]) && start_renderer();
    }

    bool start_renderer() {
        auto made = make_renderer(options_.width, options_.height);
        if (auto* error = std::get_if<std::string>(&made)) {
            err_ << "diplomap soak: " << *error << '\n';
            return false;
        }
        renderer_ = std::move(std::get<std::unique_ptr<Renderer>>(made));
        upload();
        return gl_clean("setting up");
    }

    void upload() {
        renderer_->map->upload(*scene_);
        renderer_->story->set_projection(*projection_);
        renderer_->story->set_story(*watcher_->story());
    }

    bool set_projection(const ProjectionStop& stop) {
        auto spec = geo::parse_projection(stop.name, stop.center);
        if (auto* error = std::get_if<std::string>(&spec)) {
            err_ << "diplomap soak: " << *error << '\n';
            return false;
        }
        view_.projection = std::get<geo::ProjectionSpec>(spec);
        auto projection = geo::Projection::create(view_.projection);
        if (auto* error = std::get_if<std::string>(&projection)) {
            err_ << "diplomap soak: " << *error << '\n';
            return false;
        }
        projection_.emplace(std::move(std::get<geo::Projection>(projection)));
        scene_.emplace(geo::build_scene(*projection_, *basemap_, graticule_));
        camera_ = initial_camera(*projection_, view_, options_.width, options_.height);
        return true;
    }

    bool switch_projection() {
        ++switches_;
        if (!set_projection(kProjections[switches_ % std::size(kProjections)])) return false;
        upload();
        return gl_clean("switching projection");
    }

    // Alternates a broken save (cut short, or an excerpt that no longer matches) with a good one.
    bool reload() {
        ++reloads_;
        const bool broken = reloads_ % 2 == 1;
        std::string json = good_json_;
        if (broken) {
            ++broken_reloads_;
            json.resize(json.size() / 2);
        } else {
            // A harmless edit, so that the good save is a change the watcher must pick up.
            json += std::string(static_cast<std::size_t>(reloads_ % 7), '\n');
        }
        save_by_rename(story_file_, json);
        poll_clock_ += std::chrono::seconds(2);
        const bool replaced = watcher_->poll(poll_clock_);
        if (broken) {
            if (replaced || watcher_->problems().empty() || !watcher_->story()) {
                err_ << "diplomap soak: a broken save was not reported, or the last good story was dropped\n";
                return false;
            }
            return true;
        }
        if (!watcher_->problems().empty() || !watcher_->story()) {
            err_ << "diplomap soak: a good save did not load: " << watcher_->problems().front().to_string() << '\n';
            return false;
        }
        renderer_->story->set_story(*watcher_->story());
        return gl_clean("reloading");
    }

    bool export_once(double t) {
        ++exports_;
        ExportOptions options;
        options.view = view_;
        options.view.assets = assets_;
        options.view.detail = geo::Detail::Coarse110m;
        options.width = options_.width;
        options.height = options_.height;
        options.story = *watcher_->story();
        options.seconds = t;
        options.out = scratch_.path() / ("export-" + std::to_string(exports_ % 2) + ".png");
        options.force = true;  // the two scratch files are replaced in turn, as a user re-exporting would
        renderer_.reset();
        std::ostringstream export_err;
        const int status = run_export(options, export_err);
        std::error_code ec;
        const bool written = fs::file_size(options.out, ec) > 0 && !ec;
        if (status != 0 || !written) {
            err_ << "diplomap soak: export " << exports_ << " failed: " << export_err.str();
            start_renderer();  // the run ends with a failure, not with a renderer gone under its feet
            return false;
        }
        return start_renderer();
    }

    bool draw_frame(double t) {
        StoryFrame frame;
        const double play = renderer_->story->play_seconds();
        frame.seconds = play > 0 ? std::fmod(t, play + 2.0) : t;
        renderer_->target->bind();
        renderer_->map->draw(camera_, view_.layers, MapStyle{}, 1.0F);
        renderer_->story->draw_lines(camera_, frame);
        renderer_->overlay->render(options_.width, options_.height,
                                   [&](ImDrawList& list) { renderer_->story->draw_marks(list, camera_, frame); });
        glFinish();
        ++frames_;
        return gl_clean("drawing a frame");
    }

    bool gl_clean(const char* doing) {
        const GLenum error = glGetError();
        if (error == GL_NO_ERROR) return true;
        err_ << "diplomap soak: GL error 0x" << std::hex << error << std::dec << " after " << doing << " (frame "
             << frames_ << ")\n";
        return false;
    }

    void log_sample(double t, const ProcessSample& sample) {
        if (!log_) return;
        *log_ << std::fixed << std::setprecision(1) << t << ' ' << std::setprecision(2) << sample.rss_mb << ' '
              << sample.open_files << ' ' << frames_ << ' ' << switches_ << ' ' << reloads_ << ' ' << exports_ << ' '
              << sample.heap_mb << '\n'
              << std::flush;
    }

    SoakOptions options_;
    std::ostream& out_;
    std::ostream& err_;
    ScratchFolder scratch_;
    fs::path assets_;
    fs::path story_file_;
    std::string good_json_;
    std::optional<geo::StoryWatcher> watcher_;
    Clock::time_point poll_clock_ = Clock::now();
    std::optional<geo::Basemap> basemap_;
    geo::LonLatPaths graticule_;
    MapViewOptions view_;
    std::optional<geo::Projection> projection_;
    std::optional<geo::ProjectedScene> scene_;
    Camera camera_;
    std::unique_ptr<Renderer> renderer_;
    std::optional<std::ofstream> log_;
    long long frames_ = 0;
    int switches_ = 0, reloads_ = 0, broken_reloads_ = 0, exports_ = 0;
};

}  // namespace

int run_soak(const SoakOptions& options, std::ostream& out, std::ostream& err) {
    return SoakRun(options, out, err).run();
}

}  // namespace diplomap

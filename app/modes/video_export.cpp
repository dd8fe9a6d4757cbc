#include "app/modes/video_export.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>
#include <ostream>
#include <stdexcept>

#include "app/modes/headless_map.hpp"
#include "app/modes/presentation_film.hpp"
#include "app/video/video_encoder.hpp"
#include "geo/map/image_file.hpp"
#include "geo/story/story_animation.hpp"

namespace diplomap {
namespace {

volatile std::sig_atomic_t stop_signal = 0;

extern "C" void stop_filming(int signal) { stop_signal = signal; }

// While filming, Ctrl+C and SIGTERM only ask the loop to stop, so that it can remove its temporary file; the
// previous handlers come back afterwards.
class StopOnSignals {
public:
    StopOnSignals() {
        stop_signal = 0;
        struct sigaction action = {};
        action.sa_handler = stop_filming;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGINT, &action, &previous_int_);
        ::sigaction(SIGTERM, &action, &previous_term_);
    }
    ~StopOnSignals() {
        ::sigaction(SIGINT, &previous_int_, nullptr);
        ::sigaction(SIGTERM, &previous_term_, nullptr);
    }
    StopOnSignals(const StopOnSignals&) = delete;
    StopOnSignals& operator=(const StopOnSignals&) = delete;
    [[nodiscard]] static int signal() { return stop_signal; }

private:
    struct sigaction previous_int_ = {}, previous_term_ = {};
};

// A bar with the share done and the time left, redrawn in place at most ten times a second.
class ProgressBar {
public:
    ProgressBar(std::ostream& out, bool shown, int total) : out_(out), shown_(shown), total_(total) {}
    void update(int done, const char* what) {
        if (!shown_) return;
        const auto now = std::chrono::steady_clock::now();
        if (done < total_ && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        const double elapsed = std::chrono::duration<double>(now - start_).count();
        const double share = static_cast<double>(done) / total_;
        constexpr int kWidth = 30;
        const int filled = static_cast<int>(share * kWidth);
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.append(static_cast<std::size_t>(kWidth - filled), '.');
        char line[160];
        if (done > 0) {
            const auto left = static_cast<long>(std::lround(elapsed / done * (total_ - done)));
            std::snprintf(line, sizeof line, "\r[%s] %3d%% %-9s %d/%d, %ld:%02ld left ", bar.c_str(),
                          static_cast<int>(share * 100), what, done, total_, left / 60, left % 60);
        } else {
            std::snprintf(line, sizeof line, "\r[%s] %3d%% %-9s %d/%d", bar.c_str(), 0, what, done, total_);
        }
        out_ << line << std::flush;
    }
    void end() {
        if (shown_) out_ << '\n' << std::flush;
    }

private:
    std::ostream& out_;
    bool shown_;
    int total_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_{};
};

// Same folder (so the rename is atomic), hidden, unique per process, same extension.
std::filesystem::path temporary_beside(const std::filesystem::path& file) {
    return file.parent_path() /
           ("." + file.stem().string() + ".tmp-" + std::to_string(::getpid()) + file.extension().string());
}

std::optional<std::string> check_target(const VideoOptions& options) {
    if (!video_format_for(options.file))
        return options.file.string() + ": unknown video format (use .mp4, .webm or .gif)";
    if (auto error = geo::check_writable(options.file)) return error;
    std::error_code ec;
    if (!options.force && std::filesystem::exists(options.file, ec))
        return options.file.string() + ": exists already; add --force to replace it";
    return std::nullopt;
}

// Puts the finished temporary file in place; without --force, never over a file that appeared meanwhile.
std::optional<std::string> move_into_place(const std::filesystem::path& temporary, const VideoOptions& options) {
    if (!options.force) {
        if (::renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, options.file.c_str(), RENAME_NOREPLACE) == 0)
            return std::nullopt;
        if (errno == EEXIST) return options.file.string() + ": exists already; add --force to replace it";
        if (errno != EINVAL && errno != ENOSYS) return options.file.string() + ": " + std::strerror(errno);
        // File systems without RENAME_NOREPLACE: the check at the start has to do.
    }
    std::error_code ec;
    std::filesystem::rename(temporary, options.file, ec);
    if (ec) return options.file.string() + ": " + ec.message();
    return std::nullopt;
}

}  // namespace

int frame_count(double seconds, int fps) { return std::max(1, static_cast<int>(std::lround(seconds * fps))); }

int film(const FrameSource& source, const VideoOptions& options, std::ostream& err) {
    if (auto error = check_target(options)) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    const VideoSettings settings{*video_format_for(options.file), source.width, source.height, options.fps};
    const std::filesystem::path temporary = temporary_beside(options.file);
    StopOnSignals stop;
    auto failed = [&](const std::string& message) {
        std::error_code ec;
        std::filesystem::remove(temporary, ec);
        err << "diplomap: " << message << '\n';
        return 1;
    };
    const int frames = frame_count(source.seconds, options.fps);
    std::optional<std::string> error;
    bool cancelled = false;
    {
        auto opened = VideoEncoder::open(temporary, settings);
        if (auto* message = std::get_if<std::string>(&opened)) {
            // Name the file the user asked for, not the temporary one.
            std::string text = *message;
            if (text.starts_with(temporary.string()))
                text = options.file.string() + text.substr(temporary.string().size());
            return failed(text);
        }
        VideoEncoder& encoder = *std::get<std::unique_ptr<VideoEncoder>>(opened);
        const int passes = encoder.needs_palette_pass() ? 2 : 1;
        ProgressBar progress(err, options.progress && ::isatty(STDERR_FILENO) == 1, frames * passes);
        for (int pass = 0; pass < passes && !error && !cancelled; ++pass) {
            const bool palette = pass + 1 < passes;
            for (int i = 0; i < frames && !error; ++i) {
                if (StopOnSignals::signal() != 0) break;
                if (options.on_progress &&
                    !options.on_progress(static_cast<double>(pass * frames + i) / (frames * passes))) {
                    cancelled = true;
                    break;
                }
                try {
                    const RgbaImage& frame = source.frame_at(frame_seconds(i, options.fps));
                    error = palette ? encoder.add_palette_frame(frame.pixels) : encoder.add_frame(frame.pixels);
                } catch (const FrameError& failure) {
                    error = failure.what();
                }
                progress.update(pass * frames + i + 1, palette ? "palette" : "frames");
            }
        }
        if (!error && !cancelled && StopOnSignals::signal() == 0) error = encoder.finish();
        progress.end();
    }
    if (cancelled) return failed(options.file.string() + ": cancelled; no file written");
    if (const int signal = StopOnSignals::signal(); signal != 0) {
        failed(options.file.string() + (options.force && std::filesystem::exists(options.file)
                                            ? ": interrupted; the file is left as it was"
                                            : ": interrupted; no file written"));
        return 128 + signal;
    }
    if (error) {
        std::string text = *error;
        if (text.starts_with(temporary.string())) text = options.file.string() + text.substr(temporary.string().size());
        return failed(text);
    }
    if (auto moved = move_into_place(temporary, options)) return failed(*moved);
    return 0;
}

// A frame source's renderer and the one image it draws into, shared by the copies of its FrameSource.
struct FilmedMap {
    std::unique_ptr<HeadlessMap> map;
    RgbaImage frame;
};

std::shared_ptr<FilmedMap> filmed_map(std::unique_ptr<HeadlessMap> map, int width, int height) {
    auto filmed = std::make_shared<FilmedMap>();
    filmed->map = std::move(map);
    filmed->frame.width = width;
    filmed->frame.height = height;
    filmed->frame.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    return filmed;
}

std::variant<FrameSource, std::string> animation_frames(const ExportOptions& still, std::optional<double> from,
                                                        std::optional<double> to) {
    const double play_seconds = still.story ? geo::story_play_seconds(*still.story) : 0.0;
    const double start = from.value_or(0.0);
    const double end = to ? *to : play_seconds;
    if (end <= start) {
        char text[160];
        std::snprintf(text, sizeof text, "nothing to film: the animation ends at %.2f s%s", play_seconds,
                      from ? " (--from is later; give --to)" : "");
        return std::string(text);
    }
    auto created = HeadlessMap::create(still);
    if (auto* error = std::get_if<std::string>(&created)) return *error;
    auto filmed = filmed_map(std::move(std::get<std::unique_ptr<HeadlessMap>>(created)), still.width, still.height);
    FrameSource source;
    source.width = still.width;
    source.height = still.height;
    source.seconds = end - start;
    source.frame_at = [filmed, start](double seconds) -> const RgbaImage& {
        if (auto error = filmed->map->render_into(start + seconds, filmed->frame.pixels)) throw FrameError(*error);
        return filmed->frame;
    };
    return source;
}

int run_video_export(const ExportOptions& still, const VideoOptions& video, std::ostream& err) {
    // Refused before the seconds that setting up the renderer takes.
    if (auto error = check_target(video)) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    auto source = video.presentation ? presentation_frames(still, video.caption, video.from, video.to)
                                     : animation_frames(still, video.from, video.to);
    if (auto* error = std::get_if<std::string>(&source)) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    return film(std::get<FrameSource>(source), video, err);
}

}  // namespace diplomap

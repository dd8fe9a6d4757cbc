#pragma once
// Filming: asks a frame source for the picture at each frame's time and feeds the video encoder. Frames follow
// the clip's clock, never the wall clock, so a video is as smooth on a slow machine as on a fast one. The file
// appears complete or not at all: the video is written beside it under a temporary name and renamed at the end;
// Ctrl+C (SIGINT) or SIGTERM stops the filming and removes the temporary file.
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>

#include "app/modes/export_mode.hpp"
#include "app/render/offscreen_target.hpp"

namespace diplomap {

// Anything that can be filmed: the story's animation (animation_frames() below), a presentation's slides and
// flights. `frame_at(t)` is the picture `t` seconds after the clip's start (0 <= t < seconds), width x height;
// the reference stays valid until the next call. A clip may be asked for twice (GIF's palette pass), so the
// pictures must depend on t alone.
// Thrown by a FrameSource's frame_at when the frame cannot be drawn; film() reports it and removes its file.
struct FrameError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct FrameSource {
    int width = 0, height = 0;
    double seconds = 0;
    std::function<const RgbaImage&(double seconds)> frame_at;
};

struct VideoOptions {
    std::filesystem::path file;  // .mp4, .webm or .gif
    int fps = 30;
    bool force = false;              // replace an existing file
    std::optional<double> from, to;  // animation (presentation) seconds; empty: from 0, to the end
    bool progress = true;            // a progress bar on stderr when it is a terminal
    // The presentation instead of the animation: every slide with its flight, held for its duration
    // (presentation_film.hpp); `caption` as the slide stills draw it.
    bool presentation = false;
    bool caption = true;
    ExportProgress on_progress;  // after each frame encoded (both passes of a GIF count)
};

// Frame i shows the clip at i / fps seconds; a clip of any positive length has at least one frame.
int frame_count(double seconds, int fps);
[[nodiscard]] inline double frame_seconds(int index, int fps) { return static_cast<double>(index) / fps; }

// Films `source` into options.file; returns the process exit code: 0, 1 (with one line on `err`: the target
// cannot be written, exists without --force, or the encoder failed), or 130 after SIGINT (143 after SIGTERM).
int film(const FrameSource& source, const VideoOptions& options, std::ostream& err);

// The story's animation from `from` to `to` seconds (defaults: 0 and the animation's length) as `still` draws
// it: frame time t shows the still export at `--time from + t`.
std::variant<FrameSource, std::string> animation_frames(const ExportOptions& still, std::optional<double> from,
                                                        std::optional<double> to);

// `diplomap export --video FILE`: the animation_frames of the options (or with --presentation the
// presentation_frames), filmed.
int run_video_export(const ExportOptions& still, const VideoOptions& video, std::ostream& err);

}  // namespace diplomap

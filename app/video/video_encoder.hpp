#pragma once
// Encodes RGBA frames into a video file through FFmpeg's libraries (libavcodec, libavformat, libswscale,
// libavfilter): MP4 (H.264, yuv420p, BT.709, plays in browsers), WebM (VP9 with libvpx's realtime settings) or GIF
// (one palette for the whole clip, dithered). No GL and no UI: frames come from whoever calls.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <variant>

#include "app/video/video_format.hpp"

namespace diplomap {

class VideoEncoder {
public:
    // Creates `file` and writes the container's header; the caller chooses the name (a temporary beside the target,
    // renamed when finish() succeeded).
    static std::variant<std::unique_ptr<VideoEncoder>, std::string> open(const std::filesystem::path& file,
                                                                         const VideoSettings& settings);
    ~VideoEncoder();
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;

    // GIF takes the clip twice: first every frame through add_palette_frame() to choose the clip's 256 colours,
    // then every frame again through add_frame(). Frames are a function of time, so rendering twice costs less
    // memory than holding the clip.
    [[nodiscard]] bool needs_palette_pass() const;
    std::optional<std::string> add_palette_frame(std::span<const std::uint8_t> rgba);

    // The next frame: width * height * 4 bytes, rows top to bottom. Errors name the file.
    std::optional<std::string> add_frame(std::span<const std::uint8_t> rgba);

    // Drains the encoder and writes the trailer; the file is complete only when this returned nullopt.
    std::optional<std::string> finish();

    struct State;

private:
    explicit VideoEncoder(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

}  // namespace diplomap

#pragma once
// What a video file will be (format from its name, size, frame rate) and whether that can be encoded: no FFmpeg
// here, so the command line can check a --video argument without linking the encoder.
#include <filesystem>
#include <optional>
#include <string>

namespace diplomap {

enum class VideoFormat { Mp4, WebM, Gif };

// From the file name's extension (.mp4, .webm, .gif); nullopt for anything else.
std::optional<VideoFormat> video_format_for(const std::filesystem::path& file);

struct VideoSettings {
    VideoFormat format = VideoFormat::Mp4;
    int width = 0, height = 0;  // MP4 and WebM need both even (4:2:0 chroma)
    int fps = 30;
};

// Why `settings` cannot be encoded (odd size for 4:2:0, frame rate out of range), or nullopt.
std::optional<std::string> check_video_settings(const VideoSettings& settings);

}  // namespace diplomap

#include "app/video/video_format.hpp"

#include <algorithm>
#include <cctype>

namespace diplomap {

std::optional<VideoFormat> video_format_for(const std::filesystem::path& file) {
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".mp4") return VideoFormat::Mp4;
    if (extension == ".webm") return VideoFormat::WebM;
    if (extension == ".gif") return VideoFormat::Gif;
    return std::nullopt;
}

std::optional<std::string> check_video_settings(const VideoSettings& settings) {
    if (settings.width < 2 || settings.height < 2) return "a video needs at least 2x2 pixels";
    // 4:2:0 halves the colour resolution in both directions; browsers refuse odd sizes.
    if (settings.format != VideoFormat::Gif && (settings.width % 2 != 0 || settings.height % 2 != 0))
        return "MP4 and WebM need an even width and height";
    if (settings.format == VideoFormat::Gif && (settings.width > 65535 || settings.height > 65535))
        return "GIF allows at most 65535 pixels a side";
    if (settings.fps < 1 || settings.fps > 120) return "the frame rate must be 1..120";
    return std::nullopt;
}

}  // namespace diplomap

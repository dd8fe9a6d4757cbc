// The video encoder on synthetic frames: each format decodes (libavformat here, and ffprobe where installed) with
// the frame count, size, frame rate and codec asked for, and MP4 frames come back close to what went in.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>

#include "app/video/video_encoder.hpp"
#include "test_support.hpp"
#include "video_decoder.hpp"

namespace fs = std::filesystem;
using namespace diplomap;
using namespace diplomap::test;

namespace {

// A soft gradient with a square that moves one step per frame, so that no two frames are alike.
RgbaImage synthetic_frame(int width, int height, int index) {
    RgbaImage image;
    image.width = width;
    image.height = height;
    image.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    const int square = height / 4, left = (index * 3) % (width - square), top = height / 3;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = image.pixels.data() + 4 * (static_cast<std::size_t>(y) * width + x);
            const bool inside = x >= left && x < left + square && y >= top && y < top + square;
            p[0] = inside ? 230 : static_cast<std::uint8_t>(40 + 120 * x / width);
            p[1] = inside ? 80 : static_cast<std::uint8_t>(70 + 100 * y / height);
            p[2] = inside ? 40 : 150;
            p[3] = 255;
        }
    return image;
}

void encode_synthetic(const fs::path& file, const VideoSettings& settings, int frames) {
    auto opened = VideoEncoder::open(file, settings);
    REQUIRE(std::holds_alternative<std::unique_ptr<VideoEncoder>>(opened));
    VideoEncoder& encoder = *std::get<std::unique_ptr<VideoEncoder>>(opened);
    if (encoder.needs_palette_pass())
        for (int i = 0; i < frames; ++i)
            REQUIRE_FALSE(encoder.add_palette_frame(synthetic_frame(settings.width, settings.height, i).pixels));
    for (int i = 0; i < frames; ++i)
        REQUIRE_FALSE(encoder.add_frame(synthetic_frame(settings.width, settings.height, i).pixels));
    REQUIRE_FALSE(encoder.finish());
}

bool have_ffprobe() { return std::system("command -v ffprobe >/dev/null 2>&1") == 0; }

}  // namespace

TEST_CASE("video formats follow the file name", "[video]") {
    CHECK(video_format_for("a.mp4") == VideoFormat::Mp4);
    CHECK(video_format_for("dir/a.MP4") == VideoFormat::Mp4);
    CHECK(video_format_for("a.webm") == VideoFormat::WebM);
    CHECK(video_format_for("a.gif") == VideoFormat::Gif);
    CHECK_FALSE(video_format_for("a.avi"));
    CHECK_FALSE(video_format_for("mp4"));
    CHECK(check_video_settings({VideoFormat::Mp4, 321, 240, 30}) == "MP4 and WebM need an even width and height");
    CHECK(check_video_settings({VideoFormat::WebM, 320, 241, 30}) == "MP4 and WebM need an even width and height");
    CHECK_FALSE(check_video_settings({VideoFormat::Gif, 321, 241, 30}));
    CHECK(check_video_settings({VideoFormat::Mp4, 320, 240, 0}) == "the frame rate must be 1..120");
}

TEST_CASE("a 2-second video of each format decodes with its frame count, size and frame rate", "[video]") {
    TempDir dir;
    struct Case {
        VideoFormat format;
        const char* name;
        const char* codec;
        const char* pixel_format;
    };
    const Case cases[] = {{VideoFormat::Mp4, "clip.mp4", "h264", "yuv420p"},
                          {VideoFormat::WebM, "clip.webm", "vp9", "yuv420p"},
                          {VideoFormat::Gif, "clip.gif", "gif", "bgra"}};
    for (const Case& c : cases) {
        INFO(c.name);
        const VideoSettings settings{c.format, 320, 240, 30};
        encode_synthetic(dir / c.name, settings, 60);
        const DecodedVideo video = decode_video(dir / c.name, {0, 30, 59});
        CHECK(video.error.empty());
        CHECK(video.codec == c.codec);
        CHECK(video.pixel_format == c.pixel_format);
        CHECK(video.width == 320);
        CHECK(video.height == 240);
        CHECK(video.frames == 60);
        // GIF counts time in hundredths of a second: 30 fps becomes delays of 3, 3 and 4 hundredths.
        CHECK(video.frame_rate == Approx(30.0).epsilon(c.format == VideoFormat::Gif ? 0.02 : 1e-9));
        CHECK(video.duration == Approx(2.0).margin(0.02));
        REQUIRE(video.kept.size() == 3);
        for (const auto& [index, image] : video.kept) {
            INFO("frame " << index);
            // Lossy, but the same picture: MP4 at CRF 18 and realtime VP9 stay well above 30 dB on this frame, the
            // 256-colour GIF above 25 dB.
            CHECK(psnr(image, synthetic_frame(320, 240, index)) > (c.format == VideoFormat::Gif ? 25.0 : 30.0));
        }
        if (have_ffprobe()) {
            const auto probe = run_command(
                "ffprobe -v error -count_frames -select_streams v:0 -show_entries "
                "stream=codec_name,width,height,avg_frame_rate,nb_read_frames -of default=nw=1 " +
                (dir / c.name).string());
            CHECK(probe.exit_code == 0);
            CHECK_THAT(probe.output, Catch::Contains(std::string("codec_name=") + c.codec));
            CHECK_THAT(probe.output, Catch::Contains("width=320\nheight=240"));
            CHECK_THAT(probe.output, Catch::Contains("nb_read_frames=60"));
            if (c.format != VideoFormat::Gif) CHECK_THAT(probe.output, Catch::Contains("avg_frame_rate=30/1"));
        } else {
            WARN("ffprobe is not installed: checked through libavformat only");
        }
    }
}

TEST_CASE("the encoder refuses what it cannot write, naming the file", "[video]") {
    TempDir dir;
    auto odd = VideoEncoder::open(dir / "odd.mp4", {VideoFormat::Mp4, 321, 240, 30});
    REQUIRE(std::holds_alternative<std::string>(odd));
    CHECK(std::get<std::string>(odd) == (dir / "odd.mp4").string() + ": MP4 and WebM need an even width and height");
    auto missing = VideoEncoder::open(dir / "no" / "clip.mp4", {VideoFormat::Mp4, 320, 240, 30});
    REQUIRE(std::holds_alternative<std::string>(missing));
    CHECK_THAT(std::get<std::string>(missing),
               Catch::StartsWith((dir / "no" / "clip.mp4").string() + ": cannot create the file"));
    auto opened = VideoEncoder::open(dir / "short.mp4", {VideoFormat::Mp4, 320, 240, 30});
    REQUIRE(std::holds_alternative<std::unique_ptr<VideoEncoder>>(opened));
    VideoEncoder& encoder = *std::get<std::unique_ptr<VideoEncoder>>(opened);
    const std::vector<std::uint8_t> too_small(16, 0);
    CHECK(encoder.add_frame(too_small) ==
          (dir / "short.mp4").string() + ": internal error: the frame does not match the video's size");
    CHECK(encoder.finish() == (dir / "short.mp4").string() + ": no frames to write");
}

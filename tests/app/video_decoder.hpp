#pragma once
// Reading a video back in tests through libavformat and libavcodec: what the container says (codec, size, frame
// rate, pixel format), every frame counted, chosen frames as RGBA (BT.709, as the encoder tags its streams).
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/render/offscreen_target.hpp"

namespace diplomap::test {

struct DecodedVideo {
    std::string error;  // empty when the file decoded to its end
    std::string codec;  // "h264", "vp9", "gif"
    std::string pixel_format;
    int width = 0, height = 0;
    double frame_rate = 0;                        // the stream's average frame rate
    double duration = 0;                          // seconds, from the first frame's start to the last frame's end
    int frames = 0;                               // frames the decoder produced
    std::vector<std::pair<int, RgbaImage>> kept;  // (frame index, pixels) for the indices asked for
};

// avformat_close_input needs the owner's address, which unique_ptr does not give.
struct InputFile {
    AVFormatContext* format = nullptr;
    InputFile() = default;
    ~InputFile() { avformat_close_input(&format); }
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
};

inline DecodedVideo decode_video(const std::filesystem::path& file, const std::set<int>& keep = {}) {
    DecodedVideo result;
    InputFile input;
    if (avformat_open_input(&input.format, file.c_str(), nullptr, nullptr) < 0) {
        result.error = "cannot open";
        return result;
    }
    AVFormatContext* raw_format = input.format;
    if (avformat_find_stream_info(raw_format, nullptr) < 0) {
        result.error = "no stream info";
        return result;
    }
    const AVCodec* decoder = nullptr;
    const int index = av_find_best_stream(raw_format, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (index < 0 || !decoder) {
        result.error = "no video stream";
        return result;
    }
    const AVStream* stream = raw_format->streams[index];
    result.codec = avcodec_get_name(stream->codecpar->codec_id);
    const char* pixel_format = av_get_pix_fmt_name(static_cast<AVPixelFormat>(stream->codecpar->format));
    result.pixel_format = pixel_format ? pixel_format : "";
    result.width = stream->codecpar->width;
    result.height = stream->codecpar->height;
    result.frame_rate = av_q2d(stream->avg_frame_rate);

    std::unique_ptr<AVCodecContext, void (*)(AVCodecContext*)> codec(
        avcodec_alloc_context3(decoder), [](AVCodecContext* c) { avcodec_free_context(&c); });
    avcodec_parameters_to_context(codec.get(), stream->codecpar);
    if (avcodec_open2(codec.get(), decoder, nullptr) < 0) {
        result.error = "cannot open the decoder";
        return result;
    }
    std::unique_ptr<AVPacket, void (*)(AVPacket*)> packet(av_packet_alloc(), [](AVPacket* p) { av_packet_free(&p); });
    std::unique_ptr<AVFrame, void (*)(AVFrame*)> frame(av_frame_alloc(), [](AVFrame* f) { av_frame_free(&f); });
    std::int64_t first = AV_NOPTS_VALUE, end = AV_NOPTS_VALUE;

    auto take_frames = [&]() {
        while (avcodec_receive_frame(codec.get(), frame.get()) == 0) {
            const std::int64_t pts = frame->best_effort_timestamp;
            if (first == AV_NOPTS_VALUE) first = pts;
            end = pts + frame->pkt_duration;
            if (keep.count(result.frames)) {
                RgbaImage image;
                image.width = frame->width;
                image.height = frame->height;
                image.pixels.resize(static_cast<std::size_t>(frame->width) * static_cast<std::size_t>(frame->height) *
                                    4);
                SwsContext* scaler = sws_getContext(
                    frame->width, frame->height, static_cast<AVPixelFormat>(frame->format), frame->width, frame->height,
                    AV_PIX_FMT_RGBA, SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr, nullptr, nullptr);
                const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
                sws_setColorspaceDetails(scaler, bt709, frame->color_range == AVCOL_RANGE_JPEG ? 1 : 0, bt709, 1, 0,
                                         1 << 16, 1 << 16);
                std::uint8_t* rows[1] = {image.pixels.data()};
                const int strides[1] = {frame->width * 4};
                sws_scale(scaler, frame->data, frame->linesize, 0, frame->height, rows, strides);
                sws_freeContext(scaler);
                result.kept.emplace_back(result.frames, std::move(image));
            }
            ++result.frames;
            av_frame_unref(frame.get());
        }
    };
    while (av_read_frame(raw_format, packet.get()) >= 0) {
        if (packet->stream_index == index) {
            if (avcodec_send_packet(codec.get(), packet.get()) < 0) result.error = "a packet does not decode";
            take_frames();
        }
        av_packet_unref(packet.get());
    }
    avcodec_send_packet(codec.get(), nullptr);
    take_frames();
    if (first != AV_NOPTS_VALUE) result.duration = static_cast<double>(end - first) * av_q2d(stream->time_base);
    return result;
}

// Peak signal-to-noise ratio over R, G and B in dB (infinite for equal images).
inline double psnr(const RgbaImage& a, const RgbaImage& b) {
    if (a.width != b.width || a.height != b.height) return 0;
    double sum = 0;
    std::size_t n = 0;
    for (std::size_t i = 0; i < a.pixels.size(); i += 4)
        for (std::size_t c = 0; c < 3; ++c, ++n) {
            const double d = static_cast<double>(a.pixels[i + c]) - static_cast<double>(b.pixels[i + c]);
            sum += d * d;
        }
    if (sum == 0) return INFINITY;
    return 10.0 * std::log10(255.0 * 255.0 / (sum / static_cast<double>(n)));
}

}  // namespace diplomap::test

#include "app/video/video_encoder.hpp"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cctype>

namespace diplomap {
namespace {

struct FormatDeleter {
    void operator()(AVFormatContext* context) const {
        if (context->pb) avio_closep(&context->pb);
        avformat_free_context(context);
    }
};
struct CodecDeleter {
    void operator()(AVCodecContext* context) const { avcodec_free_context(&context); }
};
struct FrameDeleter {
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
struct PacketDeleter {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
struct ScalerDeleter {
    void operator()(SwsContext* context) const { sws_freeContext(context); }
};
struct GraphDeleter {
    void operator()(AVFilterGraph* graph) const { avfilter_graph_free(&graph); }
};
// Options for avcodec_open2 and avformat_write_header, which take what they know out of the dictionary.
struct Dictionary {
    AVDictionary* entries = nullptr;
    Dictionary() = default;
    ~Dictionary() { av_dict_free(&entries); }
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;
    void set(const char* key, const char* value) { av_dict_set(&entries, key, value, 0); }
};
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;

std::string av_message(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

const char* muxer_name(VideoFormat format) {
    switch (format) {
        case VideoFormat::Mp4: return "mp4";
        case VideoFormat::WebM: return "webm";
        case VideoFormat::Gif: return "gif";
    }
    return "";
}

const char* encoder_name(VideoFormat format) {
    switch (format) {
        case VideoFormat::Mp4: return "libx264";
        case VideoFormat::WebM: return "libvpx-vp9";
        case VideoFormat::Gif: return "gif";
    }
    return "";
}

// A filter in `graph`, or nullptr (the graph owns it).
AVFilterContext* add_filter(AVFilterGraph* graph, const char* filter, const char* name, const std::string& args) {
    AVFilterContext* context = nullptr;
    if (avfilter_graph_create_filter(&context, avfilter_get_by_name(filter), name,
                                     args.empty() ? nullptr : args.c_str(), nullptr, graph) < 0)
        return nullptr;
    return context;
}

std::string buffer_args(int width, int height, int pixel_format, AVRational time_base) {
    return "video_size=" + std::to_string(width) + "x" + std::to_string(height) +
           ":pix_fmt=" + std::to_string(pixel_format) + ":time_base=" + std::to_string(time_base.num) + "/" +
           std::to_string(time_base.den) + ":pixel_aspect=1/1";
}

}  // namespace

struct VideoEncoder::State {
    std::filesystem::path file;
    VideoSettings settings;
    std::unique_ptr<AVFormatContext, FormatDeleter> muxer;
    std::unique_ptr<AVCodecContext, CodecDeleter> codec;
    AVStream* stream = nullptr;
    std::unique_ptr<AVPacket, PacketDeleter> packet{av_packet_alloc()};
    std::int64_t next_pts = 0;
    bool finished = false;

    // MP4 and WebM: RGBA -> yuv420p.
    std::unique_ptr<SwsContext, ScalerDeleter> scaler;
    FramePtr yuv;

    // GIF: palettegen over the first pass, paletteuse in the second.
    std::unique_ptr<AVFilterGraph, GraphDeleter> palette_graph, dither_graph;
    AVFilterContext* palette_source = nullptr;
    AVFilterContext* palette_sink = nullptr;
    AVFilterContext* dither_source = nullptr;
    AVFilterContext* dither_sink = nullptr;
    std::int64_t palette_pts = 0;

    std::string error(const std::string& what, int code) const {
        return file.string() + ": " + what + (code < 0 ? ": " + av_message(code) : std::string());
    }

    // Wraps caller-owned RGBA rows in a frame without copying.
    FramePtr rgba_frame(std::span<const std::uint8_t> rgba, std::int64_t pts) const {
        FramePtr frame(av_frame_alloc());
        if (!frame) return frame;
        frame->format = AV_PIX_FMT_RGBA;
        frame->width = settings.width;
        frame->height = settings.height;
        frame->data[0] = const_cast<std::uint8_t*>(rgba.data());
        frame->linesize[0] = settings.width * 4;
        frame->pts = pts;
        return frame;
    }

    // Sends one frame (nullptr: end of stream) and writes every packet the encoder has ready.
    std::optional<std::string> encode(const AVFrame* frame) const {
        int code = avcodec_send_frame(codec.get(), frame);
        if (code < 0) return error("cannot encode a frame", code);
        while ((code = avcodec_receive_packet(codec.get(), packet.get())) >= 0) {
            av_packet_rescale_ts(packet.get(), codec->time_base, stream->time_base);
            packet->stream_index = stream->index;
            code = av_interleaved_write_frame(muxer.get(), packet.get());
            if (code < 0) return error("cannot write", code);
        }
        if (code != AVERROR(EAGAIN) && code != AVERROR_EOF) return error("cannot encode a frame", code);
        return std::nullopt;
    }

    std::optional<std::string> build_palette_graph() {
        palette_graph.reset(avfilter_graph_alloc());
        if (!palette_graph) return error("out of memory", 0);
        palette_source = add_filter(palette_graph.get(), "buffer", "in",
                                    buffer_args(settings.width, settings.height, AV_PIX_FMT_RGBA, {1, settings.fps}));
        // Every pixel of every frame counts ("full"), and no colour is kept back for transparency: maps are opaque.
        AVFilterContext* generate =
            add_filter(palette_graph.get(), "palettegen", "palettegen", "stats_mode=full:reserve_transparent=0");
        palette_sink = add_filter(palette_graph.get(), "buffersink", "out", "");
        if (!palette_source || !generate || !palette_sink) return error("cannot set up palettegen", 0);
        if (avfilter_link(palette_source, 0, generate, 0) < 0 || avfilter_link(generate, 0, palette_sink, 0) < 0)
            return error("cannot set up palettegen", 0);
        const int code = avfilter_graph_config(palette_graph.get(), nullptr);
        if (code < 0) return error("cannot set up palettegen", code);
        return std::nullopt;
    }

    // Ends the palette pass: takes the palette from palettegen and builds paletteuse around it.
    std::optional<std::string> build_dither_graph() {
        int code = av_buffersrc_add_frame_flags(palette_source, nullptr, 0);
        if (code < 0) return error("cannot choose the palette", code);
        FramePtr palette(av_frame_alloc());
        code = av_buffersink_get_frame(palette_sink, palette.get());
        if (code < 0) return error("cannot choose the palette (no frames?)", code);
        palette_graph.reset();

        dither_graph.reset(avfilter_graph_alloc());
        if (!dither_graph) return error("out of memory", 0);
        dither_source = add_filter(dither_graph.get(), "buffer", "in",
                                   buffer_args(settings.width, settings.height, AV_PIX_FMT_RGBA, {1, settings.fps}));
        AVFilterContext* palette_input =
            add_filter(dither_graph.get(), "buffer", "palette",
                       buffer_args(palette->width, palette->height, palette->format, {1, settings.fps}));
        // Ordered (Bayer) dithering keeps still parts of the map identical from frame to frame, where error
        // diffusion would make them shimmer; diff_mode=rectangle re-dithers only what changed.
        AVFilterContext* use = add_filter(dither_graph.get(), "paletteuse", "paletteuse",
                                          "dither=bayer:bayer_scale=3:diff_mode=rectangle");
        dither_sink = add_filter(dither_graph.get(), "buffersink", "out", "");
        if (!dither_source || !palette_input || !use || !dither_sink) return error("cannot set up paletteuse", 0);
        if (avfilter_link(dither_source, 0, use, 0) < 0 || avfilter_link(palette_input, 0, use, 1) < 0 ||
            avfilter_link(use, 0, dither_sink, 0) < 0)
            return error("cannot set up paletteuse", 0);
        code = avfilter_graph_config(dither_graph.get(), nullptr);
        if (code < 0) return error("cannot set up paletteuse", code);
        // One palette for the whole clip: paletteuse repeats the last palette frame it was given.
        palette->pts = 0;
        code = av_buffersrc_add_frame_flags(palette_input, palette.get(), AV_BUFFERSRC_FLAG_KEEP_REF);
        if (code >= 0) code = av_buffersrc_add_frame_flags(palette_input, nullptr, 0);
        if (code < 0) return error("cannot use the palette", code);
        return std::nullopt;
    }

    // Encodes whatever paletteuse has finished.
    std::optional<std::string> drain_dither() const {
        FramePtr frame(av_frame_alloc());
        int code = 0;
        while ((code = av_buffersink_get_frame(dither_sink, frame.get())) >= 0) {
            if (auto failed = encode(frame.get())) return failed;
            av_frame_unref(frame.get());
        }
        if (code != AVERROR(EAGAIN) && code != AVERROR_EOF) return error("cannot dither a frame", code);
        return std::nullopt;
    }
};

VideoEncoder::VideoEncoder(std::unique_ptr<State> state) : state_(std::move(state)) {}
VideoEncoder::~VideoEncoder() = default;

std::variant<std::unique_ptr<VideoEncoder>, std::string> VideoEncoder::open(const std::filesystem::path& file,
                                                                            const VideoSettings& settings) {
    auto state = std::make_unique<State>();
    State& s = *state;
    s.file = file;
    s.settings = settings;
    if (auto bad = check_video_settings(settings)) return file.string() + ": " + *bad;
    if (!s.packet) return s.error("out of memory", 0);
    av_log_set_level(AV_LOG_ERROR);

    AVFormatContext* muxer = nullptr;
    int code = avformat_alloc_output_context2(&muxer, nullptr, muxer_name(settings.format), file.c_str());
    if (code < 0 || !muxer) return s.error("cannot create the container", code);
    s.muxer.reset(muxer);

    const AVCodec* encoder = avcodec_find_encoder_by_name(encoder_name(settings.format));
    if (!encoder) return s.error(std::string("FFmpeg has no encoder ") + encoder_name(settings.format), 0);
    s.stream = avformat_new_stream(muxer, nullptr);
    s.codec.reset(avcodec_alloc_context3(encoder));
    if (!s.stream || !s.codec) return s.error("out of memory", 0);
    AVCodecContext& c = *s.codec;
    c.width = settings.width;
    c.height = settings.height;
    c.time_base = {1, settings.fps};
    c.framerate = {settings.fps, 1};
    c.sample_aspect_ratio = {1, 1};
    c.thread_count = 0;  // as many as the machine has
    Dictionary options;
    if (settings.format == VideoFormat::Gif) {
        c.pix_fmt = AV_PIX_FMT_PAL8;
    } else {
        c.pix_fmt = AV_PIX_FMT_YUV420P;
        c.color_range = AVCOL_RANGE_MPEG;
        c.color_primaries = AVCOL_PRI_BT709;
        c.color_trc = AVCOL_TRC_BT709;
        c.colorspace = AVCOL_SPC_BT709;
        c.gop_size = 2 * settings.fps;  // a key frame every two seconds, for seeking in a browser
    }
    if (settings.format == VideoFormat::Mp4) {
        // veryfast: most of x264's quality at a fraction of its time; CRF 18 keeps thin coastlines and small text sharp.
        options.set("preset", "veryfast");
        options.set("crf", "18");
        options.set("profile", "high");
    } else if (settings.format == VideoFormat::WebM) {
        // libvpx's realtime mode: good-quality mode takes minutes for a few seconds of 1080p.
        options.set("deadline", "realtime");
        options.set("cpu-used", "8");
        options.set("row-mt", "1");
        options.set("lag-in-frames", "0");
        // About 0.1 bit per pixel per frame: 6 Mbit/s for 1080p30.
        c.bit_rate = std::max<std::int64_t>(
            200'000, static_cast<std::int64_t>(settings.width) * settings.height * settings.fps / 10);
        c.rc_max_rate = 0;
    }
    if (muxer->oformat->flags & AVFMT_GLOBALHEADER) c.flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    code = avcodec_open2(&c, encoder, &options.entries);
    if (code < 0) return s.error(std::string("cannot open the ") + encoder_name(settings.format) + " encoder", code);
    code = avcodec_parameters_from_context(s.stream->codecpar, &c);
    if (code < 0) return s.error("cannot describe the stream", code);
    s.stream->time_base = c.time_base;
    s.stream->avg_frame_rate = c.framerate;
    s.stream->r_frame_rate = c.framerate;

    if (settings.format == VideoFormat::Gif) {
        if (auto failed = s.build_palette_graph()) return *failed;
    } else {
        s.scaler.reset(sws_getContext(settings.width, settings.height, AV_PIX_FMT_RGBA, settings.width, settings.height,
                                      AV_PIX_FMT_YUV420P, SWS_BILINEAR, nullptr, nullptr, nullptr));
        if (!s.scaler) return s.error("cannot set up the colour conversion", 0);
        // The BT.709 matrix, as the stream is tagged; browsers assume it for HD video anyway.
        const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(s.scaler.get(), bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);
        s.yuv.reset(av_frame_alloc());
        if (!s.yuv) return s.error("out of memory", 0);
        s.yuv->format = AV_PIX_FMT_YUV420P;
        s.yuv->width = settings.width;
        s.yuv->height = settings.height;
        code = av_frame_get_buffer(s.yuv.get(), 0);
        if (code < 0) return s.error("out of memory", code);
    }

    code = avio_open(&muxer->pb, file.c_str(), AVIO_FLAG_WRITE);
    if (code < 0) return s.error("cannot create the file", code);
    Dictionary mux_options;
    // The index at the front, so a browser starts playing before the whole file has arrived.
    if (settings.format == VideoFormat::Mp4) mux_options.set("movflags", "+faststart");
    code = avformat_write_header(muxer, &mux_options.entries);
    if (code < 0) return s.error("cannot write the header", code);
    return std::unique_ptr<VideoEncoder>(new VideoEncoder(std::move(state)));
}

bool VideoEncoder::needs_palette_pass() const { return state_->settings.format == VideoFormat::Gif; }

std::optional<std::string> VideoEncoder::add_palette_frame(std::span<const std::uint8_t> rgba) {
    State& s = *state_;
    if (!s.palette_graph) return s.error("internal error: no palette pass now", 0);
    if (rgba.size() != static_cast<std::size_t>(s.settings.width) * static_cast<std::size_t>(s.settings.height) * 4)
        return s.error("internal error: the frame does not match the video's size", 0);
    FramePtr frame = s.rgba_frame(rgba, s.palette_pts++);
    if (!frame) return s.error("out of memory", 0);
    // palettegen keeps only its colour histogram, so the frame need not outlive this call. PUSH runs the graph now:
    // without it the frames wait on the link until palettegen is asked for its output at the end, every frame of the
    // clip in memory (1.4 GB for 129 s at 640x360).
    const int code = av_buffersrc_add_frame_flags(s.palette_source, frame.get(),
                                                  AV_BUFFERSRC_FLAG_KEEP_REF | AV_BUFFERSRC_FLAG_PUSH);
    if (code < 0) return s.error("cannot count the colours of a frame", code);
    return std::nullopt;
}

std::optional<std::string> VideoEncoder::add_frame(std::span<const std::uint8_t> rgba) {
    State& s = *state_;
    if (s.finished) return s.error("internal error: frame after the end", 0);
    if (rgba.size() != static_cast<std::size_t>(s.settings.width) * static_cast<std::size_t>(s.settings.height) * 4)
        return s.error("internal error: the frame does not match the video's size", 0);
    const std::int64_t pts = s.next_pts++;
    if (s.settings.format == VideoFormat::Gif) {
        if (s.palette_graph)
            if (auto failed = s.build_dither_graph()) return failed;
        FramePtr frame = s.rgba_frame(rgba, pts);
        if (!frame) return s.error("out of memory", 0);
        // write_frame copies the pixels: paletteuse may hold a frame back while it compares it with the next.
        const int code = av_buffersrc_write_frame(s.dither_source, frame.get());
        if (code < 0) return s.error("cannot dither a frame", code);
        return s.drain_dither();
    }
    int code = av_frame_make_writable(s.yuv.get());
    if (code < 0) return s.error("out of memory", code);
    const std::uint8_t* rows[1] = {rgba.data()};
    const int strides[1] = {s.settings.width * 4};
    sws_scale(s.scaler.get(), rows, strides, 0, s.settings.height, s.yuv->data, s.yuv->linesize);
    s.yuv->pts = pts;
    return s.encode(s.yuv.get());
}

std::optional<std::string> VideoEncoder::finish() {
    State& s = *state_;
    if (s.finished) return std::nullopt;
    s.finished = true;
    if (s.next_pts == 0) return s.error("no frames to write", 0);
    if (s.dither_graph) {
        const int code = av_buffersrc_add_frame_flags(s.dither_source, nullptr, 0);
        if (code < 0) return s.error("cannot dither the last frame", code);
        if (auto failed = s.drain_dither()) return failed;
    }
    if (auto failed = s.encode(nullptr)) return failed;
    int code = av_write_trailer(s.muxer.get());
    if (code < 0) return s.error("cannot finish the file", code);
    code = avio_closep(&s.muxer->pb);
    if (code < 0) return s.error("cannot close the file", code);
    return std::nullopt;
}

}  // namespace diplomap

#include "geo/map/image_file.hpp"

#include <fcntl.h>
#include <png.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <sstream>

#include "geo/map/geotiff_rows.hpp"

namespace geo {
namespace {

std::string lower_extension(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

std::filesystem::path temporary_beside(const std::filesystem::path& file) {
    // Same folder (so the rename is atomic), hidden, unique per process, same extension (GDAL picks by it).
    return file.parent_path() /
           ("." + file.stem().string() + ".tmp-" + std::to_string(::getpid()) + file.extension().string());
}

std::filesystem::path aux_of(const std::filesystem::path& file) { return file.string() + ".aux.xml"; }

void remove_quietly(const std::filesystem::path& file) {
    std::error_code ec;
    std::filesystem::remove(file, ec);
}

// libpng says "Write Error" and libtiff reports its last internal error when the system refuses a write; the
// system's reason is what a user can act on. Called with the partial file still on disk.
std::string write_failure_cause(const std::filesystem::path& partial, const std::string& gdal_said,
                                std::optional<std::uintmax_t> written_unnamed = std::nullopt) {
    std::error_code ec;
    const auto written = written_unnamed ? *written_unnamed : std::filesystem::file_size(partial, ec);
    if (ec) return gdal_said;  // not even created: the file system refused it, and GDAL's message says so
    rlimit limit{};
    if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && written >= limit.rlim_cur)
        return std::strerror(EFBIG);
    struct statvfs disk {};
    if (::statvfs(partial.parent_path().empty() ? "." : partial.parent_path().c_str(), &disk) == 0 &&
        disk.f_bavail == 0)
        return std::strerror(ENOSPC);
    return gdal_said;
}

// A PNG keyword's text as ISO 8859-1 when every character has a code there (a tEXt chunk), else nothing (iTXt).
std::optional<std::string> latin1_of(const std::string& utf8) {
    std::string out;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if ((c == 0xC2 || c == 0xC3) && i + 1 < utf8.size()) {
            const auto next = static_cast<unsigned char>(utf8[++i]);
            out += static_cast<char>(((c & 0x03U) << 6U) | (next & 0x3FU));
        } else {
            return std::nullopt;
        }
    }
    return out;
}

std::string xml_escaped(const std::string& text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

// A world file names the centre of the top-left pixel; a geotransform its corner.
std::string world_file_text(const std::array<double, 6>& gt) {
    std::ostringstream out;
    out << std::setprecision(17) << gt[1] << '\n'
        << gt[4] << '\n'
        << gt[2] << '\n'
        << gt[5] << '\n'
        << gt[0] + 0.5 * gt[1] + 0.5 * gt[2] << '\n'
        << gt[3] + 0.5 * gt[4] + 0.5 * gt[5] << '\n';
    return out.str();
}

std::string aux_xml_text(const Georeference& georeference) {
    std::ostringstream out;
    out << std::setprecision(17) << "<PAMDataset>\n  <SRS dataAxisToSRSAxisMapping=\"1,2\">"
        << xml_escaped(georeference.crs_wkt) << "</SRS>\n  <GeoTransform>";
    for (std::size_t i = 0; i < 6; ++i) out << (i ? ", " : " ") << georeference.geotransform[i];
    out << "</GeoTransform>\n</PAMDataset>\n";
    return out.str();
}

bool write_text_file(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    return static_cast<bool>(out);
}

// Into place: over what is there only when asked; otherwise an existing file stays as it was, even one that
// appeared while this image was being written.
std::optional<std::string> move_into_place(const std::filesystem::path& from, const std::filesystem::path& to,
                                           bool replace_existing) {
    if (replace_existing) {
        if (std::rename(from.c_str(), to.c_str()) == 0) return std::nullopt;
        return std::strerror(errno);
    }
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return std::nullopt;
    if (errno == EEXIST) return "it exists already and was not replaced";
    if (errno != EINVAL && errno != ENOSYS) return std::strerror(errno);
    // File systems without RENAME_NOREPLACE: link() refuses an existing name just as well.
    if (::link(from.c_str(), to.c_str()) != 0)
        return errno == EEXIST ? "it exists already and was not replaced" : std::strerror(errno);
    remove_quietly(from);
    return std::nullopt;
}

struct PngOutput {
    png_structp png = nullptr;
    png_infop info = nullptr;
    char message[256] = {};
};

void png_error_to_message(png_structp png, png_const_charp message) {
    auto* out = static_cast<PngOutput*>(png_get_error_ptr(png));
    std::snprintf(out->message, sizeof out->message, "%s", message);
    png_longjmp(png, 1);
}

void png_warning_ignored(png_structp, png_const_charp) {}

}  // namespace

struct ImageWriter::State {
    std::filesystem::path file, temp;
    ImageSpec spec;
    ImageFormat format = ImageFormat::Png;
    int rows_written = 0;
    bool failed = false;
    // PNG
    std::FILE* stream = nullptr;
    // Written into a file without a name (O_TMPFILE) that gets `temp` as its name only when complete: a process
    // killed before that leaves nothing behind.
    bool unnamed = false;
    PngOutput png;
    std::vector<png_text> text_chunks;
    std::vector<std::string> text_storage;  // what text_chunks point into
    // GeoTIFF
    GeoTiffRowsPtr tiff;

    ~State() { abandon(); }

    void close_png() {
        if (png.png) png_destroy_write_struct(&png.png, &png.info);
        png.png = nullptr;
        png.info = nullptr;
        if (stream) std::fclose(stream);
        stream = nullptr;
    }

    void abandon() {
        close_png();
        tiff.reset();
        if (!temp.empty()) {
            remove_quietly(temp);
            remove_quietly(aux_of(temp));
            temp.clear();
        }
    }

    std::string failure(const std::string& what) {
        failed = true;
        std::optional<std::uintmax_t> written;
        struct stat status {};
        if (unnamed && stream && ::fstat(::fileno(stream), &status) == 0)
            written = static_cast<std::uintmax_t>(status.st_size);
        std::string error = file.string() + ": " + write_failure_cause(temp, what, written);
        abandon();
        return error;
    }

    // libpng reports errors by longjmp, which skips C++ destructors: the functions that call it hold no C++ objects
    // of their own.
    bool start_png() {
        if (setjmp(png_jmpbuf(png.png))) return false;
        png_init_io(png.png, stream);
        png_set_IHDR(png.png, png.info, static_cast<png_uint_32>(spec.width), static_cast<png_uint_32>(spec.height), 8,
                     spec.alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                     PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
        // Maps are large areas of one colour: the fastest zlib level compresses them almost as well as the slowest,
        // at a fraction of the time. Where a row fits in deflate's 32 KiB window (up to 8126 pixels across), deflate
        // finds the row above by itself, and no filter is both faster and smaller than Up (1920x1080: 16 ms and
        // 285 KB against 20 ms and 334 KB; 7680x4320: 250 ms and 3.7 MB against 312 ms and 4.4 MB). Wider rows
        // need the Up filter to bring the row above within reach.
        png_set_compression_level(png.png, 1);
        const std::size_t row_bytes = static_cast<std::size_t>(spec.width) * (spec.alpha ? 4 : 3) + 1;
        constexpr std::size_t kDeflateReach = 32768 - 262;  // window less MIN_LOOKAHEAD
        png_set_filter(png.png, PNG_FILTER_TYPE_BASE, row_bytes <= kDeflateReach ? PNG_FILTER_NONE : PNG_FILTER_UP);
        png_set_compression_buffer_size(png.png, 1U << 20U);
        const auto per_metre = static_cast<png_uint_32>(std::lround(spec.dots_per_inch / 0.0254));
        png_set_pHYs(png.png, png.info, per_metre, per_metre, PNG_RESOLUTION_METER);
        if (!text_chunks.empty())
            png_set_text(png.png, png.info, text_chunks.data(), static_cast<int>(text_chunks.size()));
        png_write_info(png.png, png.info);
        if (!spec.alpha) png_set_filler(png.png, 0, PNG_FILLER_AFTER);
        return true;
    }

    bool write_png_rows(const RgbaRows& rows) {
        if (setjmp(png_jmpbuf(png.png))) return false;
        for (int y = 0; y < rows.count; ++y) png_write_row(png.png, const_cast<png_bytep>(rows.row(y)));
        return true;
    }

    bool end_png() const {
        if (setjmp(png_jmpbuf(png.png))) return false;
        png_write_end(png.png, nullptr);
        return true;
    }
};

ImageWriter::ImageWriter(std::unique_ptr<State> state) : state_(std::move(state)) {}
ImageWriter::ImageWriter(ImageWriter&&) noexcept = default;
ImageWriter& ImageWriter::operator=(ImageWriter&&) noexcept = default;
ImageWriter::~ImageWriter() = default;

std::variant<ImageWriter, std::string> ImageWriter::create(const std::filesystem::path& file, const ImageSpec& spec) {
    const auto format = image_format_for(file);
    if (!format) return file.string() + ": unknown image format (use .png, .tif or .tiff)";
    if (spec.width < 1 || spec.height < 1) return file.string() + ": internal error: empty image";
    if (auto error = check_writable(file)) return *error;
    std::error_code ec;
    if (!spec.replace_existing && std::filesystem::exists(file, ec))
        return file.string() + ": it exists already and was not replaced";

    auto state = std::make_unique<State>();
    state->file = file;
    state->spec = spec;
    state->format = *format;
    const std::filesystem::path temp = temporary_beside(file);
    if (*format == ImageFormat::Png) {
        const std::filesystem::path folder = file.parent_path().empty() ? "." : file.parent_path();
        // The name comes only at the end: a name the folder cannot hold must fail now, not after the drawing.
        const long name_max = ::pathconf(folder.c_str(), _PC_NAME_MAX);
        int fd = -1;
        errno = ENAMETOOLONG;
        if (name_max < 0 || static_cast<long>(temp.filename().string().size()) <= name_max)
            fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
        state->unnamed = fd >= 0;
        // File systems without O_TMPFILE: a named temporary file, as for GeoTIFF.
        if (fd < 0 && errno != ENAMETOOLONG) fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (fd < 0)
            return file.string() + ": cannot create a file in '" +
                   (file.parent_path().empty() ? std::string(".") : file.parent_path().string()) + "' (" +
                   std::strerror(errno) + ")";
        state->temp = temp;
        state->stream = ::fdopen(fd, "wb");
        if (!state->stream) {
            ::close(fd);
            return file.string() + ": " + std::strerror(errno);
        }
        state->png.png =
            png_create_write_struct(PNG_LIBPNG_VER_STRING, &state->png, png_error_to_message, png_warning_ignored);
        if (state->png.png) state->png.info = png_create_info_struct(state->png.png);
        if (!state->png.info) return file.string() + ": not enough memory for the PNG writer";
        state->text_storage.reserve(spec.text.size() * 2);
        for (const auto& [key, value] : spec.text) {
            png_text chunk{};
            state->text_storage.push_back(key);
            chunk.key = state->text_storage.back().data();
            if (auto latin1 = latin1_of(value)) {
                state->text_storage.push_back(*latin1);
                chunk.compression = PNG_TEXT_COMPRESSION_NONE;
                chunk.text = state->text_storage.back().data();
                chunk.text_length = state->text_storage.back().size();
            } else {
                state->text_storage.push_back(value);
                chunk.compression = PNG_ITXT_COMPRESSION_NONE;
                chunk.text = state->text_storage.back().data();
                chunk.itxt_length = state->text_storage.back().size();
            }
            state->text_chunks.push_back(chunk);
        }
        if (!state->start_png()) return state->failure(state->png.message);
        return ImageWriter(std::move(state));
    }

    auto tiff = create_geotiff(temp, spec);
    if (auto* error = std::get_if<std::string>(&tiff)) return file.string() + ": " + *error;
    state->tiff = std::move(std::get<GeoTiffRowsPtr>(tiff));
    state->temp = temp;
    if (auto error = describe_geotiff(*state->tiff, spec)) return state->failure(*error);
    return ImageWriter(std::move(state));
}

std::optional<std::string> ImageWriter::write_rows(std::span<const std::uint8_t> rgba, int rows) {
    const std::size_t stride = static_cast<std::size_t>(state_->spec.width) * 4;
    if (rows < 0 || rgba.size() < static_cast<std::size_t>(rows) * stride)
        return state_->failure("internal error: rows do not match the image size");
    return write_rows(RgbaRows{rgba.data(), static_cast<std::ptrdiff_t>(stride), rows});
}

std::optional<std::string> ImageWriter::write_rows(const RgbaRows& rows) {
    State& s = *state_;
    if (s.failed || s.temp.empty()) return s.file.string() + ": internal error: writing after a failure";
    if (rows.count < 0 || s.rows_written + rows.count > s.spec.height)
        return s.failure("internal error: rows do not match the image size");
    if (s.format == ImageFormat::Png) {
        if (!s.write_png_rows(rows)) return s.failure(s.png.message);
    } else {
        if (auto error = write_geotiff_rows(*s.tiff, s.rows_written, rows)) return s.failure(*error);
    }
    s.rows_written += rows.count;
    return std::nullopt;
}

std::optional<std::string> ImageWriter::commit() {
    State& s = *state_;
    if (s.failed || s.temp.empty()) return s.file.string() + ": internal error: commit after a failure";
    if (s.rows_written != s.spec.height) return s.failure("internal error: image incomplete");
    if (s.format == ImageFormat::Png) {
        if (!s.end_png()) return s.failure(s.png.message);
        png_destroy_write_struct(&s.png.png, &s.png.info);
        if (std::fflush(s.stream) != 0) return s.failure(std::strerror(errno));
        if (s.unnamed) {
            const std::string self = "/proc/self/fd/" + std::to_string(::fileno(s.stream));
            if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, s.temp.c_str(), AT_SYMLINK_FOLLOW) != 0)
                return s.failure(std::string("cannot give the finished image a name (") + std::strerror(errno) + ")");
            s.unnamed = false;
        }
        const int closed = std::fclose(s.stream);
        s.stream = nullptr;
        if (closed != 0) return s.failure(std::strerror(errno));
    } else {
        if (auto error = close_geotiff(std::move(s.tiff))) return s.failure(*error);
    }

    // Companions first, so that a GIS tool never finds the new image beside an old world file.
    std::vector<std::pair<std::filesystem::path, std::filesystem::path>> companions;
    if (s.format == ImageFormat::Png && s.spec.world_file && s.spec.georeference) {
        std::filesystem::path pgw = s.file;
        pgw.replace_extension(".pgw");
        const std::filesystem::path pgw_temp = s.temp.string() + ".pgw";
        if (!write_text_file(pgw_temp, world_file_text(s.spec.georeference->geotransform)) ||
            !write_text_file(aux_of(s.temp), aux_xml_text(*s.spec.georeference))) {
            remove_quietly(pgw_temp);
            return s.failure(std::strerror(errno));
        }
        companions.emplace_back(pgw_temp, pgw);
    }
    std::error_code ec;
    // A georeference GeoTIFF keys cannot hold goes to .aux.xml; it must travel with the image, and a stale one
    // from an earlier export must not describe the new image.
    if (std::filesystem::exists(aux_of(s.temp), ec))
        companions.emplace_back(aux_of(s.temp), aux_of(s.file));
    else
        remove_quietly(aux_of(s.file));
    if (!s.spec.replace_existing && std::filesystem::exists(s.file, ec)) {
        for (const auto& companion : companions) remove_quietly(companion.first);
        return s.failure("it exists already and was not replaced");
    }
    for (const auto& [from, to] : companions)
        if (auto error = move_into_place(from, to, true)) {
            for (const auto& companion : companions) remove_quietly(companion.first);
            return s.failure("cannot move " + to.filename().string() + " into place (" + *error + ")");
        }
    if (auto error = move_into_place(s.temp, s.file, s.spec.replace_existing)) {
        const std::string message = s.file.string() + ": " + *error;
        s.failed = true;
        s.abandon();
        return message;
    }
    s.temp.clear();
    return std::nullopt;
}

std::optional<ImageFormat> image_format_for(const std::filesystem::path& file) {
    const std::string ext = lower_extension(file);
    if (ext == ".png") return ImageFormat::Png;
    if (ext == ".tif" || ext == ".tiff") return ImageFormat::GeoTiff;
    return std::nullopt;
}

std::optional<std::string> check_writable(const std::filesystem::path& file, bool replace_existing) {
    const std::filesystem::path folder = file.parent_path().empty() ? "." : file.parent_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        // The nearest part of the path that is there says what is wrong: a file where a folder should be.
        for (std::filesystem::path part = folder; !part.empty() && part != part.parent_path();
             part = part.parent_path())
            if (std::filesystem::exists(part, ec) && !std::filesystem::is_directory(part, ec))
                return file.string() + ": '" + part.string() + "' is a file, not a folder";
        return file.string() + ": folder '" + folder.string() + "' does not exist";
    }
    if (std::filesystem::is_directory(file, ec)) return file.string() + ": is a folder";
    if (::access(folder.c_str(), W_OK) != 0)
        return file.string() + ": cannot write in '" + folder.string() + "' (" + std::strerror(errno) + ")";
    const bool exists = std::filesystem::exists(file, ec);
    if (exists && !replace_existing) return file.string() + ": it exists already and was not replaced";
    if (exists && ::access(file.c_str(), W_OK) != 0)
        return file.string() + ": file is not writable (" + std::strerror(errno) + ")";
    return std::nullopt;
}

std::optional<std::string> write_rgba_image(const std::filesystem::path& file, int width, int height,
                                            std::span<const std::uint8_t> rgba,
                                            const std::optional<Georeference>& georeference) {
    if (rgba.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4)
        return file.string() + ": internal error: pixel buffer does not match the image size";
    ImageSpec spec;
    spec.width = width;
    spec.height = height;
    spec.georeference = georeference;
    spec.replace_existing = true;
    auto writer = ImageWriter::create(file, spec);
    if (auto* error = std::get_if<std::string>(&writer)) return *error;
    ImageWriter& w = std::get<ImageWriter>(writer);
    if (auto error = w.write_rows(rgba, height)) return error;
    return w.commit();
}

}  // namespace geo

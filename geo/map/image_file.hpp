#pragma once
// Writes images as PNG (libpng) or georeferenced GeoTIFF (GDAL), row by row, so an image never has to be in memory
// whole. A file appears complete or not at all: data goes to a temporary file beside the target, which is renamed
// into place only when every byte is written, and only over an existing file when the caller says so.
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace geo {

enum class ImageFormat { Png, GeoTiff };

// From the file name's extension (.png, .tif, .tiff); nullopt for anything else.
std::optional<ImageFormat> image_format_for(const std::filesystem::path& file);

struct Georeference {
    std::array<double, 6> geotransform;  // GDAL order: origin x, pixel width, 0, origin y, 0, -pixel height
    std::string crs_wkt;
};

// Rows of RGBA pixels in memory, top first; `stride` bytes from one row to the next (negative for buffers that run
// bottom up, as GL reads them), so that no one has to turn an image over by copying it.
struct RgbaRows {
    const std::uint8_t* top = nullptr;
    std::ptrdiff_t stride = 0;
    int count = 0;
    [[nodiscard]] const std::uint8_t* row(int i) const { return top + static_cast<std::ptrdiff_t>(i) * stride; }
};

struct ImageSpec {
    int width = 0, height = 0;
    bool alpha = true;  // RGBA; false: RGB, the rows' fourth bytes dropped
    // GeoTIFF: written into the file. PNG: only with `world_file`, as a .pgw and .aux.xml beside it.
    std::optional<Georeference> georeference;
    bool world_file = false;
    // Text chunks of a PNG (tEXt, or iTXt where the text is not Latin-1), metadata items of a GeoTIFF; UTF-8.
    std::vector<std::pair<std::string, std::string>> text;
    double dots_per_inch = 96;  // PNG pHYs, TIFF resolution tags
    bool replace_existing = false;
};

// One image being written; destroying it before commit() removes everything it wrote.
class ImageWriter {
public:
    static std::variant<ImageWriter, std::string> create(const std::filesystem::path& file, const ImageSpec& spec);
    ImageWriter(ImageWriter&&) noexcept;
    ImageWriter& operator=(ImageWriter&&) noexcept;
    ~ImageWriter();

    // The next `rows` rows, top to bottom, 4 bytes per pixel whatever spec.alpha says.
    [[nodiscard]] std::optional<std::string> write_rows(std::span<const std::uint8_t> rgba, int rows);
    [[nodiscard]] std::optional<std::string> write_rows(const RgbaRows& rows);
    // After the last row: finishes the file and moves it (and its companions) into place.
    [[nodiscard]] std::optional<std::string> commit();

    struct State;

private:
    explicit ImageWriter(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

// The whole image at once; replaces an existing file. Returns an error message (naming the file) on failure, after
// removing anything it wrote.
std::optional<std::string> write_rgba_image(const std::filesystem::path& file, int width, int height,
                                            std::span<const std::uint8_t> rgba,
                                            const std::optional<Georeference>& georeference);

// Whether `file` could be created: its folder exists and is writable; and, unless `replace_existing`, nothing is
// there yet. The error says why not.
std::optional<std::string> check_writable(const std::filesystem::path& file, bool replace_existing = true);

}  // namespace geo

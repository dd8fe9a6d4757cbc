#pragma once
// Writes RGBA images as PNG or georeferenced GeoTIFF through GDAL. A file appears complete or not at all: data goes
// to a temporary file beside the target, which is renamed over it only when every byte is written.
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>

namespace geo {

enum class ImageFormat { Png, GeoTiff };

// From the file name's extension (.png, .tif, .tiff); nullopt for anything else.
std::optional<ImageFormat> image_format_for(const std::filesystem::path& file);

struct Georeference {
    std::array<double, 6> geotransform;  // GDAL order: origin x, pixel width, 0, origin y, 0, -pixel height
    std::string crs_wkt;
};

// Returns an error message (naming the file) on failure, after removing anything it wrote.
std::optional<std::string> write_rgba_image(const std::filesystem::path& file, int width, int height,
                                            std::span<const std::uint8_t> rgba,
                                            const std::optional<Georeference>& georeference);

// Whether `file` could be created: its folder exists and is writable. The error says why not.
std::optional<std::string> check_writable(const std::filesystem::path& file);

}  // namespace geo

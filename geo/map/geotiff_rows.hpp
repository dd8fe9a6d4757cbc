#pragma once
// The GeoTIFF half of ImageWriter (image_file.hpp): rows into a georeferenced GeoTIFF through GDAL's GTiff driver.
// Apart from the PNG writer so that a program that writes PNG only links without GDAL and its ~110 libraries:
// diplomap-export links app/programs/no_geotiff.cpp in place of this (docs/PERFORMANCE.md).
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "geo/map/image_file.hpp"

namespace geo {

struct GeoTiffRows;
struct GeoTiffRowsCloser {
    void operator()(GeoTiffRows* tiff) const;  // closes the dataset; the caller removes the file
};
using GeoTiffRowsPtr = std::unique_ptr<GeoTiffRows, GeoTiffRowsCloser>;

// Creates `temp` for an image of `spec`'s size and bands (deflate, horizontal predictor); on failure GDAL's words,
// with nothing left on disk.
std::variant<GeoTiffRowsPtr, std::string> create_geotiff(const std::filesystem::path& temp, const ImageSpec& spec);

// Writes `spec`'s georeference, resolution and text into the file; GDAL's words on failure.
std::optional<std::string> describe_geotiff(GeoTiffRows& tiff, const ImageSpec& spec);

// The next rows, from image row `first_row` down; GDAL's words on failure.
std::optional<std::string> write_geotiff_rows(GeoTiffRows& tiff, int first_row, const RgbaRows& rows);

// Writes what is cached and closes the file; GDAL's words on failure.
std::optional<std::string> close_geotiff(GeoTiffRowsPtr tiff);

}  // namespace geo

#pragma once
// The geometry of a FlatGeobuf file (https://flatgeobuf.org), read without GDAL: the basemap is the only vector data
// the program reads, and GDAL with its ~110 shared libraries took a sixth of a still export's time just to be
// loaded and relocated (docs/PERFORMANCE.md). Only what the basemap uses is read: the header's geometry type and
// feature count, the spatial index skipped, and each feature's geometry as x/y vertices; properties, z, m and the
// CRS are not looked at. Every offset is checked against the file, so a cut or corrupt file is an error message,
// never a read outside it.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace geo {

// FlatGeobuf's GeometryType values (the ones after GeometryCollection are curves and surfaces, read as "other").
enum class FgbGeometryType : std::uint8_t {
    Unknown = 0,
    Point = 1,
    LineString = 2,
    Polygon = 3,
    MultiPoint = 4,
    MultiLineString = 5,
    MultiPolygon = 6,
    GeometryCollection = 7,
};

// One geometry of a feature, as FlatGeobuf stores it: vertices (x, y pairs), `ends` splitting them into rings or
// lines (empty: one ring or line of all the vertices), and `parts` for multi-polygons and collections. The vertices
// stay where they are in the file (mapped, valid while the callback runs): reading them costs no copy.
struct FgbGeometry {
    std::uint8_t type = 0;             // an FgbGeometryType, or a later type this reader does not name
    const std::uint8_t* xy = nullptr;  // `vertices` pairs of little-endian doubles, not necessarily aligned
    std::size_t vertices = 0;
    std::vector<std::uint32_t> ends;
    std::vector<FgbGeometry> parts;

    [[nodiscard]] double x(std::size_t i) const { return coordinate(2 * i); }
    [[nodiscard]] double y(std::size_t i) const { return coordinate(2 * i + 1); }
    // Vertices here and in every part.
    [[nodiscard]] std::size_t total_vertices() const {
        std::size_t n = vertices;
        for (const FgbGeometry& part : parts) n += part.total_vertices();
        return n;
    }

private:
    [[nodiscard]] double coordinate(std::size_t k) const {
        double v = 0;
        std::memcpy(&v, xy + k * sizeof(double), sizeof v);
        return v;
    }
};

// Why a file could not be read, in words for the user (without the file name).
struct FgbError {
    std::string message;
};

// Calls `feature` with each feature's number (from 0, in file order) and geometry; it returns false to stop early.
// nullopt when every feature was read (or `feature` stopped), else what was wrong with the file.
std::optional<FgbError> read_flatgeobuf(const std::filesystem::path& file,
                                        const std::function<bool(std::size_t, const FgbGeometry&)>& feature);

}  // namespace geo

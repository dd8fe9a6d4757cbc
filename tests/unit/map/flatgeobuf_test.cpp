// The FlatGeobuf reader against GDAL's: every basemap file and the committed odd ones (a spatial index, points, a
// single polygon) give exactly the vertices OGR gives, feature by feature, part by part. Then every cut and every
// corrupted byte of a small file: an error or a reading, never a read outside the file (the sanitizer build checks
// that).
#include <gdal.h>
#include <ogr_api.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "geo/map/flatgeobuf.hpp"
#include "geo/map/gdal_handles.hpp"

namespace fs = std::filesystem;

namespace {

// Every vertex of a geometry in OGR's order (parts, then rings or lines), as x, y pairs, with a -1e300 marker
// between rings and lines.
void ogr_vertices(OGRGeometryH g, std::vector<double>& out) {
    const int parts = OGR_G_GetGeometryCount(g);
    if (parts > 0) {
        for (int i = 0; i < parts; ++i) ogr_vertices(OGR_G_GetGeometryRef(g, i), out);
        return;
    }
    for (int i = 0; i < OGR_G_GetPointCount(g); ++i) {
        out.push_back(OGR_G_GetX(g, i));
        out.push_back(OGR_G_GetY(g, i));
    }
    out.push_back(-1e300);
}

void fgb_vertices(const geo::FgbGeometry& g, std::vector<double>& out) {
    if (!g.parts.empty()) {
        for (const auto& part : g.parts) fgb_vertices(part, out);
        return;
    }
    auto append = [&](std::size_t first, std::size_t end) {
        for (std::size_t i = first; i < end; ++i) {
            out.push_back(g.x(i));
            out.push_back(g.y(i));
        }
        out.push_back(-1e300);
    };
    if (g.ends.empty() || static_cast<geo::FgbGeometryType>(g.type) == geo::FgbGeometryType::Point) {
        append(0, g.vertices);
        return;
    }
    std::size_t first = 0;
    for (const std::uint32_t end : g.ends) {
        append(first, end);
        first = end;
    }
}

std::vector<std::vector<double>> read_with_gdal(const fs::path& file) {
    geo::register_gdal_drivers();
    std::vector<std::vector<double>> features;
    GDALDatasetH ds = GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    REQUIRE(ds);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    OGR_L_ResetReading(layer);
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        features.emplace_back();
        if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) ogr_vertices(g, features.back());
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    return features;
}

std::vector<std::uint8_t> bytes_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& file, const std::vector<std::uint8_t>& bytes, std::size_t count) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(count));
}

}  // namespace

TEST_CASE("the FlatGeobuf reader gives exactly GDAL's vertices", "[basemap][flatgeobuf]") {
    const fs::path assets = fs::path(DIPLOMAP_SOURCE_DIR) / "assets" / "basemap";
    const fs::path bad = fs::path(DIPLOMAP_TEST_DATA) / "basemap" / "bad";
    std::vector<fs::path> files;
    for (const char* layer : {"land", "borders", "coast", "countries"})
        for (const char* detail : {"110m", "50m"})
            files.push_back(assets / (std::string(layer) + "-" + detail + ".fgb"));
    // With a spatial index to skip (node size 16), a plain polygon, points; and no feature at all.
    for (const char* name : {"web-mercator.fgb", "points.fgb", "no-features.fgb"}) files.push_back(bad / name);
    for (const fs::path& file : files) {
        INFO(file.string());
        std::vector<std::vector<double>> ours;
        std::size_t expected_number = 0;
        const auto error = geo::read_flatgeobuf(file, [&](std::size_t number, const geo::FgbGeometry& g) {
            CHECK(number == expected_number++);
            ours.emplace_back();
            fgb_vertices(g, ours.back());
            return true;
        });
        REQUIRE_FALSE(error);
        const auto theirs = read_with_gdal(file);
        REQUIRE(ours.size() == theirs.size());
        std::size_t vertices = 0;
        for (std::size_t i = 0; i < ours.size(); ++i) {
            CHECK(ours[i] == theirs[i]);
            vertices += ours[i].size();
        }
        if (file.parent_path() == assets) CHECK(vertices > 1000);
    }
}

TEST_CASE("a cut or corrupted FlatGeobuf file is an error, never a read outside it", "[basemap][flatgeobuf]") {
    const fs::path source = fs::path(DIPLOMAP_TEST_DATA) / "basemap" / "bad" / "web-mercator.fgb";
    const std::vector<std::uint8_t> bytes = bytes_of(source);
    REQUIRE(bytes.size() > 200);
    const fs::path scratch = fs::temp_directory_path() / ("diplomap-fgb-" + std::to_string(::getpid()) + ".fgb");
    auto count_features = [&](std::size_t& features) {
        features = 0;
        return geo::read_flatgeobuf(scratch, [&](std::size_t, const geo::FgbGeometry&) {
            ++features;
            return true;
        });
    };
    std::size_t features = 0;
    // Every length short of the whole file: an error (only the whole file holds the one feature).
    for (std::size_t length = 0; length < bytes.size(); ++length) {
        write_bytes(scratch, bytes, length);
        const auto error = count_features(features);
        INFO("cut to " << length << " bytes");
        CHECK(error);
        CHECK(features == 0);
    }
    // Every byte set to 0xff in turn: whatever it reads, it returns.
    std::size_t refused = 0;
    for (std::size_t at = 0; at < bytes.size(); ++at) {
        std::vector<std::uint8_t> broken = bytes;
        broken[at] = 0xff;
        write_bytes(scratch, broken, broken.size());
        if (count_features(features)) ++refused;
    }
    CHECK(refused > 0);
    write_bytes(scratch, bytes, bytes.size());
    CHECK_FALSE(count_features(features));
    CHECK(features == 1);
    fs::remove(scratch);
}

TEST_CASE("the FlatGeobuf reader names what is wrong", "[basemap][flatgeobuf]") {
    auto message = [](const fs::path& file) {
        const auto error = geo::read_flatgeobuf(file, [](std::size_t, const geo::FgbGeometry&) { return true; });
        return error ? error->message : std::string("read");
    };
    const fs::path bad = fs::path(DIPLOMAP_TEST_DATA) / "basemap" / "bad";
    CHECK(message(bad / "png-image.fgb") == "not a FlatGeobuf file (it does not start with FlatGeobuf's signature)");
    CHECK(message(bad) == "is a folder, not a FlatGeobuf file");
    CHECK(message(bad / "no-such-file.fgb") == "cannot be read (No such file or directory)");
}

// The bad-input catalogue, basemap files: a copy of the real 110m basemap in a temporary assets folder with one
// file broken (corrupt, truncated, wrong format, wrong geometry, missing, empty). Broken files that are small are
// committed under tests/data/basemap/bad; cuts and corruptions of the real files are made here, the same way every
// run. Each must make the export exit 1 with exactly its one message, naming the file, and write nothing.
#include <catch2/catch.hpp>

#include <functional>

#include "bad_input_support.hpp"

namespace fs = std::filesystem;
using namespace diplomap::test;

namespace {

const fs::path real_basemap = fs::path(DIPLOMAP_SOURCE_DIR) / "assets" / "basemap";
const fs::path bad_basemaps = fs::path(DIPLOMAP_TEST_DATA) / "basemap" / "bad";
const fs::path good_story = fs::path(DIPLOMAP_TEST_DATA) / "stories" / "good-minimal";

struct BasemapCase {
    const char* name;
    std::function<void(const fs::path& basemap)> breaks;
    const char* message;  // the program's line; "{b}" stands for the basemap folder as the program names it
};

void cut(const fs::path& file, std::uintmax_t bytes) { fs::resize_file(file, bytes); }

void overwrite(const fs::path& file, std::uintmax_t at, std::string_view bytes) {
    std::fstream out(file, std::ios::binary | std::ios::in | std::ios::out);
    out.seekp(static_cast<std::streamoff>(at));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

void replace_with(const fs::path& file, const fs::path& source) {
    fs::copy_file(source, file, fs::copy_options::overwrite_existing);
}

const BasemapCase cases[] = {
    {"empty land", [](const fs::path& b) { cut(b / "land-110m.fgb", 0); },
     "diplomap: {b}/land-110m.fgb: is empty; tools/convert-basemap.sh writes the basemap again"},
    {"signature only", [](const fs::path& b) { cut(b / "land-110m.fgb", 8); },
     "diplomap: {b}/land-110m.fgb: its header is cut short or corrupt; tools/convert-basemap.sh writes the basemap "
     "again"},
    {"header cut", [](const fs::path& b) { cut(b / "land-110m.fgb", 1000); },
     "diplomap: {b}/land-110m.fgb: its header is cut short or corrupt; tools/convert-basemap.sh writes the basemap "
     "again"},
    {"cut in half", [](const fs::path& b) { cut(b / "land-110m.fgb", fs::file_size(b / "land-110m.fgb") / 2); },
     "diplomap: {b}/land-110m.fgb: cannot read features (feature 0 is cut short or corrupt); "
     "tools/convert-basemap.sh writes the basemap again"},
    {"last byte missing", [](const fs::path& b) { cut(b / "coast-110m.fgb", fs::file_size(b / "coast-110m.fgb") - 1); },
     "diplomap: {b}/coast-110m.fgb: cannot read features (feature 0 is cut short or corrupt); "
     "tools/convert-basemap.sh writes the basemap again"},
    {"signature corrupt", [](const fs::path& b) { overwrite(b / "borders-110m.fgb", 0, "XXXX"); },
     "diplomap: {b}/borders-110m.fgb: not a FlatGeobuf file (it does not start with FlatGeobuf's signature); "
     "tools/convert-basemap.sh writes the basemap again"},
    {"coordinates corrupt", [](const fs::path& b) { overwrite(b / "land-110m.fgb", 30000, std::string(2000, '\xff')); },
     "diplomap: {b}/land-110m.fgb: feature 0 is not a polygon in longitude/latitude degrees"},
    {"a PNG", [](const fs::path& b) { replace_with(b / "land-110m.fgb", bad_basemaps / "png-image.fgb"); },
     "diplomap: {b}/land-110m.fgb: not a FlatGeobuf file (it does not start with FlatGeobuf's signature); "
     "tools/convert-basemap.sh writes the basemap again"},
    {"GeoJSON", [](const fs::path& b) { replace_with(b / "land-110m.fgb", bad_basemaps / "geojson-text.fgb"); },
     "diplomap: {b}/land-110m.fgb: not a FlatGeobuf file (it does not start with FlatGeobuf's signature); "
     "tools/convert-basemap.sh writes the basemap again"},
    {"lines where polygons belong", [](const fs::path& b) { replace_with(b / "land-110m.fgb", b / "coast-110m.fgb"); },
     "diplomap: {b}/land-110m.fgb: feature 0 is not a polygon in longitude/latitude degrees"},
    {"polygons where lines belong", [](const fs::path& b) { replace_with(b / "coast-110m.fgb", b / "land-110m.fgb"); },
     "diplomap: {b}/coast-110m.fgb: feature 0 is not a line in longitude/latitude degrees"},
    {"points", [](const fs::path& b) { replace_with(b / "land-110m.fgb", bad_basemaps / "points.fgb"); },
     "diplomap: {b}/land-110m.fgb: feature 0 is not a polygon in longitude/latitude degrees"},
    {"no features", [](const fs::path& b) { replace_with(b / "land-110m.fgb", bad_basemaps / "no-features.fgb"); },
     "diplomap: {b}/land-110m.fgb: layer has no geometry"},
    {"metres, not degrees",
     [](const fs::path& b) { replace_with(b / "land-110m.fgb", bad_basemaps / "web-mercator.fgb"); },
     "diplomap: {b}/land-110m.fgb: feature 0 is not a polygon in longitude/latitude degrees"},
    {"missing borders layer", [](const fs::path& b) { fs::remove(b / "borders-110m.fgb"); },
     "diplomap: {b}/borders-110m.fgb: basemap file not found"},
    {"missing coast layer", [](const fs::path& b) { fs::remove(b / "coast-110m.fgb"); },
     "diplomap: {b}/coast-110m.fgb: basemap file not found"},
    {"dangling link",
     [](const fs::path& b) {
         fs::remove(b / "borders-110m.fgb");
         fs::create_symlink(b / "gone.fgb", b / "borders-110m.fgb");
     },
     "diplomap: {b}/borders-110m.fgb: basemap file not found"},
    {"a folder",
     [](const fs::path& b) {
         fs::remove(b / "coast-110m.fgb");
         fs::create_directory(b / "coast-110m.fgb");
     },
     "diplomap: {b}/coast-110m.fgb: is a folder, not a FlatGeobuf file; tools/convert-basemap.sh writes the basemap "
     "again"},
    {"no land at all", [](const fs::path& b) { fs::remove(b / "land-110m.fgb"); },
     "diplomap: --assets assets: no basemap/land-110m.fgb there"},
};

}  // namespace

TEST_CASE("each broken basemap makes the export exit 1 with its one message, writing nothing", "[basemap][bad-input]") {
    for (const BasemapCase& c : cases) {
        INFO("basemap " << c.name);
        TempDir dir;
        const fs::path basemap = dir / "assets" / "basemap";
        fs::create_directories(basemap);
        for (const char* layer : {"land", "borders", "coast"})
            fs::copy_file(real_basemap / (std::string(layer) + "-110m.fgb"),
                          basemap / (std::string(layer) + "-110m.fgb"));
        c.breaks(basemap);
        fs::create_directory(dir / "out");
        const auto result = run_diplomap_in(dir.path(), "export --size 64x64 --detail 110m --assets assets --out " +
                                                            quoted(dir / "out" / "map.png") + " " + quoted(good_story));
        check_refused(result, 1, replace_all(c.message, "{b}", "assets/basemap"));
        CHECK(entries_below(dir / "out").empty());
    }
}

TEST_CASE("the basemap catalogue has at least 15 cases and its committed files stay small", "[basemap][bad-input]") {
    CHECK(std::size(cases) >= 15);
    for (const fs::directory_entry& entry : fs::directory_iterator(bad_basemaps)) {
        if (entry.path().extension() != ".fgb") continue;
        INFO(entry.path().filename().string());
        CHECK(fs::file_size(entry.path()) < 4096);
    }
}

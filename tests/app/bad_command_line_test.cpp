// The bad-input catalogue, command lines: every option of every subcommand with a wrong value. Each case must exit
// 2 with exactly its one message (plus CLI11's usage hint where CLI11 found the problem) and write nothing.
#include <catch2/catch.hpp>

#include <span>

#include "bad_input_support.hpp"

using namespace diplomap::test;

namespace {

struct BadCommandLine {
    const char* arguments;
    const char* message;  // the whole output; CLI11's own errors add the usage hint
};

constexpr const char* kUsageHint = "Run 'diplomap --help' for usage.";

// The viewer's checks run before any window opens, so these need no display.
const BadCommandLine viewer_cases[] = {
    {"-p mercatorx",
     "diplomap: --projection: unknown projection 'mercatorx'; valid: ortho, eqearth, laea, aeqd, webmerc, natearth, a "
     "PROJ string (+proj=...) or a projected CRS code (EPSG:3035)"},
    {"-p EPSG:4326", "diplomap: --projection EPSG:4326: 'EPSG:4326' is not a projected CRS"},
    {"-p +proj=nosuch",
     "diplomap: --projection +proj=nosuch: cannot use '+proj=nosuch' as a projection: Invalid value "
     "for an argument"},
    {"--center 10", "diplomap: --center 10: expected LON,LAT with -180 <= LON <= 180, -90 <= LAT <= 90"},
    {"--center 0,91", "diplomap: --center 0,91: expected LON,LAT with -180 <= LON <= 180, -90 <= LAT <= 90"},
    {"--center nan,0", "diplomap: --center nan,0: expected LON,LAT with -180 <= LON <= 180, -90 <= LAT <= 90"},
    {"--zoom 25", "diplomap: --zoom 25: expected a number from -2 to 24"},
    {"--zoom 1e999", "diplomap: --zoom 1e999: expected a number from -2 to 24"},
    {"--layers land,,coast",
     "diplomap: --layers: unknown layer ''; valid: ocean, land, borders, coast, graticule, routes, arcs, markers, "
     "labels, title, legend"},
    {"--detail 5m", "diplomap: --detail 5m: expected 110m, 50m or 10m"},
    {"--time -1", "diplomap: --time -1: expected seconds, a number >= 0"},
    {"--window-size 0x0", "diplomap: --window-size 0x0: expected WIDTHxHEIGHT, each 1..16384"},
    {"--window-size 20000x100", "diplomap: --window-size 20000x100: expected WIDTHxHEIGHT, each 1..16384"},
    {"--quit-after-frames 0", "diplomap: --quit-after-frames 0: expected a whole number >= 1"},
    {"--quit-after-frames 1.5", "diplomap: --quit-after-frames 1.5: expected a whole number >= 1"},
    {"--drag-frames 0", "diplomap: --drag-frames 0: expected a whole number >= 1"},
    {"--screenshot shot.jpg", "diplomap: --screenshot shot.jpg: expected a .png file"},
    {"--assets", "diplomap: --assets: 1 required TEXT missing"},
    {"--no-such-option", "diplomap: The following argument was not expected: --no-such-option"},
};

const BadCommandLine export_cases[] = {
    {"export", "diplomap export: --out FILE, --slides DIR or --video FILE is required"},
    {"export --out map.jpg", "diplomap export: --out map.jpg: unknown image format (use .png, .tif or .tiff)"},
    {"export --out map", "diplomap export: --out map: unknown image format (use .png, .tif or .tiff)"},
    {"export --out map.png --size 100",
     "diplomap export: --size 100: expected WIDTHxHEIGHT, e.g. 1920x1080, each 1..16384"},
    {"export --out map.png --size 100x0",
     "diplomap export: --size 100x0: expected WIDTHxHEIGHT, e.g. 1920x1080, each 1..16384"},
    {"export --out map.png --size 16385x10",
     "diplomap export: --size 16385x10: expected WIDTHxHEIGHT, e.g. 1920x1080, each 1..16384"},
    {"export --out map.png --size -5x10",
     "diplomap export: --size -5x10: expected WIDTHxHEIGHT, e.g. 1920x1080, each 1..16384"},
    {"export --out map.png --time nan", "diplomap export: --time nan: expected seconds, a number >= 0"},
    {"export --out map.png --time -3", "diplomap export: --time -3: expected seconds, a number >= 0"},
    {"export --out map.png --language German",
     "diplomap export: --language German: expected a language code such as de or en"},
    {"export --out map.png --language ''", "diplomap export: --language : expected a language code such as de or en"},
    {"export --out map.png --date 2023-13-01",
     "diplomap export: --date 2023-13-01: date '2023-13-01' has month 13, not 1..12"},
    {"export --out map.png --date 2023-02-30",
     "diplomap export: --date 2023-02-30: date '2023-02-30' does not exist: February 2023 has 28 days"},
    {"export --out map.png --date 2023-09",
     "diplomap export: --date 2023-09: expected one day YYYY-MM-DD, not a year, month or range"},
    {"export --out map.png --date 2023-09-12/2023-09-13",
     "diplomap export: --date 2023-09-12/2023-09-13: expected one day YYYY-MM-DD, not a year, month or range"},
    {"export --out map.png --date yesterday",
     "diplomap export: --date yesterday: date 'yesterday' is not of the form YYYY, YYYY-MM or YYYY-MM-DD"},
    {"export --out map.png -p webmerc -c 0,100",
     "diplomap export: --center 0,100: expected LON,LAT with -180 <= LON <= 180, -90 <= LAT <= 90"},
    {"export --out map.png -z -3", "diplomap export: --zoom -3: expected a number from -2 to 24"},
    {"export --out map.png --layers sea",
     "diplomap export: --layers: unknown layer 'sea'; valid: ocean, land, borders, "
     "coast, graticule, routes, arcs, markers, labels, title, legend"},
    {"export --out map.png --detail 10", "diplomap export: --detail 10: expected 110m, 50m or 10m"},
    {"export --out map.png -p EPSG:99999",
     "diplomap export: --projection EPSG:99999: cannot use 'EPSG:99999' as a projection: PROJ's database has no CRS "
     "with that code"},
    {"export --out map.png one two", "diplomap: The following argument was not expected: two"},
    {"export --out map.png --scale 0", "diplomap export: --scale 0: expected a number from 0.25 to 64"},
    {"export --out map.png --scale big", "diplomap export: --scale big: expected a number from 0.25 to 64"},
    {"export --out map.png --supersample 3", "diplomap export: --supersample 3: expected 1, 2 or 4"},
    {"export --out map.png --dpi -72", "diplomap export: --dpi -72: expected a number from 1 to 100000"},
    {"export --out map.tif --world-file",
     "diplomap export: --world-file: only for a .png (a GeoTIFF holds its georeference itself)"},
    {"export --out map.png --force=maybe", "diplomap: Could not convert: --force = maybe"},
};

const BadCommandLine other_cases[] = {
    {"check", "diplomap: story is required"},
    {"check one two", "diplomap: The following argument was not expected: two"},
    {"bench --repeats 0", "diplomap bench: --repeats 0: expected a whole number 1..100"},
    {"bench --repeats 101", "diplomap bench: --repeats 101: expected a whole number 1..100"},
    {"bench --repeats many", "diplomap bench: --repeats many: expected a whole number 1..100"},
    {"bench --only everything", "diplomap bench: --only everything: expected basemap, many-arcs, stills or edit"},
    {"soak --seconds 5", "diplomap soak: --seconds 5: expected 10 to 604800 seconds"},
    {"soak --seconds forever", "diplomap soak: --seconds forever: expected 10 to 604800 seconds"},
    {"soak --log", "diplomap: --log: 1 required TEXT missing"},
};

void check_cases(std::span<const BadCommandLine> cases) {
    TempDir dir;
    for (const BadCommandLine& c : cases) {
        INFO("diplomap " << c.arguments);
        const auto result = run_diplomap_in(dir.path(), c.arguments);
        CHECK(result.exit_code == 2);
        const auto lines = lines_of(result.output);
        REQUIRE_FALSE(lines.empty());
        CHECK(lines[0] == c.message);
        // CLI11's own messages carry the usage hint as a second line; ours are one line.
        CHECK(lines.size() <= 2);
        if (lines.size() == 2) CHECK(lines[1] == kUsageHint);
        CHECK(entries_below(dir.path()).empty());
    }
}

}  // namespace

TEST_CASE("bad command lines of the viewer exit 2 with their one message", "[cli][bad-input]") {
    check_cases(viewer_cases);
}

TEST_CASE("bad command lines of export exit 2 with their one message and write nothing", "[cli][bad-input]") {
    check_cases(export_cases);
}

TEST_CASE("bad command lines of check, bench and soak exit 2 with their one message", "[cli][bad-input]") {
    check_cases(other_cases);
}

TEST_CASE("the command-line catalogue covers every option", "[cli][bad-input]") {
    CHECK(std::size(viewer_cases) + std::size(export_cases) + std::size(other_cases) >= 15);
    std::string all_arguments;
    for (const std::span<const BadCommandLine> table :
         {std::span<const BadCommandLine>(viewer_cases), std::span<const BadCommandLine>(export_cases),
          std::span<const BadCommandLine>(other_cases)})
        for (const BadCommandLine& c : table) all_arguments += std::string(c.arguments) + " ";
    for (const char* option : {"-p ",
                               "--center",
                               "-c ",
                               "--zoom",
                               "-z ",
                               "--layers",
                               "--detail",
                               "--assets",
                               "--time",
                               "--window-size",
                               "--quit-after-frames",
                               "--drag-frames",
                               "--screenshot",
                               "--out",
                               "--size",
                               "--language",
                               "--date",
                               "--scale",
                               "--supersample",
                               "--dpi",
                               "--world-file",
                               "--force",
                               "--repeats",
                               "--only",
                               "--seconds",
                               "--log"}) {
        INFO(option);
        CHECK(all_arguments.find(option) != std::string::npos);
    }
}

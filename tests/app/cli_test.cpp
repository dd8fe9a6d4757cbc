// The command line as a user meets it: help, version, exit codes, one-line errors, nothing left on failure.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using diplomap::test::run_diplomap;
using diplomap::test::TempDir;

TEST_CASE("--help and --version behave as on any command-line tool", "[cli]") {
    const auto help = run_diplomap("--help");
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.output, Catch::Contains("export"));
    CHECK_THAT(help.output, Catch::Contains("--projection"));
    const auto version = run_diplomap("--version");
    CHECK(version.exit_code == 0);
    CHECK_THAT(version.output, Catch::StartsWith("diplomap " DIPLOMAP_VERSION));
    const auto export_help = run_diplomap("export --help");
    CHECK(export_help.exit_code == 0);
    CHECK_THAT(export_help.output, Catch::Contains("--size"));
}

TEST_CASE("bad arguments exit 2 with one clear line and write nothing", "[cli]") {
    TempDir dir;
    const std::string out = (dir / "map.png").string();
    struct Case {
        std::string args;
        std::string message;
    };
    const Case cases[] = {
        {"export --out " + out + " --projection mercatorx",
         "unknown projection 'mercatorx'; valid: ortho, eqearth, laea, aeqd, webmerc, natearth"},
        {"export --out " + out + " --size 100", "--size 100: expected WIDTHxHEIGHT"},
        {"export --out " + out + " --size 0x100", "--size 0x100: expected WIDTHxHEIGHT"},
        {"export --out " + out + " --center 200,0", "--center 200,0: expected LON,LAT"},
        {"export --out " + out + " --center abc", "--center abc: expected LON,LAT"},
        {"export --out " + out + " --zoom nan", "--zoom nan: expected a number"},
        {"export --out " + out + " --layers land,sea",
         "unknown layer 'sea'; valid: ocean, land, borders, coast, graticule, routes, arcs, markers, labels, title, "
         "legend"},
        {"export --out " + out + " --detail 20m", "--detail 20m: expected 110m, 50m or 10m"},
        {"export --out " + (dir / "map.jpg").string(), "unknown image format (use .png, .tif or .tiff)"},
        {"export", "--out FILE, --slides DIR or --video FILE is required"},
        {"--no-such-option", "--no-such-option"},
    };
    for (const Case& c : cases) {
        INFO(c.args);
        const auto result = run_diplomap(c.args);
        CHECK(result.exit_code == 2);
        CHECK_THAT(result.output, Catch::Contains(c.message));
        CHECK(diplomap::test::files_in(dir.path()) == 0);
    }
}

TEST_CASE("an unwritable output exits 1 and leaves nothing behind", "[cli]") {
    TempDir dir;
    const auto missing = run_diplomap("export --size 64x64 --out " + (dir / "no/such/folder/map.png").string());
    CHECK(missing.exit_code == 1);
    CHECK_THAT(missing.output, Catch::Contains("does not exist"));
    CHECK(std::count(missing.output.begin(), missing.output.end(), '\n') == 1);

    const auto folder = run_diplomap("export --size 64x64 --out " + dir.path().string() + "/");
    CHECK(folder.exit_code != 0);
    CHECK(diplomap::test::files_in(dir.path()) == 0);
}

TEST_CASE("the viewer without a display says so and shows how to export", "[cli]") {
    const auto result = run_diplomap("");
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.output, Catch::Contains("no display"));
    CHECK_THAT(result.output, Catch::Contains("diplomap export --out"));
    CHECK(std::count(result.output.begin(), result.output.end(), '\n') == 1);
}

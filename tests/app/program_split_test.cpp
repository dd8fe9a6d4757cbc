// The three programs (app/programs/): the launcher picks diplomap-export for a still PNG and diplomap-full for the
// rest, diplomap-export hands on what it does not do, and a still PNG loads none of the viewer's, the video
// encoder's or GDAL's libraries -- the reason for the split (docs/PERFORMANCE.md). Which program a command went to
// shows when it is missing: each program is copied alone into a folder and names the one it could not start.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "bad_input_support.hpp"

namespace fs = std::filesystem;
using namespace diplomap::test;

namespace {

const fs::path program_dir = fs::path(DIPLOMAP_EXECUTABLE).parent_path();

// Runs `program` copied alone into a temporary folder, with `arguments`; returns what it printed.
std::string run_alone(const char* program, const std::string& arguments) {
    TempDir dir;
    fs::copy_file(program_dir / program, dir / program);
    fs::permissions(dir / program, fs::perms::owner_exec, fs::perm_options::add);
    return run_command("cd " + quoted(dir.path()) + " && ./" + program + " " + arguments + " 2>&1").output;
}

bool asks_for(const std::string& output, const char* program) {
    return output.find(std::string("cannot start ") + program + " ") != std::string::npos;
}

}  // namespace

TEST_CASE("the launcher starts diplomap-export for a still PNG and diplomap-full for everything else", "[programs]") {
    CHECK(asks_for(run_alone("diplomap", "export --out map.png"), "diplomap-export"));
    CHECK(asks_for(run_alone("diplomap", "export --size 64x64 --out MAP.PNG story"), "diplomap-export"));
    CHECK(asks_for(run_alone("diplomap", "export --out map.tif"), "diplomap-full"));
    CHECK(asks_for(run_alone("diplomap", "export --out map.TIFF"), "diplomap-full"));
    CHECK(asks_for(run_alone("diplomap", "export --video clip.mp4"), "diplomap-full"));
    CHECK(asks_for(run_alone("diplomap", "export --slides out"), "diplomap-full"));
    CHECK(asks_for(run_alone("diplomap", "export --slide=2 --out s.png"), "diplomap-full"));
    CHECK(asks_for(run_alone("diplomap", "--version"), "diplomap-full"));
    CHECK(asks_for(run_alone("diplomap", ""), "diplomap-full"));
    CHECK(asks_for(run_alone("diplomap", "check story.json"), "diplomap-full"));
}

TEST_CASE("diplomap-export hands anything but a still PNG to diplomap-full, and answers the rest itself",
          "[programs]") {
    CHECK(asks_for(run_alone("diplomap-export", "export --out map.tif"), "diplomap-full"));
    CHECK(asks_for(run_alone("diplomap-export", "export --size 64x64 --video clip.mp4"), "diplomap-full"));
    CHECK(asks_for(run_alone("diplomap-export", "check story.json"), "diplomap-full"));
    // A mistake on the command line is answered as the full program would (same parser, same words).
    const std::string bad = run_alone("diplomap-export", "export --size banana --out map.png");
    CHECK_FALSE(asks_for(bad, "diplomap-full"));
    CHECK(bad.find("--size") != std::string::npos);
    CHECK(run_alone("diplomap-export", "--version").find("diplomap ") == 0);
    const std::string help = run_alone("diplomap-export", "export --help");
    CHECK(help.find("Usage: diplomap export") != std::string::npos);
}

TEST_CASE("a still PNG loads none of the viewer's, the video encoder's or GDAL's libraries", "[programs]") {
    // The dynamic linker lists what a program would load and exits (what ldd does).
    const auto listed = [](const char* program) {
        return run_command("env -u LD_PRELOAD LD_TRACE_LOADED_OBJECTS=1 " + quoted(program_dir / program) + " 2>&1")
            .output;
    };
    const std::string still = listed("diplomap-export");
    REQUIRE(still.find("libproj") != std::string::npos);  // it did list the libraries
    for (const char* heavy : {"libSDL2", "libavcodec", "libavformat", "libgdal", "libgeonames", "libX11"}) {
        INFO(heavy);
        CHECK(still.find(heavy) == std::string::npos);
    }
    const std::string full = listed("diplomap-full");
    for (const char* needed : {"libSDL2", "libavcodec", "libgdal"}) {
        INFO(needed);
        CHECK(full.find(needed) != std::string::npos);
    }
    const std::string launcher = listed("diplomap");
    for (const char* heavy : {"libproj", "libSDL2", "libgdal", "libepoxy"}) {
        INFO(heavy);
        CHECK(launcher.find(heavy) == std::string::npos);
    }
}

// The bad-input catalogue, story files, as the user meets it: for every bad story of tests/data/stories/bad (whose
// messages and line:column the loader's own table checks, tests/unit/story_loader_test.cpp), `diplomap check` and
// `diplomap export` exit 1 printing exactly the loader's problems and a count, and the export writes nothing.
#include <catch2/catch.hpp>

#include "bad_input_support.hpp"
#include "geo/story/story_loader.hpp"

namespace fs = std::filesystem;
using namespace diplomap::test;

namespace {

std::string expected_report(const fs::path& folder) {
    const geo::StoryLoad load = geo::load_story(folder);
    std::string report;
    for (const geo::Diagnostic& problem : load.problems) report += problem.to_string() + "\n";
    report += "diplomap: " + std::to_string(load.problems.size()) +
              (load.problems.size() == 1 ? " problem" : " problems") + " in " + folder.string() + "\n";
    return report;
}

}  // namespace

TEST_CASE("every bad story makes check and export exit 1 with exactly the loader's problems", "[story][bad-input]") {
    TempDir dir;
    std::size_t cases = 0;
    for (const fs::directory_entry& entry : fs::directory_iterator(fs::path(DIPLOMAP_TEST_DATA) / "stories" / "bad")) {
        if (!entry.is_directory()) continue;
        ++cases;
        INFO("bad story " << entry.path().filename().string());
        check_and_export_refuse(dir.path(), quoted(entry.path()), expected_report(entry.path()), dir / "out");
    }
    CHECK(cases >= 15);
}

TEST_CASE("a story that is not there makes check and export exit 1 naming it", "[story][bad-input]") {
    TempDir dir;
    for (const std::string story : {"no-such-story", "no-such-story/story.json", "/proc/self/no-story"}) {
        INFO(story);
        std::string wanted = story;
        wanted += ": error: cannot read story file: No such file or directory\ndiplomap: 1 problem in ";
        wanted += story + "\n";
        check_and_export_refuse(dir.path(), shell_quote(story), wanted, dir / "out");
    }
}

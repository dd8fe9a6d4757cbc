// `diplomap check` covers slides: a story whose slides have several problems is refused with each of them listed
// at its line and column (the messages themselves are the loader's, checked one by one in
// tests/unit/story/slide_reader_test.cpp), and the bundled presentation passes.
#include <catch2/catch.hpp>

#include "bad_input_support.hpp"

namespace fs = std::filesystem;
using namespace diplomap::test;

TEST_CASE("check lists every problem of a story's slides and exits 1", "[story][slides][bad-input]") {
    TempDir dir;
    const fs::path story = fs::path(DIPLOMAP_TEST_DATA) / "stories" / "bad-slides" / "several";
    const std::string file = (story / "story.json").string();
    const auto check = run_diplomap_in(dir.path(), "check " + quoted(story));
    CHECK(check.exit_code == 1);
    const std::string wanted =
        file +
        ":33:48: error: the highlight of slide 'warn' refers to unknown relation 'warnung' in \"relations\" [warn]\n" +
        file + ":33:109: error: \"play\" of slide 'warn' ends at 20 s, after the animation's end at 14 s [warn]\n" +
        file + ":34:39: error: \"zoom\" of the camera of slide 'zoom' is 13, out of range 0..12 [zoom]\n" + file +
        ":34:64: error: \"text\" of the caption of slide 'zoom' lacks 'en' (the story's languages are de, en) "
        "[zoom]\n" +
        file +
        ":35:32: error: the caption of slide 'empty' is empty: it needs \"excerpt\" (an excerpt id) or \"text\" "
        "[empty]\n" +
        "diplomap: 5 problems in " + story.string() + "\n";
    CHECK(check.output == wanted);
}

TEST_CASE("check passes the bundled story with its presentation and counts the slides", "[story][slides]") {
    TempDir dir;
    const fs::path story = fs::path(DIPLOMAP_SOURCE_DIR) / "assets" / "stories" / "kim-train-2023";
    const auto check = run_diplomap_in(dir.path(), "check " + quoted(story));
    INFO(check.output);
    CHECK(check.exit_code == 0);
    CHECK(check.output.find(", 11 slides\n") != std::string::npos);
}

// Every input the story fuzzer ever stopped on (tests/fuzz/regressions/story), and the seeds it starts from, replayed
// through the fuzz target's own splitting and checks: a crash found once stays fixed.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "fuzz/fuzz_inputs.hpp"
#include "geo/story/story_loader.hpp"
#include "test_files.hpp"

namespace fs = std::filesystem;
using diplomap::test::read_file;

namespace {

void replay(const std::string& bytes) {
    const auto input = diplomap::fuzz::split_story_input(bytes);
    const geo::StoryLoad load = geo::load_story_from_text(input.json, input.article, "fuzz/story.json");
    CHECK(load.story.has_value() == load.problems.empty());
    for (const geo::Diagnostic& problem : load.problems) {
        CHECK_FALSE(problem.message.empty());
        CHECK(problem.line >= 0);
        CHECK(problem.column >= 0);
    }
}

}  // namespace

TEST_CASE("saved story fuzzer findings load without crashing and consistently", "[story][fuzz][bad-input]") {
    std::size_t replayed = 0;
    for (const fs::directory_entry& entry :
         fs::directory_iterator(fs::path(DIPLOMAP_FUZZ_DIR) / "regressions" / "story")) {
        if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
        INFO(entry.path().filename().string());
        replay(read_file(entry.path()));
        ++replayed;
    }
    SUCCEED(replayed << " findings replayed");
}

TEST_CASE("the story fuzzer's seeds replay the same way", "[story][fuzz]") {
    const fs::path data = DIPLOMAP_TEST_DATA;
    const std::string good_json = read_file(data / "stories" / "good-minimal" / "story.json");
    const std::string good_article = read_file(data / "stories" / "good-minimal" / "article.txt");
    replay(good_json + '\0' + good_article);
    for (const fs::directory_entry& entry : fs::directory_iterator(data / "articles" / "bad"))
        replay(good_json + '\0' + read_file(entry.path()));
    const std::string shared_article = read_file(data / "stories" / "bad" / "article.txt");
    for (const fs::directory_entry& entry : fs::directory_iterator(data / "stories" / "bad")) {
        if (!entry.is_directory()) continue;
        replay(read_file(entry.path() / "story.json") + '\0' + shared_article);
    }
}

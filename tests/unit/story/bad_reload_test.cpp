// The bad-input catalogue on the live-reload path: every bad story and every bad article of the catalogue, saved
// over a good story the way editors save (a new file renamed over the old one), must leave the watcher holding the
// last good story and reporting exactly the problems a fresh load reports; the next good save clears them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "geo/story/story_loader.hpp"
#include "geo/story/story_watch.hpp"
#include "temp_dir.hpp"
#include "test_files.hpp"

namespace fs = std::filesystem;
using diplomap::test::read_file;
using diplomap::test::save_by_rename;
using diplomap::test::TempDir;
using namespace std::chrono_literals;

namespace {

const fs::path data = fs::path(DIPLOMAP_TEST_DATA);
const fs::path good_minimal = data / "stories" / "good-minimal";

std::vector<std::string> as_text(const geo::Diagnostics& problems) {
    std::vector<std::string> lines;
    lines.reserve(problems.size());
    for (const geo::Diagnostic& problem : problems) lines.push_back(problem.to_string());
    return lines;
}

// A good story at <scratch>/story, with the shared article of the bad stories at <scratch>/article.txt (they name
// "../article.txt"), watched from the start.
struct WatchedStory {
    TempDir scratch;
    fs::path folder = scratch.path() / "story";
    std::optional<geo::StoryWatcher> watcher;
    std::chrono::steady_clock::time_point clock = std::chrono::steady_clock::now();

    WatchedStory() {
        fs::create_directories(folder);
        fs::copy_file(good_minimal / "story.json", folder / "story.json");
        fs::copy_file(good_minimal / "article.txt", folder / "article.txt");
        fs::copy_file(data / "stories" / "bad" / "article.txt", scratch.path() / "article.txt");
        watcher.emplace(folder, 0ms);
        REQUIRE(watcher->story().has_value());
        REQUIRE(watcher->problems().empty());
    }

    void poll() {
        clock += 1s;
        watcher->poll(clock);
    }

    // The watcher kept the good story and reports what a fresh load of the folder reports.
    void check_holds_good_story_and_reports_the_problems() const {
        REQUIRE(watcher->story().has_value());
        CHECK(watcher->story()->meta.title.get("en") == "Kim travels to Russia");
        const geo::StoryLoad fresh = geo::load_story(folder);
        REQUIRE_FALSE(fresh.problems.empty());
        CHECK(as_text(watcher->problems()) == as_text(fresh.problems));
    }

    // `bad` saved over the good files (each by a rename, as editors save) keeps the good story and reports what a
    // fresh load reports; the good files saved again clear the problems.
    void check_bad_save_then_fix(const std::vector<std::pair<std::string, fs::path>>& bad) {
        for (const auto& [name, source] : bad) save_by_rename(folder / name, read_file(source));
        poll();
        check_holds_good_story_and_reports_the_problems();
        for (const auto& [name, source] : bad) save_by_rename(folder / name, read_file(good_minimal / name));
        poll();
        CHECK(watcher->problems().empty());
        CHECK(watcher->story().has_value());
    }
};

}  // namespace

TEST_CASE("a watcher started on each bad story reports what the loader reports", "[story][reload][bad-input]") {
    std::size_t cases = 0;
    for (const fs::directory_entry& entry : fs::directory_iterator(data / "stories" / "bad")) {
        if (!entry.is_directory()) continue;
        INFO("bad story " << entry.path().filename().string());
        ++cases;
        const geo::StoryWatcher watcher(entry.path(), 0ms);
        CHECK_FALSE(watcher.story().has_value());
        CHECK(as_text(watcher.problems()) == as_text(geo::load_story(entry.path()).problems));
    }
    CHECK(cases >= 15);
}

TEST_CASE("each bad story saved over a good one keeps the good story and reports its problems",
          "[story][reload][bad-input]") {
    for (const fs::directory_entry& entry : fs::directory_iterator(data / "stories" / "bad")) {
        if (!entry.is_directory()) continue;
        INFO("bad story " << entry.path().filename().string());
        // The article first where the case has its own (the loader reads it only when story.json names it).
        std::vector<std::pair<std::string, fs::path>> bad;
        if (fs::exists(entry.path() / "article.txt")) bad.emplace_back("article.txt", entry.path() / "article.txt");
        bad.emplace_back("story.json", entry.path() / "story.json");
        WatchedStory().check_bad_save_then_fix(bad);
    }
}

TEST_CASE("each bad article saved over a good one keeps the good story and reports its problems",
          "[article][reload][bad-input]") {
    std::size_t cases = 0;
    for (const fs::directory_entry& entry : fs::directory_iterator(data / "articles" / "bad")) {
        if (entry.path().extension() != ".txt") continue;
        INFO("bad article " << entry.path().filename().string());
        ++cases;
        WatchedStory().check_bad_save_then_fix({{"article.txt", entry.path()}});
    }
    CHECK(cases >= 15);
}

TEST_CASE("an article replaced by a folder, a dangling link or a 33 MB file is reported on reload",
          "[article][reload][bad-input]") {
    const auto replace_article = [](const fs::path& article, int how) {
        fs::remove(article);
        switch (how) {
            case 0: fs::create_directory(article); break;
            case 1: fs::create_symlink(article.parent_path() / "gone.txt", article); break;
            default:
                std::ofstream(article, std::ios::binary).put('x');
                fs::resize_file(article, geo::max_story_file_bytes + 1);  // sparse: costs no disk
        }
    };
    for (int how = 0; how < 3; ++how) {
        INFO("replacement " << how);
        WatchedStory watched;
        replace_article(watched.folder / "article.txt", how);
        watched.poll();
        // A vanished file is reported only after the grace period; the watcher here has none.
        watched.poll();
        watched.check_holds_good_story_and_reports_the_problems();
    }
}

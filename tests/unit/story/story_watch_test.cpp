// Live reload: broken saves keep the last good story and show the errors; good saves replace both. Every step is
// deterministic: the watcher compares content when a file is too new for its mtime to be trusted, and the clock
// for "momentarily missing" is passed in.
#include <catch2/catch.hpp>

#include "temp_dir.hpp"

#include <unistd.h>
#include <atomic>
#include <filesystem>
#include <string>
#include <thread>

#include "geo/story/story_watch.hpp"
#include "geo/story/story_watch_thread.hpp"
#include "test_files.hpp"

namespace fs = std::filesystem;
using diplomap::test::read_file;
using diplomap::test::save_by_rename;
using diplomap::test::write_file;
using namespace std::chrono_literals;

namespace {

const fs::path good_minimal = fs::path(DIPLOMAP_TEST_DATA) / "stories" / "good-minimal";

using diplomap::test::TempDir;

// The good fixture with its English title replaced, so that versions can be told apart.
std::string story_titled(std::string_view title) {
    std::string json = read_file(good_minimal / "story.json");
    const std::string old_title = "\"en\": \"Kim travels to Russia\"}";
    const std::size_t at = json.find(old_title);
    REQUIRE(at != std::string::npos);
    json.replace(at, old_title.size(), "\"en\": \"" + std::string(title) + "\"}");
    return json;
}

std::string broken(std::string json) {
    json.resize(json.size() - 3);  // a save cut short
    return json;
}

// A story folder in a temp dir, with the fixture's article.
struct StoryFolder {
    TempDir dir;
    fs::path story = dir.path() / "story.json";
    fs::path article = dir.path() / "article.txt";

    explicit StoryFolder(std::string_view title) {
        write_file(story, story_titled(title));
        fs::copy_file(good_minimal / "article.txt", article);
    }
};

std::string title_of(const geo::StoryWatcher& watcher) { return watcher.story()->meta.title.get("en"); }

}  // namespace

TEST_CASE("a broken save keeps the last good story and shows the errors; a good save clears them", "[story][watch]") {
    StoryFolder folder("Version 1");
    geo::StoryWatcher watcher(folder.dir.path());
    REQUIRE(watcher.story().has_value());
    CHECK(watcher.problems().empty());
    CHECK(title_of(watcher) == "Version 1");
    CHECK(watcher.load_count() == 1);

    CHECK_FALSE(watcher.poll());
    CHECK(watcher.load_count() == 1);  // nothing changed, nothing loaded

    SECTION("saving in place") {
        write_file(folder.story, broken(story_titled("Version 2")));
        CHECK_FALSE(watcher.poll());
        REQUIRE(watcher.story().has_value());
        CHECK(title_of(watcher) == "Version 1");
        REQUIRE(watcher.problems().size() == 1);
        CHECK(watcher.problems()[0].message.rfind("malformed JSON: ", 0) == 0);
        CHECK(watcher.problems()[0].file == folder.story.string());

        CHECK_FALSE(watcher.poll());  // the same broken file is not reloaded again
        CHECK(watcher.problems().size() == 1);

        write_file(folder.story, story_titled("Version 3"));
        CHECK(watcher.poll());
        CHECK(watcher.problems().empty());
        CHECK(title_of(watcher) == "Version 3");
    }
    SECTION("writing a new file and renaming it over the old one") {
        save_by_rename(folder.story, broken(story_titled("Version 2")));
        CHECK_FALSE(watcher.poll());
        CHECK(title_of(watcher) == "Version 1");
        CHECK(watcher.problems().size() == 1);

        save_by_rename(folder.story, story_titled("Version 3"));
        CHECK(watcher.poll());
        CHECK(watcher.problems().empty());
        CHECK(title_of(watcher) == "Version 3");
    }
}

TEST_CASE("a change that keeps size and mtime is still seen", "[story][watch]") {
    StoryFolder folder("Version A");
    geo::StoryWatcher watcher(folder.story);
    const fs::file_time_type mtime = fs::last_write_time(folder.story);
    write_file(folder.story, story_titled("Version B"));  // same length as "Version A"
    fs::last_write_time(folder.story, mtime);
    CHECK(watcher.poll());
    CHECK(title_of(watcher) == "Version B");
}

TEST_CASE("touching a file without changing it does not reload", "[story][watch]") {
    StoryFolder folder("Version 1");
    geo::StoryWatcher watcher(folder.story);
    fs::last_write_time(folder.story, fs::last_write_time(folder.story) + 5s);
    CHECK_FALSE(watcher.poll());
    CHECK(watcher.load_count() == 1);
    CHECK(watcher.problems().empty());
}

TEST_CASE("changes to the article are watched too", "[story][watch]") {
    StoryFolder folder("Version 1");
    geo::StoryWatcher watcher(folder.dir.path());
    const std::string article = read_file(folder.article);

    std::string edited = article;
    edited.replace(edited.find("eingetroffen"), 12, "angekommen");
    save_by_rename(folder.article, edited);
    CHECK_FALSE(watcher.poll());
    REQUIRE(watcher.problems().size() == 1);
    CHECK(watcher.problems()[0].id == "peskov-arrived");
    CHECK(watcher.story()->article_text == article);

    save_by_rename(folder.article, article + "\nNachtrag.\n");
    CHECK(watcher.poll());
    CHECK(watcher.problems().empty());
    CHECK(watcher.story()->article_text == article + "\nNachtrag.\n");
}

TEST_CASE("a file missing for a moment during a save is not reported", "[story][watch]") {
    StoryFolder folder("Version 1");
    geo::StoryWatcher watcher(folder.dir.path(), 1s);
    const auto start = std::chrono::steady_clock::now();

    fs::remove(folder.story);
    CHECK_FALSE(watcher.poll(start));
    CHECK_FALSE(watcher.poll(start + 200ms));
    CHECK(watcher.problems().empty());
    CHECK(watcher.load_count() == 1);

    write_file(folder.story, story_titled("Version 2"));
    CHECK(watcher.poll(start + 300ms));
    CHECK(watcher.problems().empty());
    CHECK(title_of(watcher) == "Version 2");
}

TEST_CASE("a file that stays missing is reported and the story kept", "[story][watch]") {
    StoryFolder folder("Version 1");
    geo::StoryWatcher watcher(folder.dir.path(), 1s);
    const auto start = std::chrono::steady_clock::now();

    SECTION("story.json") {
        fs::remove(folder.story);
        CHECK_FALSE(watcher.poll(start));
        CHECK(watcher.problems().empty());
        CHECK_FALSE(watcher.poll(start + 1500ms));
        REQUIRE(watcher.problems().size() == 1);
        CHECK(watcher.problems()[0].message == "cannot read story file: No such file or directory");
        CHECK(title_of(watcher) == "Version 1");
        const std::uint64_t loads = watcher.load_count();
        CHECK_FALSE(watcher.poll(start + 1700ms));
        CHECK(watcher.load_count() == loads);  // still missing: nothing new to load

        write_file(folder.story, story_titled("Version 2"));
        CHECK(watcher.poll(start + 2s));
        CHECK(watcher.problems().empty());
        CHECK(title_of(watcher) == "Version 2");
    }
    SECTION("the article") {
        fs::remove(folder.article);
        CHECK_FALSE(watcher.poll(start));
        CHECK(watcher.problems().empty());
        CHECK_FALSE(watcher.poll(start + 1500ms));
        REQUIRE(watcher.problems().size() == 1);
        CHECK(watcher.problems()[0].message ==
              "cannot read article file '" + folder.article.string() + "': No such file or directory");

        fs::copy_file(good_minimal / "article.txt", folder.article);
        CHECK(watcher.poll(start + 2s));
        CHECK(watcher.problems().empty());
    }
}

TEST_CASE("a story that never loaded shows its problems and no story", "[story][watch]") {
    TempDir dir;
    write_file(dir.path() / "story.json", "{");
    geo::StoryWatcher watcher(dir.path());
    CHECK_FALSE(watcher.story().has_value());
    CHECK(watcher.problems().size() == 1);

    write_file(dir.path() / "story.json", story_titled("First"));
    fs::copy_file(good_minimal / "article.txt", dir.path() / "article.txt");
    CHECK(watcher.poll());
    CHECK(title_of(watcher) == "First");
}

namespace {

// Calls take_changes() as a frame loop would, until `done` holds or five seconds pass.
template <class Done>
bool take_until(geo::StoryWatchThread& watch, Done done) {
    const auto until = std::chrono::steady_clock::now() + 5s;
    while (std::chrono::steady_clock::now() < until) {
        watch.take_changes();
        if (done()) return true;
        std::this_thread::sleep_for(2ms);
    }
    return false;
}

}  // namespace

TEST_CASE("the watch thread polls off the caller's thread and hands over stories and problems", "[story][watch]") {
    StoryFolder folder("Version 1");
    geo::StoryWatchThread watch(folder.dir.path(), 5ms);
    // Loaded before the constructor returns: the first frame has the story.
    REQUIRE(watch.story().has_value());
    CHECK(watch.story()->meta.title.get("en") == "Version 1");
    CHECK(watch.problems().empty());
    CHECK(watch.load_count() == 1);
    // Nothing changed: several polls later there is still nothing to take.
    std::this_thread::sleep_for(50ms);
    CHECK_FALSE(watch.take_changes());
    CHECK(watch.load_count() == 1);

    // The caller never polls: whatever arrives was found by the thread.
    save_by_rename(folder.story, story_titled("Version 2"));
    bool replaced = false;
    CHECK(take_until(watch, [&] { return (replaced = replaced || watch.load_count() > 1); }));
    CHECK(replaced);
    CHECK(watch.story()->meta.title.get("en") == "Version 2");

    // A broken save: the problems arrive alone and the good story stays.
    save_by_rename(folder.story, broken(story_titled("Version 3")));
    CHECK(take_until(watch, [&] { return !watch.problems().empty(); }));
    CHECK(watch.story()->meta.title.get("en") == "Version 2");
    REQUIRE(watch.problems().size() == 1);
    CHECK(watch.problems()[0].message.rfind("malformed JSON: ", 0) == 0);

    save_by_rename(folder.story, story_titled("Version 4"));
    CHECK(take_until(watch, [&] { return watch.problems().empty(); }));
    CHECK(watch.story()->meta.title.get("en") == "Version 4");
}

TEST_CASE("the watch thread hands over a broken first load and stops at once when destroyed", "[story][watch]") {
    TempDir dir;
    write_file(dir.path() / "story.json", "{");
    const auto start = std::chrono::steady_clock::now();
    {
        // A long interval: the destructor must wake the thread rather than wait it out.
        geo::StoryWatchThread watch(dir.path(), 60s);
        CHECK_FALSE(watch.story().has_value());
        CHECK(watch.problems().size() == 1);
        CHECK_FALSE(watch.take_changes());
    }
    CHECK(std::chrono::steady_clock::now() - start < 30s);
}

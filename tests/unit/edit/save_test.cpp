// Saving: refused while the story has errors (the file on disk stays as it was), written atomically otherwise, and
// seen by live reload as no change when the editor announces it.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "geo/edit/story_document.hpp"
#include "geo/story/story_watch.hpp"
#include "geo/story/story_watch_thread.hpp"
#include "temp_dir.hpp"
#include "test_files.hpp"

namespace fs = std::filesystem;
using diplomap::test::read_file;
using namespace std::chrono_literals;

namespace {

const fs::path fixture = fs::path(DIPLOMAP_SOURCE_DIR) / "tests" / "data" / "stories" / "edit-unusual";

struct Copy {
    diplomap::test::TempDir temp;
    fs::path folder = temp / "story";
    fs::path story_json = folder / "story.json";
    Copy() { fs::copy(fixture, folder, fs::copy_options::recursive); }
};

geo::StoryDocument open(const fs::path& path) {
    geo::DocumentOpen opened = geo::StoryDocument::open(path);
    REQUIRE(opened.document);
    return std::move(*opened.document);
}

}  // namespace

TEST_CASE("a save that would make the story invalid is refused and leaves the file untouched", "[edit]") {
    const Copy copy;
    const std::string before = read_file(copy.story_json);
    const auto stamp_before = fs::last_write_time(copy.story_json);
    geo::StoryDocument document = open(copy.folder);

    // Each edit checks what it can, but some problems only the whole story shows: deleting every place leaves a
    // story without places, which the reader refuses.
    REQUIRE(document.delete_item(geo::ItemKind::place, "paris").ok());
    REQUIRE(document.delete_item(geo::ItemKind::place, "berlin").ok());
    REQUIRE(document.problems().size() == 1);
    CHECK(document.problems()[0].message == "\"places\" is empty; a story needs at least one place");
    CHECK(document.problems()[0].line == 24);  // in the text a save would write
    CHECK(document.text().substr(0, 3000).find("\n  \"places\": [],\n") != std::string::npos);
    // The story shown stays the last good one.
    CHECK(document.story().places.size() == 1);

    const geo::DocumentSave saved = document.save();
    CHECK_FALSE(saved.ok());
    REQUIRE(saved.problems.size() == 1);
    CHECK(saved.problems[0].message == "\"places\" is empty; a story needs at least one place");
    CHECK(read_file(copy.story_json) == before);
    CHECK(fs::last_write_time(copy.story_json) == stamp_before);
    CHECK(document.dirty());
    // Nothing left beside it either.
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(copy.folder)) ++files;
    CHECK(files == 3);  // story.json, article.txt, expected-after-edits.json

    REQUIRE(document.undo());
    CHECK(document.problems().empty());
    CHECK(document.save().ok());
    CHECK(read_file(copy.story_json) != before);
    CHECK(read_file(copy.story_json) == document.text());
}

TEST_CASE("deleting a place takes its relations along and keeps its waypoints as coordinates, in one step", "[edit]") {
    const Copy copy;
    geo::StoryDocument document = open(copy.folder);
    const geo::EditResult deleted = document.delete_item(geo::ItemKind::place, "berlin");
    REQUIRE(deleted.ok());
    CHECK(deleted.detail ==
          "also: relation 'trip', waypoints of route 'night-train' kept as coordinates, person 'beispiel' no longer "
          "at it");
    INFO((document.problems().empty() ? std::string() : document.problems()[0].to_string()));
    CHECK(document.problems().empty());
    const geo::Story& story = document.story();
    CHECK_FALSE(story.find_place("berlin"));
    CHECK(story.relations.empty());
    const geo::Route& route = story.routes.at(0);
    REQUIRE(route.waypoints.size() == 3);
    CHECK_FALSE(route.waypoints[0].place);
    CHECK(route.waypoints[0].lon == 13.3694);
    CHECK(route.waypoints[0].lat == 52.5251);
    CHECK(route.waypoints[0].name == "Berlin Hbf");
    CHECK(document.text().find(R"({"lon": 1.33694E1, "lat": 52.52510, "name": "Berlin Hbf", "_comment": "start"})") !=
          std::string::npos);
    CHECK(document.undo_description() == "Delete Berlin");
    REQUIRE(document.undo());
    CHECK(document.text() == read_file(copy.story_json));
}

TEST_CASE("deleting an excerpt removes it from relations and deletes slides captioned with it", "[edit]") {
    const Copy copy;
    geo::StoryDocument document = open(copy.folder);
    geo::NewSlide slide;
    slide.relations = {"trip"};
    slide.center_lon = 8;
    slide.center_lat = 50;
    slide.zoom = 3;
    REQUIRE(document.add_slide(slide).ok());
    REQUIRE(document.story().slides.size() == 1);
    const geo::EditResult deleted = document.delete_item(geo::ItemKind::excerpt, "quote-rail");
    REQUIRE(deleted.ok());
    CHECK(deleted.detail == "also: excerpt of relation 'trip', 1 slide(s) captioned with it");
    CHECK(document.problems().empty());
    CHECK(document.story().slides.empty());
    CHECK(document.story().relations.at(0).excerpts.empty());
}

TEST_CASE("save writes atomically with the umask's permissions; save_as copies the article", "[edit]") {
    const Copy copy;
    geo::StoryDocument document = open(copy.story_json);
    REQUIRE(document.set_source("Erfunden für den Test").ok());
    REQUIRE(document.save().ok());
    struct stat info {};
    REQUIRE(::stat(copy.story_json.c_str(), &info) == 0);
    const mode_t mask = ::umask(0);
    ::umask(mask);
    CHECK((info.st_mode & 0777U) == (0666U & ~static_cast<unsigned>(mask)));
    CHECK(read_file(copy.story_json).find("\"source\": \"Erfunden für den Test\",") != std::string::npos);

    const fs::path elsewhere = copy.temp / "copy" / "story.json";
    fs::create_directories(elsewhere.parent_path());
    REQUIRE(document.save_as(elsewhere).ok());
    CHECK(document.story_file() == elsewhere);
    CHECK(read_file(elsewhere) == read_file(copy.story_json));
    CHECK(read_file(elsewhere.parent_path() / "article.txt") == read_file(copy.folder / "article.txt"));
    CHECK(geo::StoryDocument::open(elsewhere).document.has_value());

    // A folder that does not exist: the save fails, says why, and nothing is written.
    const geo::DocumentSave failed = document.save_as(copy.temp / "missing" / "story.json");
    CHECK_FALSE(failed.ok());
    CHECK(failed.error.find("No such file or directory") != std::string::npos);
    CHECK(document.story_file() == elsewhere);
}

TEST_CASE("live reload takes the editor's own save as no change, and another save as one", "[edit][watch]") {
    const Copy copy;
    geo::StoryWatcher watcher(copy.folder);
    REQUIRE(watcher.story());
    geo::StoryDocument document = open(copy.folder);
    REQUIRE(document.move_place("paris", 2.35, 48.86).ok());

    watcher.expect_own_write(document.story_file(), document.text());
    REQUIRE(document.save().ok());
    CHECK_FALSE(watcher.poll());
    CHECK(watcher.load_count() == 1);
    CHECK(watcher.problems().empty());

    // The expectation is used up: the same bytes written again by someone else are a change like any other
    // (they are equal to what is there, so the content comparison finds nothing to reload).
    REQUIRE(document.move_place("paris", 2.36, 48.87).ok());
    diplomap::test::save_by_rename(copy.story_json, document.text());
    CHECK(watcher.poll());
    CHECK(watcher.load_count() == 2);
    CHECK(watcher.story()->places.at(1).lon == 2.36);
}

TEST_CASE("the watcher's thread passes the expectation on", "[edit][watch]") {
    const Copy copy;
    geo::StoryWatchThread watcher(copy.folder, 10ms);
    geo::StoryDocument document = open(copy.folder);
    REQUIRE(document.move_place("paris", 2.35, 48.86).ok());
    watcher.expect_own_write(document.story_file(), document.text());
    REQUIRE(document.save().ok());
    // Then a change by someone else, which the thread must load: by then it has polled the own save too.
    std::this_thread::sleep_for(100ms);
    diplomap::test::save_by_rename(copy.story_json, read_file(fixture / "story.json"));
    const auto give_up = std::chrono::steady_clock::now() + 20s;
    while (!watcher.take_changes() && std::chrono::steady_clock::now() < give_up) std::this_thread::sleep_for(5ms);
    // One load at the start, one for the other save; the own save loaded nothing.
    CHECK(watcher.load_count() == 2);
    CHECK(watcher.story()->places.at(1).lon == 2.3592);
}

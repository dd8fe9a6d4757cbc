// `diplomap edit` in a window under the test display, driven as an author drives it: the pointer scripted at
// frames (--test-mouse: moves to window points, to a place's marker, to a byte of the article's text or to a named
// control, presses and releases, typed text) and keys with their modifiers (--test-keys, Ctrl+z). What the editing
// did is read back from the story file it saved, byte for byte.
#include <catch2/catch.hpp>

#include <SDL.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>

#include "test_support.hpp"

using namespace diplomap;

namespace {

const std::filesystem::path kBundled =
    std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets" / "stories" / "kim-train-2023";

// The article's sentence "Doch wo und wann das genau passiert, bleibt bislang ungewiss.", which the story does not
// quote: bytes [413, 474) of article.de.txt.
constexpr const char* kSession =
    // Add a place from the gazetteer's type-ahead: click the field, type, Enter (in the keys) picks the first match.
    "10:move@ui:add-place 11:down 12:up 14:type=Busa "
    // Select the sentence in the article's text by dragging over it, then make it an excerpt.
    "20:move@text:413 21:down 23:move@text:450 24:move@text:474 25:up 27:move@ui:make-excerpt 28:down 29:up "
    // Drag the new marker a little to the north-east: a move.
    "32:move@place:busan 33:down 34:move@+10,-5 35:move@+30,-15 36:up "
    // Drag it onto Vladivostok: a relation (the popup's Enter, in the keys, accepts it with the new excerpt).
    "40:move@place:busan 41:down 43:move@place:vladivostok 44:move@+1,0 45:up";
constexpr const char* kSessionKeys = "18:Return 48:Return ";
constexpr const char* kUndoAll = "52:Ctrl+z 54:Ctrl+z 56:Ctrl+z 58:Ctrl+z ";
constexpr const char* kRedoAll = "60:Ctrl+Shift+z 62:Ctrl+Shift+z 64:Ctrl+y 66:Ctrl+Shift+z ";

std::string read(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t read_json_size(const std::filesystem::path& story, const char* list) {
    return nlohmann::json::parse(read(story / "story.json"))[list].size();
}

// Where two files part, as "line N: A | B", for a failure message that shows the difference rather than both files.
std::string first_difference(const std::string& a, const std::string& b) {
    std::istringstream in_a(a), in_b(b);
    std::string line_a, line_b;
    for (int line = 1;; ++line) {
        const bool more_a = static_cast<bool>(std::getline(in_a, line_a));
        const bool more_b = static_cast<bool>(std::getline(in_b, line_b));
        if (!more_a && !more_b) return "no difference";
        if (line_a != line_b || more_a != more_b)
            return "line " + std::to_string(line) + ": " + (more_a ? line_a : "(end)") + " | " +
                   (more_b ? line_b : "(end)");
    }
}

bool have_display() {
    if (std::getenv("DISPLAY")) return true;
    WARN("no DISPLAY: run the tests under xvfb-run -a, as ctest does");
    return false;
}

struct Edited {
    test::CommandResult run;
    nlohmann::json report;  // empty when the run ended before its last frame
};

// Copies the bundled story into `dir`/story and edits it there for `frames` frames.
Edited edit(const test::TempDir& dir, int frames, const std::string& mouse, const std::string& keys,
            const std::string& subcommand = "edit") {
    const std::filesystem::path story = dir / "story";
    std::filesystem::remove_all(story);
    std::filesystem::create_directories(story);
    for (const auto& entry : std::filesystem::directory_iterator(kBundled))
        std::filesystem::copy_file(entry.path(), story / entry.path().filename());
    const std::filesystem::path report = dir / "report.json";
    std::filesystem::remove(report);
    const std::string command = "env XDG_CONFIG_HOME='" + dir.path().string() + "' HOME='" + dir.path().string() +
                                "' " + std::string(DIPLOMAP_EXECUTABLE) + " " + subcommand + " '" + story.string() +
                                "' --window-size 1600x900 --quit-after-frames " + std::to_string(frames) +
                                " --test-clock-step 0.05 --test-report '" + report.string() + "' --test-mouse '" +
                                mouse + "' --test-keys '" + keys + "'";
    Edited edited{test::run_command(command), {}};
    INFO(command);
    INFO(edited.run.output);
    REQUIRE(edited.run.exit_code == 0);
    if (std::ifstream in(report); in.good()) edited.report = nlohmann::json::parse(in);
    return edited;
}

bool drew(const nlohmann::json& report, const std::string& text) {
    for (const auto& s : report["strings"])
        if (s == text) return true;
    return false;
}

}  // namespace

TEST_CASE("an editing session by mouse and keys, undone and redone, saves the expected file", "[edit][window]") {
    if (!have_display()) return;
    test::TempDir dir;
    const Edited edited = edit(dir, 80, kSession, std::string(kSessionKeys) + kUndoAll + kRedoAll + "70:Ctrl+s");
    CHECK(edited.report["mode"] == "edit");
    const std::string saved = read(dir / "story" / "story.json");
    const std::string expected = read(std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "tests" / "data" / "stories" /
                                      "edit-session" / "expected-story.json");
    REQUIRE_FALSE(expected.empty());
    INFO("saved | expected, " << first_difference(saved, expected));
    CHECK(saved == expected);
    // The editor's panel and the article's text leave the map its own part of the window.
    const auto& free = edited.report["free"];
    CHECK(free[0].get<double>() > 200);
    CHECK(free[2].get<double>() < 1400);
}

// Hidden from the parallel run ([.]): tests/CMakeLists.txt runs it alone (RUN_SERIAL), since the pointer it moves is
// the X server's one pointer, which every window of the test display shares.
TEST_CASE("the X server's pointer moving during a scripted session changes nothing", "[.][edit][window][serial]") {
    if (!have_display()) return;
    // A hand on the mouse, or another test's window mapped over this one: real motion reaches the window while the
    // script drags markers. The script owns the pointer, so the saved file is the same to the byte.
    std::atomic<bool> editing{true};
    std::thread hand([&editing] {
        if (SDL_InitSubSystem(SDL_INIT_VIDEO) == 0) {
            for (int i = 0; editing.load(); ++i) {
                SDL_WarpMouseGlobal(200 + (i * 37) % 1200, 150 + (i * 53) % 700);
                SDL_Delay(5);
            }
            SDL_QuitSubSystem(SDL_INIT_VIDEO);
        }
        SDL_TLSCleanup();  // SDL's per-thread data of a thread it did not create
    });
    test::TempDir dir;
    const Edited edited = edit(dir, 80, kSession, std::string(kSessionKeys) + kUndoAll + kRedoAll + "70:Ctrl+s");
    editing = false;
    hand.join();
    const std::string saved = read(dir / "story" / "story.json");
    const std::string expected = read(std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "tests" / "data" / "stories" /
                                      "edit-session" / "expected-story.json");
    INFO("saved | expected, " << first_difference(saved, expected));
    CHECK(saved == expected);
}

TEST_CASE("an editing session undone to its start saves the original bytes", "[edit][window]") {
    if (!have_display()) return;
    test::TempDir dir;
    (void)edit(dir, 60, kSession, std::string(kSessionKeys) + kUndoAll + "59:Ctrl+s");
    CHECK(read(dir / "story" / "story.json") == read(kBundled / "story.json"));
}

TEST_CASE("quitting with unsaved edits asks first, without edits it quits at once", "[edit][window]") {
    if (!have_display()) return;
    test::TempDir dir;
    // No edits: Ctrl+Q ends the run long before its last frame, so no report is written.
    const Edited clean = edit(dir, 400, "", "10:Ctrl+q");
    CHECK(clean.report.is_null());
    // An edit, then Ctrl+Q: the window stays and asks; nothing is written to the story.
    const Edited dirty = edit(dir, 60, "10:move@ui:add-place 11:down 12:up 14:type=Busa", "18:Return 30:Ctrl+q");
    REQUIRE_FALSE(dirty.report.is_null());
    CHECK(drew(dirty.report, "Die Geschichte hat noch nicht gespeicherte Änderungen."));
    CHECK(read(dir / "story" / "story.json") == read(kBundled / "story.json"));
}

TEST_CASE("E enters editing from exploring and leaves it again", "[edit][window]") {
    if (!have_display()) return;
    test::TempDir dir;
    const Edited entered = edit(dir, 20, "", "10:e", "");
    CHECK(entered.report["mode"] == "edit");
    const Edited left = edit(dir, 30, "", "10:e 20:e", "");
    CHECK(left.report["mode"] == "explore");
}

TEST_CASE("a click on the empty map adds a place by hand, R draws a route, Delete removes, a slide from the view",
          "[edit][window]") {
    if (!have_display()) return;
    test::TempDir dir;
    const std::string mouse =
        // A click on the sea east of Korea asks for a name there.
        "10:move@1000,700 11:down 12:up 14:type=Ulleungdo "
        // The route tool: two clicks on places, Enter finishes.
        "22:move@place:seoul 23:down 24:up 26:move@place:pyongyang 27:down 28:up "
        // Select Tumangang-Khasan and delete it (with what depends on it), then select Seoul for a slide.
        "34:move@place:tumangang-khasan 35:down 36:up 40:move@place:seoul 41:down 42:up "
        "44:move@ui:add-slide 45:down 46:up";
    const Edited edited = edit(dir, 56, mouse, "16:Return 20:r 30:Return 32:r 38:Delete 50:Ctrl+s");
    const nlohmann::json story = nlohmann::json::parse(read(dir / "story" / "story.json"));
    const auto find = [&](const char* list, const std::string& id) -> const nlohmann::json* {
        for (const auto& item : story[list])
            if (item["id"] == id) return &item;
        return nullptr;
    };
    const nlohmann::json* hand = find("places", "ulleungdo");
    REQUIRE(hand != nullptr);
    CHECK((*hand)["names"]["de"] == "Ulleungdo");
    CHECK((*hand)["source"].get<std::string>().find("by hand") != std::string::npos);
    // Where the click was: the sea between Korea and Japan.
    CHECK((*hand)["lon"].get<double>() > 129.5);
    CHECK((*hand)["lon"].get<double>() < 136.0);
    CHECK((*hand)["lat"].get<double>() > 33.0);
    CHECK((*hand)["lat"].get<double>() < 39.5);

    const nlohmann::json& route = story["routes"].back();
    REQUIRE(route["waypoints"].size() == 2);
    CHECK(route["waypoints"][0]["place"] == "seoul");
    CHECK(route["waypoints"][1]["place"] == "pyongyang");
    CHECK(story["routes"].size() == read_json_size(kBundled, "routes") + 1);

    CHECK(find("places", "tumangang-khasan") == nullptr);
    const nlohmann::json& slide = story["slides"].back();
    CHECK(slide["highlight"]["places"] == nlohmann::json::array({"seoul"}));
    CHECK(story["slides"].size() == read_json_size(kBundled, "slides") + 1);
    CHECK(edited.report["mode"] == "edit");
}

// The first frames of the viewer on the bundled story, as a new reader sees them on a 1920x1080 and a 1280x720
// screen with every panel open, read back from the viewer's test report: every main place is on the map, inside
// the part the panels leave free, with its marker and label, or shown by an edge indicator with its name; and a
// German frame draws no interface string that only English writes so.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <set>

#include "bundled_story.hpp"
#include "test_support.hpp"

#include "app/style/translations.hpp"

using namespace diplomap;

namespace {

nlohmann::json first_frames(const test::TempDir& dir, const std::string& size, const std::string& keys = "") {
    const std::filesystem::path report = dir / ("report-" + size + ".json");
    const std::string story =
        (std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets" / "stories" / "kim-train-2023").string();
    const std::string command = "env XDG_CONFIG_HOME='" + dir.path().string() + "' " +
                                std::string(DIPLOMAP_EXECUTABLE) + " '" + story + "' --window-size " + size +
                                " --quit-after-frames 12 --test-clock-step 0.05 --test-report " + report.string() +
                                (keys.empty() ? "" : " --test-keys '" + keys + "'");
    const auto result = test::run_command(command);
    INFO(command << '\n' << result.output);
    REQUIRE(result.exit_code == 0);
    std::ifstream in(report);
    REQUIRE(in.good());
    return nlohmann::json::parse(in);
}

bool inside(const nlohmann::json& box, const nlohmann::json& free) {
    return box[0].get<double>() >= free[0].get<double>() - 0.5 && box[1].get<double>() >= free[1].get<double>() - 0.5 &&
           box[2].get<double>() <= free[2].get<double>() + 0.5 && box[3].get<double>() <= free[3].get<double>() + 0.5;
}

const nlohmann::json* find_id(const nlohmann::json& list, const std::string& id) {
    for (const nlohmann::json& entry : list)
        if (entry["id"] == id) return &entry;
    return nullptr;
}

}  // namespace

TEST_CASE("the first frame shows every main place labelled in the free area, or points to it", "[ui][window][first]") {
    if (!std::getenv("DISPLAY")) {
        WARN("no DISPLAY: run the tests under xvfb-run -a, as ctest does");
        return;
    }
    test::TempDir dir;
    const geo::Story& story = test::bundled_story();
    for (const std::string size : {"1920x1080", "1280x720"}) {
        INFO("window " << size);
        const nlohmann::json report = first_frames(dir, size);
        const nlohmann::json& free = report["free"];
        // The panels leave the map most of the window's middle.
        CHECK(free[2].get<double>() - free[0].get<double>() > 0.35 * report["window"][0].get<double>());
        CHECK(free[3].get<double>() - free[1].get<double>() > 0.45 * report["window"][1].get<double>());
        int on_map = 0;
        for (const geo::Place& place : story.places) {
            if (!place.main) continue;
            INFO("place " << place.id);
            const nlohmann::json* marker = find_id(report["markers"], place.id);
            const nlohmann::json* label = find_id(report["labels"], place.id);
            const nlohmann::json* indicator = find_id(report["indicators"], place.id);
            const bool shown = marker && inside((*marker)["box"], free);
            if (shown) {
                ++on_map;
                REQUIRE(label);
                CHECK(inside((*label)["box"], free));
                CHECK_FALSE(indicator);
            } else {
                REQUIRE(indicator);
                CHECK(inside((*indicator)["box"], free));
            }
        }
        // The story's heart is on the map, not only pointed at.
        CHECK(on_map >= 2);
    }
}

TEST_CASE("a German frame draws no English-only interface string, and L switches every word", "[ui][window][first]") {
    if (!std::getenv("DISPLAY")) {
        WARN("no DISPLAY: run the tests under xvfb-run -a, as ctest does");
        return;
    }
    test::TempDir dir;
    // Interface strings that English writes differently from German (Export, Zoom, Original are spelled alike).
    std::size_t count_en = 0;
    const TextEntry* english = english_texts(count_en);
    std::set<std::string> english_only;
    for (std::size_t i = 0; i < count_en; ++i) {
        const std::string en = english[i].text;
        if (en != tr(english[i].key, UiLanguage::de)) english_only.insert(en);
    }
    REQUIRE(english_only.size() > 50);

    const nlohmann::json german = first_frames(dir, "1920x1080");
    CHECK(german["language"] == "de");
    REQUIRE(german["strings"].size() > 20);
    for (const nlohmann::json& s : german["strings"]) {
        INFO("drawn: " << s.get<std::string>());
        CHECK(english_only.count(s.get<std::string>()) == 0);
    }
    const nlohmann::json english_frame = first_frames(dir, "1920x1080", "3:l");
    CHECK(english_frame["language"] == "en");
    std::size_t english_strings = 0;
    for (const nlohmann::json& s : english_frame["strings"])
        english_strings += english_only.count(s.get<std::string>());
    CHECK(english_strings > 10);
}

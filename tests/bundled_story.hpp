#pragma once
// The bundled story, loaded once per test binary: every test that needs real data reads the same one, and a story
// that stops loading fails with its problems listed rather than with a null dereference.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "geo/story/story_loader.hpp"

namespace diplomap::test {

inline std::filesystem::path assets_folder() {
    if (const char* env = std::getenv("DIPLOMAP_ASSETS"); env && *env) return env;
    return std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets";
}

inline const geo::Story& bundled_story() {
    static const geo::Story story = [] {
        geo::StoryLoad load = geo::load_story(assets_folder() / "stories" / "kim-train-2023");
        std::string problems;
        for (const geo::Diagnostic& problem : load.problems) problems += problem.to_string() + "\n";
        if (!load.story) FAIL("the bundled story does not load:\n" << problems);
        return std::move(*load.story);
    }();
    return story;
}

}  // namespace diplomap::test

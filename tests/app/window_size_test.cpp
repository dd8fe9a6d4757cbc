// The window's first size: most of the usable screen, or what was remembered, never more than the screen; and a
// real window (under the test display) opened at that size.
#include <catch2/catch.hpp>

#include <SDL.h>

#include <memory>
#include <string>

#include "app/platform/sdl_window.hpp"
#include "app/platform/window_size.hpp"

using namespace diplomap;

TEST_CASE("the window opens at most of the usable screen when nothing is remembered", "[ui][window-size]") {
    // A 1920x1080 screen with a 40-point panel at the top.
    CHECK(initial_window_size({0, 40, 1920, 1040}, std::nullopt) == WindowSize{1728, 936});
    CHECK(initial_window_size({1920, 0, 1280, 720}, std::nullopt) == WindowSize{1152, 648});
    CHECK(initial_window_size({0, 0, 3840, 2160}, std::nullopt) == WindowSize{3456, 1944});
}

TEST_CASE("a remembered size is used, but never larger than the screen it opens on", "[ui][window-size]") {
    CHECK(initial_window_size({0, 0, 1920, 1040}, WindowSize{1400, 900}) == WindowSize{1400, 900});
    // Remembered on a large monitor, opened on a laptop.
    CHECK(initial_window_size({0, 0, 1366, 728}, WindowSize{2500, 1400}) == WindowSize{1366, 728});
    CHECK(initial_window_size({0, 0, 1366, 728}, WindowSize{1000, 1400}) == WindowSize{1000, 728});
    // A size that was never set (or a broken settings file) counts as nothing remembered.
    CHECK(initial_window_size({0, 0, 1000, 1000}, WindowSize{0, 700}) == WindowSize{900, 900});
    CHECK(initial_window_size({0, 0, 1000, 1000}, WindowSize{-5, -5}) == WindowSize{900, 900});
}

TEST_CASE("the window keeps a usable minimum, except on a screen smaller than that", "[ui][window-size]") {
    CHECK(initial_window_size({0, 0, 1920, 1080}, WindowSize{200, 150}) == kMinimumWindowSize);
    CHECK(initial_window_size({0, 0, 820, 600}, std::nullopt) == WindowSize{800, 560});
    CHECK(initial_window_size({0, 0, 640, 480}, std::nullopt) == WindowSize{640, 480});
    CHECK(initial_window_size({0, 0, 640, 480}, WindowSize{1280, 800}) == WindowSize{640, 480});
}

TEST_CASE("with no usable area known the remembered size or the fallback is used", "[ui][window-size]") {
    CHECK(initial_window_size({}, std::nullopt) == WindowSize{1280, 800});
    CHECK(initial_window_size({0, 0, 0, 900}, std::nullopt, {1024, 768}) == WindowSize{1024, 768});
    CHECK(initial_window_size({}, WindowSize{1500, 1000}) == WindowSize{1500, 1000});
}

TEST_CASE("a window opened to fit the screen is as initial_window_size says", "[ui][window-size][window]") {
    if (!display_available()) {
        WARN("no display: run the tests under xvfb-run -a, as ctest does");
        return;
    }
    auto created = SdlWindow::create_fitting("diplomap window size test", std::nullopt);
    if (auto* error = std::get_if<std::string>(&created)) FAIL(*error);
    const SdlWindow& window = *std::get<std::unique_ptr<SdlWindow>>(created);
    // The test display (ctest: xvfb-run with a 1920x1080 screen, no task bar) is all usable.
    SDL_Rect usable{};
    REQUIRE(SDL_GetDisplayUsableBounds(0, &usable) == 0);
    const WindowSize expected = initial_window_size({usable.x, usable.y, usable.w, usable.h}, std::nullopt);
    CHECK(window.size() == expected);
    CHECK(window.size().width <= usable.w);
    CHECK(window.size().height <= usable.h);
    CHECK(window.size().width >= usable.w * 8 / 10);
}

TEST_CASE("a remembered size larger than the screen opens no larger than the screen", "[ui][window-size][window]") {
    if (!display_available()) {
        WARN("no display: run the tests under xvfb-run -a, as ctest does");
        return;
    }
    auto created = SdlWindow::create_fitting("diplomap window size test", WindowSize{9000, 7000});
    if (auto* error = std::get_if<std::string>(&created)) FAIL(*error);
    const SdlWindow& window = *std::get<std::unique_ptr<SdlWindow>>(created);
    SDL_Rect usable{};
    REQUIRE(SDL_GetDisplayUsableBounds(0, &usable) == 0);
    CHECK(window.size() == WindowSize{usable.w, usable.h});
}

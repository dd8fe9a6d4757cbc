// F12's folder: $XDG_PICTURES_DIR, then user-dirs.dirs under the XDG config home, then ~/Pictures; and names that
// never replace a picture taken in the same second.
#include <catch2/catch.hpp>

#include <fstream>

#include "app/platform/pictures_folder.hpp"
#include "test_support.hpp"

using namespace diplomap;

TEST_CASE("XDG_PICTURES_DIR in user-dirs.dirs, with $HOME expanded and the last assignment winning", "[pictures]") {
    const std::string text =
        "# This file is written by xdg-user-dirs-update\n"
        "XDG_DESKTOP_DIR=\"$HOME/Schreibtisch\"\n"
        "XDG_PICTURES_DIR=\"$HOME/Bilder\"\n";
    CHECK(pictures_dir_from_user_dirs(text, "/home/anna") == std::filesystem::path("/home/anna/Bilder"));
    CHECK(pictures_dir_from_user_dirs(text + "XDG_PICTURES_DIR=\"/srv/fotos/\"\n", "/home/anna") ==
          std::filesystem::path("/srv/fotos/"));
    CHECK(pictures_dir_from_user_dirs("  XDG_PICTURES_DIR = \"$HOME/Pictures\"\r\n", "/h") ==
          std::filesystem::path("/h/Pictures"));
    // Commented out, relative, another key, or $HOME without a home: not a folder.
    CHECK_FALSE(pictures_dir_from_user_dirs("#XDG_PICTURES_DIR=\"$HOME/Bilder\"\n", "/h"));
    CHECK_FALSE(pictures_dir_from_user_dirs("XDG_PICTURES_DIR=\"Bilder\"\n", "/h"));
    CHECK_FALSE(pictures_dir_from_user_dirs("XDG_PICTURES_DIRS=\"/x\"\n", "/h"));
    CHECK_FALSE(pictures_dir_from_user_dirs("XDG_PICTURES_DIR=\"$HOME/Bilder\"\n", ""));
    CHECK_FALSE(pictures_dir_from_user_dirs("", "/h"));
}

TEST_CASE("the pictures folder: the variable, then user-dirs.dirs, then ~/Pictures", "[pictures]") {
    test::TempDir dir;
    const std::string home = (dir / "home").string();
    PicturesEnvironment env{std::nullopt, std::nullopt, home};
    CHECK(pictures_folder(env) == std::filesystem::path(home) / "Pictures");

    // ~/.config/user-dirs.dirs when XDG_CONFIG_HOME is unset.
    std::filesystem::create_directories(dir / "home" / ".config");
    std::ofstream(dir / "home" / ".config" / "user-dirs.dirs") << "XDG_PICTURES_DIR=\"$HOME/Bilder\"\n";
    CHECK(pictures_folder(env) == std::filesystem::path(home) / "Bilder");

    // XDG_CONFIG_HOME moves the file; there it has none, so back to ~/Pictures.
    std::filesystem::create_directories(dir / "config");
    env.xdg_config_home = (dir / "config").string();
    CHECK(pictures_folder(env) == std::filesystem::path(home) / "Pictures");
    std::ofstream(dir / "config" / "user-dirs.dirs") << "XDG_PICTURES_DIR=\"$HOME/Fotos\"\n";
    CHECK(pictures_folder(env) == std::filesystem::path(home) / "Fotos");

    // The variable wins over both; a relative one is ignored, as the XDG rules say.
    env.xdg_pictures_dir = (dir / "shots").string();
    CHECK(pictures_folder(env) == dir / "shots");
    env.xdg_pictures_dir = "shots";
    CHECK(pictures_folder(env) == std::filesystem::path(home) / "Fotos");

    // No home at all: the current folder rather than a path under "/".
    CHECK(pictures_folder(PicturesEnvironment{}) == std::filesystem::path("."));
}

TEST_CASE("picture names carry the time and never replace a file", "[pictures]") {
    test::TempDir dir;
    std::tm noon{};
    noon.tm_year = 2026 - 1900;
    noon.tm_mon = 11;
    noon.tm_mday = 2;
    noon.tm_hour = 10;
    noon.tm_min = 15;
    noon.tm_sec = 30;
    noon.tm_isdst = -1;
    const std::time_t when = std::mktime(&noon);
    const std::filesystem::path first = unused_picture_name(dir.path(), when);
    CHECK(first == dir / "diplomap-2026-12-02-101530.png");
    std::ofstream(first) << "x";
    const std::filesystem::path second = unused_picture_name(dir.path(), when);
    CHECK(second == dir / "diplomap-2026-12-02-101530-2.png");
    std::ofstream(second) << "x";
    CHECK(unused_picture_name(dir.path(), when) == dir / "diplomap-2026-12-02-101530-3.png");
    CHECK(unused_picture_name(dir.path(), when, ".tif") == dir / "diplomap-2026-12-02-101530.tif");
}

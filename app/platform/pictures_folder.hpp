#pragma once
// Where F12 puts pictures: the XDG pictures folder, as desktop file managers find it, and a name there that replaces
// nothing. No SDL and no GL: the lookup is plain text and environment, testable without a display.
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace diplomap {

// What the lookup reads, so tests can give their own (and never touch the real home).
struct PicturesEnvironment {
    std::optional<std::string> xdg_pictures_dir;  // $XDG_PICTURES_DIR
    std::optional<std::string> xdg_config_home;   // $XDG_CONFIG_HOME
    std::optional<std::string> home;              // $HOME
};

// The process's own environment.
PicturesEnvironment pictures_environment();

// $XDG_PICTURES_DIR when absolute, else XDG_PICTURES_DIR from ${XDG_CONFIG_HOME:-~/.config}/user-dirs.dirs (the
// file xdg-user-dirs writes, with "$HOME/..." expanded), else ~/Pictures; the current folder when there is no home.
// Not created here: see unused_picture_name().
std::filesystem::path pictures_folder(const PicturesEnvironment& environment);

// XDG_PICTURES_DIR's value in the text of a user-dirs.dirs file ("$HOME/Bilder" with $HOME expanded), if set there
// to an absolute path or one under $HOME.
std::optional<std::filesystem::path> pictures_dir_from_user_dirs(std::string_view text, const std::string& home);

// "diplomap-2026-12-02-101530.png" for `when` in local time; when that file exists, "...-101530-2.png", "-3" and so
// on: the first name in `folder` that is free. `extension` with its dot.
std::filesystem::path unused_picture_name(const std::filesystem::path& folder, std::time_t when,
                                          std::string_view extension = ".png");

}  // namespace diplomap

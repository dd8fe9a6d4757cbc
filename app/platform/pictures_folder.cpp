#include "app/platform/pictures_folder.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace diplomap {
namespace {

std::optional<std::string> variable(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

}  // namespace

PicturesEnvironment pictures_environment() {
    return {variable("XDG_PICTURES_DIR"), variable("XDG_CONFIG_HOME"), variable("HOME")};
}

std::optional<std::filesystem::path> pictures_dir_from_user_dirs(std::string_view text, const std::string& home) {
    std::optional<std::filesystem::path> found;
    std::istringstream lines{std::string(text)};
    std::string line;
    // The last assignment wins, as when the shell sources the file.
    while (std::getline(lines, line)) {
        std::string_view l = trimmed(line);
        if (l.empty() || l.front() == '#' || !l.starts_with("XDG_PICTURES_DIR")) continue;
        l = trimmed(l.substr(std::string_view("XDG_PICTURES_DIR").size()));
        if (l.empty() || l.front() != '=') continue;
        l = trimmed(l.substr(1));
        if (l.size() >= 2 && l.front() == '"' && l.back() == '"') l = l.substr(1, l.size() - 2);
        std::string value;
        if (l.starts_with("$HOME")) {
            if (home.empty()) continue;
            value = home + std::string(l.substr(5));
        } else {
            value = std::string(l);
        }
        if (value.empty() || value.front() != '/') continue;  // the format allows only $HOME/... or absolute paths
        // "$HOME/" alone means the desktop has no pictures folder of its own: pictures would land in the home.
        found = std::filesystem::path(value).lexically_normal();
    }
    return found;
}

std::filesystem::path pictures_folder(const PicturesEnvironment& environment) {
    if (environment.xdg_pictures_dir && environment.xdg_pictures_dir->front() == '/')
        return *environment.xdg_pictures_dir;
    const std::string home = environment.home.value_or("");
    std::filesystem::path config;
    if (environment.xdg_config_home && environment.xdg_config_home->front() == '/')
        config = *environment.xdg_config_home;
    else if (!home.empty())
        config = std::filesystem::path(home) / ".config";
    if (!config.empty()) {
        std::ifstream in(config / "user-dirs.dirs");
        if (in) {
            std::ostringstream text;
            text << in.rdbuf();
            if (auto folder = pictures_dir_from_user_dirs(text.str(), home)) return *folder;
        }
    }
    if (!home.empty()) return std::filesystem::path(home) / "Pictures";
    return ".";
}

std::filesystem::path unused_picture_name(const std::filesystem::path& folder, std::time_t when,
                                          std::string_view extension) {
    std::tm local{};
    localtime_r(&when, &local);
    char stem[64];
    std::strftime(stem, sizeof stem, "diplomap-%Y-%m-%d-%H%M%S", &local);
    std::error_code ec;
    std::filesystem::path name = folder / (std::string(stem) + std::string(extension));
    for (int n = 2; std::filesystem::exists(name, ec); ++n)
        name = folder / (std::string(stem) + "-" + std::to_string(n) + std::string(extension));
    return name;
}

}  // namespace diplomap

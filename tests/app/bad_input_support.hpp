#pragma once
// Helpers of the bad-input catalogue (tests/app/bad_*_test.cpp, docs/trust.md): running the real program in a
// folder of its own, reading its output line by line, and checking that nothing at all was left behind.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "../test_files.hpp"
#include "test_support.hpp"

namespace diplomap::test {

inline std::string shell_quote(std::string_view text) {
    std::string quoted = "'";
    for (const char c : text) {
        if (c == '\'') {
            quoted += "'\\''";
        } else {
            quoted += c;
        }
    }
    return quoted + "'";
}

inline std::string quoted(const std::filesystem::path& path) { return shell_quote(path.string()); }

// Runs diplomap with `arguments` (already shell-quoted) in `folder`, with no display, after the shell commands
// `setup` (e.g. "ulimit -f 16;") and under `wrapper` (e.g. "timeout 5"). Output is stdout and stderr together.
inline CommandResult run_diplomap_in(const std::filesystem::path& folder, const std::string& arguments,
                                     const std::string& setup = "", const std::string& wrapper = "") {
    return run_command("cd " + quoted(folder) + " && " + setup + " exec " + wrapper +
                       " env -u DISPLAY -u WAYLAND_DISPLAY " + std::string(DIPLOMAP_EXECUTABLE) + " " + arguments);
}

inline std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t begin = 0;
    while (begin < text.size()) {
        const std::size_t end = std::min(text.find('\n', begin), text.size());
        lines.emplace_back(text.substr(begin, end - begin));
        begin = end + 1;
    }
    return lines;
}

// Every entry below `folder`, hidden temporary files included, as paths relative to it.
inline std::vector<std::string> entries_below(const std::filesystem::path& folder) {
    std::vector<std::string> entries;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(folder, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
        entries.push_back(std::filesystem::relative(it->path(), folder).string());
    std::sort(entries.begin(), entries.end());
    return entries;
}

inline std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// A run refused with exit status `status` and exactly one line of output, `message`: the checks each bad-input
// case makes of a refusal.
inline void check_refused(const CommandResult& result, int status, const std::string& message) {
    CHECK(result.exit_code == status);
    CHECK(result.output == message + "\n");
}

// `diplomap check` and `diplomap export` of `story` (already shell-quoted), run in `dir`, both exit 1 printing
// exactly `report` (problems and count), and the export leaves `out` (a folder under `dir`) empty.
inline void check_and_export_refuse(const std::filesystem::path& dir, const std::string& story,
                                    const std::string& report, const std::filesystem::path& out) {
    const auto check = run_diplomap_in(dir, "check " + story);
    CHECK(check.exit_code == 1);
    CHECK(check.output == report);
    std::filesystem::create_directories(out);
    const auto exported = run_diplomap_in(dir, "export --size 64x64 --out " + quoted(out / "map.png") + " " + story);
    CHECK(exported.exit_code == 1);
    CHECK(exported.output == report);
    CHECK(entries_below(out).empty());
}

// Root reads and writes through file permissions, so permission cases need another way in (a read-only mount).
inline bool running_as_root() { return ::geteuid() == 0; }

}  // namespace diplomap::test

#pragma once
// Shared helpers of the program tests: temporary folders, running the real executable, reading images back.
#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <string>

#include "../temp_dir.hpp"

namespace diplomap::test {

struct CommandResult {
    int exit_code = -1;
    std::string output;  // stdout and stderr together
};

// Runs a shell command line and collects stdout and stderr together with the exit code.
inline CommandResult run_command(const std::string& command) {
    CommandResult result;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return result;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) result.output.append(buffer, n);
    const int status = ::pclose(pipe);
    // A process killed by a signal reads as the shell would report it: 128 + the signal.
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

// Runs the built diplomap with `arguments` (already shell-quoted) and no display.
inline CommandResult run_diplomap(const std::string& arguments) {
    return run_command("env -u DISPLAY -u WAYLAND_DISPLAY " + std::string(DIPLOMAP_EXECUTABLE) + " " + arguments);
}

inline std::size_t files_in(const std::filesystem::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace diplomap::test

#pragma once
// How a fuzz input becomes a call, shared by the libFuzzer targets and by the regression tests of the normal suite
// (tests/unit/bad_fuzz_regressions_test.cpp, tests/app/bad_fuzz_cli_test.cpp), so that a saved crash replays
// exactly as the fuzzer found it. Each function returns an empty string when the result is consistent, or what is
// wrong with it.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace diplomap::fuzz {

// story.json, a NUL byte, the article; without a NUL byte the whole input is the story and the article is empty.
struct StoryInput {
    std::string_view json;
    std::string_view article;
};

inline StoryInput split_story_input(std::string_view data) {
    const std::size_t nul = data.find('\0');
    if (nul == std::string_view::npos) return {data, {}};
    return {data.substr(0, nul), data.substr(nul + 1)};
}

// Arguments separated by NUL bytes, after the program name; at most 64, as no real command line needs more. No
// bytes at all is no argument at all.
inline std::vector<std::string> split_arguments(std::string_view data) {
    std::vector<std::string> arguments{"diplomap"};
    if (data.empty()) return arguments;
    std::size_t begin = 0;
    while (begin <= data.size() && arguments.size() <= 64) {
        const std::size_t end = std::min(data.find('\0', begin), data.size());
        arguments.emplace_back(data.substr(begin, end - begin));
        begin = end + 1;
    }
    return arguments;
}

}  // namespace diplomap::fuzz

// libFuzzer target: the story loader and validator on arbitrary story.json and article bytes
// (tools/fuzz.sh, docs/trust.md). Besides crashes and sanitizer reports, it stops on inconsistent results.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz_inputs.hpp"
#include "geo/story/story_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto input = diplomap::fuzz::split_story_input(std::string_view(reinterpret_cast<const char*>(data), size));
    const geo::StoryLoad load = geo::load_story_from_text(input.json, input.article, "fuzz/story.json");
    // A story comes back exactly when there is no problem, and every problem says where it is.
    if (load.story.has_value() != load.problems.empty()) {
        std::fprintf(stderr, "story and problems disagree\n");
        std::abort();
    }
    for (const geo::Diagnostic& problem : load.problems) {
        if (problem.message.empty() || problem.line < 0 || problem.column < 0 || problem.file.empty()) {
            std::fprintf(stderr, "problem without message or place: %s\n", problem.to_string().c_str());
            std::abort();
        }
    }
    return 0;
}

// libFuzzer target: the story loader and validator on arbitrary story.json and article bytes
// (tools/fuzz.sh, docs/trust.md). Besides crashes and sanitizer reports, it stops on inconsistent results.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_inputs.hpp"
#include "geo/edit/json_canonical.hpp"
#include "geo/edit/story_document.hpp"
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
    // A story that loads opens for editing: its canonical text reads without problems, and writing that text's
    // tree again changes no byte (the style is a fixed point, so a load and save of a saved story is a no-op).
    if (load.story) {
        const geo::DocumentOpen opened =
            geo::StoryDocument::from_text(input.json, std::string(input.article), "fuzz/story.json");
        if (!opened.document) {
            std::fprintf(stderr, "a story that loads does not open for editing: %s\n",
                         opened.problems.empty() ? "" : opened.problems[0].to_string().c_str());
            std::abort();
        }
        const std::string& text = opened.document->text();
        const geo::JsonParse again = geo::parse_json_with_positions(text, "fuzz/story.json");
        if (!again.root || geo::write_canonical_json(*again.root) != text) {
            std::fprintf(stderr, "the canonical style is not a fixed point\n");
            std::abort();
        }
    }
    return 0;
}

// libFuzzer target: the command-line parser alone (parse_cli runs nothing), on NUL-separated arguments
// (tools/fuzz.sh, docs/trust.md). Besides crashes and sanitizer reports, it stops on inconsistent results.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "app/cli/command_line.hpp"
#include "fuzz_inputs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto arguments = diplomap::fuzz::split_arguments(std::string_view(reinterpret_cast<const char*>(data), size));
    std::vector<const char*> argv;
    argv.reserve(arguments.size());
    for (const std::string& argument : arguments) argv.push_back(argument.c_str());
    const diplomap::CliParse parsed = diplomap::parse_cli(static_cast<int>(argv.size()), argv.data());
    // Either a command, or help/version (0, text on stdout), or bad arguments (2, a message on stderr).
    const bool consistent = parsed.command
                                ? parsed.err.empty()
                                : (parsed.exit_code == 0 && !parsed.out.empty() && parsed.err.empty()) ||
                                      (parsed.exit_code == diplomap::kExitBadArguments && !parsed.err.empty());
    if (!consistent) {
        std::fprintf(stderr, "inconsistent parse: exit %d, out '%s', err '%s'\n", parsed.exit_code, parsed.out.c_str(),
                     parsed.err.c_str());
        std::abort();
    }
    return 0;
}

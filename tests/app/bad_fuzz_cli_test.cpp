// Every command line the parser fuzzer ever stopped on (tests/fuzz/regressions/cli) and its seed corpus, replayed
// through parse_cli with the fuzz target's own splitting and checks: a crash found once stays fixed.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "app/cli/command_line.hpp"
#include "fuzz/fuzz_inputs.hpp"
#include "test_files.hpp"

namespace fs = std::filesystem;

namespace {

void replay(const fs::path& file) {
    const std::string bytes = diplomap::test::read_file(file);
    const auto arguments = diplomap::fuzz::split_arguments(bytes);
    std::vector<const char*> argv;
    argv.reserve(arguments.size());
    for (const std::string& argument : arguments) argv.push_back(argument.c_str());
    const diplomap::CliParse parsed = diplomap::parse_cli(static_cast<int>(argv.size()), argv.data());
    if (parsed.command) {
        CHECK(parsed.err.empty());
    } else {
        CHECK((parsed.exit_code == 0 || parsed.exit_code == diplomap::kExitBadArguments));
        CHECK((parsed.exit_code == 0) == parsed.err.empty());
    }
}

}  // namespace

TEST_CASE("saved command-line fuzzer findings and seeds parse without crashing", "[cli][fuzz][bad-input]") {
    std::size_t replayed = 0;
    for (const char* folder : {"regressions/cli", "corpus/cli"}) {
        for (const fs::directory_entry& entry : fs::directory_iterator(fs::path(DIPLOMAP_FUZZ_DIR) / folder)) {
            if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
            INFO(entry.path().string());
            replay(entry.path());
            ++replayed;
        }
    }
    CHECK(replayed >= 15);
}

#pragma once
// `diplomap bench`: every performance figure the issues ask for, printed as one table.
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace diplomap {

struct BenchOptions {
    std::optional<std::filesystem::path> assets;
    int repeats = 5;
    // Runs one case alone in this process (the parent spawns it so that its peak memory is its own): "many-arcs".
    std::string only;
};

int run_bench(const BenchOptions& options, std::ostream& out, std::ostream& err);

}  // namespace diplomap

#pragma once
// `diplomap bench`: every performance figure the issues ask for, printed as one table.
#include <filesystem>
#include <iosfwd>
#include <optional>

namespace diplomap {

struct BenchOptions {
    std::optional<std::filesystem::path> assets;
    int repeats = 5;
};

int run_bench(const BenchOptions& options, std::ostream& out, std::ostream& err);

}  // namespace diplomap

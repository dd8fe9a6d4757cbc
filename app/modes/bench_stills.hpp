#pragma once
// The still-export figures of `diplomap bench`: whole processes of `diplomap export` at sizes up to 16384x16384
// with their peak memory, and side by side with GMT 6 drawing the same globe where GMT is installed.
#include <filesystem>
#include <string>
#include <vector>

namespace diplomap {

struct BenchFigure {
    std::string what, value, target;
};

std::vector<BenchFigure> bench_stills(const std::filesystem::path& assets, int repeats);

}  // namespace diplomap

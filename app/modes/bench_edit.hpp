#pragma once
// The editor's figures in `diplomap bench`: opening the bundled story for editing, one edit step (the story is read
// again after each), one undo, and an atomic save, each the median of several runs.
#include <filesystem>
#include <vector>

#include "app/modes/bench_stills.hpp"

namespace diplomap {

std::vector<BenchFigure> bench_edit(const std::filesystem::path& assets, int repeats);

}  // namespace diplomap

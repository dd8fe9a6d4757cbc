#include "app/modes/bench_edit.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

#include "geo/edit/story_document.hpp"

namespace diplomap {
namespace {

using Clock = std::chrono::steady_clock;

double median_ms(int runs, const std::function<void(int)>& run) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        run(i);
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

std::string ms(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f ms", value);
    return text;
}

}  // namespace

std::vector<BenchFigure> bench_edit(const std::filesystem::path& assets, int repeats) {
    namespace fs = std::filesystem;
    const fs::path story = assets / "stories" / "kim-train-2023";
    const fs::path folder = fs::temp_directory_path() / ("diplomap-bench-edit-" + std::to_string(::getpid()));
    std::error_code error;
    fs::remove_all(folder, error);
    fs::copy(story, folder, fs::copy_options::recursive, error);
    if (error) return {{"edit: copying the bundled story", "failed", ""}};

    std::optional<geo::StoryDocument> document;
    const double open =
        median_ms(std::max(repeats, 1), [&](int) { document = geo::StoryDocument::open(folder).document; });
    if (!document) return {{"edit: opening the bundled story", "failed", ""}};
    const int steps = std::max(repeats, 1) * 4;
    const double edit =
        median_ms(steps, [&](int i) { (void)document->move_place("pyongyang", 125.7 + 0.001 * i, 39.02); });
    const double undo = median_ms(steps, [&](int) { (void)document->undo(); });
    const double save = median_ms(std::max(repeats, 1), [&](int i) {
        (void)document->move_place("pyongyang", 125.8 + 0.001 * i, 39.02);
        (void)document->save();
    });
    fs::remove_all(folder, error);
    return {
        {"edit: open the bundled story for editing (median)", ms(open), "<= 100 ms"},
        {"edit: one edit step on it, story read again (median)", ms(edit), "<= 16 ms"},
        {"edit: one undo (median)", ms(undo), "<= 16 ms"},
        {"edit: an edit and an atomic save with fsync (median)", ms(save), "<= 100 ms"},
    };
}

}  // namespace diplomap

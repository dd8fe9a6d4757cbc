#pragma once
// Comparing a rendered image with an expected one, in the habits of MapLibre's render tests: a pixel differs when
// one of its channels is off by more than a threshold, and a case passes while the share of differing pixels stays
// under a limit. Failures leave actual.png and diff.png beside expected.png; UPDATE=1 rewrites expected.png.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>

#include "app/render/offscreen_target.hpp"

namespace diplomap::test {

struct ImageTolerance {
    // Counts of 255. Anti-aliased edges move by a few counts between Mesa versions; a wrong colour (land for sea,
    // a missing line) moves by 30 and more, since the basemap's tones are at least that far apart.
    int channel_threshold = 16;
    // Share of all pixels that may differ: room for a hundred or so edge pixels that flip between Mesa versions,
    // while the faintest real change measured (the graticule left out of the zoomed globe) differs in 0.38%.
    double max_differing_share = 0.001;
};

struct ImageDifference {
    bool same_size = false;
    std::size_t differing = 0;  // pixels beyond the channel threshold
    std::size_t total = 0;
    // Differing pixels in red over a faded grey copy of the expected image, so that one sees where they are.
    RgbaImage diff;

    [[nodiscard]] double share() const {
        return total == 0 ? 1.0 : static_cast<double>(differing) / static_cast<double>(total);
    }
    [[nodiscard]] bool within(const ImageTolerance& tolerance) const {
        return same_size && share() <= tolerance.max_differing_share;
    }
};

ImageDifference compare_images(const RgbaImage& expected, const RgbaImage& actual, int channel_threshold);

// RGBA from a PNG (grey, grey+alpha and RGB are widened); the error names the file.
std::variant<RgbaImage, std::string> read_png(const std::filesystem::path& file);
std::optional<std::string> write_png(const std::filesystem::path& file, const RgbaImage& image);

struct ExpectedImageResult {
    bool passed = false;
    std::string message;  // says what happened and what to look at; empty for a plain pass
};

// Whether the environment asks for expectations to be rewritten (UPDATE=1).
bool update_requested();

// Compares `actual` with case_dir/expected.png, or writes it there when `update` is set. On failure actual.png and
// diff.png are written beside it; stale ones from an earlier run are removed either way.
ExpectedImageResult check_expected_image(const std::filesystem::path& case_dir, const RgbaImage& actual,
                                         const ImageTolerance& tolerance = {}, bool update = update_requested());

}  // namespace diplomap::test

#pragma once
// Slides as stills: each as the audience sees it at the end of its flight and its stretch of the animation, framed
// in what the caption leaves free, the rest dimmed, the caption drawn in (unless left out). `export --slide N --out
// FILE` writes one; `export --slides DIR` writes DIR/slide-01.png ... through the same export as any still.
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

#include "app/modes/export_mode.hpp"

namespace diplomap {

struct SlideExport {
    std::optional<int> slide;                     // 1-based: this slide into options.out
    std::optional<std::filesystem::path> folder;  // or every slide into this folder
    std::string format = "png";                   // of the files in `folder`: png or tif
    bool caption = true;
};

// The export options that draw slide `index` (0-based) of the story's presentation (its own slides, or one per
// relation): the slide's projection and camera, its time, its highlight and its caption. Nullopt when the slide's
// view cannot be made.
[[nodiscard]] std::optional<ExportOptions> slide_export_options(const ExportOptions& base, std::size_t index,
                                                                bool caption);

// Writes what `request` asks for; returns the process exit code (1 with a line on `err` on failure).
int run_slide_export(const ExportOptions& base, const SlideExport& request, std::ostream& err);

}  // namespace diplomap

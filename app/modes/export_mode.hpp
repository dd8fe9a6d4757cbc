#pragma once
// Headless export: renders one view into an offscreen framebuffer through the same renderer as the window and
// writes PNG or GeoTIFF. No window is shown and no display is needed.
#include <filesystem>
#include <iosfwd>
#include <string>
#include <variant>

#include "app/modes/map_view.hpp"
#include "app/render/offscreen_target.hpp"
#include "geo/image_file.hpp"

namespace diplomap {

struct ExportOptions {
    MapViewOptions view;
    std::filesystem::path out;
    int width = 1920, height = 1080;
};

struct RenderedMap {
    RgbaImage image;
    geo::Georeference georeference;
    geo::Detail detail;
};

// Renders the view headless; the error is one line for the user.
std::variant<RenderedMap, std::string> render_map(const ExportOptions& options);

// Renders and writes options.out; returns the process exit code (0, or 1 with one line on `err`).
int run_export(const ExportOptions& options, std::ostream& err);

}  // namespace diplomap

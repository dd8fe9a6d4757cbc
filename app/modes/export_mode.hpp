#pragma once
// Headless export: renders one view into an offscreen framebuffer through the same renderer as the window and
// writes PNG or GeoTIFF. No window is shown and no display is needed.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "app/modes/map_view.hpp"
#include "app/render/offscreen_target.hpp"
#include "app/render/story_overlay.hpp"
#include "app/ui/picture_panels.hpp"
#include "geo/map/image_file.hpp"
#include "geo/story/slide.hpp"
#include "geo/story/story.hpp"

struct ImDrawList;

namespace diplomap {

// Long exports say how far they are (0 to 1) as they go; returning false stops them (the viewer's Cancel), and the
// file is then not written.
using ExportProgress = std::function<bool(double share)>;

struct ExportOptions {
    MapViewOptions view;
    std::filesystem::path out;
    int width = 1920, height = 1080;
    std::optional<geo::Story> story;                   // drawn over the basemap when given
    std::optional<double> seconds;                     // the animation clock; empty: the settled story
    std::string language = "de";                       // of the labels
    std::optional<std::chrono::year_month_day> as_of;  // `--date`: show what was known on that day
    std::uint32_t relation_kinds = ~0U;                // bit per geo::RelationKind, as the legend toggles them
    // The view exactly as the window shows it (export of the current view), scaled to width x height; empty: the
    // camera follows from the view options as for `diplomap export`.
    std::optional<Camera> camera;

    bool force = false;           // replace an existing file
    std::optional<double> scale;  // output pixels per screen pixel of text, markers, lines (export_scale())
    int supersample = 1;          // 1, 2 or 4: rendered that many times larger, then averaged down
    bool transparent = false;     // no ocean, no background; the image keeps its alpha
    std::optional<double> dpi;    // written into the file; empty: 96 per screen pixel (96 x scale)
    bool world_file = false;      // a PNG gets a .pgw and .aux.xml beside it
    std::string story_file;       // named in the image's metadata
    // Tiles at most this many pixels a side and this many pixels in all (0: what GL and the memory budget allow);
    // tests use it to compare tiled with untiled images.
    int max_tile_side = 0;
    std::size_t max_tile_pixels = 0;

    // Slides: what stands out while the rest dims, and what is drawn over the map last (the caption), into a draw
    // list of `width` x `height` units covering the whole image.
    std::optional<geo::SlideHighlight> focus;
    std::function<void(ImDrawList& list, float width, float height)> overlay;
    bool credit = true;  // "Natural Earth" in the lower right corner; a slide's caption carries it on its band instead

    // `--ui`: the exploring panels drawn in as the window shows them (scaled like the rest), the map framed in the
    // part they leave free, and its title, legend and credit there.
    std::optional<PicturePanels> panels;
    ExportProgress on_progress;  // called after each band of rows
};

// Where a place's marker landed, in image pixels.
struct MarkerOnMap {
    std::size_t place = 0;
    double x = 0, y = 0, radius = 0;
};

struct RenderedMap {
    RgbaImage image;
    geo::Georeference georeference;
    geo::Detail detail;
    std::vector<MarkerOnMap> markers;  // as drawn, for tests
    std::vector<DrawnLabel> labels;
};

// Renders the view headless into one image; the error is one line for the user. run_export() streams instead.
std::variant<RenderedMap, std::string> render_map(const ExportOptions& options);

// Renders and writes options.out; returns the process exit code (0, or 1 with one line on `err`).
int run_export(const ExportOptions& options, std::ostream& err);

}  // namespace diplomap

#pragma once
// One view of the map rendered off screen as often as needed: the GL context, the uploaded basemap and the story's
// geometry are made once, and each frame only draws. An image larger than a framebuffer may be (or than the memory
// budget allows) is drawn in tiles, the same camera shifted by whole pixels, and handed on a band of rows at a time.
//
// For a video: create it once with the frame size, then for each frame
//     map->render_into(seconds, frame_rgba);        // frame_rgba: width * height * 4 bytes, rows top to bottom
// (set_camera() first where the camera moves). It is the same drawing as `diplomap export` and the window.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "app/modes/export_mode.hpp"
#include "geo/story/slide.hpp"

namespace diplomap {

class HeadlessMap {
public:
    // Starts EGL, loads and projects the basemap for options.view at options.width x options.height (the scale,
    // supersampling and transparency of the options included) and prepares options.story. The error is one line.
    static std::variant<std::unique_ptr<HeadlessMap>, std::string> create(const ExportOptions& options);
    ~HeadlessMap();
    HeadlessMap(const HeadlessMap&) = delete;
    HeadlessMap& operator=(const HeadlessMap&) = delete;

    // The whole image's camera in output pixels, and where its pixels lie in projected metres.
    [[nodiscard]] const Camera& camera() const;
    [[nodiscard]] geo::Georeference georeference() const;
    [[nodiscard]] geo::Detail detail() const;
    // Moves the view (output pixels; same size). The basemap keeps the detail it was loaded with until
    // set_projection() is called.
    void set_camera(const Camera& camera);
    // A presentation changes projection between slides, and a flight on the globe turns it every frame: the basemap
    // is projected for `spec` at the detail and levels the camera's scale asks for (set_camera() first), exactly as
    // create() would for that view; a `moving` view (a flight) builds only the cap of the globe in sight, or on a flat
    // map every level at once. Nothing is rebuilt when the spec, detail and levels are those on the GPU already, and
    // the meshes of the last few resting views are kept, so a view seen again costs one upload. The story's geometry
    // is rebuilt for the new camera when the view comes to rest, as a still's is.
    [[nodiscard]] std::optional<std::string> set_projection(const geo::ProjectionSpec& spec, bool moving);
    // What a slide highlights (the rest dims), and what is drawn over the map last (a caption), for the next frames.
    void set_focus(const std::optional<geo::SlideHighlight>& focus);
    void set_overlay(std::function<void(ImDrawList& list, float width, float height)> overlay);

    // Receives whole rows of RGBA (straight alpha) from row `first` down; an error stops the frame. The rows are valid
    // only during the call.
    using RowSink = std::function<std::optional<std::string>(int first, const geo::RgbaRows& rows)>;
    // Draws the frame at `seconds` (empty: the settled story), band by band from the top.
    [[nodiscard]] std::optional<std::string> render(std::optional<double> seconds, const RowSink& sink);
    // The same into one buffer of width * height * 4 bytes.
    [[nodiscard]] std::optional<std::string> render_into(std::optional<double> seconds, std::span<std::uint8_t> rgba);

    // As last drawn, in output pixels.
    [[nodiscard]] std::vector<MarkerOnMap> markers() const;
    [[nodiscard]] std::vector<DrawnLabel> labels() const;
    // How the last frame was cut: tiles across and bands down (1 x 1: drawn whole).
    [[nodiscard]] std::pair<int, int> tiles() const;
    // Whether the last frame copied the basemap drawn for an earlier frame of the same view instead of drawing it.
    [[nodiscard]] bool basemap_reused() const;
    // How many basemap meshes set_projection() has projected and built so far (kept ones are only uploaded).
    [[nodiscard]] int meshes_built() const;

    struct State;

private:
    explicit HeadlessMap(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

// Text, markers and line widths: output pixels per screen pixel. --scale, or by default as large as a 1920x1080
// screen would look at this size.
double export_scale(const ExportOptions& options);

}  // namespace diplomap

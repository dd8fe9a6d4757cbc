#pragma once
// What a still export and a video frame share, so that the video's frame at animation time t is the still at
// `--time t`: the camera for an export's options, the basemap mesh for that camera, and one frame drawn.
#include <string>
#include <variant>

#include "app/modes/export_mode.hpp"
#include "app/render/basemap_mesh.hpp"
#include "app/render/camera.hpp"
#include "geo/map/projection.hpp"

namespace diplomap {

class ImGuiOffscreen;
class MapRenderer;
class StoryView;

// The camera of `diplomap export` for the options (or options.camera, scaled to the image's width).
Camera export_camera(const geo::Projection& projection, const ExportOptions& options);

// Loads and projects the basemap at `detail`, holding only the levels of detail the camera's scale draws. Needs no
// GL, so it may run on another thread.
std::variant<BasemapMesh, std::string> load_export_mesh(const ExportOptions& options, const geo::Projection& projection,
                                                        const Camera& camera, geo::Detail detail);

// Clears `target` and draws the basemap layers; the map's mesh must be uploaded. Independent of the clock.
void draw_export_map(const ExportOptions& options, const Camera& camera, const OffscreenTarget& target,
                     MapRenderer& map);

// Over the map: the story at options.seconds (where `story_view` is given), and the title, legend and credit.
void draw_export_story(const ExportOptions& options, const Camera& camera, const OffscreenTarget& target,
                       StoryView* story_view, ImGuiOffscreen& overlay);

// A whole frame: draw_export_map, then draw_export_story.
void draw_export_frame(const ExportOptions& options, const Camera& camera, const OffscreenTarget& target,
                       MapRenderer& map, StoryView* story_view, ImGuiOffscreen& overlay);

}  // namespace diplomap

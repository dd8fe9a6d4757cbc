#pragma once
// Draws a ProjectedScene into whatever framebuffer is bound: the window or an offscreen target, by the same code.
// upload() runs once per projection or detail change; draw() per frame touches only uniforms and draw calls.
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "app/render/camera.hpp"
#include "app/render/gl_objects.hpp"
#include "app/render/layers.hpp"
#include "app/render/map_style.hpp"
#include "geo/projected_scene.hpp"

namespace diplomap {

class MapRenderer {
public:
    static std::variant<MapRenderer, std::string> create();

    void upload(const geo::ProjectedScene& scene);
    [[nodiscard]] bool has_scene() const { return has_scene_; }
    [[nodiscard]] const geo::ProjectionSpec& scene_spec() const { return spec_; }
    [[nodiscard]] geo::Detail scene_detail() const { return detail_; }
    // Counts uploads, so that a cached picture of the map knows when it is stale.
    [[nodiscard]] std::uint64_t generation() const { return generation_; }

    // Clears to the background and draws the basemap layers. `pixel_ratio` scales line widths on HiDPI screens.
    // `opacity` below 1 draws over what is already there (cross-fades between projections).
    void draw(const Camera& camera, const LayerSet& layers, const MapStyle& style, float pixel_ratio,
              float opacity = 1.0F, bool clear = true);

private:
    struct FillLayer {
        GlBuffer vertices;
        GlVertexArray vao;
        std::vector<GLint> firsts;
        std::vector<GLsizei> counts;
        std::vector<geo::FloatBounds> bounds;
        std::vector<GLint> visible_firsts;  // per-frame scratch, kept to avoid allocating in the frame loop
        std::vector<GLsizei> visible_counts;
    };
    struct LineLayer {
        GlBuffer segments;
        GlVertexArray vao;
        std::vector<std::uint32_t> segment_starts{0};
        std::vector<geo::FloatBounds> bounds;
    };

    MapRenderer() = default;
    static void upload_fill(FillLayer& layer, const geo::ProjectedPaths& paths);
    static void upload_lines(LineLayer& layer, const geo::ProjectedPaths& paths);
    void set_camera_uniforms(GLuint program, const Camera& camera) const;
    void draw_fill(FillLayer& layer, const Camera& camera, const Rgba& color, float opacity);
    void draw_lines(const LineLayer& layer, const Camera& camera, const Rgba& color, float width_px, float opacity);

    GlProgram fill_program_, cover_program_, line_program_;
    GlVertexArray empty_vao_;
    FillLayer ocean_, land_;
    LineLayer borders_, coast_, graticule_;
    geo::ProjectionSpec spec_;
    geo::Detail detail_ = geo::Detail::Coarse110m;
    bool has_scene_ = false;
    std::uint64_t generation_ = 0;
};

}  // namespace diplomap

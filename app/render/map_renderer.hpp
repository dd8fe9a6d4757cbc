#pragma once
// Draws a ProjectedScene into whatever framebuffer is bound: the window or an offscreen target, by the same code.
// upload() runs once per projection or detail change; draw() per frame touches only uniforms and draw calls.
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "app/render/basemap_mesh.hpp"
#include "app/render/camera.hpp"
#include "app/render/gl_objects.hpp"
#include "app/style/layers.hpp"
#include "app/style/map_style.hpp"
#include "geo/map/projected_scene.hpp"

namespace diplomap {

class MapRenderer {
public:
    static std::variant<MapRenderer, std::string> create();

    // Copies a mesh into GL buffers; make_basemap_mesh() is the slow part and may run on any thread.
    void upload(const BasemapMesh& mesh);
    void upload(const geo::ProjectedScene& scene) { upload(make_basemap_mesh(scene)); }
    [[nodiscard]] bool has_scene() const { return has_scene_; }
    [[nodiscard]] const geo::ProjectionSpec& scene_spec() const { return spec_; }
    [[nodiscard]] geo::Detail scene_detail() const { return detail_; }
    // Counts uploads, so that a cached picture of the map knows when it is stale.
    [[nodiscard]] std::uint64_t generation() const { return generation_; }

    // Clears to the background and draws the basemap layers. `pixel_ratio` scales line widths on HiDPI screens.
    // `opacity` below 1 draws over what is already there (cross-fades between projections).
    void draw(const Camera& camera, const LayerSet& layers, const MapStyle& style, float pixel_ratio,
              float opacity = 1.0F, bool clear = true);

    // How far in pixels simplified geometry may stray from the data (geo::kSimplifyPixels by default). The viewer
    // raises it while the view moves and lowers it again when the view rests.
    void set_simplify_pixels(double pixels) { simplify_pixels_ = pixels; }
    [[nodiscard]] double simplify_pixels() const { return simplify_pixels_; }

private:
    struct FillLayer {
        GlBuffer vertices;
        GlVertexArray vao;
        std::vector<FillMesh::Level> levels;
        bool convex = false;
        std::vector<GLint> visible_firsts;  // per-frame scratch, kept to avoid allocating in the frame loop
        std::vector<GLsizei> visible_counts;
    };
    struct LineLayer {
        GlBuffer vertices;
        GlVertexArray vao;
        std::vector<LineMesh::Level> levels;
    };

    MapRenderer() = default;
    static void upload_fill(FillLayer& layer, const FillMesh& mesh);
    static void upload_lines(LineLayer& layer, const LineMesh& mesh);
    void set_camera_uniforms(GLuint program, const Camera& camera) const;
    void draw_fill(FillLayer& layer, const Camera& camera, const Rgba& color, float opacity);
    void draw_lines(const LineLayer& layer, const Camera& camera, const Rgba& color, float width_px, float opacity);

    GlProgram fill_program_, cover_program_, line_program_;
    GlVertexArray empty_vao_;
    FillLayer ocean_, land_;
    std::vector<float> ocean_outline_;  // the ocean's ring when convex, to tell when it covers the view
    LineLayer borders_, coast_, graticule_;
    geo::ProjectionSpec spec_;
    geo::Detail detail_ = geo::Detail::Coarse110m;
    bool has_scene_ = false;
    double simplify_pixels_ = geo::kSimplifyPixels;
    std::size_t first_level_ = 0;  // the mesh's finest level
    std::size_t level_ = 0;        // lines' level, chosen per draw() from the camera's scale, within the mesh's
    std::size_t fill_level_ = 0;   // fills' level, finer (geo::fill_level_for_scale)
    std::uint64_t generation_ = 0;
};

}  // namespace diplomap

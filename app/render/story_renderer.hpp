#pragma once
// Draws the story's arcs and routes with GL: every line of a StoryGeometry in a handful of instanced draw calls,
// anti-aliased in the shader, styled by kind (relation_style.hpp). upload() runs once per projection or story
// change; draw() per frame sets uniforms (camera, highlight, flow), refreshes a small per-line texture when the clock
// has moved (draw progress, the train's position) and issues the draw calls: one where the whole story is in view.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/render/camera.hpp"
#include "app/render/gl_objects.hpp"
#include "geo/story.hpp"
#include "geo/story_animation.hpp"
#include "geo/story_geometry.hpp"

namespace diplomap {

struct StoryDrawState {
    std::optional<double> seconds;         // animation clock; empty: the settled story
    bool arcs = true;                      // relation arcs shown
    bool routes = true;                    // routes shown
    std::uint32_t relation_kinds = ~0U;    // bit per geo::RelationKind: which kinds are shown
    std::optional<std::size_t> highlighted_line;  // index into StoryGeometry::lines (hover)
    std::optional<std::size_t> selected_line;     // index into StoryGeometry::lines (click)
    float ui_scale = 1.0F;  // the markers' scale (StoryOverlayOptions::ui_scale): arrowheads stop at their rim
};

class StoryRenderer {
public:
    static std::variant<StoryRenderer, std::string> create();

    void upload(const geo::Story& story, const geo::StoryGeometry& geometry, const geo::StoryAnimation& animation);
    [[nodiscard]] bool has_geometry() const { return has_geometry_; }

    // Draws over what is in the bound framebuffer (the basemap); blending on, no depth test.
    void draw(const Camera& camera, const StoryDrawState& state, float pixel_ratio, float opacity = 1.0F);

private:
    // One instance per segment, and one per arrowhead: the attributes of shaders/story_line.vert.
    struct Instance {
        float segment[4];     // start.xy, end.xy in projected metres
        float neighbours[4];  // the vertex before start and the one after end
        float measure[4];     // along at start and end, projected metres from the line's start there
        std::int32_t line;
        std::int32_t style_flags;
    };
    // A piece of one line as instances [first, first + count), with its bounds for culling.
    struct Piece {
        std::uint32_t first = 0, count = 0;
        geo::FloatBounds bounds{};
    };
    struct Line {
        geo::StoryLineSource source = geo::StoryLineSource::relation;
        std::size_t index = 0;  // into Story::relations or Story::routes
        int style = 0;          // the relation kind's index, or the route styles after them (kStyleCount)
        bool dashed = false;    // its style is dashed from end to end
        float length_m = 0;     // projected length of all its pieces
        float target_gap_pt = -1;  // arrowhead: the target marker's radius plus a margin; < 0: no arrowhead
    };
    struct Uniforms {
        GLint camera_center, pixels_per_metre, viewport, lines, style_color, style_shape, visible_styles, highlighted,
            selected, casing_color, pixel_ratio, marker_scale, opacity, flow, globe_radius;
    };
    static constexpr int kStyleCount = 12;  // the relation kinds, then the animated and the historic route

    StoryRenderer() = default;
    void update_line_texels(const std::optional<double>& seconds);
    void draw_pieces(std::size_t begin, std::size_t end, const geo::Bounds& view, double margin_m);

    GlProgram program_;
    Uniforms uniforms_{};
    GlVertexArray vao_;
    GlBuffer instances_;
    GlTexture line_texture_;  // per line, 4 floats: see story_line.vert
    int texture_width_ = 1, texture_rows_ = 1;
    std::vector<Piece> pieces_;        // routes' pieces first: they lie on the ground, the arcs above them
    std::size_t first_relation_piece_ = 0;
    std::vector<Line> lines_;          // per StoryGeometry::lines
    std::vector<float> line_texels_;   // the texture's contents, rewritten in place when the clock moves
    std::optional<geo::StoryAnimation> animation_;
    std::optional<double> texel_seconds_;  // the clock the texture shows
    bool texels_current_ = false;
    std::array<float, 4 * kStyleCount> style_colors_{}, style_shapes_{};
    float globe_radius_m_ = 0;  // the globe's disk about the projection's origin; 0 on flat maps
    bool has_geometry_ = false;
};

}  // namespace diplomap

#pragma once
// Draws the story's arcs and routes with GL: every line of a StoryGeometry in a handful of draw calls, anti-aliased
// in the shader, styled by kind (relation_style.hpp). upload() runs once per geometry; draw() per frame sets uniforms
// (camera, highlight, flow, density), refreshes the per-line texture where the clock or the date changed a line
// (draw progress, fading, the train's position) and issues the draw calls: one where the whole story is in view.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "app/render/camera.hpp"
#include "app/render/gl_objects.hpp"
#include "geo/story/story.hpp"
#include "geo/story/story_animation.hpp"
#include "geo/story/story_filter.hpp"
#include "geo/story/story_geometry.hpp"

namespace diplomap {

struct StoryDrawState {
    std::optional<double> seconds;                // animation clock; empty: the settled story
    bool arcs = true;                             // relation arcs shown
    bool routes = true;                           // routes shown
    std::uint32_t relation_kinds = ~0U;           // bit per geo::RelationKind: which kinds are shown
    std::optional<std::size_t> highlighted_line;  // index into StoryGeometry::lines (hover)
    std::optional<std::size_t> selected_line;     // index into StoryGeometry::lines (click)
    float ui_scale = 1.0F;  // the markers' scale (StoryOverlayOptions::ui_scale): arrowheads stop at their rim
    geo::AsOf as_of;        // which dated lines show (geo/story/story_filter.hpp)
    // Per line, 1 where a slide's highlight leaves it in the background (drawn faint); empty: none. A new span
    // must come with a new `dimmed_version`, so the per-line texture is only rewritten when it changes.
    std::span<const std::uint8_t> dimmed_lines;
    std::uint64_t dimmed_version = 0;
};

class StoryRenderer {
public:
    static std::variant<StoryRenderer, std::string> create();

    void upload(const geo::Story& story, const geo::StoryGeometry& geometry, const geo::StoryAnimation& animation);
    [[nodiscard]] bool has_geometry() const { return has_geometry_; }

    // Draws over what is in the bound framebuffer (the basemap); blending on, no depth test.
    void draw(const Camera& camera, const StoryDrawState& state, float pixel_ratio, float opacity = 1.0F);

    // How the last draw() styled its lines: 0 where few lines are in view (widths and casing as their styles
    // say), rising to 1 where so many are that each is a thin line without casing.
    [[nodiscard]] float density() const { return density_; }

private:
    // One per segment, and one per arrowhead, read by shaders/story_line.vert from a buffer texture of 32-bit
    // integers (floats as their bits): four corners per segment come from one record instead of four copies.
    struct Segment {
        std::int32_t segment[4];     // start.xy, end.xy in projected metres (arrowhead: a point behind it, the end)
        std::int32_t neighbours[4];  // the vertex before start and the one after end
        std::int32_t measure[4];     // along at start and end, projected metres from the line's start there
        std::int32_t line[4];        // line index, style | flags, the line's projected length, its target gap (pt)
    };
    // A piece of one line as segments [first, first + count), with its bounds for culling.
    struct Piece {
        std::uint32_t first = 0, count = 0;
        std::uint32_t line = 0;  // index into lines_
        geo::FloatBounds bounds{};
    };
    struct Line {
        geo::StoryLineSource source = geo::StoryLineSource::relation;
        std::size_t index = 0;               // into Story::relations or Story::routes
        int style = 0;                       // the relation kind's index, or the route styles after them (kStyleCount)
        bool dashed = false;                 // its style is dashed from end to end
        bool drawn = false;                  // it has pieces on the map
        std::optional<geo::DateRange> date;  // of its relation or route, for the as-of filter
        geo::FloatBounds bounds{};           // of all its pieces
    };
    struct Uniforms {
        GLint camera_center, pixels_per_metre, viewport, segments, lines, style_color, style_shape, visible_styles,
            highlighted, selected, casing_color, pixel_ratio, marker_scale, opacity, flow, globe_radius, density;
    };
    static constexpr int kStyleCount = 12;  // the relation kinds, then the animated and the historic route

    // Everything a frame's lines depend on besides the geometry and the per-line texture (their versions stand in
    // for them): equal frames draw equal pixels.
    struct LinesFrame {
        double center_x = 0, center_y = 0, pixels_per_metre = 0;
        int width = 0, height = 0;
        float pixel_ratio = 1, opacity = 1, marker_scale = 1, density = 0;
        GLint visible = 0, highlighted = -1, selected = -1;
        bool routes = true, arcs = true;
        std::array<float, 3> flow{};  // strength, phase, period
        std::array<float, 4 * kStyleCount> style_colors{}, style_shapes{};
        std::uint64_t texels = 0, geometry = 0;
        friend bool operator==(const LinesFrame&, const LinesFrame&) = default;
    };

    StoryRenderer() = default;
    void update_line_texels(const StoryDrawState& state);
    [[nodiscard]] float density_in_view(const StoryDrawState& state, const geo::Bounds& view, double margin_m,
                                        geo::Bounds& shown_bounds) const;
    void draw_now(const geo::Bounds& view, double margin_m);
    void draw_pieces(std::size_t begin, std::size_t end, const geo::Bounds& view, double margin_m);
    bool prepare_cache(int width, int height);
    void composite_cache(const Camera& camera, const geo::Bounds& shown, double margin_m);

    GlProgram program_;
    Uniforms uniforms_{};
    GlVertexArray vao_;
    GlBuffer segment_buffer_;
    GlTexture segment_texture_;        // a buffer texture over segment_buffer_
    GlBuffer corner_indices_;          // two triangles per segment: its four corners as 4 * segment + 0..3
    std::size_t index_capacity_ = 0;   // segments that corner_indices_ covers
    std::vector<GLsizei> run_counts_;  // the draw call's runs of indices, reused every frame
    std::vector<const void*> run_offsets_;
    GlTexture line_texture_;  // per line, 4 floats: see story_line.vert
    int texture_width_ = 1, texture_rows_ = 1;
    std::vector<Piece> pieces_;  // routes' pieces first: they lie on the ground, the arcs above them
    std::size_t first_relation_piece_ = 0;
    std::vector<Line> lines_;         // per StoryGeometry::lines
    std::vector<float> line_texels_;  // the texture's contents, rewritten in place when the clock moves
    std::optional<geo::StoryAnimation> animation_;
    std::optional<double> texel_seconds_;     // the clock the texture shows
    geo::AsOf texel_as_of_;                   // and the date
    std::uint64_t texel_dimmed_version_ = 0;  // and the dimmed lines
    bool texels_current_ = false;
    std::uint64_t texel_version_ = 0, geometry_version_ = 0;  // counts of uploads
    LinesFrame frame_;
    float globe_radius_m_ = 0;  // the globe's disk about the projection's origin; 0 on flat maps
    float density_ = 0;
    bool has_geometry_ = false;

    // The crowded picture, premultiplied, as last drawn for cached_frame_.
    GlProgram composite_;
    GLint composite_opacity_ = -1;
    GlFramebuffer cache_framebuffer_;
    GlTexture cache_color_;
    int cache_width_ = 0, cache_height_ = 0;
    LinesFrame cached_frame_;
    bool cache_valid_ = false;
};

}  // namespace diplomap

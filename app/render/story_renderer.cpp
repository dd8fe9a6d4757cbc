#include "app/render/story_renderer.hpp"

#include <diplomap/embedded_shaders.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "app/render/relation_style.hpp"
#include "app/render/shader_program.hpp"
#include "app/render/story_overlay.hpp"
#include "geo/sphere.hpp"

namespace diplomap {
namespace {

constexpr int kRouteStyle = 10;  // the animated journey; the relation kinds come first, 0..9
constexpr int kHistoricRouteStyle = 11;
constexpr int kStartCap = 0x100;  // flags beside the style index, as story_line.vert reads them
constexpr int kEndCap = 0x200;
constexpr int kArrow = 0x400;
constexpr int kStartCut = 0x800;  // a piece's end where the map cut the line (limb, seam), not the line's own end
constexpr int kEndCut = 0x1000;
constexpr int kBehindGlobe = 0x2000;  // beyond the globe's limb on its far side: the earth hides what reaches over it
constexpr int kTextureWidth = 1024;  // lines per row of the per-line texture, as story_line.vert fetches them

// The flow pattern and the dashes of arcs travel from source to target at this pace; the pulses repeat this often.
constexpr double kFlowPixelsPerSecond = 60.0;
constexpr double kFlowPeriodPx = 90.0;
constexpr float kFlowStrength = 0.3F;  // the pulse's peak share of white: the kind's colour stays recognisable
// Where a route's own style is solid, the stretch still ahead of the train is dashed like this.
constexpr float kAheadDashPx = 7.0F, kAheadGapPx = 5.0F;
constexpr Rgba kCasing = {1.0F, 1.0F, 1.0F, 0.6F};
// Arrowheads stop this far outside the target marker's rim, so the marker (drawn later, on top) never hides them.
constexpr float kMarkerMarginPt = 1.5F;
// Culling slack beyond a piece's bounds: the widest line, its casing and arrowhead, in pixels.
constexpr double kCullMarginPx = 48.0;

constexpr float kSettledDashFrom = 2.0F;  // dashed from an along beyond the end: solid
constexpr float kAlwaysDashed = -1.0F;

bool intersects(const geo::FloatBounds& b, const geo::Bounds& view, double margin) {
    return b.max_x >= view.min_x - margin && b.min_x <= view.max_x + margin && b.max_y >= view.min_y - margin &&
           b.min_y <= view.max_y + margin;
}

GlTexture make_texture() {
    GLuint n = 0;
    glGenTextures(1, &n);
    return GlTexture(n);
}

}  // namespace

std::variant<StoryRenderer, std::string> StoryRenderer::create() {
    StoryRenderer r;
    auto program = build_program("story_line", shaders::story_line_vert, shaders::story_line_frag);
    if (auto* error = std::get_if<std::string>(&program)) return *error;
    r.program_ = std::move(std::get<GlProgram>(program));
    const GLuint p = r.program_.get();
    auto at = [p](const char* name) { return glGetUniformLocation(p, name); };
    r.uniforms_ = {at("u_camera_center"), at("u_pixels_per_metre"), at("u_viewport"),     at("u_lines"),
                   at("u_style_color"),   at("u_style_shape"),      at("u_visible_styles"), at("u_highlighted"),
                   at("u_selected"),      at("u_casing_color"),     at("u_pixel_ratio"),   at("u_marker_scale"),
                   at("u_opacity"),       at("u_flow"),             at("u_globe_radius")};
    glUseProgram(p);
    glUniform1i(r.uniforms_.lines, 0);
    glUseProgram(0);

    r.instances_ = make_buffer();
    r.vao_ = make_vertex_array();
    glBindVertexArray(r.vao_.get());
    for (GLuint attribute = 0; attribute < 4; ++attribute) {
        glEnableVertexAttribArray(attribute);
        glVertexAttribDivisor(attribute, 1);
    }
    glBindVertexArray(0);

    r.line_texture_ = make_texture();
    glBindTexture(GL_TEXTURE_2D, r.line_texture_.get());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
    glBindTexture(GL_TEXTURE_2D, 0);
    return r;
}

void StoryRenderer::upload(const geo::Story& story, const geo::StoryGeometry& geometry,
                           const geo::StoryAnimation& animation) {
    animation_.emplace(animation);
    const geo::ProjectedPaths& paths = geometry.pieces;
    lines_.assign(geometry.lines.size(), Line{});
    std::vector<Instance> instances;
    instances.reserve(paths.vertex_count() + geometry.lines.size());
    std::vector<std::uint32_t> points;  // one piece's vertices, repeated positions dropped
    std::vector<double> distance_m;     // from the line's start, at each of `points`
    std::vector<char> behind;           // per point: on the globe's far side (see below)
    pieces_.clear();
    // On the globe (story_geometry.hpp) a piece's end cut at the limb is where the arc comes out from behind the
    // earth: from there, as long as it stays outside the disk, it is on the far side, and the half of its stroke
    // that reaches over the limb must stay hidden.
    const bool globe = geometry.spec.name == "ortho";
    globe_radius_m_ = globe ? static_cast<float>(geo::kEarthRadiusMetres) : 0.0F;
    const double limb = geo::kEarthRadiusMetres * (1.0 - 1e-5);

    auto add_line = [&](std::size_t index) {
        const geo::StoryLine& source = geometry.lines[index];
        Line& line = lines_[index];
        line.source = source.source;
        line.index = source.index;
        const LineStyle* style = nullptr;
        std::optional<std::size_t> target;
        if (source.source == geo::StoryLineSource::relation) {
            if (source.index >= story.relations.size()) return;
            const geo::Relation& relation = story.relations[source.index];
            line.style = static_cast<int>(relation.kind);
            style = &relation_style(relation.kind);
            target = relation.to_place;
        } else {
            if (source.index >= story.routes.size()) return;
            const geo::Route& route = story.routes[source.index];
            line.style = route.historic ? kHistoricRouteStyle : kRouteStyle;
            style = &route_style(route.historic);
            if (!route.waypoints.empty()) target = route.waypoints.back().place;
        }
        line.dashed = style->dash_px > 0.0F;

        double length = 0.0;
        const std::size_t end_piece =
            std::min<std::size_t>(source.first_piece + source.piece_count, paths.path_count());
        for (std::size_t p = source.first_piece; p < end_piece; ++p) {
            points.clear();
            for (std::uint32_t v = paths.starts[p]; v < paths.starts[p + 1]; ++v)
                if (points.empty() || paths.xy[2 * v] != paths.xy[2 * points.back()] ||
                    paths.xy[2 * v + 1] != paths.xy[2 * points.back() + 1])
                    points.push_back(v);
            if (points.size() < 2) continue;
            auto x = [&](std::size_t k) { return paths.xy[2 * points[k]]; };
            auto y = [&](std::size_t k) { return paths.xy[2 * points[k] + 1]; };
            auto along = [&](std::size_t k) { return geometry.along[points[k]]; };
            distance_m.assign(1, length);
            for (std::size_t k = 1; k < points.size(); ++k)
                distance_m.push_back(distance_m.back() + std::hypot(x(k) - x(k - 1), y(k) - y(k - 1)));
            length = distance_m.back();

            Piece piece{static_cast<std::uint32_t>(instances.size()), 0, paths.bounds[p]};
            const std::size_t last = points.size() - 1;
            behind.assign(points.size(), 0);
            if (globe) {
                auto outside = [&](std::size_t k) { return std::hypot(x(k), y(k)) >= limb; };
                if (along(0) > 0.0F)
                    for (std::size_t k = 0; k <= last && outside(k); ++k) behind[k] = 1;
                if (along(last) < 1.0F)
                    for (std::size_t k = last + 1; k-- > 0 && outside(k);) behind[k] = 1;
            }
            for (std::size_t k = 0; k < last; ++k) {
                const std::size_t before = k > 0 ? k - 1 : k, after = k + 1 < last ? k + 2 : k + 1;
                int flags = 0;
                if (k == 0) flags |= kStartCap | (along(0) > 0.0F ? kStartCut : 0);
                if (k + 1 == last) flags |= kEndCap | (along(last) < 1.0F ? kEndCut : 0);
                if (behind[k] && behind[k + 1]) flags |= kBehindGlobe;
                instances.push_back({{x(k), y(k), x(k + 1), y(k + 1)},
                                     {x(before), y(before), x(after), y(after)},
                                     {along(k), along(k + 1), static_cast<float>(distance_m[k]),
                                      static_cast<float>(distance_m[k + 1])},
                                     static_cast<std::int32_t>(index),
                                     line.style | flags});
            }
            // The arrowhead follows its line's last segment in the buffer, so it is drawn over the line's end.
            if (style->arrow && p + 1 == end_piece && along(last) == 1.0F) {
                // Aimed along the line's last hundredth: a last vertex that nearly repeats the one before it would
                // leave the arrowhead pointing anywhere.
                std::size_t back = last - 1;
                while (back > 0 && distance_m[last] - distance_m[back] < 0.01 * length) --back;
                const float end = static_cast<float>(length);
                instances.push_back({{x(back), y(back), x(last), y(last)},
                                     {x(back), y(back), x(last), y(last)},
                                     {1.0F, 1.0F, end, end},
                                     static_cast<std::int32_t>(index),
                                     line.style | kArrow});
                line.target_gap_pt = target && *target < story.places.size()
                                         ? StoryOverlay::marker_radius(story.places[*target]) + kMarkerMarginPt
                                         : 0.0F;
            }
            piece.count = static_cast<std::uint32_t>(instances.size()) - piece.first;
            pieces_.push_back(piece);
        }
        line.length_m = static_cast<float>(length);
    };
    // Routes first: they lie on the ground, and the arcs, drawn later, pass over them.
    for (std::size_t i = 0; i < geometry.lines.size(); ++i)
        if (geometry.lines[i].source == geo::StoryLineSource::route) add_line(i);
    first_relation_piece_ = pieces_.size();
    for (std::size_t i = 0; i < geometry.lines.size(); ++i)
        if (geometry.lines[i].source == geo::StoryLineSource::relation) add_line(i);

    glBindBuffer(GL_ARRAY_BUFFER, instances_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(instances.size() * sizeof(Instance)), instances.data(),
                 GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);

    const std::size_t n = std::max<std::size_t>(lines_.size(), 1);
    texture_width_ = static_cast<int>(std::min<std::size_t>(n, kTextureWidth));
    texture_rows_ = static_cast<int>((n + kTextureWidth - 1) / kTextureWidth);
    line_texels_.assign(4 * static_cast<std::size_t>(texture_width_) * static_cast<std::size_t>(texture_rows_), 0.0F);
    glBindTexture(GL_TEXTURE_2D, line_texture_.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F, texture_width_, texture_rows_, 0, GL_RGBA, GL_FLOAT,
                 line_texels_.data());
    glBindTexture(GL_TEXTURE_2D, 0);
    texels_current_ = false;
    has_geometry_ = true;
}

// Draw progress and train positions are the animation's own functions, evaluated here rather than re-derived in
// the shader: the train's pace (stops, loops) has no closed form a shader could share, and one source of truth
// keeps the arcs in step with the markers and picking. At most a few thousand lines, only when the clock moves.
void StoryRenderer::update_line_texels(const std::optional<double>& seconds) {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        const Line& line = lines_[i];
        float progress = 1.0F;
        float dash_from = line.dashed ? kAlwaysDashed : kSettledDashFrom;
        if (line.source == geo::StoryLineSource::relation) {
            progress = static_cast<float>(animation_->draw_progress(line.index, seconds));
        } else if (line.style == kRouteStyle) {
            if (const auto along = animation_->train_along(line.index, seconds)) dash_from = static_cast<float>(*along);
        }
        float* texel = &line_texels_[4 * i];
        texel[0] = progress;
        texel[1] = dash_from;
        texel[2] = line.length_m;
        texel[3] = line.target_gap_pt;
    }
    glBindTexture(GL_TEXTURE_2D, line_texture_.get());
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, texture_width_, texture_rows_, GL_RGBA, GL_FLOAT, line_texels_.data());
    texel_seconds_ = seconds;
    texels_current_ = true;
}

// Consecutive visible pieces merge into one run: one instanced draw call per run, usually one per frame.
void StoryRenderer::draw_pieces(std::size_t begin, std::size_t end, const geo::Bounds& view, double margin_m) {
    std::size_t i = begin;
    while (i < end) {
        if (!intersects(pieces_[i].bounds, view, margin_m)) {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < end && intersects(pieces_[j].bounds, view, margin_m)) ++j;
        const std::uint32_t first = pieces_[i].first, count = pieces_[j - 1].first + pieces_[j - 1].count - first;
        if (count > 0) {
            const auto offset = [first](std::size_t member) {
                return reinterpret_cast<const void*>(static_cast<std::uintptr_t>(first) * sizeof(Instance) + member);
            };
            constexpr GLsizei stride = sizeof(Instance);
            glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, stride, offset(offsetof(Instance, segment)));
            glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, stride, offset(offsetof(Instance, neighbours)));
            glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, stride, offset(offsetof(Instance, measure)));
            glVertexAttribIPointer(3, 2, GL_INT, stride, offset(offsetof(Instance, line)));
            glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(count));
        }
        i = j;
    }
}

void StoryRenderer::draw(const Camera& camera, const StoryDrawState& state, float pixel_ratio, float opacity) {
    if (!has_geometry_ || pieces_.empty() || (!state.arcs && !state.routes)) return;
    if (!texels_current_ || texel_seconds_ != state.seconds) update_line_texels(state.seconds);

    // The style table is read every frame (a dozen entries), so a palette change shows without a new upload.
    const double clock = state.seconds ? std::max(*state.seconds, 0.0) : 0.0;
    for (int s = 0; s < kStyleCount; ++s) {
        const LineStyle& style = s < kRouteStyle ? relation_style(static_cast<geo::RelationKind>(s))
                                                 : route_style(s == kHistoricRouteStyle);
        float dash = style.dash_px, gap = style.gap_px;
        if (s == kRouteStyle && dash <= 0.0F) dash = kAheadDashPx, gap = kAheadGapPx;
        // Dashed arcs march with the flow; routes' dashes stay on the ground.
        const double period = static_cast<double>(dash) + static_cast<double>(gap);
        const float phase =
            s < kRouteStyle && period > 0.0 ? static_cast<float>(std::fmod(clock * kFlowPixelsPerSecond, period)) : 0.0F;
        const auto k = static_cast<std::size_t>(4 * s);
        std::copy(style.color.begin(), style.color.end(), style_colors_.begin() + static_cast<std::ptrdiff_t>(k));
        style_shapes_[k] = 0.5F * style.width_px;
        style_shapes_[k + 1] = dash;
        style_shapes_[k + 2] = gap;
        style_shapes_[k + 3] = phase;
    }
    int visible = 0;
    for (int s = 0; s < kRouteStyle; ++s)
        if (state.arcs && ((state.relation_kinds >> s) & 1U) != 0) visible |= 1 << s;
    if (state.routes) visible |= (1 << kRouteStyle) | (1 << kHistoricRouteStyle);

    glViewport(0, 0, camera.width, camera.height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

    const Uniforms& u = uniforms_;
    glUseProgram(program_.get());
    glUniform2f(u.camera_center, static_cast<float>(camera.center.x), static_cast<float>(camera.center.y));
    glUniform1f(u.pixels_per_metre, static_cast<float>(camera.pixels_per_metre));
    glUniform2f(u.viewport, static_cast<float>(camera.width), static_cast<float>(camera.height));
    glUniform4fv(u.style_color, kStyleCount, style_colors_.data());
    glUniform4fv(u.style_shape, kStyleCount, style_shapes_.data());
    glUniform1i(u.visible_styles, visible);
    glUniform1i(u.highlighted, state.highlighted_line ? static_cast<GLint>(*state.highlighted_line) : -1);
    glUniform1i(u.selected, state.selected_line ? static_cast<GLint>(*state.selected_line) : -1);
    glUniform4f(u.casing_color, kCasing[0], kCasing[1], kCasing[2], kCasing[3]);
    glUniform1f(u.pixel_ratio, pixel_ratio);
    glUniform1f(u.marker_scale, state.ui_scale * pixel_ratio);
    glUniform1f(u.opacity, opacity);
    glUniform1f(u.globe_radius, globe_radius_m_);
    const double flow_period = kFlowPeriodPx * pixel_ratio;
    glUniform3f(u.flow, state.seconds ? kFlowStrength : 0.0F,
                static_cast<float>(std::fmod(clock * kFlowPixelsPerSecond * pixel_ratio, flow_period)),
                static_cast<float>(flow_period));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, line_texture_.get());
    glBindVertexArray(vao_.get());
    glBindBuffer(GL_ARRAY_BUFFER, instances_.get());

    // Routes, then the arcs over them, in one draw call where all is in view. Later lines pass over earlier ones
    // with their casing between, like a bridge.
    const geo::Bounds view = camera.visible();
    const double margin_m = kCullMarginPx * pixel_ratio / camera.pixels_per_metre;
    draw_pieces(state.routes ? 0 : first_relation_piece_, state.arcs ? pieces_.size() : first_relation_piece_, view,
                margin_m);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glUseProgram(0);
}

}  // namespace diplomap

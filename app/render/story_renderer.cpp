#include "app/render/story_renderer.hpp"

#include <diplomap/embedded_shaders.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <limits>

#include "app/render/shader_program.hpp"
#include "app/render/story_overlay.hpp"
#include "app/style/relation_style.hpp"
#include "geo/map/sphere.hpp"

namespace diplomap {
namespace {

constexpr int kRouteStyle = 10;  // the animated journey; the relation kinds come first, 0..9
constexpr int kHistoricRouteStyle = 11;
constexpr int kStartCap = 0x100;  // flags beside the style index, as story_line.vert reads them
constexpr int kEndCap = 0x200;
constexpr int kArrow = 0x400;
constexpr float kDimmedLineOpacity = 0.25F;  // lines a slide leaves in the background: faint, still there
constexpr int kStartCut = 0x800;  // a piece's end where the map cut the line (limb, seam), not the line's own end
constexpr int kEndCut = 0x1000;
constexpr int kBehindGlobe = 0x2000;  // beyond the globe's limb on its far side: the earth hides what reaches over it
constexpr int kTextureWidth = 1024;   // lines per row of the per-line texture, as story_line.vert fetches them

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
// With more lines than kSparseLines in view, lines thin towards hairlines and lose their casing, fully so from
// kDenseLines on: a reader cannot follow one of a thousand crossing arcs by its width, and cased wide lines would
// bury the map (and cost the rasteriser ten times the pixels).
constexpr double kSparseLines = 100.0, kDenseLines = 800.0;

constexpr float kSettledDashFrom = 2.0F;  // dashed from an along beyond the end: solid
constexpr float kAlwaysDashed = -1.0F;

std::int32_t bits(float value) { return std::bit_cast<std::int32_t>(value); }

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
    r.uniforms_ = {at("u_camera_center"), at("u_pixels_per_metre"), at("u_viewport"),     at("u_segments"),
                   at("u_lines"),         at("u_style_color"),      at("u_style_shape"),  at("u_visible_styles"),
                   at("u_highlighted"),   at("u_selected"),         at("u_casing_color"), at("u_pixel_ratio"),
                   at("u_marker_scale"),  at("u_opacity"),          at("u_flow"),         at("u_globe_radius"),
                   at("u_density")};
    glUseProgram(p);
    glUniform1i(r.uniforms_.lines, 0);
    glUniform1i(r.uniforms_.segments, 1);
    glUseProgram(0);

    // No vertex attributes: the shader fetches its segment by gl_VertexID. Indexed triangles rather than one
    // instance per segment: llvmpipe runs its vertex pipeline once per instance, which for a quad of four
    // vertices cost more than the shading itself.
    r.segment_buffer_ = make_buffer();
    r.corner_indices_ = make_buffer();
    r.vao_ = make_vertex_array();
    glBindVertexArray(r.vao_.get());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, r.corner_indices_.get());
    glBindVertexArray(0);

    // The crowded picture's cache goes over the map through the blit shaders, with premultiplied blending.
    auto composite = build_program("blit", shaders::blit_vert, shaders::blit_frag);
    if (auto* error = std::get_if<std::string>(&composite)) return *error;
    r.composite_ = std::move(std::get<GlProgram>(composite));
    glUseProgram(r.composite_.get());
    glUniform1i(glGetUniformLocation(r.composite_.get(), "u_texture"), 0);
    r.composite_opacity_ = glGetUniformLocation(r.composite_.get(), "u_opacity");
    glUseProgram(0);

    r.segment_texture_ = make_texture();
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
    std::vector<Segment> segments;
    segments.reserve(paths.vertex_count() + geometry.lines.size());
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
            line.date = relation.date;
            style = &relation_style(relation.kind);
            target = relation.to_place;
        } else {
            if (source.index >= story.routes.size()) return;
            const geo::Route& route = story.routes[source.index];
            line.style = route.historic ? kHistoricRouteStyle : kRouteStyle;
            line.date = route.date;
            style = &route_style(route.historic);
            if (!route.waypoints.empty()) target = route.waypoints.back().place;
        }
        line.dashed = style->dash_px > 0.0F;
        line.bounds = {std::numeric_limits<float>::max(), std::numeric_limits<float>::max(),
                       std::numeric_limits<float>::lowest(), std::numeric_limits<float>::lowest()};
        // The length and the arrowhead's gap go into every segment of the line, once the line is complete.
        const std::size_t first_segment = segments.size();
        float target_gap_pt = -1.0F;  // < 0: no arrowhead

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

            Piece piece{static_cast<std::uint32_t>(segments.size()), 0, static_cast<std::uint32_t>(index),
                        paths.bounds[p]};
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
                segments.push_back({{bits(x(k)), bits(y(k)), bits(x(k + 1)), bits(y(k + 1))},
                                    {bits(x(before)), bits(y(before)), bits(x(after)), bits(y(after))},
                                    {bits(along(k)), bits(along(k + 1)), bits(static_cast<float>(distance_m[k])),
                                     bits(static_cast<float>(distance_m[k + 1]))},
                                    {static_cast<std::int32_t>(index), line.style | flags, 0, 0}});
            }
            // The arrowhead follows its line's last segment in the buffer, so it is drawn over the line's end.
            if (style->arrow && p + 1 == end_piece && along(last) == 1.0F) {
                // Aimed along the line's last hundredth: a last vertex that nearly repeats the one before it would
                // leave the arrowhead pointing anywhere.
                std::size_t back = last - 1;
                while (back > 0 && distance_m[last] - distance_m[back] < 0.01 * length) --back;
                const std::int32_t end = bits(static_cast<float>(length));
                segments.push_back({{bits(x(back)), bits(y(back)), bits(x(last)), bits(y(last))},
                                    {bits(x(back)), bits(y(back)), bits(x(last)), bits(y(last))},
                                    {bits(1.0F), bits(1.0F), end, end},
                                    {static_cast<std::int32_t>(index), line.style | kArrow, 0, 0}});
                target_gap_pt = target && *target < story.places.size()
                                    ? StoryOverlay::marker_radius(story.places[*target]) + kMarkerMarginPt
                                    : 0.0F;
            }
            piece.count = static_cast<std::uint32_t>(segments.size()) - piece.first;
            pieces_.push_back(piece);
            const geo::FloatBounds& b = piece.bounds;
            line.bounds = {std::min(line.bounds.min_x, b.min_x), std::min(line.bounds.min_y, b.min_y),
                           std::max(line.bounds.max_x, b.max_x), std::max(line.bounds.max_y, b.max_y)};
            line.drawn = true;
        }
        for (std::size_t k = first_segment; k < segments.size(); ++k) {
            segments[k].line[2] = bits(static_cast<float>(length));
            segments[k].line[3] = bits(target_gap_pt);
        }
    };
    // Routes first: they lie on the ground, and the arcs, drawn later, pass over them.
    for (std::size_t i = 0; i < geometry.lines.size(); ++i)
        if (geometry.lines[i].source == geo::StoryLineSource::route) add_line(i);
    first_relation_piece_ = pieces_.size();
    for (std::size_t i = 0; i < geometry.lines.size(); ++i)
        if (geometry.lines[i].source == geo::StoryLineSource::relation) add_line(i);

    glBindBuffer(GL_TEXTURE_BUFFER, segment_buffer_.get());
    glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(segments.size() * sizeof(Segment)), segments.data(),
                 GL_STATIC_DRAW);
    glBindBuffer(GL_TEXTURE_BUFFER, 0);
    glBindTexture(GL_TEXTURE_BUFFER, segment_texture_.get());
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32I, segment_buffer_.get());
    glBindTexture(GL_TEXTURE_BUFFER, 0);

    // The corners' order is the same for every geometry: the indices grow only when a geometry needs more.
    if (segments.size() > index_capacity_) {
        const std::size_t capacity = std::max(segments.size(), 2 * index_capacity_);
        std::vector<std::uint32_t> indices(6 * capacity);
        for (std::size_t k = 0; k < capacity; ++k) {
            const auto c = static_cast<std::uint32_t>(4 * k);
            const std::uint32_t corners[6] = {c, c + 1, c + 2, c + 2, c + 1, c + 3};
            std::copy(std::begin(corners), std::end(corners), indices.begin() + static_cast<std::ptrdiff_t>(6 * k));
        }
        glBindVertexArray(vao_.get());
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)),
                     indices.data(), GL_STATIC_DRAW);
        glBindVertexArray(0);
        index_capacity_ = capacity;
    }

    const std::size_t n = std::max<std::size_t>(lines_.size(), 1);
    texture_width_ = static_cast<int>(std::min<std::size_t>(n, kTextureWidth));
    texture_rows_ = static_cast<int>((n + kTextureWidth - 1) / kTextureWidth);
    line_texels_.assign(4 * static_cast<std::size_t>(texture_width_) * static_cast<std::size_t>(texture_rows_), 0.0F);
    glBindTexture(GL_TEXTURE_2D, line_texture_.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F, texture_width_, texture_rows_, 0, GL_RGBA, GL_FLOAT,
                 line_texels_.data());
    glBindTexture(GL_TEXTURE_2D, 0);
    texels_current_ = false;
    ++geometry_version_;
    has_geometry_ = true;
}

// Draw progress, fading and train positions are the animation's and the date filter's own functions, evaluated
// here rather than re-derived in the shader: the train's pace (stops, loops) has no closed form a shader could
// share, and one source of truth keeps the arcs in step with the markers and picking. Only the rows that changed
// go to the texture: once the story has settled, a moving clock changes only the train's route.
void StoryRenderer::update_line_texels(const StoryDrawState& state) {
    std::size_t first_changed = lines_.size(), last_changed = 0;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        const Line& line = lines_[i];
        const geo::Presence presence = geo::presence_as_of(line.date, state.as_of, state.seconds);
        float progress = static_cast<float>(presence.drawn);
        float dash_from = line.dashed ? kAlwaysDashed : kSettledDashFrom;
        if (line.source == geo::StoryLineSource::relation) {
            progress = std::min(progress, static_cast<float>(animation_->draw_progress(line.index, state.seconds)));
        } else if (line.style == kRouteStyle) {
            if (const auto along = animation_->train_along(line.index, state.seconds))
                dash_from = static_cast<float>(*along);
        }
        float* texel = &line_texels_[4 * i];
        const bool dimmed = i < state.dimmed_lines.size() && state.dimmed_lines[i] != 0;
        const float opacity = static_cast<float>(presence.opacity) * (dimmed ? kDimmedLineOpacity : 1.0F);
        const float updated[4] = {progress, dash_from, opacity, 0.0F};
        if (!std::equal(std::begin(updated), std::end(updated), texel)) {
            std::copy(std::begin(updated), std::end(updated), texel);
            first_changed = std::min(first_changed, i);
            last_changed = i;
        }
    }
    if (!texels_current_) first_changed = 0, last_changed = lines_.size() - 1;
    if (first_changed <= last_changed && !lines_.empty()) {
        const int first_row = static_cast<int>(first_changed / kTextureWidth);
        const int rows = static_cast<int>(last_changed / kTextureWidth) + 1 - first_row;
        glBindTexture(GL_TEXTURE_2D, line_texture_.get());
        glTexSubImage2D(
            GL_TEXTURE_2D, 0, 0, first_row, texture_width_, rows, GL_RGBA, GL_FLOAT,
            &line_texels_[4 * static_cast<std::size_t>(first_row) * static_cast<std::size_t>(kTextureWidth)]);
        ++texel_version_;
    }
    texel_seconds_ = state.seconds;
    texel_as_of_ = state.as_of;
    texel_dimmed_version_ = state.dimmed_version;
    texels_current_ = true;
}

// Lines in view that the frame shows at all, smoothly mapped to 0 (few) .. 1 (crowded).
float StoryRenderer::density_in_view(const StoryDrawState& state, const geo::Bounds& view, double margin_m,
                                     geo::Bounds& shown_bounds) const {
    std::size_t shown = 0;
    shown_bounds = {std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
                    std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        const Line& line = lines_[i];
        if (!line.drawn || line.source != geo::StoryLineSource::relation || !state.arcs) continue;
        if (((state.relation_kinds >> line.style) & 1U) == 0) continue;
        const float* texel = &line_texels_[4 * i];
        if (texel[0] <= 0.0F || texel[2] <= 0.0F || !intersects(line.bounds, view, margin_m)) continue;
        ++shown;
        const geo::FloatBounds& b = line.bounds;
        shown_bounds = {std::min<double>(shown_bounds.min_x, b.min_x), std::min<double>(shown_bounds.min_y, b.min_y),
                        std::max<double>(shown_bounds.max_x, b.max_x), std::max<double>(shown_bounds.max_y, b.max_y)};
    }
    // Routes are not counted (a story has few), but the cached picture holds them too.
    for (const Line& line : lines_) {
        if (!line.drawn || line.source != geo::StoryLineSource::route || !state.routes) continue;
        const geo::FloatBounds& b = line.bounds;
        shown_bounds = {std::min<double>(shown_bounds.min_x, b.min_x), std::min<double>(shown_bounds.min_y, b.min_y),
                        std::max<double>(shown_bounds.max_x, b.max_x), std::max<double>(shown_bounds.max_y, b.max_y)};
    }
    const double x = std::clamp((static_cast<double>(shown) - kSparseLines) / (kDenseLines - kSparseLines), 0.0, 1.0);
    return static_cast<float>(x * x * (3.0 - 2.0 * x));
}

// Pieces in view of lines the frame shows, in runs of consecutive ones, all in one call. Lines not yet drawn in
// (most of a large story while it plays) or hidden by kind or date cost nothing then; short gaps between runs are
// drawn over rather than split, since the shader drops their quads cheaply and every run costs a little.
void StoryRenderer::draw_pieces(std::size_t begin, std::size_t end, const geo::Bounds& view, double margin_m) {
    constexpr std::uint32_t kGapSegments = 32;
    constexpr std::size_t kBatchSegments = 50000;
    const int visible = frame_.visible;
    auto wanted = [&](const Piece& piece) {
        const Line& line = lines_[piece.line];
        const float* texel = &line_texels_[4 * piece.line];
        return ((visible >> line.style) & 1) != 0 && texel[0] > 0.0F && texel[2] > 0.0F &&
               intersects(piece.bounds, view, margin_m);
    };
    run_counts_.clear();
    run_offsets_.clear();
    std::uint32_t run_first = 0, run_end = 0;
    bool open = false;
    auto flush = [&] {
        if (open && run_end > run_first) {
            run_counts_.push_back(static_cast<GLsizei>(6 * (run_end - run_first)));
            run_offsets_.push_back(
                // NOLINTNEXTLINE(performance-no-int-to-ptr): GL takes an index buffer offset as a pointer
                reinterpret_cast<const void*>(static_cast<std::uintptr_t>(run_first) * 6 * sizeof(std::uint32_t)));
        }
        open = false;
    };
    // A software rasteriser keeps every triangle of a submitted batch in memory until it has drawn it: hundreds of
    // thousands of segments at once took 200 MB. In batches, each waiting for the one before the last, at most
    // two are held while the next is set up.
    std::size_t queued = 0;  // segments in the runs not yet submitted
    GLsync previous = nullptr;
    auto submit = [&] {
        if (run_counts_.empty()) return;
        glMultiDrawElements(GL_TRIANGLES, run_counts_.data(), GL_UNSIGNED_INT, run_offsets_.data(),
                            static_cast<GLsizei>(run_counts_.size()));
        run_counts_.clear();
        run_offsets_.clear();
        queued = 0;
    };
    for (std::size_t i = begin; i < end; ++i) {
        const Piece& piece = pieces_[i];
        if (piece.count == 0 || !wanted(piece)) continue;
        if (open && piece.first - run_end > kGapSegments) flush();
        if (!open) run_first = piece.first, open = true;
        queued += piece.first + piece.count - std::max(run_end, run_first);
        run_end = piece.first + piece.count;
        if (queued >= kBatchSegments) {
            flush();
            submit();
            GLsync fence = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
            if (previous) {
                glClientWaitSync(previous, GL_SYNC_FLUSH_COMMANDS_BIT, GL_TIMEOUT_IGNORED);
                glDeleteSync(previous);
            }
            previous = fence;
        }
    }
    flush();
    submit();
    if (previous) glDeleteSync(previous);
}

void StoryRenderer::draw(const Camera& camera, const StoryDrawState& state, float pixel_ratio, float opacity) {
    if (!has_geometry_ || pieces_.empty() || (!state.arcs && !state.routes)) return;
    if (!texels_current_ || texel_seconds_ != state.seconds || !(texel_as_of_ == state.as_of) ||
        texel_dimmed_version_ != state.dimmed_version)
        update_line_texels(state);
    const geo::Bounds view = camera.visible();
    const double margin_m = kCullMarginPx * pixel_ratio / camera.pixels_per_metre;
    geo::Bounds shown{};
    density_ = density_in_view(state, view, margin_m, shown);
    // Crowded lines stand still: ten thousand marching pulses and dashes are flicker, not flow. That also makes a
    // crowded picture a function of the view alone, which the cache below relies on.
    const bool crowded = density_ >= 1.0F;

    LinesFrame& f = frame_;
    f.center_x = camera.center.x;
    f.center_y = camera.center.y;
    f.pixels_per_metre = camera.pixels_per_metre;
    f.width = camera.width;
    f.height = camera.height;
    f.pixel_ratio = pixel_ratio;
    f.opacity = opacity;
    f.marker_scale = state.ui_scale * pixel_ratio;
    f.density = density_;
    f.highlighted = state.highlighted_line ? static_cast<GLint>(*state.highlighted_line) : -1;
    f.selected = state.selected_line ? static_cast<GLint>(*state.selected_line) : -1;
    f.texels = texel_version_;
    f.geometry = geometry_version_;

    // The style table is read every frame (a dozen entries), so a palette change shows without a new upload.
    const double clock = state.seconds && !crowded ? std::max(*state.seconds, 0.0) : 0.0;
    for (int s = 0; s < kStyleCount; ++s) {
        const LineStyle& style =
            s < kRouteStyle ? relation_style(static_cast<geo::RelationKind>(s)) : route_style(s == kHistoricRouteStyle);
        float dash = style.dash_px, gap = style.gap_px;
        if (s == kRouteStyle && dash <= 0.0F) dash = kAheadDashPx, gap = kAheadGapPx;
        // Dashed arcs march with the flow; routes' dashes stay on the ground.
        const double period = static_cast<double>(dash) + static_cast<double>(gap);
        const float phase = s < kRouteStyle && period > 0.0
                                ? static_cast<float>(std::fmod(clock * kFlowPixelsPerSecond, period))
                                : 0.0F;
        const std::size_t k = 4 * static_cast<std::size_t>(s);
        std::copy(style.color.begin(), style.color.end(), f.style_colors.begin() + static_cast<std::ptrdiff_t>(k));
        f.style_shapes[k] = 0.5F * style.width_px;
        f.style_shapes[k + 1] = dash;
        f.style_shapes[k + 2] = gap;
        f.style_shapes[k + 3] = phase;
    }
    f.visible = 0;
    for (int s = 0; s < kRouteStyle; ++s)
        if (state.arcs && ((state.relation_kinds >> s) & 1U) != 0) f.visible |= 1 << s;
    if (state.routes) f.visible |= (1 << kRouteStyle) | (1 << kHistoricRouteStyle);
    const double flow_period = kFlowPeriodPx * pixel_ratio;
    f.flow = {state.seconds && !crowded ? kFlowStrength : 0.0F,
              static_cast<float>(std::fmod(clock * kFlowPixelsPerSecond * pixel_ratio, flow_period)),
              static_cast<float>(flow_period)};
    f.routes = state.routes;
    f.arcs = state.arcs;

    if (!crowded) {
        draw_now(view, margin_m);
        return;
    }
    // A crowded picture takes the rasteriser long (millions of pixels of hairline); over a still view it is drawn
    // once into a texture of its own, premultiplied, and each frame only lays that over the map.
    GLint target = 0, read_target = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_target);
    if (!cache_valid_ || !(cached_frame_ == f)) {
        if (!prepare_cache(camera.width, camera.height)) {
            draw_now(view, margin_m);
            return;
        }
        GLfloat clear[4] = {};
        glGetFloatv(GL_COLOR_CLEAR_VALUE, clear);
        glBindFramebuffer(GL_FRAMEBUFFER, cache_framebuffer_.get());
        glDisable(GL_SCISSOR_TEST);
        glClearColor(0.0F, 0.0F, 0.0F, 0.0F);
        glClear(GL_COLOR_BUFFER_BIT);
        glClearColor(clear[0], clear[1], clear[2], clear[3]);
        draw_now(view, margin_m);
        cached_frame_ = f;
        cache_valid_ = true;
    }
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(target));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read_target));
    composite_cache(camera, shown, margin_m);
}

void StoryRenderer::draw_now(const geo::Bounds& view, double margin_m) {
    const LinesFrame& f = frame_;
    glViewport(0, 0, f.width, f.height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

    const Uniforms& u = uniforms_;
    glUseProgram(program_.get());
    glUniform2f(u.camera_center, static_cast<float>(f.center_x), static_cast<float>(f.center_y));
    glUniform1f(u.pixels_per_metre, static_cast<float>(f.pixels_per_metre));
    glUniform2f(u.viewport, static_cast<float>(f.width), static_cast<float>(f.height));
    glUniform4fv(u.style_color, kStyleCount, f.style_colors.data());
    glUniform4fv(u.style_shape, kStyleCount, f.style_shapes.data());
    glUniform1i(u.visible_styles, f.visible);
    glUniform1i(u.highlighted, f.highlighted);
    glUniform1i(u.selected, f.selected);
    glUniform4f(u.casing_color, kCasing[0], kCasing[1], kCasing[2], kCasing[3]);
    glUniform1f(u.pixel_ratio, f.pixel_ratio);
    glUniform1f(u.marker_scale, f.marker_scale);
    glUniform1f(u.opacity, f.opacity);
    glUniform1f(u.globe_radius, globe_radius_m_);
    glUniform1f(u.density, f.density);
    glUniform3f(u.flow, f.flow[0], f.flow[1], f.flow[2]);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_BUFFER, segment_texture_.get());
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, line_texture_.get());
    glBindVertexArray(vao_.get());

    // Routes, then the arcs over them, in one draw call where all is in view. Later lines pass over earlier ones
    // with their casing between, like a bridge.
    draw_pieces(f.routes ? 0 : first_relation_piece_, f.arcs ? pieces_.size() : first_relation_piece_, view, margin_m);
    glBindVertexArray(0);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_BUFFER, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glUseProgram(0);
}

bool StoryRenderer::prepare_cache(int width, int height) {
    if (cache_framebuffer_.get() != 0 && cache_width_ == width && cache_height_ == height) return true;
    cache_valid_ = false;
    cache_color_ = make_texture();
    glBindTexture(GL_TEXTURE_2D, cache_color_.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
    glBindTexture(GL_TEXTURE_2D, 0);
    GLuint framebuffer = 0;
    glGenFramebuffers(1, &framebuffer);
    cache_framebuffer_ = GlFramebuffer(framebuffer);
    GLint previous = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previous);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer);
    glFramebufferTexture2D(GL_DRAW_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, cache_color_.get(), 0);
    const bool complete = glCheckFramebufferStatus(GL_DRAW_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(previous));
    if (!complete) {
        cache_framebuffer_.reset();
        cache_color_.reset();
        return false;
    }
    cache_width_ = width;
    cache_height_ = height;
    return true;
}

// Premultiplied over the map, only where the lines' pieces reach: the rest of the texture is empty.
void StoryRenderer::composite_cache(const Camera& camera, const geo::Bounds& shown, double margin_m) {
    const geo::XY low = camera.metres_to_pixel({shown.min_x - margin_m, shown.min_y - margin_m});
    const geo::XY high = camera.metres_to_pixel({shown.max_x + margin_m, shown.max_y + margin_m});
    // Pixels from the top-left to GL's scissor box from the bottom-left.
    const auto clamp_x = [&](double x) {
        return static_cast<GLint>(std::clamp(x, 0.0, static_cast<double>(camera.width)));
    };
    const auto clamp_y = [&](double y) {
        return static_cast<GLint>(std::clamp(y, 0.0, static_cast<double>(camera.height)));
    };
    const GLint x0 = clamp_x(std::floor(low.x)), x1 = clamp_x(std::ceil(high.x));
    const GLint y0 = camera.height - clamp_y(std::ceil(low.y)), y1 = camera.height - clamp_y(std::floor(high.y));
    if (x1 <= x0 || y1 <= y0) return;
    glViewport(0, 0, camera.width, camera.height);
    glEnable(GL_SCISSOR_TEST);
    glScissor(x0, y0, x1 - x0, y1 - y0);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(composite_.get());
    glUniform1f(composite_opacity_, 1.0F);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, cache_color_.get());
    glBindVertexArray(vao_.get());
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glUseProgram(0);
    glDisable(GL_SCISSOR_TEST);
}

}  // namespace diplomap

#include "app/render/map_renderer.hpp"

#include <diplomap/embedded_shaders.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include "app/render/shader_program.hpp"

namespace diplomap {
namespace {

constexpr std::uint32_t kMaxInstancesPerDraw = 32768;

// Whether the viewport lies inside a convex ring (x, y pairs, either winding; empty: no).
bool covers_view(const std::vector<float>& ring, const Camera& camera) {
    const std::size_t n = ring.size() / 2;
    if (n < 3) return false;
    const geo::Bounds v = camera.visible();
    const geo::XY corners[] = {{v.min_x, v.min_y}, {v.max_x, v.min_y}, {v.max_x, v.max_y}, {v.min_x, v.max_y}};
    int winding = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double ax = ring[2 * i], ay = ring[2 * i + 1];
        const double bx = ring[2 * ((i + 1) % n)], by = ring[2 * ((i + 1) % n) + 1];
        for (const geo::XY& c : corners) {
            const double cross = (bx - ax) * (c.y - ay) - (by - ay) * (c.x - ax);
            const int side = cross > 0 ? 1 : -1;
            if (winding == 0) winding = side;
            if (side != winding) return false;
        }
    }
    return true;
}

// The ring of a convex fill's one fan (its centre, the ring, the ring's first vertex again); empty otherwise.
std::vector<float> convex_outline(const FillMesh& mesh) {
    if (!mesh.convex || mesh.levels.empty() || mesh.levels[0].counts.size() != 1) return {};
    const auto first = static_cast<std::size_t>(mesh.levels[0].firsts[0]) + 1;
    const auto count = static_cast<std::size_t>(mesh.levels[0].counts[0]) - 2;
    return {mesh.vertices.begin() + static_cast<std::ptrdiff_t>(2 * first),
            mesh.vertices.begin() + static_cast<std::ptrdiff_t>(2 * (first + count))};
}

bool intersects(const geo::FloatBounds& b, const geo::Bounds& view, double margin) {
    return b.max_x >= view.min_x - margin && b.min_x <= view.max_x + margin && b.max_y >= view.min_y - margin &&
           b.min_y <= view.max_y + margin;
}

}  // namespace

std::variant<MapRenderer, std::string> MapRenderer::create() {
    MapRenderer r;
    struct Source {
        GlProgram* target;
        const char* name;
        std::string_view vert, frag;
    };
    for (const Source& s : {Source{&r.fill_program_, "fill", shaders::fill_vert, shaders::fill_frag},
                            Source{&r.cover_program_, "cover", shaders::cover_vert, shaders::fill_frag},
                            Source{&r.line_program_, "line", shaders::line_vert, shaders::line_frag}}) {
        auto program = build_program(s.name, s.vert, s.frag);
        if (auto* error = std::get_if<std::string>(&program)) return *error;
        *s.target = std::move(std::get<GlProgram>(program));
    }
    r.empty_vao_ = make_vertex_array();
    for (FillLayer* f : {&r.ocean_, &r.land_}) {
        f->vertices = make_buffer();
        f->vao = make_vertex_array();
        glBindVertexArray(f->vao.get());
        glBindBuffer(GL_ARRAY_BUFFER, f->vertices.get());
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    }
    for (LineLayer* l : {&r.borders_, &r.coast_, &r.graticule_}) {
        l->vertices = make_buffer();
        l->vao = make_vertex_array();
        glBindVertexArray(l->vao.get());
        glBindBuffer(GL_ARRAY_BUFFER, l->vertices.get());
        for (GLuint attribute : {0U, 1U}) {
            glEnableVertexAttribArray(attribute);
            glVertexAttribDivisor(attribute, 1);
        }
    }
    glBindVertexArray(0);
    return r;
}

void MapRenderer::upload_fill(FillLayer& layer, const FillMesh& mesh) {
    glBindBuffer(GL_ARRAY_BUFFER, layer.vertices.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.vertices.size() * sizeof(float)), mesh.vertices.data(),
                 GL_STATIC_DRAW);
    layer.levels = mesh.levels;
    layer.convex = mesh.convex;
    std::size_t most = 0;
    for (const FillMesh::Level& level : layer.levels) most = std::max(most, level.firsts.size());
    layer.visible_firsts.reserve(most);
    layer.visible_counts.reserve(most);
}

void MapRenderer::upload_lines(LineLayer& layer, const LineMesh& mesh) {
    glBindBuffer(GL_ARRAY_BUFFER, layer.vertices.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.vertices.size() * sizeof(float)), mesh.vertices.data(),
                 GL_STATIC_DRAW);
    layer.levels = mesh.levels;
}

void MapRenderer::upload(const BasemapMesh& mesh) {
    upload_fill(ocean_, mesh.ocean);
    ocean_outline_ = convex_outline(mesh.ocean);
    upload_fill(land_, mesh.land);
    upload_lines(borders_, mesh.borders);
    upload_lines(coast_, mesh.coast);
    upload_lines(graticule_, mesh.graticule);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    spec_ = mesh.spec;
    detail_ = mesh.detail;
    first_level_ = mesh.first_level;
    has_scene_ = true;
    ++generation_;
}

void MapRenderer::set_camera_uniforms(GLuint program, const Camera& camera) const {
    glUniform2f(glGetUniformLocation(program, "u_camera_center"), static_cast<float>(camera.center.x),
                static_cast<float>(camera.center.y));
    glUniform1f(glGetUniformLocation(program, "u_pixels_per_metre"), static_cast<float>(camera.pixels_per_metre));
    glUniform2f(glGetUniformLocation(program, "u_viewport"), static_cast<float>(camera.width),
                static_cast<float>(camera.height));
}

// Even-odd fill in two passes: ring fans toggle the stencil, then one quad colours the pixels left odd and clears
// the stencil behind it. Self-intersecting and wrongly wound rings fill correctly, and nothing is triangulated.
void MapRenderer::draw_fill(FillLayer& layer, const Camera& camera, const Rgba& color, float opacity) {
    const geo::Bounds view = camera.visible();
    layer.visible_firsts.clear();
    layer.visible_counts.clear();
    const FillMesh::Level& level = layer.levels[fill_level_ - first_level_];
    geo::FloatBounds drawn{std::numeric_limits<float>::max(), std::numeric_limits<float>::max(),
                           std::numeric_limits<float>::lowest(), std::numeric_limits<float>::lowest()};
    for (std::size_t i = 0; i < level.bounds.size(); ++i)
        if (const geo::FloatBounds& b = level.bounds[i]; intersects(b, view, 0.0)) {
            layer.visible_firsts.push_back(level.firsts[i]);
            layer.visible_counts.push_back(level.counts[i]);
            drawn = {std::min(drawn.min_x, b.min_x), std::min(drawn.min_y, b.min_y), std::max(drawn.max_x, b.max_x),
                     std::max(drawn.max_y, b.max_y)};
        }
    if (layer.visible_firsts.empty()) return;
    // An opaque fill needs no blending, and blending reads back every pixel it covers.
    const float alpha = color[3] * opacity;
    if (alpha >= 1.0F) glDisable(GL_BLEND);

    if (layer.convex) {  // one fan covers each pixel inside once: no stencil needed
        glUseProgram(fill_program_.get());
        set_camera_uniforms(fill_program_.get(), camera);
        glUniform4f(glGetUniformLocation(fill_program_.get(), "u_color"), color[0], color[1], color[2], alpha);
        glBindVertexArray(layer.vao.get());
        glMultiDrawArrays(GL_TRIANGLE_FAN, layer.visible_firsts.data(), layer.visible_counts.data(),
                          static_cast<GLsizei>(layer.visible_firsts.size()));
        glEnable(GL_BLEND);
        return;
    }
    glEnable(GL_STENCIL_TEST);
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    glStencilFunc(GL_ALWAYS, 0, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
    glStencilMask(0x01);
    glUseProgram(fill_program_.get());
    set_camera_uniforms(fill_program_.get(), camera);
    glBindVertexArray(layer.vao.get());
    glMultiDrawArrays(GL_TRIANGLE_FAN, layer.visible_firsts.data(), layer.visible_counts.data(),
                      static_cast<GLsizei>(layer.visible_firsts.size()));

    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glStencilFunc(GL_EQUAL, 1, 0x01);
    glStencilOp(GL_ZERO, GL_ZERO, GL_ZERO);
    glUseProgram(cover_program_.get());
    glUniform4f(glGetUniformLocation(cover_program_.get(), "u_color"), color[0], color[1], color[2], alpha);
    glBindVertexArray(empty_vao_.get());
    // The cover need not reach beyond the fans drawn: a zoomed-out world map leaves much of the screen bare.
    const geo::XY low = camera.metres_to_pixel({drawn.min_x, drawn.min_y});
    const geo::XY high = camera.metres_to_pixel({drawn.max_x, drawn.max_y});
    const int x0 = std::clamp(static_cast<int>(std::floor(low.x)), 0, camera.width);
    const int x1 = std::clamp(static_cast<int>(std::ceil(high.x)) + 1, 0, camera.width);
    const int y0 = std::clamp(camera.height - static_cast<int>(std::ceil(low.y)) - 1, 0, camera.height);
    const int y1 = std::clamp(camera.height - static_cast<int>(std::floor(high.y)), 0, camera.height);
    glEnable(GL_SCISSOR_TEST);
    glScissor(x0, y0, x1 - x0, y1 - y0);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_BLEND);
}

void MapRenderer::draw_lines(const LineLayer& layer, const Camera& camera, const Rgba& color, float width_px,
                             float opacity) {
    const geo::Bounds view = camera.visible();
    const double margin = (width_px + 2.0) / camera.pixels_per_metre;
    glUseProgram(line_program_.get());
    set_camera_uniforms(line_program_.get(), camera);
    const GLuint program = line_program_.get();
    glUniform4f(glGetUniformLocation(program, "u_color"), color[0], color[1], color[2], color[3] * opacity);
    glUniform1f(glGetUniformLocation(program, "u_half_width"), 0.5F * width_px);
    glBindVertexArray(layer.vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, layer.vertices.get());
    // Consecutive visible paths merge into one run: one draw call per run, usually a handful per frame.
    const LineMesh::Level& level = layer.levels[level_ - first_level_];
    const std::size_t n = level.bounds.size();
    std::size_t i = 0;
    while (i < n) {
        if (!intersects(level.bounds[i], view, margin)) {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < n && intersects(level.bounds[j], view, margin)) ++j;
        // Segment k joins vertices k and k + 1; the break vertices between paths give segments that vanish.
        const std::uint32_t segments_end = level.ends[j - 1] - 1;
        // Mesa's software pipeline buffers every vertex shader output of a draw call before rasterising it: one
        // call over the 470k segments of the 10m coastline held ~75 MB. Bounded calls bound that memory.
        for (std::uint32_t first = level.firsts[i]; first < segments_end; first += kMaxInstancesPerDraw) {
            const std::uint32_t count = std::min(kMaxInstancesPerDraw, segments_end - first);
            const std::uintptr_t offset = static_cast<std::uintptr_t>(first) * 2 * sizeof(float);
            // NOLINTBEGIN(performance-no-int-to-ptr): GL takes a buffer offset as a pointer
            glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), reinterpret_cast<const void*>(offset));
            glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float),
                                  reinterpret_cast<const void*>(offset + 2 * sizeof(float)));
            // NOLINTEND(performance-no-int-to-ptr)
            glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(count));
        }
        i = j;
    }
}

void MapRenderer::draw(const Camera& camera, const LayerSet& layers, const MapStyle& style, float pixel_ratio,
                       float opacity, bool clear) {
    glViewport(0, 0, camera.width, camera.height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glStencilMask(0xFF);
    // Zoomed in, the ocean often covers the whole view: clearing to its colour is much cheaper than filling it.
    const bool ocean_covers_view = has_scene_ && clear && opacity >= 1.0F && style.ocean[3] >= 1.0F &&
                                   layers.has(Layer::Ocean) && covers_view(ocean_outline_, camera);
    if (clear) {
        const Rgba& under = ocean_covers_view ? style.ocean : style.background;
        glClearColor(under[0], under[1], under[2], under[3]);  // a transparent export clears to nothing
        glClearStencil(0);
        glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    } else {
        glClear(GL_STENCIL_BUFFER_BIT);
    }
    if (!has_scene_) return;
    const std::size_t last = first_level_ + land_.levels.size() - 1;
    level_ = std::clamp(geo::level_for_scale(1.0 / camera.pixels_per_metre, simplify_pixels_), first_level_, last);
    fill_level_ =
        std::clamp(geo::fill_level_for_scale(1.0 / camera.pixels_per_metre, simplify_pixels_), first_level_, last);
    if (layers.has(Layer::Ocean) && !ocean_covers_view) draw_fill(ocean_, camera, style.ocean, opacity);
    if (layers.has(Layer::Graticule))
        draw_lines(graticule_, camera, style.graticule, style.graticule_width_px * pixel_ratio, opacity);
    if (layers.has(Layer::Land)) draw_fill(land_, camera, style.land, opacity);
    if (layers.has(Layer::Borders))
        draw_lines(borders_, camera, style.borders, style.border_width_px * pixel_ratio, opacity);
    if (layers.has(Layer::Coast)) draw_lines(coast_, camera, style.coast, style.coast_width_px * pixel_ratio, opacity);
    glBindVertexArray(0);
    glUseProgram(0);
}

}  // namespace diplomap

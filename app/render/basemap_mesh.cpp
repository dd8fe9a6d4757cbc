#include "app/render/basemap_mesh.hpp"

#include <algorithm>
#include <limits>
#include <span>
#include <thread>
#include <utility>

namespace diplomap {
namespace {

constexpr double kLevelKeepRatio = 0.67;

struct LevelRange {
    std::size_t finest, coarsest;
};

// One level's paths as indices into the full paths' vertices.
struct LevelPaths {
    const geo::ProjectedPaths& full;
    const geo::KeptVertices& kept;

    [[nodiscard]] std::size_t path_count() const { return kept.path_count(); }
    [[nodiscard]] std::span<const std::uint32_t> path(std::size_t j) const {
        return std::span<const std::uint32_t>(kept.vertices)
            .subspan(kept.starts[j], kept.starts[j + 1] - kept.starts[j]);
    }
    [[nodiscard]] float x(std::uint32_t v) const { return full.xy[2 * v]; }
    [[nodiscard]] float y(std::uint32_t v) const { return full.xy[2 * v + 1]; }
    [[nodiscard]] const geo::FloatBounds& bounds(std::size_t j) const { return full.bounds[kept.paths[j]]; }
};

geo::KeptVertices all_vertices(const geo::ProjectedPaths& full) {
    geo::KeptVertices all;
    all.vertices.resize(full.vertex_count());
    for (std::uint32_t v = 0; v < all.vertices.size(); ++v) all.vertices[v] = v;
    all.starts.assign(full.starts.begin(), full.starts.end());
    all.paths.resize(full.path_count());
    for (std::uint32_t p = 0; p < all.paths.size(); ++p) all.paths[p] = p;
    return all;
}

// Significance is computed only when a simplified level is wanted; `simplify` is false for the ocean outline,
// which is the same at every level. Each level filters the one before it.
template <typename Mesh, typename AddLevel>
Mesh make_levels(const geo::ProjectedPaths& full, bool rings, bool simplify, LevelRange range, AddLevel add_level) {
    Mesh mesh;
    mesh.vertices.reserve(2 * full.xy.size());
    geo::KeptVertices kept = all_vertices(full);
    std::vector<float> significance;
    if (simplify && range.coarsest > 0) significance = geo::douglas_peucker_significance(full, rings);
    std::size_t drawn = 0;  // vertices in the last level given vertices of its own
    for (std::size_t level = 0; level <= range.coarsest; ++level) {
        if (level > 0 && !significance.empty())
            kept = geo::keep_significant(full, significance, geo::kLevelTolerancesMetres[level], rings, &kept);
        if (level < range.finest) continue;
        // A level that would keep most of the vertices of the one before costs memory and saves little drawing:
        // it draws the finer level's vertices instead.
        if (level > range.finest && static_cast<double>(kept.vertices.size()) > kLevelKeepRatio * drawn) {
            mesh.levels.push_back(mesh.levels.back());
            continue;
        }
        add_level(mesh, LevelPaths{full, kept});
        drawn = kept.vertices.size();
    }
    return mesh;
}

class FanWriter {
public:
    FanWriter(std::vector<float>& vertices, FillMesh::Level& level) : vertices_(vertices), level_(level) {}

    void begin() {
        first_ = vertices_.size();
        bounds_ = {std::numeric_limits<float>::max(), std::numeric_limits<float>::max(),
                   std::numeric_limits<float>::lowest(), std::numeric_limits<float>::lowest()};
    }
    void add(float x, float y) {
        vertices_.push_back(x);
        vertices_.push_back(y);
        bounds_ = {std::min(bounds_.min_x, x), std::min(bounds_.min_y, y), std::max(bounds_.max_x, x),
                   std::max(bounds_.max_y, y)};
    }
    void end() {
        level_.firsts.push_back(static_cast<std::int32_t>(first_ / 2));
        level_.counts.push_back(static_cast<std::int32_t>((vertices_.size() - first_) / 2));
        level_.bounds.push_back(bounds_);
    }

private:
    std::vector<float>& vertices_;
    FillMesh::Level& level_;
    std::size_t first_ = 0;
    geo::FloatBounds bounds_{};
};

// Even-odd parity, as chains of edges mod 2: a fan round A over the chunk v_s..v_e has the boundary A v_s,
// v_s..v_e, v_e A. The triangle (A_k, v_e, A_k+1) turns the chunk's closing edge v_e A_k into v_e A_k+1, which
// cancels the next chunk's opening edge, and adds A_k A_k+1. Round the ring, what is left is the ring itself plus
// the polygon of chunk centres, and a fan over the centres cancels that polygon. Pixels are covered an odd number
// of times exactly when they are inside the ring, as with one fan, but every triangle but the centres' is local.
void add_ring(FanWriter& fans, const LevelPaths& level, std::span<const std::uint32_t> ring, std::size_t chunk_edges) {
    const std::size_t n = ring.size();
    const auto x = [&](std::size_t i) { return level.x(ring[i % n]); };
    const auto y = [&](std::size_t i) { return level.y(ring[i % n]); };
    const auto fan_round_centre = [&](std::size_t from, std::size_t to) {  // vertices from..to, `to` may wrap
        geo::FloatBounds b{x(from), y(from), x(from), y(from)};
        for (std::size_t i = from; i <= to; ++i)
            b = {std::min(b.min_x, x(i)), std::min(b.min_y, y(i)), std::max(b.max_x, x(i)), std::max(b.max_y, y(i))};
        const float cx = 0.5F * (b.min_x + b.max_x), cy = 0.5F * (b.min_y + b.max_y);
        fans.begin();
        fans.add(cx, cy);
        for (std::size_t i = from; i <= to; ++i) fans.add(x(i), y(i));
        fans.end();
        return std::pair{cx, cy};
    };
    if (n <= chunk_edges) {
        fan_round_centre(0, n);
        return;
    }
    const std::size_t chunks = (n + chunk_edges - 1) / chunk_edges;
    std::vector<std::pair<float, float>> centres;
    centres.reserve(chunks);
    for (std::size_t c = 0; c < chunks; ++c)
        centres.push_back(fan_round_centre(c * chunk_edges, std::min((c + 1) * chunk_edges, n)));
    for (std::size_t c = 0; c < chunks; ++c) {
        const std::size_t end = std::min((c + 1) * chunk_edges, n);
        const auto [ax, ay] = centres[c];
        const auto [bx, by] = centres[(c + 1) % chunks];
        fans.begin();
        fans.add(ax, ay);
        fans.add(x(end), y(end));
        fans.add(bx, by);
        fans.end();
    }
    fans.begin();
    for (const auto& [cx, cy] : centres) fans.add(cx, cy);
    fans.end();
}

void add_rings(FillMesh& mesh, const LevelPaths& level, std::size_t chunk_edges) {
    FillMesh::Level& out = mesh.levels.emplace_back();
    FanWriter fans(mesh.vertices, out);
    for (std::size_t j = 0; j < level.path_count(); ++j) add_ring(fans, level, level.path(j), chunk_edges);
}

void add_fill_level(FillMesh& mesh, const LevelPaths& level) { add_rings(mesh, level, kFillChunkEdges); }

// A convex ring is drawn as one plain fan, without the stencil, so it is never cut into chunks.
void add_convex_level(FillMesh& mesh, const LevelPaths& level) { add_rings(mesh, level, level.full.vertex_count()); }

void add_line_level(LineMesh& mesh, const LevelPaths& level) {
    LineMesh::Level& out = mesh.levels.emplace_back();
    std::vector<float>& v = mesh.vertices;
    for (std::size_t j = 0; j < level.path_count(); ++j) {
        out.firsts.push_back(static_cast<std::uint32_t>(v.size() / 2));
        for (const std::uint32_t k : level.path(j)) {
            v.push_back(level.x(k));
            v.push_back(level.y(k));
        }
        out.ends.push_back(static_cast<std::uint32_t>(v.size() / 2));
        v.push_back(kLineBreak);
        v.push_back(kLineBreak);
        out.bounds.push_back(level.bounds(j));
    }
}

// One ring that turns the same way at every vertex (collinear runs allowed).
bool is_convex_ring(const geo::ProjectedPaths& paths) {
    if (paths.path_count() != 1) return false;
    const std::size_t n = paths.vertex_count();
    int sign = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const float* a = &paths.xy[2 * i];
        const float* b = &paths.xy[2 * ((i + 1) % n)];
        const float* c = &paths.xy[2 * ((i + 2) % n)];
        const double cross = (static_cast<double>(b[0]) - a[0]) * (static_cast<double>(c[1]) - b[1]) -
                             (static_cast<double>(b[1]) - a[1]) * (static_cast<double>(c[0]) - b[0]);
        const int s = cross > 0 ? 1 : (cross < 0 ? -1 : 0);
        if (s == 0) continue;
        if (sign != 0 && s != sign) return false;
        sign = s;
    }
    return sign != 0;
}

}  // namespace

BasemapMesh make_basemap_mesh(const geo::ProjectedScene& scene, std::size_t finest, std::size_t coarsest) {
    BasemapMesh mesh;
    mesh.spec = scene.spec;
    mesh.detail = scene.detail;
    mesh.world = scene.world;
    coarsest = std::min(coarsest, geo::kLevelCount - 1);
    finest = std::min(finest, coarsest);
    mesh.first_level = finest;
    const LevelRange range{finest, coarsest};
    // Land holds about half of the vertices: built beside the lines.
    std::thread land([&] { mesh.land = make_levels<FillMesh>(scene.land, true, true, range, add_fill_level); });
    if (is_convex_ring(scene.ocean)) {
        mesh.ocean = make_levels<FillMesh>(scene.ocean, true, false, range, add_convex_level);
        mesh.ocean.convex = true;
    } else {
        mesh.ocean = make_levels<FillMesh>(scene.ocean, true, false, range, add_fill_level);
    }
    mesh.borders = make_levels<LineMesh>(scene.borders, false, true, range, add_line_level);
    mesh.coast = make_levels<LineMesh>(scene.coast, false, true, range, add_line_level);
    mesh.graticule = make_levels<LineMesh>(scene.graticule, false, true, range, add_line_level);
    land.join();
    return mesh;
}

}  // namespace diplomap

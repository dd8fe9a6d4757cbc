#include "app/render/basemap_mesh.hpp"

#include <algorithm>
#include <thread>

namespace diplomap {
namespace {

struct LevelRange {
    std::size_t finest, coarsest;
};

// Significance is computed only when a simplified level is wanted; `simplify` is false for the ocean outline,
// which is the same at every level.
template <typename Mesh, typename AddLevel>
Mesh make_levels(const geo::ProjectedPaths& full, bool rings, bool simplify, LevelRange range, AddLevel add_level) {
    Mesh mesh;
    mesh.vertices.reserve(2 * full.xy.size());
    std::vector<float> significance;
    if (simplify && range.coarsest > 0) significance = geo::douglas_peucker_significance(full, rings);
    for (std::size_t level = range.finest; level <= range.coarsest; ++level) {
        if (level == 0 || significance.empty())
            add_level(mesh, full);
        else
            add_level(mesh, geo::simplify_paths(full, significance, geo::kLevelTolerancesMetres[level], rings));
    }
    return mesh;
}

void add_fill_level(FillMesh& mesh, const geo::ProjectedPaths& paths) {
    // Each ring becomes a fan round its bounding-box centre, closed by repeating its first vertex. Any anchor gives
    // the same even-odd result, but a central one keeps the fan's triangles small: fanning a long coastline from
    // one of its own ends makes every triangle span the continent, and the fill cost explodes.
    FillMesh::Level& level = mesh.levels.emplace_back();
    const std::size_t n = paths.path_count();
    level.firsts.resize(n);
    level.counts.resize(n);
    std::vector<float>& fans = mesh.vertices;
    for (std::size_t i = 0; i < n; ++i) {
        const geo::FloatBounds& b = paths.bounds[i];
        level.firsts[i] = static_cast<std::int32_t>(fans.size() / 2);
        fans.push_back(0.5F * (b.min_x + b.max_x));
        fans.push_back(0.5F * (b.min_y + b.max_y));
        fans.insert(fans.end(), paths.xy.begin() + 2 * paths.starts[i], paths.xy.begin() + 2 * paths.starts[i + 1]);
        fans.push_back(paths.xy[2 * paths.starts[i]]);
        fans.push_back(paths.xy[2 * paths.starts[i] + 1]);
        level.counts[i] = static_cast<std::int32_t>(paths.starts[i + 1] - paths.starts[i] + 2);
    }
    level.bounds = paths.bounds;
}

void add_line_level(LineMesh& mesh, const geo::ProjectedPaths& paths) {
    LineMesh::Level& level = mesh.levels.emplace_back();
    std::vector<float>& v = mesh.vertices;
    for (std::size_t p = 0; p < paths.path_count(); ++p) {
        level.firsts.push_back(static_cast<std::uint32_t>(v.size() / 2));
        v.insert(v.end(), paths.xy.begin() + 2 * paths.starts[p], paths.xy.begin() + 2 * paths.starts[p + 1]);
        level.ends.push_back(static_cast<std::uint32_t>(v.size() / 2));
        v.push_back(kLineBreak);
        v.push_back(kLineBreak);
    }
    level.bounds = paths.bounds;
}

}  // namespace

BasemapMesh make_basemap_mesh(const geo::ProjectedScene& scene, std::size_t finest, std::size_t coarsest) {
    BasemapMesh mesh;
    mesh.spec = scene.spec;
    mesh.detail = scene.detail;
    coarsest = std::min(coarsest, geo::kLevelCount - 1);
    finest = std::min(finest, coarsest);
    mesh.first_level = finest;
    const LevelRange range{finest, coarsest};
    // Land holds about half of the vertices: built beside the lines.
    std::thread land([&] { mesh.land = make_levels<FillMesh>(scene.land, true, true, range, add_fill_level); });
    mesh.ocean = make_levels<FillMesh>(scene.ocean, true, false, range, add_fill_level);
    mesh.borders = make_levels<LineMesh>(scene.borders, false, true, range, add_line_level);
    mesh.coast = make_levels<LineMesh>(scene.coast, false, true, range, add_line_level);
    mesh.graticule = make_levels<LineMesh>(scene.graticule, false, true, range, add_line_level);
    land.join();
    return mesh;
}

}  // namespace diplomap

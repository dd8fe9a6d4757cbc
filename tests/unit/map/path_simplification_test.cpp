// Douglas–Peucker significance: the simplified levels the renderer draws must stay within their tolerance of the
// full data, keep what they promise to keep (ends, rings' anchors), nest from level to level, and survive the
// degenerate rings Natural Earth has (repeated points, slivers).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "geo/map/basemap.hpp"
#include "geo/map/path_simplification.hpp"
#include "geo/map/projected_scene.hpp"
#include "geo/map/projection.hpp"
#include "projected_paths.hpp"

namespace {

using geo::ProjectedPaths;

using diplomap::test::make_paths;

// The paths with only the vertices whose significance reaches `tolerance`, as coordinates.
ProjectedPaths simplify_paths(const ProjectedPaths& paths, std::span<const float> significance, float tolerance,
                              bool rings) {
    const geo::KeptVertices kept = geo::keep_significant(paths, significance, tolerance, rings);
    ProjectedPaths out;
    out.xy.reserve(2 * kept.vertices.size());
    for (const std::uint32_t v : kept.vertices) {
        out.xy.push_back(paths.xy[2 * v]);
        out.xy.push_back(paths.xy[2 * v + 1]);
    }
    out.starts.assign(kept.starts.begin(), kept.starts.end());
    for (const std::uint32_t p : kept.paths) out.bounds.push_back(paths.bounds[p]);
    return out;
}

double distance_to_segment(double px, double py, double ax, double ay, double bx, double by) {
    const double dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
    const double t = l2 > 0 ? std::clamp(((px - ax) * dx + (py - ay) * dy) / l2, 0.0, 1.0) : 0.0;
    return std::hypot(px - ax - t * dx, py - ay - t * dy);
}

// The largest distance from a dropped vertex to the simplified edge that replaced it, over all paths.
double worst_deviation(const ProjectedPaths& full, const std::vector<float>& significance, float tolerance,
                       bool rings) {
    double worst = 0;
    for (std::size_t p = 0; p < full.path_count(); ++p) {
        const std::size_t first = full.starts[p], n = full.starts[p + 1] - first;
        std::vector<std::size_t> kept;
        for (std::size_t k = 0; k < n; ++k)
            if (significance[first + k] >= tolerance) kept.push_back(k);
        if (rings) kept.push_back(kept.front() + n);  // back round to the first kept vertex
        for (std::size_t e = 0; e + 1 < kept.size(); ++e) {
            const auto at = [&](std::size_t k) { return full.xy.data() + 2 * (first + k % n); };
            const float* a = at(kept[e]);
            const float* b = at(kept[e + 1]);
            for (std::size_t k = kept[e] + 1; k < kept[e + 1]; ++k)
                worst = std::max(worst, distance_to_segment(at(k)[0], at(k)[1], a[0], a[1], b[0], b[1]));
        }
    }
    return worst;
}

}  // namespace

TEST_CASE("significance is the Douglas–Peucker distance at which a vertex goes") {
    // A zigzag: (2, 3) is 3 from the chord (0,0)-(4,0); then (1, 1) is ~1.26 from (0,0)-(2,3) and (3, 0.5) is
    // ~1.57 from (2,3)-(4,0).
    const ProjectedPaths line = make_paths({{0, 0, 1, 1, 2, 3, 3, 0.5F, 4, 0}});
    const std::vector<float> s = geo::douglas_peucker_significance(line, false);
    REQUIRE(s.size() == 5);
    CHECK(std::isinf(s[0]));
    CHECK(std::isinf(s[4]));
    CHECK(s[2] == Approx(3.0));
    CHECK(s[1] == Approx(distance_to_segment(1, 1, 0, 0, 2, 3)));
    CHECK(s[3] == Approx(distance_to_segment(3, 0.5, 2, 3, 4, 0)));

    const ProjectedPaths at_2 = simplify_paths(line, s, 2.0F, false);
    CHECK(at_2.xy == std::vector<float>{0, 0, 2, 3, 4, 0});
    const ProjectedPaths at_4 = simplify_paths(line, s, 4.0F, false);
    CHECK(at_4.xy == std::vector<float>{0, 0, 4, 0});
}

TEST_CASE("a vertex exposed by a split is never more significant than the split") {
    // (9, 1) is 1 from the chord (0,0)-(10,0) and splits first; (8.9, -0.9) is only 0.9 from that chord but
    // 1.88 from the new one, (0,0)-(9,1). Capped at 1, it goes with (9, 1) and not before it: without the cap, a
    // tolerance of 1.5 would keep (8.9, -0.9) and drop the vertex it hangs from.
    const ProjectedPaths line = make_paths({{0, 0, 8.9F, -0.9F, 9, 1, 10, 0}});
    const std::vector<float> s = geo::douglas_peucker_significance(line, false);
    CHECK(s[2] == Approx(1.0));
    CHECK(distance_to_segment(8.9, -0.9, 0, 0, 9, 1) > 1.8);
    CHECK(s[1] == Approx(1.0));
    CHECK(simplify_paths(line, s, 1.5F, false).xy == std::vector<float>{0, 0, 10, 0});
    CHECK(simplify_paths(line, s, 0.5F, false).xy == line.xy);
}

TEST_CASE("rings keep their first and farthest vertices and never shrink below a triangle") {
    // A square with points along its edges, and a sliver ring of repeated points (as in the Maldives at 10m).
    const ProjectedPaths rings =
        make_paths({{0, 0, 5, 0, 10, 0, 10, 5, 10, 10, 5, 10, 0, 10, 0, 5}, {50, 50, 50, 50, 50.001F, 50, 50, 50}});
    const std::vector<float> s = geo::douglas_peucker_significance(rings, true);
    CHECK(std::isinf(s[0]));
    CHECK(std::isinf(s[4]));  // (10, 10), the corner farthest from (0, 0)
    const ProjectedPaths square = simplify_paths(rings, s, 1.0F, true);
    REQUIRE(square.path_count() == 2);
    CHECK(std::vector<float>(square.xy.begin(), square.xy.begin() + 8) ==
          std::vector<float>{0, 0, 10, 0, 10, 10, 0, 10});
    // The sliver stays a (degenerate) triangle at any tolerance: small islands keep their speck of land.
    const ProjectedPaths coarse = simplify_paths(rings, s, 1e9F, true);
    REQUIRE(coarse.path_count() == 2);
    CHECK(coarse.starts == std::vector<std::uint32_t>{0, 3, 6});
    const ProjectedPaths all = simplify_paths(rings, s, 0.0F, true);
    CHECK(all.xy == rings.xy);
    CHECK(all.path_count() == 2);
}

TEST_CASE("every level of the 50m land and coast stays within its tolerance of the full data") {
    auto loaded =
        geo::load_basemap(std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets" / "basemap", geo::Detail::Medium50m);
    if (auto* error = std::get_if<std::string>(&loaded)) FAIL(*error);
    const geo::Basemap& basemap = std::get<geo::Basemap>(loaded);
    auto projection = std::get<geo::Projection>(geo::Projection::create(geo::ProjectionSpec{"eqearth", {150, 0}, ""}));
    for (const bool rings : {true, false}) {
        const ProjectedPaths full =
            geo::project_paths(projection, rings ? basemap.land.paths : basemap.coast.paths, rings);
        const std::vector<float> s = geo::douglas_peucker_significance(full, rings);
        std::size_t previous = full.vertex_count() + 1;
        for (const float tolerance : geo::kLevelTolerancesMetres) {
            INFO((rings ? "land" : "coast") << " at " << tolerance << " m");
            // Float rounding of coordinates near 2e7 m is ~1 m.
            CHECK(worst_deviation(full, s, tolerance, rings) <= tolerance + 2.0);
            const std::size_t kept = simplify_paths(full, s, tolerance, rings).vertex_count();
            CHECK(kept <= previous);
            previous = kept;
        }
        // The coarsest level, for whole-world views, must be much lighter than the data.
        INFO("coarsest level keeps " << previous << " of " << full.vertex_count() << " vertices");
        CHECK(previous < full.vertex_count() / 3);
    }
}

TEST_CASE("the level for a scale keeps simplification under the pixel tolerance") {
    CHECK(geo::level_for_scale(10.0) == 0);  // zoomed far in: all vertices
    for (const double metres_per_pixel : {400.0, 1000.0, 5000.0, 20000.0, 1e6}) {
        const std::size_t level = geo::level_for_scale(metres_per_pixel);
        INFO(metres_per_pixel << " m/px: level " << level);
        CHECK(geo::kLevelTolerancesMetres[level] <= geo::kSimplifyPixels * metres_per_pixel);
        if (level + 1 < geo::kLevelCount)
            CHECK(geo::kLevelTolerancesMetres[level + 1] > geo::kSimplifyPixels * metres_per_pixel);
    }
}

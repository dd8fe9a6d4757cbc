// The basemap mesh on the CPU, without GL: the chunked fans of a long ring must give every point the same even-odd
// parity as the ring itself (the stencil fill depends on it), levels must cover every scale the renderer asks for,
// and line levels must keep their breaks between paths.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "app/render/basemap_mesh.hpp"
#include "projected_paths.hpp"

using namespace diplomap;

namespace {

geo::ProjectedPaths one_path(const std::vector<float>& xy) { return test::make_paths({xy}); }

// A ring of n vertices round the origin with a jagged radius: concave everywhere, and self-intersecting when
// `tangled` (every seventh vertex jumps across the centre).
std::vector<float> jagged_ring(std::size_t n, bool tangled) {
    std::mt19937 random(7);
    std::uniform_real_distribution<float> radius(40.0F, 100.0F);
    std::vector<float> xy;
    for (std::size_t i = 0; i < n; ++i) {
        const double a = 2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);
        const float r = (tangled && i % 7 == 0) ? -radius(random) : radius(random);
        xy.push_back(r * static_cast<float>(std::cos(a)));
        xy.push_back(r * static_cast<float>(std::sin(a)));
    }
    return xy;
}

bool crosses(float px, float py, float ax, float ay, float bx, float by) {
    return ((ay > py) != (by > py)) && (px < ax + (py - ay) * (bx - ax) / (by - ay));
}

// Even-odd rule against the ring itself.
bool inside_ring(const std::vector<float>& xy, float px, float py) {
    const std::size_t n = xy.size() / 2;
    bool inside = false;
    for (std::size_t i = 0, j = n - 1; i < n; j = i++)
        if (crosses(px, py, xy[2 * i], xy[2 * i + 1], xy[2 * j], xy[2 * j + 1])) inside = !inside;
    return inside;
}

bool in_triangle(float px, float py, const float* a, const float* b, const float* c) {
    const auto side = [&](const float* p, const float* q) {
        return (q[0] - p[0]) * (py - p[1]) - (q[1] - p[1]) * (px - p[0]);
    };
    const float d1 = side(a, b), d2 = side(b, c), d3 = side(c, a);
    const bool negative = d1 < 0 || d2 < 0 || d3<0, positive = d1> 0 || d2 > 0 || d3 > 0;
    return !(negative && positive);
}

// What the stencil pass computes for one pixel centre: the parity of the fan triangles covering it.
bool inside_fans(const FillMesh& mesh, const FillMesh::Level& level, float px, float py) {
    bool inside = false;
    for (std::size_t f = 0; f < level.firsts.size(); ++f) {
        const float* v = mesh.vertices.data() + 2 * static_cast<std::size_t>(level.firsts[f]);
        for (std::int32_t k = 1; k + 1 < level.counts[f]; ++k)
            if (in_triangle(px, py, v, v + 2 * k, v + 2 * (k + 1))) inside = !inside;
    }
    return inside;
}

geo::ProjectedScene scene_with_land(const std::vector<float>& ring) {
    geo::ProjectedScene scene;
    scene.land = one_path(ring);
    scene.ocean = one_path({-200, -200, 200, -200, 200, 200, -200, 200});
    return scene;
}

}  // namespace

TEST_CASE("chunked fans fill a long ring exactly as the ring's even-odd rule does", "[mesh]") {
    for (const bool tangled : {false, true}) {
        INFO((tangled ? "self-intersecting" : "simple") << " ring of 1000 vertices");
        const std::vector<float> ring = jagged_ring(1000, tangled);
        const BasemapMesh mesh = make_basemap_mesh(scene_with_land(ring), 0, 0);
        REQUIRE(mesh.land.levels.size() == 1);
        const FillMesh::Level& level = mesh.land.levels[0];
        // 1000 edges in chunks of 64: 16 chunk fans, 16 joins and one fan over the chunk centres.
        CHECK(level.firsts.size() == 2 * 16 + 1);
        std::size_t mismatches = 0, inside = 0, samples = 0;
        // Sample points off the grid of vertices so that none sits exactly on an edge.
        for (float y = -103.3F; y < 104; y += 1.7F)
            for (float x = -103.1F; x < 104; x += 1.9F) {
                const bool expected = inside_ring(ring, x, y);
                mismatches += expected != inside_fans(mesh.land, level, x, y) ? 1 : 0;
                inside += expected ? 1 : 0;
                ++samples;
            }
        INFO(inside << " of " << samples << " samples inside");
        CHECK(inside > samples / 10);
        CHECK(mismatches == 0);
    }
}

TEST_CASE("the convex ocean is one plain fan; other rings use the stencil", "[mesh]") {
    const BasemapMesh mesh = make_basemap_mesh(scene_with_land(jagged_ring(100, false)), 0, 0);
    CHECK(mesh.ocean.convex);
    REQUIRE(mesh.ocean.levels.size() == 1);
    CHECK(mesh.ocean.levels[0].firsts.size() == 1);
    CHECK_FALSE(mesh.land.convex);
    geo::ProjectedScene concave_ocean = scene_with_land(jagged_ring(100, false));
    concave_ocean.ocean = one_path(jagged_ring(30, false));
    CHECK_FALSE(make_basemap_mesh(concave_ocean, 0, 0).ocean.convex);
}

TEST_CASE("every level is present, and line levels break between paths", "[mesh]") {
    geo::ProjectedScene scene = scene_with_land(jagged_ring(500, false));
    // Two lines of 300 points each, wiggling by a metre: coarse levels keep only their ends.
    for (int line = 0; line < 2; ++line) {
        for (int i = 0; i < 300; ++i) {
            scene.coast.xy.push_back(static_cast<float>(i * 100));
            scene.coast.xy.push_back(static_cast<float>(line * 50000 + (i % 2)));
        }
        scene.coast.starts.push_back(static_cast<std::uint32_t>(scene.coast.xy.size() / 2));
        scene.coast.bounds.push_back(
            {0, static_cast<float>(line * 50000), 29900, static_cast<float>(line * 50000 + 1)});
    }
    const BasemapMesh mesh = make_basemap_mesh(scene);
    REQUIRE(mesh.coast.levels.size() == geo::kLevelCount);
    REQUIRE(mesh.land.levels.size() == geo::kLevelCount);
    const LineMesh::Level& full = mesh.coast.levels.front();
    const LineMesh::Level& coarsest = mesh.coast.levels.back();
    REQUIRE(full.firsts.size() == 2);
    CHECK(full.ends[0] - full.firsts[0] == 300);
    REQUIRE(coarsest.firsts.size() == 2);
    CHECK(coarsest.ends[0] - coarsest.firsts[0] == 2);
    // Between the two paths, a break vertex that the shader drops segments at.
    CHECK(mesh.coast.vertices[2 * full.ends[0]] == kLineBreak);
    CHECK(mesh.coast.vertices[2 * coarsest.ends[0]] == kLineBreak);
}

#include "geo/map/path_simplification.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace geo {
namespace {

constexpr float kAlwaysKept = std::numeric_limits<float>::infinity();

struct Span {
    std::size_t from, to;  // positions along the path; the vertex at position k is k % n
    float cap;             // a vertex is never more significant than the split that exposed it: keeps levels nested
};

// Douglas–Peucker over positions [from, to] of a path of n vertices starting at `xy`, writing significance.
void simplify_span(const float* xy, std::size_t n, Span whole, float* significance, std::vector<Span>& stack) {
    stack.clear();
    stack.push_back(whole);
    while (!stack.empty()) {
        const Span s = stack.back();
        stack.pop_back();
        if (s.to - s.from < 2) continue;
        // Squared distances to the segment (not the infinite line, which a ring's closing span would lack).
        const float ax = xy[2 * (s.from % n)], ay = xy[2 * (s.from % n) + 1];
        const float dx = xy[2 * (s.to % n)] - ax, dy = xy[2 * (s.to % n) + 1] - ay;
        const float length2 = dx * dx + dy * dy;
        const float inverse = length2 > 0 ? 1.0F / length2 : 0.0F;
        float farthest2 = -1;
        std::size_t at = s.from + 1;
        for (std::size_t k = s.from + 1; k < s.to; ++k) {
            const std::size_t v = k < n ? k : k - n;
            const float px = xy[2 * v] - ax, py = xy[2 * v + 1] - ay;
            const float t = std::clamp((px * dx + py * dy) * inverse, 0.0F, 1.0F);
            const float ex = px - t * dx, ey = py - t * dy;
            const float d2 = ex * ex + ey * ey;
            if (d2 > farthest2) {
                farthest2 = d2;
                at = k;
            }
        }
        const float kept = std::min(std::sqrt(farthest2), s.cap);
        significance[at % n] = kept;
        stack.push_back({s.from, at, kept});
        stack.push_back({at, s.to, kept});
    }
}

}  // namespace

std::vector<float> douglas_peucker_significance(const ProjectedPaths& paths, bool rings) {
    std::vector<float> significance(paths.vertex_count(), 0.0F);
    std::vector<Span> stack;
    for (std::size_t p = 0; p < paths.path_count(); ++p) {
        const std::size_t first = paths.starts[p], n = paths.starts[p + 1] - first;
        const float* xy = paths.xy.data() + 2 * first;
        float* sig = significance.data() + first;
        if (n == 0) continue;
        sig[0] = kAlwaysKept;
        if (!rings) {
            sig[n - 1] = kAlwaysKept;
            simplify_span(xy, n, {0, n - 1, kAlwaysKept}, sig, stack);
            continue;
        }
        // A ring is cut at three vertices, kept at every level so that it never shrinks below a triangle (a small
        // island stays a speck instead of vanishing): its first, the one farthest from it, and the one farthest
        // from the chord between those two. Each of the three spans is then simplified as a line.
        std::size_t far = 0;
        float far2 = -1;
        for (std::size_t k = 1; k < n; ++k) {
            const float dx = xy[2 * k] - xy[0], dy = xy[2 * k + 1] - xy[1];
            if (dx * dx + dy * dy > far2) {
                far2 = dx * dx + dy * dy;
                far = k;
            }
        }
        if (n < 3) continue;
        std::size_t third = far == 1 ? 2 : 1;
        float third2 = -1;
        const float cx = xy[2 * far] - xy[0], cy = xy[2 * far + 1] - xy[1];
        for (std::size_t k = 1; k < n; ++k) {
            if (k == far) continue;
            const float cross = cx * (xy[2 * k + 1] - xy[1]) - cy * (xy[2 * k] - xy[0]);
            if (cross * cross > third2) {
                third2 = cross * cross;
                third = k;
            }
        }
        const std::size_t mid = std::min(far, third), last = std::max(far, third);
        sig[mid] = sig[last] = kAlwaysKept;
        simplify_span(xy, n, {0, mid, kAlwaysKept}, sig, stack);
        simplify_span(xy, n, {mid, last, kAlwaysKept}, sig, stack);
        simplify_span(xy, n, {last, n, kAlwaysKept}, sig, stack);
    }
    return significance;
}

KeptVertices keep_significant(const ProjectedPaths& paths, std::span<const float> significance, float tolerance,
                              bool rings, const KeptVertices* finer) {
    KeptVertices out;
    const std::size_t min_vertices = rings ? 3 : 2;
    const auto keep_path = [&](std::uint32_t path) {
        if (out.vertices.size() - out.starts.back() < min_vertices) {
            out.vertices.resize(out.starts.back());
            return;
        }
        out.paths.push_back(path);
        out.starts.push_back(static_cast<std::uint32_t>(out.vertices.size()));
    };
    if (finer) {
        out.vertices.reserve(finer->vertices.size());
        for (std::size_t j = 0; j < finer->path_count(); ++j) {
            for (std::uint32_t k = finer->starts[j]; k < finer->starts[j + 1]; ++k)
                if (const std::uint32_t v = finer->vertices[k]; significance[v] >= tolerance) out.vertices.push_back(v);
            keep_path(finer->paths[j]);
        }
        return out;
    }
    out.vertices.reserve(paths.vertex_count());
    for (std::uint32_t p = 0; p < paths.path_count(); ++p) {
        for (std::uint32_t v = paths.starts[p]; v < paths.starts[p + 1]; ++v)
            if (significance[v] >= tolerance) out.vertices.push_back(v);
        keep_path(p);
    }
    return out;
}

}  // namespace geo

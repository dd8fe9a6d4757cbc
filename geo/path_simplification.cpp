#include "geo/path_simplification.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace geo {
namespace {

constexpr float kAlwaysKept = std::numeric_limits<float>::infinity();

float distance_to_segment(const float* p, const float* a, const float* b) {
    const float dx = b[0] - a[0], dy = b[1] - a[1];
    const float px = p[0] - a[0], py = p[1] - a[1];
    const float length2 = dx * dx + dy * dy;
    float t = length2 > 0 ? (px * dx + py * dy) / length2 : 0.0F;
    t = std::clamp(t, 0.0F, 1.0F);
    return std::hypot(px - t * dx, py - t * dy);
}

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
        const float* a = xy + 2 * (s.from % n);
        const float* b = xy + 2 * (s.to % n);
        float farthest = -1;
        std::size_t at = s.from + 1;
        for (std::size_t k = s.from + 1; k < s.to; ++k) {
            const float d = distance_to_segment(xy + 2 * (k % n), a, b);
            if (d > farthest) {
                farthest = d;
                at = k;
            }
        }
        const float kept = std::min(farthest, s.cap);
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
        // A ring splits at its first vertex and the vertex farthest from it; each half is then a line.
        std::size_t far = 0;
        float far_d = -1;
        for (std::size_t k = 1; k < n; ++k) {
            const float d = std::hypot(xy[2 * k] - xy[0], xy[2 * k + 1] - xy[1]);
            if (d > far_d) {
                far_d = d;
                far = k;
            }
        }
        sig[far] = kAlwaysKept;
        simplify_span(xy, n, {0, far, kAlwaysKept}, sig, stack);
        simplify_span(xy, n, {far, n, kAlwaysKept}, sig, stack);
    }
    return significance;
}

ProjectedPaths simplify_paths(const ProjectedPaths& paths, std::span<const float> significance, float tolerance,
                              bool rings) {
    ProjectedPaths out;
    out.xy.reserve(paths.xy.size() / 2);
    out.bounds.reserve(paths.bounds.size());
    const std::size_t min_vertices = rings ? 3 : 2;
    for (std::size_t p = 0; p < paths.path_count(); ++p) {
        const std::size_t begin = out.xy.size();
        for (std::size_t i = paths.starts[p]; i < paths.starts[p + 1]; ++i)
            if (significance[i] >= tolerance) {
                out.xy.push_back(paths.xy[2 * i]);
                out.xy.push_back(paths.xy[2 * i + 1]);
            }
        if ((out.xy.size() - begin) / 2 < min_vertices) {
            out.xy.resize(begin);
            continue;
        }
        out.starts.push_back(static_cast<std::uint32_t>(out.xy.size() / 2));
        out.bounds.push_back(paths.bounds[p]);
    }
    return out;
}

}  // namespace geo

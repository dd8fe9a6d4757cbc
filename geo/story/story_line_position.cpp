#include "geo/story/story_line_position.hpp"

#include <cmath>

namespace geo {

std::optional<LinePoint> point_on_line(const StoryGeometry& geometry, std::size_t line, double along) {
    if (line >= geometry.lines.size()) return std::nullopt;
    const StoryLine& l = geometry.lines[line];
    const ProjectedPaths& p = geometry.pieces;
    for (std::uint32_t piece = l.first_piece; piece < l.first_piece + l.piece_count; ++piece) {
        const std::uint32_t begin = p.starts[piece], end = p.starts[piece + 1];
        if (end - begin < 2 || along < geometry.along[begin] || along > geometry.along[end - 1]) continue;
        for (std::uint32_t i = begin; i + 1 < end; ++i) {
            const float a0 = geometry.along[i], a1 = geometry.along[i + 1];
            if (along < a0 || along > a1) continue;
            const double t = a1 > a0 ? (along - a0) / (a1 - a0) : 0.0;
            const double x0 = p.xy[2 * i], y0 = p.xy[2 * i + 1], x1 = p.xy[2 * i + 2], y1 = p.xy[2 * i + 3];
            const double dx = x1 - x0, dy = y1 - y0, length = std::hypot(dx, dy);
            LinePoint point{{x0 + t * dx, y0 + t * dy}, {0, 0}};
            if (length > 0) point.direction = {dx / length, dy / length};
            return point;
        }
    }
    return std::nullopt;
}

}  // namespace geo

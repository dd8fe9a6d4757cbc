#include "app/ui/edge_indicator.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace diplomap {

EdgeIndicatorBox place_edge_indicator(const geo::PixelRect& free, double dir_x, double dir_y, double inset,
                                      double arrow_size, double text_width, double text_height) {
    EdgeIndicatorBox out;
    const double length = std::hypot(dir_x, dir_y);
    out.dir_x = length > 0 ? dir_x / length : 0.0;
    out.dir_y = length > 0 ? dir_y / length : -1.0;
    const double cx = 0.5 * (free.left + free.right), cy = 0.5 * (free.top + free.bottom);
    const double half_w = std::max(0.5 * free.width() - inset, 1.0),
                 half_h = std::max(0.5 * free.height() - inset, 1.0);
    // The ray from the centre leaves the inset rectangle where the first of its two sides is reached.
    const double tx = std::abs(out.dir_x) > 1e-12 ? half_w / std::abs(out.dir_x) : 1e300;
    const double ty = std::abs(out.dir_y) > 1e-12 ? half_h / std::abs(out.dir_y) : 1e300;
    const double t = std::min(tx, ty);
    out.tip_x = cx + out.dir_x * t;
    out.tip_y = cy + out.dir_y * t;
    const double base_x = out.tip_x - out.dir_x * arrow_size, base_y = out.tip_y - out.dir_y * arrow_size;
    const double gap = 0.3 * arrow_size;
    double left = 0, top = 0;
    if (std::abs(out.dir_x) > std::abs(out.dir_y)) {
        left = out.dir_x > 0 ? base_x - gap - text_width : base_x + gap;
        top = out.tip_y - 0.5 * text_height;
    } else {
        left = out.tip_x - 0.5 * text_width;
        top = out.dir_y > 0 ? base_y - gap - text_height : base_y + gap;
    }
    left = std::clamp(left, free.left + inset, std::max(free.left + inset, free.right - inset - text_width));
    top = std::clamp(top, free.top + inset, std::max(free.top + inset, free.bottom - inset - text_height));
    out.text = {left, top, left + text_width, top + text_height};
    out.box = {std::min(left, out.tip_x - arrow_size), std::min(top, out.tip_y - arrow_size),
               std::max(out.text.right, out.tip_x + arrow_size), std::max(out.text.bottom, out.tip_y + arrow_size)};
    out.box.left = std::max(out.box.left, free.left);
    out.box.top = std::max(out.box.top, free.top);
    out.box.right = std::min(out.box.right, free.right);
    out.box.bottom = std::min(out.box.bottom, free.bottom);
    return out;
}

void bearing_direction(double from_lon, double from_lat, double to_lon, double to_lat, double& dir_x, double& dir_y) {
    constexpr double rad = std::numbers::pi / 180.0;
    const double p1 = from_lat * rad, p2 = to_lat * rad, dl = (to_lon - from_lon) * rad;
    const double bearing = std::atan2(std::sin(dl) * std::cos(p2),
                                      std::cos(p1) * std::sin(p2) - std::sin(p1) * std::cos(p2) * std::cos(dl));
    dir_x = std::sin(bearing);
    dir_y = -std::cos(bearing);
}

std::string indicator_text(std::string_view name, double metres) {
    const auto km = static_cast<long long>(std::llround(metres / 1000.0));
    std::string digits = std::to_string(km), grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += "\u202F";  // narrow no-break space
        grouped += digits[i];
    }
    return std::string(name) + " \u00B7 " + grouped + " km";
}

void draw_edge_indicator(ImDrawList& list, const EdgeIndicatorBox& indicator, const std::string& text,
                         float pixel_ratio, float arrow_size_px, bool hovered) {
    const auto pt = [pixel_ratio](double x, double y) {
        return ImVec2(static_cast<float>(x / pixel_ratio), static_cast<float>(y / pixel_ratio));
    };
    const float arrow = arrow_size_px / pixel_ratio;
    const ImVec2 tip = pt(indicator.tip_x, indicator.tip_y);
    const auto dx = static_cast<float>(indicator.dir_x), dy = static_cast<float>(indicator.dir_y);
    const ImVec2 back(tip.x - dx * arrow, tip.y - dy * arrow);
    const float half = 0.6F * arrow;
    const ImVec2 a(back.x - dy * half, back.y + dx * half), b(back.x + dy * half, back.y - dx * half);
    const ImU32 fill = hovered ? IM_COL32(255, 214, 120, 255) : IM_COL32(240, 240, 240, 240);
    const ImU32 shade = IM_COL32(20, 24, 32, 210);
    const ImVec2 text_min = pt(indicator.text.left, indicator.text.top);
    const ImVec2 text_max = pt(indicator.text.right, indicator.text.bottom);
    list.AddRectFilled(text_min, text_max, shade, 4.0F);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    list.AddText(ImVec2(0.5F * (text_min.x + text_max.x - size.x), 0.5F * (text_min.y + text_max.y - size.y)), fill,
                 text.c_str());
    // Dark with a light rim, as the text: it reads on the pale land and on the sea alike.
    list.AddTriangleFilled(tip, a, b, shade);
    list.AddTriangleFilled(tip, b, a, shade);
    list.AddTriangle(tip, a, b, fill, 1.5F);
}

}  // namespace diplomap

#include "app/style/color_vision.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace diplomap {
namespace {

using Matrix3 = std::array<std::array<double, 3>, 3>;

// Machado, Oliveira & Fernandes (2009), Table at severity 1.0: rows map linear RGB to linear RGB. Each row sums
// to one, so greys (white and black included) look the same to every viewer.
constexpr Matrix3 kProtanopia{
    {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix3 kDeuteranopia{
    {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}};
constexpr Matrix3 kTritanopia{
    {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}};

// Linear sRGB to CIE XYZ (IEC 61966-2-1, D65).
constexpr Matrix3 kRgbToXyz{
    {{0.4124564, 0.3575761, 0.1804375}, {0.2126729, 0.7151522, 0.0721750}, {0.0193339, 0.1191920, 0.9503041}}};

constexpr std::array<ColorVision, 4> kVisions{ColorVision::normal, ColorVision::protanopia, ColorVision::deuteranopia,
                                              ColorVision::tritanopia};

std::array<double, 3> multiply(const Matrix3& m, const std::array<double, 3>& v) {
    std::array<double, 3> out{};
    for (std::size_t r = 0; r < 3; ++r) out[r] = m[r][0] * v[0] + m[r][1] * v[1] + m[r][2] * v[2];
    return out;
}

std::array<double, 3> linear_rgb(const Rgba& color) {
    return {srgb_to_linear(color[0]), srgb_to_linear(color[1]), srgb_to_linear(color[2])};
}

double lab_f(double t) {
    constexpr double kDelta = 6.0 / 29.0;
    return t > kDelta * kDelta * kDelta ? std::cbrt(t) : t / (3.0 * kDelta * kDelta) + 4.0 / 29.0;
}

double degrees(double radians) { return radians * 180.0 / std::numbers::pi; }
double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

double pow7(double x) {
    const double x2 = x * x;
    return x2 * x2 * x2 * x;
}

}  // namespace

std::string_view to_string(ColorVision vision) {
    switch (vision) {
        case ColorVision::normal: return "normal";
        case ColorVision::protanopia: return "protanopia";
        case ColorVision::deuteranopia: return "deuteranopia";
        case ColorVision::tritanopia: return "tritanopia";
    }
    return "unknown";
}

std::span<const ColorVision> color_visions() { return kVisions; }

double srgb_to_linear(double encoded) {
    return encoded <= 0.04045 ? encoded / 12.92 : std::pow((encoded + 0.055) / 1.055, 2.4);
}

double linear_to_srgb(double linear) {
    return linear <= 0.0031308 ? linear * 12.92 : 1.055 * std::pow(linear, 1.0 / 2.4) - 0.055;
}

Rgba simulate_color_vision(const Rgba& color, ColorVision vision) {
    const Matrix3* m = nullptr;
    switch (vision) {
        case ColorVision::normal: return color;
        case ColorVision::protanopia: m = &kProtanopia; break;
        case ColorVision::deuteranopia: m = &kDeuteranopia; break;
        case ColorVision::tritanopia: m = &kTritanopia; break;
    }
    const std::array<double, 3> seen = multiply(*m, linear_rgb(color));
    Rgba out = color;
    for (std::size_t i = 0; i < 3; ++i) out[i] = static_cast<float>(linear_to_srgb(std::clamp(seen[i], 0.0, 1.0)));
    return out;
}

Lab to_lab(const Rgba& color) {
    // The white point is the matrix's own image of white, so that rounding in the published coefficients cannot
    // tint white.
    static const std::array<double, 3> kWhite = multiply(kRgbToXyz, {1.0, 1.0, 1.0});
    const std::array<double, 3> xyz = multiply(kRgbToXyz, linear_rgb(color));
    const double fx = lab_f(xyz[0] / kWhite[0]);
    const double fy = lab_f(xyz[1] / kWhite[1]);
    const double fz = lab_f(xyz[2] / kWhite[2]);
    return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

double delta_e76(const Lab& x, const Lab& y) { return std::hypot(x.l - y.l, x.a - y.a, x.b - y.b); }

// Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes", with kL = kC = kH = 1.
double delta_e2000(const Lab& x, const Lab& y) {
    const double c_mean = (std::hypot(x.a, x.b) + std::hypot(y.a, y.b)) / 2.0;
    const double g = 0.5 * (1.0 - std::sqrt(pow7(c_mean) / (pow7(c_mean) + pow7(25.0))));
    const double a1 = (1.0 + g) * x.a, a2 = (1.0 + g) * y.a;
    const double c1 = std::hypot(a1, x.b), c2 = std::hypot(a2, y.b);
    const auto hue = [](double b, double a) {
        if (a == 0.0 && b == 0.0) return 0.0;
        const double h = degrees(std::atan2(b, a));
        return h < 0.0 ? h + 360.0 : h;
    };
    const double h1 = hue(x.b, a1), h2 = hue(y.b, a2);
    const bool achromatic = c1 * c2 == 0.0;

    double dh = 0.0;
    if (!achromatic) {
        dh = h2 - h1;
        if (dh > 180.0) dh -= 360.0;
        if (dh < -180.0) dh += 360.0;
    }
    const double d_l = y.l - x.l;
    const double d_c = c2 - c1;
    const double d_h = 2.0 * std::sqrt(c1 * c2) * std::sin(radians(dh) / 2.0);

    const double l_bar = (x.l + y.l) / 2.0;
    const double c_bar = (c1 + c2) / 2.0;
    double h_bar = h1 + h2;
    if (!achromatic) {
        if (std::abs(h1 - h2) <= 180.0)
            h_bar = (h1 + h2) / 2.0;
        else if (h1 + h2 < 360.0)
            h_bar = (h1 + h2 + 360.0) / 2.0;
        else
            h_bar = (h1 + h2 - 360.0) / 2.0;
    }
    const double t = 1.0 - 0.17 * std::cos(radians(h_bar - 30.0)) + 0.24 * std::cos(radians(2.0 * h_bar)) +
                     0.32 * std::cos(radians(3.0 * h_bar + 6.0)) - 0.20 * std::cos(radians(4.0 * h_bar - 63.0));
    const double d_theta = 30.0 * std::exp(-std::pow((h_bar - 275.0) / 25.0, 2.0));
    const double r_c = 2.0 * std::sqrt(pow7(c_bar) / (pow7(c_bar) + pow7(25.0)));
    const double l50 = (l_bar - 50.0) * (l_bar - 50.0);
    const double s_l = 1.0 + 0.015 * l50 / std::sqrt(20.0 + l50);
    const double s_c = 1.0 + 0.045 * c_bar;
    const double s_h = 1.0 + 0.015 * c_bar * t;
    const double r_t = -std::sin(radians(2.0 * d_theta)) * r_c;

    const double tl = d_l / s_l, tc = d_c / s_c, th = d_h / s_h;
    return std::sqrt(tl * tl + tc * tc + th * th + r_t * tc * th);
}

double color_difference(const Rgba& x, const Rgba& y, ColorVision vision) {
    return delta_e2000(to_lab(simulate_color_vision(x, vision)), to_lab(simulate_color_vision(y, vision)));
}

}  // namespace diplomap

#pragma once
// Colour arithmetic for choosing map colours that everyone can tell apart: how a colour looks to a dichromat
// (Machado, Oliveira & Fernandes 2009, full severity, applied in linear RGB) and how far apart two colours look
// (CIEDE2000 on CIELAB under D65). Used by the relation palette's tests and by nothing on the frame loop.
#include <array>
#include <span>
#include <string_view>

#include "app/style/map_style.hpp"

namespace diplomap {

enum class ColorVision { normal, protanopia, deuteranopia, tritanopia };

std::string_view to_string(ColorVision vision);

// The visions a palette is checked against, in report order.
std::span<const ColorVision> color_visions();

struct Lab {
    double l = 0, a = 0, b = 0;
};

// sRGB's transfer curve, one channel in [0, 1].
double srgb_to_linear(double encoded);
double linear_to_srgb(double linear);

// `color` (sRGB) as a viewer with `vision` sees it, in sRGB; alpha is kept. Results outside the gamut are clamped.
Rgba simulate_color_vision(const Rgba& color, ColorVision vision);

// CIELAB of an sRGB colour (alpha ignored), D65 white, so that white is exactly L* = 100, a* = b* = 0.
Lab to_lab(const Rgba& color);

double delta_e76(const Lab& x, const Lab& y);
double delta_e2000(const Lab& x, const Lab& y);

// CIEDE2000 between two sRGB colours as a viewer with `vision` sees both.
double color_difference(const Rgba& x, const Rgba& y, ColorVision vision = ColorVision::normal);

}  // namespace diplomap

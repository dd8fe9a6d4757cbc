#pragma once
// Colours and line widths of the basemap. Muted, light tones so that the story's arcs carry the colour.
#include <array>

namespace diplomap {

using Rgba = std::array<float, 4>;

constexpr Rgba rgb(unsigned hex, float alpha = 1.0F) {
    return {static_cast<float>((hex >> 16) & 0xFF) / 255.0F, static_cast<float>((hex >> 8) & 0xFF) / 255.0F,
            static_cast<float>(hex & 0xFF) / 255.0F, alpha};
}

struct MapStyle {
    Rgba background = rgb(0x1d2630);  // outside the map: the globe's surroundings
    Rgba ocean = rgb(0xcfe0ec);
    Rgba land = rgb(0xf3efe4);
    Rgba borders = rgb(0x9a8f84);
    Rgba coast = rgb(0x5f7f97);
    Rgba graticule = rgb(0x8fb0c6, 0.55F);
    float border_width_px = 0.9F;
    float coast_width_px = 1.1F;
    float graticule_width_px = 0.7F;
};

}  // namespace diplomap

#pragma once
// The basemap of the window, drawn once and copied while the view stands still. On a software renderer the
// basemap costs tens of milliseconds per frame, while the story animates over an unchanging map most of the time:
// a still view then costs one texture copy. While the view moves the map is drawn straight to the window, so
// panning pays nothing extra.
#include <cstdint>
#include <optional>

#include "app/render/camera.hpp"
#include "app/render/map_renderer.hpp"
#include "app/render/offscreen_target.hpp"
#include "app/style/layers.hpp"

namespace diplomap {

class BasemapCache {
public:
    // Draws into `framebuffer` (the window's, 0, unless an offscreen target's is given) and leaves it bound.
    void draw(MapRenderer& renderer, const Camera& camera, const LayerSet& layers, const MapStyle& style,
              float pixel_ratio, GLuint framebuffer = 0);
    [[nodiscard]] bool last_frame_from_cache() const { return from_cache_; }

private:
    struct Key {
        double center_x = 0, center_y = 0, pixels_per_metre = 0;
        int width = 0, height = 0;
        LayerSet layers = LayerSet::none();
        std::uint64_t generation = 0;
        float pixel_ratio = 1;
        double simplify_pixels = 0;  // the coarser drawing of a moving view is not kept once it rests
        bool operator==(const Key&) const = default;
    };

    std::optional<OffscreenTarget> target_;
    std::optional<Key> cached_;    // what target_ holds
    std::optional<Key> previous_;  // what the last frame showed
    bool from_cache_ = false;
};

}  // namespace diplomap

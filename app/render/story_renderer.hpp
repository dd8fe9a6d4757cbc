#pragma once
// Draws the story's arcs and routes with GL: every line of a StoryGeometry in a handful of instanced draw calls,
// anti-aliased in the shader, styled by kind (relation_style.hpp). upload() runs once per projection or story
// change; draw() per frame sets only uniforms (time, camera, highlight) and issues the draw calls.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "app/render/camera.hpp"
#include "app/render/gl_objects.hpp"
#include "geo/story.hpp"
#include "geo/story_animation.hpp"
#include "geo/story_geometry.hpp"

namespace diplomap {

struct StoryDrawState {
    std::optional<double> seconds;         // animation clock; empty: the settled story
    bool arcs = true;                      // relation arcs shown
    bool routes = true;                    // routes shown
    std::uint32_t relation_kinds = ~0U;    // bit per geo::RelationKind: which kinds are shown
    std::optional<std::size_t> highlighted_line;  // index into StoryGeometry::lines (hover)
    std::optional<std::size_t> selected_line;     // index into StoryGeometry::lines (click)
};

class StoryRenderer {
public:
    static std::variant<StoryRenderer, std::string> create();

    void upload(const geo::Story& story, const geo::StoryGeometry& geometry, const geo::StoryAnimation& animation);
    [[nodiscard]] bool has_geometry() const { return has_geometry_; }

    // Draws over what is in the bound framebuffer (the basemap); blending on, no depth test.
    void draw(const Camera& camera, const StoryDrawState& state, float pixel_ratio, float opacity = 1.0F);

private:
    StoryRenderer() = default;
    bool has_geometry_ = false;
};

}  // namespace diplomap

#pragma once
// The story's places on the map: markers sized by role (the main cities larger and gently pulsing), their labels
// placed so that none overlaps another, rings for meetings at a place, and the train riding its route. Drawn
// through an ImGui draw list after the GL layers, so the window and every export carry the same marks in the same
// font (with the German glyphs the labels need).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/render/camera.hpp"
#include "geo/map/label_layout.hpp"
#include "geo/story/selection.hpp"
#include "geo/story/story.hpp"
#include "geo/story/story_animation.hpp"
#include "geo/story/story_filter.hpp"
#include "geo/story/story_geometry.hpp"

#include <imgui.h>

namespace diplomap {

struct StoryOverlayOptions {
    std::string language = "de";    // of the labels; falls back to the story's language
    std::optional<double> seconds;  // the animation clock; empty: the settled story
    bool markers = true;
    bool labels = true;
    bool train = true;                   // the train marker (with the routes layer)
    bool meetings = true;                // rings for relations at one place (with the arcs layer)
    std::uint32_t relation_kinds = ~0U;  // bit per geo::RelationKind shown
    geo::AsOf as_of;                     // meetings and trains of dates not yet begun stay hidden
    geo::Selection selection;
    // Per place, 1 where a slide's highlight leaves it in the background: drawn faint, still visible. Empty: none.
    std::span<const std::uint8_t> dimmed_places;
    float ui_scale = 1.0F;         // sizes are in UI points times this
    float pixels_per_unit = 1.0F;  // framebuffer pixels per draw-list unit (the window's pixel ratio)
};

// A label as drawn, for tests and for picking: box in draw-list units.
struct DrawnLabel {
    std::size_t place = 0;
    geo::LabelBox box;
};

class StoryOverlay {
public:
    void draw(ImDrawList& list, const geo::Story& story, const geo::StoryGeometry& geometry,
              const geo::StoryAnimation& animation, const Camera& camera, const StoryOverlayOptions& options);

    // Per place, the marker's radius in framebuffer pixels as last drawn (0: not drawn), for picking.
    [[nodiscard]] std::span<const double> marker_radii_px() const { return radii_px_; }
    [[nodiscard]] std::span<const DrawnLabel> labels() const { return drawn_labels_; }

    // The marker's radius in UI points for a place, before ui_scale.
    static float marker_radius(const geo::Place& place);

private:
    void draw_labels(ImDrawList& list, const geo::Story& story, const StoryOverlayOptions& options, float width,
                     float height);

    std::vector<double> radii_px_;
    std::vector<std::optional<ImVec2>> centres_;  // per place, in draw-list units; empty off screen
    std::vector<int> ring_count_;
    std::vector<geo::LabelCandidate> candidates_;
    std::vector<std::size_t> candidate_place_;
    std::vector<DrawnLabel> drawn_labels_;
    geo::LabelLayout layout_;
};

}  // namespace diplomap

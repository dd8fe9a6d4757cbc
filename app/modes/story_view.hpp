#pragma once
// The story on the map, as the window and every export draw it: arcs and routes by GL (StoryRenderer), markers,
// labels and the train through a draw list (StoryOverlay). Holds the story, its geometry for the projection on
// screen and the animation. The geometry is built when first drawn, with as many segments per arc as the scale on
// screen needs, and rebuilt only when the story or the projection changes, or the zoom by more than a factor 2.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "app/render/camera.hpp"
#include "app/render/story_overlay.hpp"
#include "app/render/story_renderer.hpp"
#include "app/style/layers.hpp"
#include "geo/map/projection.hpp"
#include "geo/story/selection.hpp"
#include "geo/story/story.hpp"
#include "geo/story/story_animation.hpp"
#include "geo/story/story_geometry.hpp"

namespace diplomap {

// Everything about one frame of the story besides the camera: a pure input, so equal frames look equal.
struct StoryFrame {
    std::optional<double> seconds;  // the animation clock; empty: the settled story
    // "What was known when": only relations and routes dated up to `as_of` show (undated ones always do). When the
    // date changes at clock time `as_of_changed_seconds`, relations newly shown draw themselves in from then, and
    // those that `previous_as_of` showed but `as_of` hides fade out; so a frame stays a pure function of its inputs.
    std::optional<std::chrono::year_month_day> as_of;
    std::optional<std::chrono::year_month_day> previous_as_of;
    double as_of_changed_seconds = -1e9;
    LayerSet layers = LayerSet::all();
    std::uint32_t relation_kinds = ~0U;  // bit per geo::RelationKind
    geo::Selection selection;
    std::string language = "de";
    float ui_scale = 1.0F;
    float pixel_ratio = 1.0F;  // framebuffer pixels per UI point
};

class StoryView {
public:
    static std::variant<StoryView, std::string> create();

    // Replaces the story; the geometry follows at once for the projection last given.
    void set_story(geo::Story story);
    void clear_story();
    void set_projection(const geo::Projection& projection);
    // Builds the geometry again at the next draw, for that draw's scale, as a freshly made view would (a filmed
    // flight that lands looks exactly like the still of where it lands).
    void rebuild_geometry() { geometry_current_ = false; }
    // What a slide highlights: everything else is drawn faint. Nullopt: nothing dims.
    void set_focus(const std::optional<geo::SlideHighlight>& focus);
    [[nodiscard]] const std::optional<geo::SlideHighlight>& focus() const { return focus_; }

    [[nodiscard]] bool has_story() const { return story_.has_value(); }
    [[nodiscard]] const geo::Story& story() const { return *story_; }
    // As last drawn (empty before the first draw).
    [[nodiscard]] const geo::StoryGeometry& geometry() const { return geometry_; }
    [[nodiscard]] const geo::StoryAnimation& animation() const { return *animation_; }
    [[nodiscard]] const StoryOverlay& overlay() const { return overlay_; }
    // How long the story takes to play once: the last arc drawn, the train's first journey done.
    [[nodiscard]] double play_seconds() const;

    // GL: arcs and routes over the basemap in the bound framebuffer.
    void draw_lines(const Camera& camera, const StoryFrame& frame, float opacity = 1.0F);
    // Markers, labels, the train: into the draw list, after the GL layers.
    void draw_marks(ImDrawList& list, const Camera& camera, const StoryFrame& frame);

    // The story item under framebuffer pixel (px, py), as drawn in the last frame; lines hidden by the frame's
    // layers, kinds, clock or date are passed over.
    [[nodiscard]] geo::StoryItem pick(const Camera& camera, double px, double py, const StoryFrame& frame) const;

private:
    explicit StoryView(StoryRenderer renderer) : renderer_(std::move(renderer)) {}
    // Builds the geometry for the camera's scale where it is missing or was built for a scale too far off.
    void fit_geometry(const Camera& camera);

    StoryRenderer renderer_;
    StoryOverlay overlay_;
    std::optional<geo::Story> story_;
    std::optional<geo::StoryAnimation> animation_;
    std::optional<geo::Projection> projection_;
    geo::StoryGeometry geometry_;
    bool geometry_current_ = false;  // geometry_ belongs to the story and projection held
    double geometry_scale_ = 0;      // the pixels per metre it was built for
    std::optional<geo::SlideHighlight> focus_;
    std::vector<std::uint8_t> dimmed_places_, dimmed_lines_;  // from focus_, per place and per line
    std::uint64_t dimmed_version_ = 0;
    void update_dimmed();
};

}  // namespace diplomap

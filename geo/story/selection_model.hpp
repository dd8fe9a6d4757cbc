#pragma once
// How the map and the article point at each other: an excerpt belongs to relations, a relation to its places and
// excerpts, a place to the relations that touch it and the people who speak from it. The model keeps the one
// Selection that markers, arcs and panels share, the excerpts it highlights, and one-shot requests for the window
// (scroll the article to an excerpt, fly the camera to an item). Plain data: testable with no GL and no ImGui.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "geo/story/selection.hpp"
#include "geo/map/sphere.hpp"
#include "geo/story/story.hpp"

namespace geo {

// Excerpts in the order they stand in the article.
[[nodiscard]] std::vector<std::size_t> excerpts_in_article_order(const Story& story);

// The excerpts that tell of `item`, in article order: a relation's own; for a place, those of every relation that
// starts or ends there and every quotation of a person speaking from there; for a route, those of the relations
// travelled along it.
[[nodiscard]] std::vector<std::size_t> excerpts_of(const Story& story, const StoryItem& item);

// The relation an excerpt is quoted for: the first (in story order) that lists it; nullopt when none does.
[[nodiscard]] std::optional<std::size_t> relation_of_excerpt(const Story& story, std::size_t excerpt);

// A person's quotations (excerpts with them as speaker), in article order.
[[nodiscard]] std::vector<std::size_t> quotes_of(const Story& story, std::size_t person);

// The points the view must show for `item`: both ends of a relation, a place, every waypoint of a route.
[[nodiscard]] std::vector<LonLat> points_of(const Story& story, const StoryItem& item);

class SelectionModel {
public:
    enum class From { map, panel };

    [[nodiscard]] const Selection& selection() const { return selection_; }
    void set_hovered(const StoryItem& item) { selection_.hovered = item; }

    // A pick on the map (or a clear with an empty item): highlights the item's excerpts and asks the article to
    // scroll to the first. The map already shows the item, so the camera stays.
    void select(const Story& story, const StoryItem& item, From from = From::map);
    // A click on an excerpt: selects its relation, asks the camera to fit both ends of it. An excerpt quoted for no
    // relation is still marked active, and the camera flies to its speaker's place if known.
    void select_excerpt(const Story& story, std::size_t excerpt);
    // A panel asks for an item to be shown (search, timeline, people): selected and flown to.
    void show(const Story& story, const StoryItem& item);
    void clear();

    // After a reload: the selection survives when its item still exists, derived state is recomputed.
    void story_replaced(const Story& story);

    [[nodiscard]] std::span<const std::size_t> highlighted_excerpts() const { return highlighted_; }
    [[nodiscard]] bool highlighted(std::size_t excerpt) const {
        return excerpt < highlighted_mask_.size() && highlighted_mask_[excerpt] != 0;
    }
    [[nodiscard]] std::optional<std::size_t> active_excerpt() const { return active_excerpt_; }

    // One-shot requests: each returns its value once and then nothing until the next change.
    [[nodiscard]] std::optional<std::size_t> take_scroll_request();
    [[nodiscard]] std::optional<StoryItem> take_flight_request();
    // Counts every change of the selected item, so that panels can tell a new selection from an old one.
    [[nodiscard]] std::uint64_t generation() const { return generation_; }

private:
    void set_selected(const Story& story, const StoryItem& item);

    Selection selection_;
    std::vector<std::size_t> highlighted_;
    std::vector<unsigned char> highlighted_mask_;  // per excerpt, for O(1) lookups while panels draw
    std::optional<std::size_t> active_excerpt_;
    std::optional<std::size_t> scroll_request_;
    std::optional<StoryItem> flight_request_;
    std::uint64_t generation_ = 0;
};

}  // namespace geo

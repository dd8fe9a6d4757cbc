#pragma once
// What the user has picked on the map or in a panel: one place, relation or route of the story. Markers, arcs and
// panels all read and write this one value.
#include <cstddef>

namespace geo {

struct StoryItem {
    enum class Kind { none, place, relation, route };
    Kind kind = Kind::none;
    std::size_t index = 0;  // into Story::places, Story::relations or Story::routes

    [[nodiscard]] bool empty() const { return kind == Kind::none; }
    bool operator==(const StoryItem&) const = default;
};

struct Selection {
    StoryItem hovered;   // under the pointer now
    StoryItem selected;  // clicked
};

}  // namespace geo

#pragma once
// What the author's hand does on the map while editing, as a pure state machine of pointer and key events, so
// that every gesture is tested without a window:
//   - a click on the empty map asks for a new place there; a drag of the empty map pans it;
//   - a click on a place, relation or route selects it;
//   - a drag of a marker moves the place, unless it ends on another place: then it draws a relation between the
//     two (the marker goes back where it was);
//   - with the route tool, each click adds a waypoint (at a place when on one), Enter finishes the route and
//     Escape drops it; a drag still pans.
#include <cstddef>
#include <cstdint>

#include "geo/story/selection.hpp"

namespace diplomap {

enum class EditTool : std::uint8_t { select, route };

// The pointer in framebuffer pixels and what the story has under it there.
struct MapPointer {
    double x = 0, y = 0;
    geo::StoryItem item;
};

struct EditAction {
    enum class Kind : std::uint8_t {
        none,
        select,         // `item` (empty: clear the selection)
        ask_new_place,  // at x, y
        pan,            // by dx, dy
        move_place,     // `place` to x, y
        draw_relation,  // from `place` to `to_place`
        add_waypoint,   // at x, y; at `item` when it is a place
        finish_route,
        cancel_route,
    };
    Kind kind = Kind::none;
    geo::StoryItem item;
    std::size_t place = 0, to_place = 0;
    double x = 0, y = 0, dx = 0, dy = 0;
};

// What a drag under way shows: a marker on its way, or the line of a relation being drawn.
struct EditDragPreview {
    enum class Kind : std::uint8_t { none, move_place, relation };
    Kind kind = Kind::none;
    std::size_t place = 0;
    double x = 0, y = 0;    // the pointer
    geo::StoryItem target;  // the place under the pointer, for a relation
};

class EditGestures {
public:
    // A press and release closer than `click_slop` pixels is a click.
    explicit EditGestures(double click_slop) : slop_(click_slop) {}

    EditAction press(const MapPointer& pointer, EditTool tool);
    EditAction move(const MapPointer& pointer);
    EditAction release(const MapPointer& pointer);
    // Enter and Escape on the map: finish or drop a route; Escape also ends a drag where it began.
    EditAction enter(EditTool tool);
    EditAction escape(EditTool tool);

    [[nodiscard]] EditDragPreview preview() const { return preview_; }
    [[nodiscard]] bool busy() const { return state_ != State::idle; }

private:
    enum class State : std::uint8_t { idle, pressed_empty, panning, pressed_item, dragging_place };
    [[nodiscard]] bool beyond_slop(const MapPointer& pointer) const;

    double slop_;
    State state_ = State::idle;
    EditTool tool_ = EditTool::select;
    MapPointer pressed_;
    double last_x_ = 0, last_y_ = 0;
    EditDragPreview preview_;
};

}  // namespace diplomap

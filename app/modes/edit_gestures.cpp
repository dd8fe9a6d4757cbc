#include "app/modes/edit_gestures.hpp"

#include <cmath>

namespace diplomap {

bool EditGestures::beyond_slop(const MapPointer& pointer) const {
    return std::hypot(pointer.x - pressed_.x, pointer.y - pressed_.y) >= slop_;
}

EditAction EditGestures::press(const MapPointer& pointer, EditTool tool) {
    tool_ = tool;
    pressed_ = pointer;
    last_x_ = pointer.x;
    last_y_ = pointer.y;
    preview_ = {};
    // With the route tool every click is a waypoint, on an item or not.
    state_ = tool == EditTool::select && !pointer.item.empty() ? State::pressed_item : State::pressed_empty;
    return {};
}

EditAction EditGestures::move(const MapPointer& pointer) {
    EditAction action;
    switch (state_) {
        case State::idle: break;
        case State::pressed_empty:
        case State::panning:
            if (state_ == State::pressed_empty && !beyond_slop(pointer)) break;
            state_ = State::panning;
            action.kind = EditAction::Kind::pan;
            action.dx = pointer.x - last_x_;
            action.dy = pointer.y - last_y_;
            last_x_ = pointer.x;
            last_y_ = pointer.y;
            break;
        case State::pressed_item:
        case State::dragging_place:
            if (state_ == State::pressed_item && !beyond_slop(pointer)) break;
            if (pressed_.item.kind != geo::StoryItem::Kind::place) {
                // A relation or route is not dragged: the hand pans the map instead.
                state_ = State::pressed_empty;
                return move(pointer);
            }
            state_ = State::dragging_place;
            preview_.place = pressed_.item.index;
            preview_.x = pointer.x;
            preview_.y = pointer.y;
            preview_.target = {};
            if (pointer.item.kind == geo::StoryItem::Kind::place && pointer.item.index != pressed_.item.index) {
                preview_.kind = EditDragPreview::Kind::relation;
                preview_.target = pointer.item;
            } else {
                preview_.kind = EditDragPreview::Kind::move_place;
            }
            break;
    }
    return action;
}

EditAction EditGestures::release(const MapPointer& pointer) {
    EditAction action;
    const State state = state_;
    // The last move may not have been reported: the release point decides.
    if (state == State::dragging_place || state == State::pressed_item) (void)move(pointer);
    switch (state_) {
        case State::idle:
        case State::panning: break;
        case State::pressed_empty:
            if (tool_ == EditTool::route) {
                action.kind = EditAction::Kind::add_waypoint;
                action.item = pressed_.item.kind == geo::StoryItem::Kind::place ? pressed_.item : geo::StoryItem{};
            } else {
                action.kind = EditAction::Kind::ask_new_place;
            }
            action.x = pressed_.x;
            action.y = pressed_.y;
            break;
        case State::pressed_item:
            action.kind = EditAction::Kind::select;
            action.item = pressed_.item;
            break;
        case State::dragging_place:
            action.place = pressed_.item.index;
            if (preview_.kind == EditDragPreview::Kind::relation) {
                action.kind = EditAction::Kind::draw_relation;
                action.to_place = preview_.target.index;
            } else {
                action.kind = EditAction::Kind::move_place;
                action.x = pointer.x;
                action.y = pointer.y;
            }
            break;
    }
    state_ = State::idle;
    preview_ = {};
    return action;
}

EditAction EditGestures::enter(EditTool tool) {
    EditAction action;
    if (tool == EditTool::route && state_ == State::idle) action.kind = EditAction::Kind::finish_route;
    return action;
}

EditAction EditGestures::escape(EditTool tool) {
    EditAction action;
    if (state_ != State::idle) {
        state_ = State::idle;
        preview_ = {};
        return action;
    }
    action.kind = tool == EditTool::route ? EditAction::Kind::cancel_route : EditAction::Kind::select;
    return action;
}

}  // namespace diplomap

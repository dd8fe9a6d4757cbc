// The editor's map gestures as a pure state machine: clicks, drags of markers (a move, or a relation when the drag
// ends on another place), panning, and the route tool's clicks, Enter and Escape.
#include <catch2/catch.hpp>

#include "app/modes/edit_gestures.hpp"

using namespace diplomap;
using Kind = EditAction::Kind;

namespace {

constexpr double kSlop = 4.0;

MapPointer at(double x, double y) { return {x, y, {}}; }
MapPointer at_place(double x, double y, std::size_t place) { return {x, y, {geo::StoryItem::Kind::place, place}}; }

}  // namespace

TEST_CASE("a click on the empty map asks for a place there, a click on an item selects it", "[edit][gestures]") {
    EditGestures g(kSlop);
    CHECK(g.press(at(100, 50), EditTool::select).kind == Kind::none);
    CHECK(g.move(at(102, 51)).kind == Kind::none);  // within the slop: still a click
    const EditAction click = g.release(at(102, 51));
    CHECK(click.kind == Kind::ask_new_place);
    CHECK(click.x == 100);
    CHECK(click.y == 50);
    CHECK_FALSE(g.busy());

    const geo::StoryItem relation{geo::StoryItem::Kind::relation, 3};
    (void)g.press({10, 10, relation}, EditTool::select);
    const EditAction select = g.release({11, 10, relation});
    CHECK(select.kind == Kind::select);
    CHECK(select.item == relation);
}

TEST_CASE("a drag of the empty map pans it by each step of the hand", "[edit][gestures]") {
    EditGestures g(kSlop);
    (void)g.press(at(100, 100), EditTool::select);
    const EditAction first = g.move(at(110, 95));
    CHECK(first.kind == Kind::pan);
    CHECK(first.dx == 10);
    CHECK(first.dy == -5);
    const EditAction second = g.move(at(111, 95));
    CHECK(second.dx == 1);
    CHECK(g.release(at(111, 95)).kind == Kind::none);  // a pan is no click
    // A drag that starts on a relation pans too.
    (void)g.press({0, 0, {geo::StoryItem::Kind::relation, 1}}, EditTool::select);
    CHECK(g.move(at(20, 0)).kind == Kind::pan);
    CHECK(g.release(at(20, 0)).kind == Kind::none);
}

TEST_CASE("a marker dragged to an empty spot moves its place there", "[edit][gestures]") {
    EditGestures g(kSlop);
    (void)g.press(at_place(200, 200, 4), EditTool::select);
    CHECK(g.move(at(230, 210)).kind == Kind::none);
    CHECK(g.preview().kind == EditDragPreview::Kind::move_place);
    CHECK(g.preview().place == 4);
    CHECK(g.preview().x == 230);
    // Passing over the marker it started on is still a move.
    (void)g.move(at_place(201, 200, 4));
    CHECK(g.preview().kind == EditDragPreview::Kind::move_place);
    const EditAction moved = g.release(at(240, 260));
    CHECK(moved.kind == Kind::move_place);
    CHECK(moved.place == 4);
    CHECK(moved.x == 240);
    CHECK(moved.y == 260);
    CHECK(g.preview().kind == EditDragPreview::Kind::none);
}

TEST_CASE("a marker dragged onto another place draws a relation between the two", "[edit][gestures]") {
    EditGestures g(kSlop);
    (void)g.press(at_place(200, 200, 1), EditTool::select);
    (void)g.move(at_place(400, 300, 2));
    CHECK(g.preview().kind == EditDragPreview::Kind::relation);
    CHECK(g.preview().target.index == 2);
    const EditAction relation = g.release(at_place(401, 300, 2));
    CHECK(relation.kind == Kind::draw_relation);
    CHECK(relation.place == 1);
    CHECK(relation.to_place == 2);
    // Released in one step, with no move reported in between: the release point still decides.
    (void)g.press(at_place(200, 200, 1), EditTool::select);
    CHECK(g.release(at_place(300, 300, 5)).kind == Kind::draw_relation);
    // A press and release on a marker selects its place.
    (void)g.press(at_place(200, 200, 1), EditTool::select);
    const EditAction select = g.release(at_place(201, 201, 1));
    CHECK(select.kind == Kind::select);
    CHECK(select.item.index == 1);
}

TEST_CASE("Escape ends a drag where it began", "[edit][gestures]") {
    EditGestures g(kSlop);
    (void)g.press(at_place(200, 200, 1), EditTool::select);
    (void)g.move(at(300, 300));
    CHECK(g.escape(EditTool::select).kind == Kind::none);
    CHECK_FALSE(g.busy());
    CHECK(g.release(at(300, 300)).kind == Kind::none);
    CHECK(g.escape(EditTool::select).kind == Kind::select);  // with nothing under way: clears the selection
}

TEST_CASE("the route tool adds a waypoint per click, at a place when on one, and Enter finishes", "[edit][gestures]") {
    EditGestures g(kSlop);
    (void)g.press(at_place(50, 50, 7), EditTool::route);
    const EditAction first = g.release(at_place(50, 50, 7));
    CHECK(first.kind == Kind::add_waypoint);
    CHECK(first.item.kind == geo::StoryItem::Kind::place);
    CHECK(first.item.index == 7);
    (void)g.press(at(80, 90), EditTool::route);
    const EditAction second = g.release(at(81, 90));
    CHECK(second.kind == Kind::add_waypoint);
    CHECK(second.item.empty());
    CHECK(second.x == 80);
    // A drag pans, adding nothing; a marker is not moved with the route tool.
    (void)g.press(at_place(50, 50, 7), EditTool::route);
    CHECK(g.move(at(90, 50)).kind == Kind::pan);
    CHECK(g.release(at(90, 50)).kind == Kind::none);
    CHECK(g.enter(EditTool::route).kind == Kind::finish_route);
    CHECK(g.enter(EditTool::select).kind == Kind::none);
    CHECK(g.escape(EditTool::route).kind == Kind::cancel_route);
}

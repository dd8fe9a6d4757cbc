#pragma once
// A story open for editing: the story file as an order-keeping JSON tree that edit operations change, each one an
// undoable step, and a save that writes the canonical style (docs/story-format.md, "Canonical style") atomically.
// Fields, `_comment`s and list orders the editor does not know survive every edit and save; numbers keep the text
// they were written with unless an edit changed them. After every step the tree is read again by the story reader,
// so what the editor shows is exactly what `diplomap check` would say about the file a save would write.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/story/story.hpp"
#include "geo/text/diagnostic.hpp"
#include "geo/text/json_positions.hpp"

namespace geo {

// The kinds of item that edits name by id (timeline events have no id and are edited only through the file).
enum class ItemKind { place, person, route, relation, excerpt, slide };

// What an edit did. An edit that cannot apply changes nothing and records no step.
struct EditResult {
    std::string error;   // why the edit was refused (unknown id, bad range, ...); empty when it was applied
    std::string id;      // the id an add_* operation gave its new item; else the id edited
    std::string detail;  // what else the same step changed (what a delete took with it), for the status line
    [[nodiscard]] bool ok() const { return error.empty(); }
};

// One step of the history, as a kind and the names it applies to, so that the viewer can word it in the interface's
// language (app/style/edit_step_text); describe() words it in English.
enum class EditStepKind : std::uint8_t {
    add,                  // subject: the new item's name or id
    move_place,           // subject: the place's name
    rename,               // subject: the old name
    set_role,             // subject: the place's name
    make_main,            // subject: the place's name
    make_not_main,        // subject: the place's name
    add_excerpt,          // subject: the excerpt's id
    set_speaker,          // subject: the excerpt's or relation's id
    add_relation,         // subject: the relation's label
    set_relation_kind,    // subject: the relation's id
    set_relation_places,  // subject: the relation's id
    set_relation_date,    // subject: the relation's id
    set_relation_route,   // subject: the relation's id
    add_excerpt_to,       // subject: the excerpt's id, object: the relation's id
    remove_excerpt_from,  // subject: the excerpt's id, object: the relation's id
    add_route,            // subject: the route's label or id
    add_waypoint,         // subject: the route's id
    move_waypoint,        // subject: the route's id
    remove_waypoint,      // subject: the route's id
    set_route_mode,       // subject: the route's id
    set_person_place,     // subject: the person's name
    edit_text,            // subject: the item's id, object: the field ("label", "names", "translation", ...)
    edit_title,
    set_story_date,
    set_story_source,
    mark_reviewed,  // subject: the item's name
    remove,         // subject: the item's name
};
struct EditStep {
    EditStepKind kind = EditStepKind::add;
    std::string subject, object;
};
// "Move Pjöngjang", "Add ex-doch-wo-und to statement-busan-vladivostok", "Edit the title".
[[nodiscard]] std::string describe(const EditStep& step);

// A waypoint to add: at a place (`place` names its id; lon/lat are then not written) or at coordinates.
struct NewWaypoint {
    double lon = 0.0;
    double lat = 0.0;
    std::string place;  // a place id, or empty
    std::string name;   // a station label, or empty
    bool stop = false;  // the journey halts here
};

// "Add slide from this view": an explicit camera (as on the command line) and what the slide highlights.
struct NewSlide {
    std::string projection;  // a projection name or PROJ string; empty: none written (the projection on screen)
    double center_lon = 0.0;
    double center_lat = 0.0;
    double zoom = 0.0;                                   // 0..12
    std::vector<std::string> places, relations, routes;  // highlight, by id
    // The caption: an excerpt id, else `caption_text` in every one of the story's languages, else one made up:
    // the first excerpt of the first highlighted relation, or the names of the highlighted places.
    std::string caption_excerpt;
    std::string caption_text;
};

struct DocumentOpen;

struct DocumentSave {
    Diagnostics problems;  // the errors that made the save refuse (the file on disk is untouched)
    std::string error;     // or why writing failed (the file on disk is untouched)
    [[nodiscard]] bool ok() const { return problems.empty() && error.empty(); }
};

class StoryDocument {
public:
    // A story folder (holding story.json) or the story.json file. Refused with the loader's errors when the story
    // does not load: the editor starts from a good story (a draft with warnings is good).
    [[nodiscard]] static DocumentOpen open(const std::filesystem::path& folder_or_story_json);
    // The same from text in memory; `story_file` is where save() writes and what messages name.
    [[nodiscard]] static DocumentOpen from_text(std::string_view json, std::string article_text,
                                                std::filesystem::path story_file);

    // ---- What the document holds now
    // The story as of the latest step that read without errors (after a step with errors, the one before it).
    [[nodiscard]] const Story& story() const { return story_; }
    // The errors of the current step (a save is refused while there are any) and its warnings. Positions are in
    // text(), which is what a save writes.
    [[nodiscard]] const Diagnostics& problems() const { return problems_; }
    [[nodiscard]] const Diagnostics& warnings() const { return warnings_; }
    // story.json in the canonical style, exactly the bytes save() would write. A live-reload watcher is told
    // about them before the save (StoryWatcher::expect_own_write) so that the editor's own save is no change.
    [[nodiscard]] const std::string& text() const { return states_[at_].text; }
    [[nodiscard]] const std::string& article_text() const { return article_text_; }
    [[nodiscard]] const std::filesystem::path& story_file() const { return story_file_; }
    [[nodiscard]] const std::string& language() const { return story_.meta.language; }
    // The JSON tree of the current step (for fields the edit operations do not cover; read only).
    [[nodiscard]] const JsonValue& json() const { return root_; }

    // ---- Places. Each step writes and reads the whole story again (5-12 ms for the bundled story,
    // docs/PERFORMANCE.md): a drag moves the marker on screen and commits one move_place when it ends.
    EditResult add_place(std::string_view name, double lon, double lat, PlaceRole role = PlaceRole::city,
                         std::string_view coordinate_source = {});
    EditResult move_place(std::string_view id, double lon, double lat);
    // `language` empty: the story's language.
    EditResult rename_place(std::string_view id, std::string_view name, std::string_view language = {});
    EditResult set_place_role(std::string_view id, PlaceRole role);
    EditResult set_place_main(std::string_view id, bool main);

    // ---- Excerpts: bytes [begin, end) of the article, written verbatim with their `start`/`end`.
    EditResult add_excerpt_from_range(std::size_t begin, std::size_t end, std::string_view speaker = {});
    EditResult set_excerpt_speaker(std::string_view id, std::string_view speaker);  // empty: none
    EditResult set_translation(std::string_view excerpt, std::string_view language, std::string_view text);

    // ---- Relations (`date` as in the format, e.g. "2023-09-12"; empty arguments are left out)
    EditResult add_relation(std::string_view from, std::string_view to, RelationKind kind, std::string_view date = {},
                            std::string_view speaker = {}, std::string_view excerpt = {});
    EditResult set_relation_kind(std::string_view id, RelationKind kind);
    EditResult set_relation_places(std::string_view id, std::string_view from, std::string_view to);
    EditResult set_relation_date(std::string_view id, std::string_view date);        // empty: none
    EditResult set_relation_speaker(std::string_view id, std::string_view speaker);  // empty: none
    EditResult set_relation_route(std::string_view id, std::string_view route);      // empty: none
    EditResult add_relation_excerpt(std::string_view id, std::string_view excerpt);
    EditResult remove_relation_excerpt(std::string_view id, std::string_view excerpt);

    // ---- Routes (at least two waypoints, as the format asks)
    EditResult add_route(RouteMode mode, const std::vector<NewWaypoint>& waypoints, std::string_view label = {});
    EditResult append_route_waypoint(std::string_view route, const NewWaypoint& waypoint);
    // A waypoint at a place becomes one at coordinates when moved.
    EditResult move_route_waypoint(std::string_view route, std::size_t index, double lon, double lat);
    EditResult remove_route_waypoint(std::string_view route, std::size_t index);
    EditResult set_route_mode(std::string_view route, RouteMode mode);

    // ---- People (`role`, `affiliation` in the story's language; empty: left out)
    EditResult add_person(std::string_view name, std::string_view role = {}, std::string_view affiliation = {},
                          std::string_view place = {});
    EditResult rename_person(std::string_view id, std::string_view name);
    EditResult set_person_place(std::string_view id, std::string_view place);  // empty: none

    // ---- Text fields in one language: `field` is a Text field of the item ("names", "label", "note", "role",
    // "affiliation", "translation"); `language` empty: the story's language. A plain string becomes an object
    // when a second language is added.
    EditResult set_text(ItemKind kind, std::string_view id, std::string_view field, std::string_view language,
                        std::string_view text);

    // ---- The story's own fields
    EditResult set_title(std::string_view language, std::string_view text);
    EditResult set_date(std::string_view date);
    EditResult set_source(std::string_view source);

    // ---- Review and delete
    EditResult mark_reviewed(ItemKind kind, std::string_view id);  // removes "draft"
    // Deletes the item and, in the same step, what would dangle without it: a place's relations (and their
    // slides' mentions), its waypoints become coordinates, people and events lose their `place`; a person is
    // removed as speaker; an excerpt from relations, and slides captioned with it are deleted; a route from its
    // relations; and every id from slide highlights and fits. `detail` lists what went with it.
    EditResult delete_item(ItemKind kind, std::string_view id);

    // ---- Slides: appended at the end of `slides`.
    EditResult add_slide(const NewSlide& slide);

    // ---- History. Each successful edit is one step.
    [[nodiscard]] bool can_undo() const { return at_ > 0; }
    [[nodiscard]] bool can_redo() const { return at_ + 1 < states_.size(); }
    // For the Edit menu: "Move Pjöngjang"; empty when there is nothing to undo/redo.
    [[nodiscard]] std::string undo_description() const;
    [[nodiscard]] std::string redo_description() const;
    // The same steps, to be worded in another language; null when there is nothing to undo/redo.
    [[nodiscard]] const EditStep* undo_step() const;
    [[nodiscard]] const EditStep* redo_step() const;
    bool undo();
    bool redo();
    // Changed since opened or last saved (undoing back to the saved step makes it clean again).
    [[nodiscard]] bool dirty() const { return !saved_at_ || *saved_at_ != at_; }

    // ---- Saving: refused with the problems while the story has errors (warnings do not stop a save); otherwise
    // written atomically (a temporary file beside the target, fsync, rename). save() writes story_file().
    DocumentSave save();
    // Another story.json (the document then belongs to it); the article is copied beside it when not there.
    DocumentSave save_as(const std::filesystem::path& story_json);

private:
    struct State {
        std::string text;  // canonical story.json after this step
        EditStep step;     // the step that led here (unused for the opened file)
    };

    StoryDocument() = default;
    // Applies a change made to a copy of the tree as one step.
    EditResult commit(JsonValue changed, EditStep step, EditResult result);
    // story_, problems_, warnings_ and root_ from states_[at_]; `tree` is that text's tree when the caller has it.
    void read_current(std::optional<JsonValue> tree = std::nullopt);

    std::filesystem::path story_file_;
    std::string article_text_;
    // The history as snapshots of the whole text, one per step: stories are tens of kilobytes, so a hundred
    // steps cost a few megabytes, and a snapshot cannot get out of step the way an inverse operation can.
    std::vector<State> states_;
    std::size_t at_ = 0;
    std::optional<std::size_t> saved_at_;
    JsonValue root_;  // states_[at_].text as a tree
    Story story_;
    Diagnostics problems_;
    Diagnostics warnings_;
};

struct DocumentOpen {
    std::optional<StoryDocument> document;  // only when the story loaded without errors
    Diagnostics problems;                   // errors, with file:line:column
    Diagnostics warnings;                   // what is still a draft or empty (the document opens all the same)
};

[[nodiscard]] std::string_view to_string(ItemKind kind);

}  // namespace geo

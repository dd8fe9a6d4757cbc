#include "geo/edit/story_document.hpp"

#include <system_error>
#include <utility>

#include "geo/edit/atomic_file.hpp"
#include "geo/edit/json_canonical.hpp"
#include "geo/story/story_loader.hpp"
#include "geo/text/file_text.hpp"

namespace geo {

namespace fs = std::filesystem;

std::string_view to_string(ItemKind kind) {
    switch (kind) {
        case ItemKind::place: return "place";
        case ItemKind::person: return "person";
        case ItemKind::route: return "route";
        case ItemKind::relation: return "relation";
        case ItemKind::excerpt: return "excerpt";
        case ItemKind::slide: return "slide";
    }
    return "item";
}

DocumentOpen StoryDocument::open(const fs::path& folder_or_story_json) {
    StoryLoad load = load_story(folder_or_story_json);
    DocumentOpen opened;
    opened.problems = std::move(load.problems);
    opened.warnings = std::move(load.warnings);
    if (!load.story) return opened;
    // The loader has just read both files; they are read again for their bytes (a story is a few kilobytes).
    const std::optional<std::string> json = read_whole_file(load.story_file);
    std::optional<std::string> article = read_whole_file(load.article_file);
    if (!json || !article) {
        opened.problems.push_back(Diagnostic{load.story_file.string(), 0, 0, "", "the story changed while opening it"});
        return opened;
    }
    return from_text(*json, std::move(*article), load.story_file);
}

DocumentOpen StoryDocument::from_text(std::string_view json, std::string article_text, fs::path story_file) {
    DocumentOpen opened;
    StoryLoad load = load_story_from_text(json, article_text, story_file.string());
    opened.problems = std::move(load.problems);
    opened.warnings = std::move(load.warnings);
    if (!load.story) return opened;
    JsonParse parse = parse_json_with_positions(json, story_file.string());
    if (!parse.root) {  // cannot happen after a load without problems; kept so that a changed loader fails safely
        opened.problems = std::move(parse.problems);
        return opened;
    }
    StoryDocument document;
    document.story_file_ = std::move(story_file);
    document.article_text_ = std::move(article_text);
    document.states_.push_back(State{write_canonical_json(*parse.root), {}});
    document.saved_at_ = 0;
    document.story_ = std::move(*load.story);
    document.read_current();
    // Positions from here on are in the canonical text, which is what a save writes.
    opened.problems = document.problems_;
    opened.warnings = document.warnings_;
    if (!opened.problems.empty()) return opened;  // the canonical text must read as the original did
    opened.document = std::move(document);
    return opened;
}

void StoryDocument::read_current(std::optional<JsonValue> tree) {
    const std::string& current = states_[at_].text;
    StoryLoad load = load_story_from_text(current, article_text_, story_file_.string());
    problems_ = std::move(load.problems);
    warnings_ = std::move(load.warnings);
    if (load.story) story_ = std::move(*load.story);
    if (tree) {
        root_ = std::move(*tree);  // the tree the text was written from: the same values, without positions
        return;
    }
    JsonParse parse = parse_json_with_positions(current, story_file_.string());
    if (parse.root) root_ = std::move(*parse.root);
}

EditResult StoryDocument::commit(JsonValue changed, EditStep step, EditResult result) {
    std::string text = write_canonical_json(changed);
    if (text == states_[at_].text) return result;  // nothing changed: no step to undo
    states_.resize(at_ + 1);
    if (saved_at_ && *saved_at_ > at_) saved_at_.reset();  // the saved state was in the redo branch just dropped
    states_.push_back(State{std::move(text), std::move(step)});
    ++at_;
    read_current(std::move(changed));
    return result;
}

const EditStep* StoryDocument::undo_step() const { return can_undo() ? &states_[at_].step : nullptr; }

const EditStep* StoryDocument::redo_step() const { return can_redo() ? &states_[at_ + 1].step : nullptr; }

std::string StoryDocument::undo_description() const {
    const EditStep* step = undo_step();
    return step ? describe(*step) : std::string();
}

std::string StoryDocument::redo_description() const {
    const EditStep* step = redo_step();
    return step ? describe(*step) : std::string();
}

std::string describe(const EditStep& step) {
    const std::string& s = step.subject;
    switch (step.kind) {
        case EditStepKind::add: return "Add " + s;
        case EditStepKind::move_place: return "Move " + s;
        case EditStepKind::rename: return "Rename " + s;
        case EditStepKind::set_role: return "Set the role of " + s;
        case EditStepKind::make_main: return "Make main: " + s;
        case EditStepKind::make_not_main: return "Make not main: " + s;
        case EditStepKind::add_excerpt: return "Add excerpt " + s;
        case EditStepKind::set_speaker: return "Set the speaker of " + s;
        case EditStepKind::add_relation: return "Add relation " + s;
        case EditStepKind::set_relation_kind: return "Set the kind of " + s;
        case EditStepKind::set_relation_places: return "Set the places of " + s;
        case EditStepKind::set_relation_date: return "Set the date of " + s;
        case EditStepKind::set_relation_route: return "Set the route of " + s;
        case EditStepKind::add_excerpt_to: return "Add " + s + " to " + step.object;
        case EditStepKind::remove_excerpt_from: return "Remove " + s + " from " + step.object;
        case EditStepKind::add_route: return "Add route " + s;
        case EditStepKind::add_waypoint: return "Add a waypoint to " + s;
        case EditStepKind::move_waypoint: return "Move a waypoint of " + s;
        case EditStepKind::remove_waypoint: return "Remove a waypoint of " + s;
        case EditStepKind::set_route_mode: return "Set the mode of " + s;
        case EditStepKind::set_person_place: return "Set the place of " + s;
        case EditStepKind::edit_text: return "Edit the " + step.object + " of " + s;
        case EditStepKind::edit_title: return "Edit the title";
        case EditStepKind::set_story_date: return "Set the date";
        case EditStepKind::set_story_source: return "Set the source";
        case EditStepKind::mark_reviewed: return "Mark " + s + " reviewed";
        case EditStepKind::remove: return "Delete " + s;
    }
    return s;
}

bool StoryDocument::undo() {
    if (!can_undo()) return false;
    --at_;
    read_current();
    return true;
}

bool StoryDocument::redo() {
    if (!can_redo()) return false;
    ++at_;
    read_current();
    return true;
}

DocumentSave StoryDocument::save() {
    DocumentSave saved;
    if (!problems_.empty()) {
        saved.problems = problems_;
        return saved;
    }
    saved.error = write_file_atomically(story_file_, text());
    if (saved.error.empty()) saved_at_ = at_;
    return saved;
}

DocumentSave StoryDocument::save_as(const fs::path& story_json) {
    DocumentSave saved;
    if (!problems_.empty()) {
        saved.problems = problems_;
        return saved;
    }
    const fs::path article_file = (story_json.parent_path() / story_.meta.article).lexically_normal();
    std::error_code error;
    if (!fs::exists(article_file, error)) {
        saved.error = write_file_atomically(article_file, article_text_);
        if (!saved.error.empty()) return saved;
    }
    const fs::path previous = std::exchange(story_file_, story_json);
    saved = save();
    if (!saved.ok()) {
        story_file_ = previous;
        return saved;
    }
    read_current();  // messages now name the new file
    return saved;
}

}  // namespace geo

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
    document.states_.push_back(State{write_canonical_json(*parse.root), ""});
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

EditResult StoryDocument::commit(JsonValue changed, std::string description, EditResult result) {
    std::string text = write_canonical_json(changed);
    if (text == states_[at_].text) return result;  // nothing changed: no step to undo
    states_.resize(at_ + 1);
    if (saved_at_ && *saved_at_ > at_) saved_at_.reset();  // the saved state was in the redo branch just dropped
    states_.push_back(State{std::move(text), std::move(description)});
    ++at_;
    read_current(std::move(changed));
    return result;
}

std::string StoryDocument::undo_description() const { return can_undo() ? states_[at_].description : std::string(); }

std::string StoryDocument::redo_description() const {
    return can_redo() ? states_[at_ + 1].description : std::string();
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

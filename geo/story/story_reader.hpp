#pragma once
// Turning a positioned JSON tree into a Story: every field checked, every id resolved to an index, every excerpt
// located in the article. Used by story_loader, which deals with files; kept apart so that the format's rules are
// in one place.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "geo/text/json_object_reader.hpp"
#include "geo/text/json_positions.hpp"
#include "geo/story/story.hpp"
#include "geo/text/text_collapsed.hpp"
#include "geo/text/text_position.hpp"

namespace geo {

class StoryReader {
public:
    StoryReader(const JsonValue& root, const DiagnosticSink& sink);

    struct ArticleReference {
        std::string path;  // as written
        TextPosition position;
    };

    // Reads the top level's shape and `meta`. Returns the article named by meta.article, if it names one; the
    // loader reads it before calling read_body.
    std::optional<ArticleReference> read_header();

    // Reads everything else. `article` is the article's text when it could be read and is valid UTF-8; without it
    // excerpts are not located (the article's own problem has been reported). `article_label` names it in hints.
    void read_body(std::optional<std::string_view> article, const std::string& article_label);

    // The story read so far: meaningful only when no problem was reported.
    [[nodiscard]] Story take_story() && { return std::move(story_); }

private:
    enum class IdKind { place, person, route, relation, excerpt };
    struct IdEntry {
        IdKind kind;
        std::size_t index;
        TextPosition position;
    };

    static std::string_view kind_name(IdKind kind);
    static std::string kind_with_article(IdKind kind);  // "a place", "an excerpt"

    void read_meta(const JsonMember& meta);
    void register_ids(const JsonMember* array, IdKind kind);
    // What messages call an array element: "place 'seoul'" or, without a usable id, "place #3".
    [[nodiscard]] std::string describe(const JsonValue& object, IdKind kind, std::size_t index) const;
    [[nodiscard]] std::string usable_id(const JsonValue& object) const;

    void read_place(const JsonValue& object, std::size_t index);
    void read_person(const JsonValue& object, std::size_t index);
    void read_route(const JsonValue& object, std::size_t index);
    Waypoint read_waypoint(const JsonValue& object, std::size_t index, const JsonObjectReader& route_reader);
    void read_relation(const JsonValue& object, std::size_t index);
    void read_excerpt(const JsonValue& object, std::size_t index);
    void read_event(const JsonValue& object, std::size_t index);

    std::optional<Text> read_text(JsonObjectReader& reader, const JsonMember* member,
                                  bool is_translation = false) const;
    std::optional<DateRange> read_date(JsonObjectReader& reader, const JsonMember* member);
    std::optional<double> read_coordinate(JsonObjectReader& reader, const JsonMember* member, bool is_longitude);
    void read_added(JsonObjectReader& reader, bool& added, std::optional<Text>& note);
    std::optional<std::size_t> resolve(JsonObjectReader& reader, const JsonMember* member, IdKind expected);
    std::optional<std::size_t> resolve_value(JsonObjectReader& reader, const JsonValue& value, std::string_view field,
                                             IdKind expected);
    void locate_excerpt(JsonObjectReader& reader, Excerpt& excerpt, const JsonMember& text,
                        const JsonMember* occurrence);

    const JsonValue& root_;
    const DiagnosticSink& sink_;
    std::optional<JsonObjectReader> top_;
    bool language_known_ = false;
    std::map<std::string, IdEntry, std::less<>> ids_;
    std::set<std::string, std::less<>> invalid_ids_;
    std::optional<CollapsedText> collapsed_article_;
    std::optional<LineIndex> article_lines_;
    std::string article_label_;
    Story story_;
};

}  // namespace geo

#pragma once
// Turning a positioned JSON tree into a Story: every field checked, every id resolved to an index, every excerpt
// located in the article. Used by story_loader, which deals with files; kept apart so that the format's rules are
// in one place.
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "geo/story/story.hpp"
#include "geo/text/json_object_reader.hpp"
#include "geo/text/json_positions.hpp"
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

    // One field of an object of type T (or a few that belong together), read into it with its problems reported.
    // Each kind of object is a table of these, read in order by read_object.
    template <typename T>
    using FieldRead = std::function<void(StoryReader& self, JsonObjectReader& reader, T& into)>;
    template <typename T>
    using Fields = std::vector<FieldRead<T>>;

    // Reads `object` (element `index` of its array) through `fields`; `kind` is its kind of id, none for objects
    // without one (timeline events). Then "added"/"note" and "draft" where T has them, then unknown keys.
    template <typename T>
    T read_object(const JsonValue& object, std::size_t index, std::optional<IdKind> kind, const Fields<T>& fields);

    // The usual rows.
    template <typename T>
    static FieldRead<T> text_field(std::string_view key, Text T::*member);
    template <typename T>
    static FieldRead<T> optional_text_field(std::string_view key, std::optional<Text> T::*member);
    template <typename T>
    static FieldRead<T> string_field(std::string_view key, std::string T::*member);
    template <typename T>
    static FieldRead<T> optional_string_field(std::string_view key, std::optional<std::string> T::*member);
    template <typename T>
    static FieldRead<T> flag_field(std::string_view key, bool T::*member);
    template <typename T>
    static FieldRead<T> coordinate_field(std::string_view key, double T::*member, bool is_longitude);
    template <typename T>
    static FieldRead<T> reference_field(std::string_view key, std::optional<std::size_t> T::*member, IdKind kind);
    template <typename T>
    static FieldRead<T> date_field(std::string_view key, DateRange T::*member);
    template <typename T>
    static FieldRead<T> optional_date_field(std::string_view key, std::optional<DateRange> T::*member);
    template <typename T, typename Enum>
    static FieldRead<T> choice_field(std::string_view key, Enum T::*member,
                                     std::optional<Enum> (*parse)(std::string_view), Enum last);
    template <typename T>
    static FieldRead<T> string_list_field(std::string_view key, std::vector<std::string> T::*member,
                                          bool language_codes);

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
    void read_draft(JsonObjectReader& reader, bool& draft);
    std::optional<std::size_t> resolve(JsonObjectReader& reader, const JsonMember* member, IdKind expected);
    std::optional<std::size_t> resolve_value(JsonObjectReader& reader, const JsonValue& value, std::string_view field,
                                             IdKind expected);
    void locate_excerpt(JsonObjectReader& reader, Excerpt& excerpt, const JsonMember& text,
                        const JsonMember* occurrence);
    // Checks "start"/"end" against the text; true when they were given and hold it (the excerpt is placed there).
    bool place_excerpt(JsonObjectReader& reader, Excerpt& excerpt, const std::vector<std::size_t>& starts,
                       std::size_t needle_size, const JsonMember* occurrence);

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

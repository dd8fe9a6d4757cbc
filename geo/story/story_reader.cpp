#include "geo/story/story_reader.hpp"

#include <cctype>
#include <cmath>
#include <cstdint>

#include "geo/story/slide_reader.hpp"
#include "geo/text/text_utf8.hpp"

namespace geo {

namespace {

constexpr std::string_view format_name = "diplomap-story/1";

bool is_valid_id(std::string_view id) {
    const auto leading = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (id.empty() || !leading(id.front())) return false;
    for (const char c : id) {
        if (!leading(c) && c != '_' && c != '-') return false;
    }
    return true;
}

// A BCP 47 tag as stories use them: "de", "en", "ko", "zh-Hant", "pt-BR".
bool is_language_code(std::string_view code) {
    std::size_t i = 0;
    while (i < code.size() && code[i] >= 'a' && code[i] <= 'z') ++i;
    if (i < 2 || i > 3) return false;
    while (i < code.size()) {
        if (code[i] != '-') return false;
        const std::size_t start = ++i;
        while (i < code.size() && std::isalnum(static_cast<unsigned char>(code[i])) != 0) ++i;
        if (i == start || i - start > 8) return false;
    }
    return true;
}

std::string at_text(TextPosition position) {
    return std::to_string(position.line) + ":" + std::to_string(position.column);
}

std::string in_quotes(std::string_view text) { return "'" + quote_for_message(text) + "'"; }

template <typename Enum>
std::string list_names(Enum last) {
    std::string names;
    for (int i = 0; i <= static_cast<int>(last); ++i) {
        if (i > 0) names += ", ";
        names += to_string(static_cast<Enum>(i));
    }
    return names;
}

}  // namespace

// [SECTION] Field rows: how each kind of field is read, shared by every object that has one

template <typename T>
StoryReader::FieldRead<T> StoryReader::text_field(std::string_view key, Text T::*member) {
    return [key, member](StoryReader& self, JsonObjectReader& reader, T& into) {
        if (auto text = self.read_text(reader, reader.required_any(key))) into.*member = std::move(*text);
    };
}

template <typename T>
StoryReader::FieldRead<T> StoryReader::optional_text_field(std::string_view key, std::optional<Text> T::*member) {
    return [key, member](StoryReader& self, JsonObjectReader& reader, T& into) {
        into.*member = self.read_text(reader, reader.optional_any(key));
    };
}

template <typename T>
StoryReader::FieldRead<T> StoryReader::string_field(std::string_view key, std::string T::*member) {
    return [key, member](StoryReader&, JsonObjectReader& reader, T& into) {
        const JsonMember* value = reader.required(key, JsonType::string);
        if (value == nullptr) return;
        into.*member = value->value.text;
        if (value->value.text.empty())
            reader.warn(value->value.position, reader.field(key) + " is empty: still to fill in");
    };
}

template <typename T>
StoryReader::FieldRead<T> StoryReader::optional_string_field(std::string_view key,
                                                             std::optional<std::string> T::*member) {
    return [key, member](StoryReader&, JsonObjectReader& reader, T& into) {
        if (const JsonMember* value = reader.optional(key, JsonType::string)) into.*member = value->value.text;
    };
}

template <typename T>
StoryReader::FieldRead<T> StoryReader::flag_field(std::string_view key, bool T::*member) {
    return [key, member](StoryReader&, JsonObjectReader& reader, T& into) {
        if (const JsonMember* value = reader.optional(key, JsonType::boolean)) into.*member = value->value.boolean;
    };
}

template <typename T>
StoryReader::FieldRead<T> StoryReader::coordinate_field(std::string_view key, double T::*member, bool is_longitude) {
    return [key, member, is_longitude](StoryReader& self, JsonObjectReader& reader, T& into) {
        if (auto value = self.read_coordinate(reader, reader.required(key, JsonType::number), is_longitude)) {
            into.*member = *value;
        }
    };
}

template <typename T>
StoryReader::FieldRead<T> StoryReader::reference_field(std::string_view key, std::optional<std::size_t> T::*member,
                                                       IdKind kind) {
    return [key, member, kind](StoryReader& self, JsonObjectReader& reader, T& into) {
        into.*member = self.resolve(reader, reader.optional_any(key), kind);
    };
}

template <typename T>
StoryReader::FieldRead<T> StoryReader::date_field(std::string_view key, DateRange T::*member) {
    return [key, member](StoryReader& self, JsonObjectReader& reader, T& into) {
        if (auto date = self.read_date(reader, reader.required(key, JsonType::string))) into.*member = std::move(*date);
    };
}

template <typename T>
StoryReader::FieldRead<T> StoryReader::optional_date_field(std::string_view key, std::optional<DateRange> T::*member) {
    return [key, member](StoryReader& self, JsonObjectReader& reader, T& into) {
        into.*member = self.read_date(reader, reader.optional(key, JsonType::string));
    };
}

template <typename T, typename Enum>
StoryReader::FieldRead<T> StoryReader::choice_field(std::string_view key, Enum T::*member,
                                                    std::optional<Enum> (*parse)(std::string_view), Enum last) {
    return [key, member, parse, last](StoryReader&, JsonObjectReader& reader, T& into) {
        const JsonMember* value = reader.required(key, JsonType::string);
        if (value == nullptr) return;
        if (auto parsed = parse(value->value.text)) {
            into.*member = *parsed;
        } else {
            reader.report(value->value.position, std::string(key) + " " + in_quotes(value->value.text) + " of " +
                                                     reader.what() + " is not one of " + list_names(last));
        }
    };
}

template <typename T>
StoryReader::FieldRead<T> StoryReader::string_list_field(std::string_view key, std::vector<std::string> T::*member,
                                                         bool language_codes) {
    return [key, member, language_codes](StoryReader&, JsonObjectReader& reader, T& into) {
        const JsonMember* list = reader.optional(key, JsonType::array);
        if (list == nullptr) return;
        for (const JsonValue& item : list->value.items) {
            if (!item.is(JsonType::string)) {
                reader.report(item.position, "each of \"" + std::string(key) + "\" must be a string, not " +
                                                 std::string(json_type_with_article(item.type)));
            } else if (language_codes && !is_language_code(item.text)) {
                reader.report(item.position,
                              "language " + in_quotes(item.text) + " is not a language code such as 'de' or 'en'");
            } else {
                (into.*member).push_back(item.text);
            }
        }
    };
}

template <typename T>
T StoryReader::read_object(const JsonValue& object, std::size_t index, std::optional<IdKind> kind,
                           const Fields<T>& fields) {
    T into;
    std::string what;
    std::string id;
    if constexpr (requires { into.id; }) {
        id = usable_id(object);
        into.id = id;
        what = describe(object, *kind, index);
    } else {
        what = "timeline event #" + std::to_string(index + 1);
    }
    JsonObjectReader reader(object, object.position, std::move(what), std::move(id), sink_);
    if (kind) reader.required("id", JsonType::string);
    for (const FieldRead<T>& field : fields) field(*this, reader, into);
    if constexpr (requires { into.added; }) read_added(reader, into.added, into.note);
    read_draft(reader, into.draft);
    reader.report_unknown_keys();
    return into;
}

StoryReader::StoryReader(const JsonValue& root, const DiagnosticSink& sink) : root_(root), sink_(sink) {}

std::optional<StoryReader::ArticleReference> StoryReader::read_header() {
    if (!root_.is(JsonType::object)) {
        sink_.report(
            root_.position, "",
            "a story must be a JSON object at the top level, not " + std::string(json_type_with_article(root_.type)));
        return std::nullopt;
    }
    top_.emplace(root_, root_.position, "the story", "", sink_);
    if (const JsonMember* format = top_->required("format", JsonType::string)) {
        if (format->value.text != format_name) {
            top_->report(format->value.position, "unsupported format " + in_quotes(format->value.text) +
                                                     ", expected '" + std::string(format_name) + "'");
        }
    }
    const JsonMember* meta = top_->required("meta", JsonType::object);
    if (meta == nullptr) return std::nullopt;
    read_meta(*meta);
    const JsonMember* article = meta->value.find("article");
    if (story_.meta.article.empty() || article == nullptr) return std::nullopt;
    return ArticleReference{story_.meta.article, article->value.position};
}

void StoryReader::read_meta(const JsonMember& meta) {
    JsonObjectReader reader(meta.value, meta.key_position, "meta", "", sink_);
    // The language first: every Text field is checked against it.
    if (const JsonMember* language = reader.required("language", JsonType::string)) {
        if (is_language_code(language->value.text)) {
            story_.meta.language = language->value.text;
            language_known_ = true;
        } else {
            reader.report(language->value.position, "language " + in_quotes(language->value.text) +
                                                        " is not a language code such as 'de' or 'en'");
        }
    }
    if (auto title = read_text(reader, reader.required_any("title"))) story_.meta.title = std::move(*title);
    if (auto date = read_date(reader, reader.required("date", JsonType::string))) story_.meta.date = std::move(*date);
    string_list_field("datelines", &Meta::datelines, false)(*this, reader, story_.meta);
    string_field("source", &Meta::source)(*this, reader, story_.meta);
    if (const JsonMember* article = reader.required("article", JsonType::string)) {
        if (article->value.text.empty()) {
            reader.report(article->value.position, "\"article\" of meta is empty; it names the article text file");
        } else {
            story_.meta.article = article->value.text;
        }
    }
    string_list_field("languages", &Meta::languages, true)(*this, reader, story_.meta);
    reader.report_unknown_keys();
}

void StoryReader::read_body(std::optional<std::string_view> article, const std::string& article_label) {
    if (!top_) return;
    if (article) {
        story_.article_text = std::string(*article);
        collapsed_article_.emplace(story_.article_text);
        article_lines_.emplace(story_.article_text);
    }
    article_label_ = article_label;

    const JsonMember* places = top_->required("places", JsonType::array);
    const JsonMember* people = top_->optional("people", JsonType::array);
    const JsonMember* routes = top_->optional("routes", JsonType::array);
    const JsonMember* relations = top_->optional("relations", JsonType::array);
    const JsonMember* excerpts = top_->optional("excerpts", JsonType::array);
    const JsonMember* timeline = top_->optional("timeline", JsonType::array);
    const JsonMember* slides = top_->optional_any("slides");
    top_->report_unknown_keys();
    if (places != nullptr && places->value.items.empty()) {
        top_->report(places->value.position, "\"places\" is empty; a story needs at least one place");
    }

    // All ids first, so that references may point forwards.
    register_ids(places, IdKind::place);
    register_ids(people, IdKind::person);
    register_ids(routes, IdKind::route);
    register_ids(relations, IdKind::relation);
    register_ids(excerpts, IdKind::excerpt);

    const auto read_all = [&](const JsonMember* array, std::string_view element, auto read_one) {
        if (array == nullptr) return;
        for (std::size_t i = 0; i < array->value.items.size(); ++i) {
            const JsonValue& item = array->value.items[i];
            if (item.is(JsonType::object)) {
                (this->*read_one)(item, i);
            } else {
                sink_.report(item.position, "",
                             std::string(element) + " #" + std::to_string(i + 1) + " must be an object, not " +
                                 std::string(json_type_with_article(item.type)));
            }
        }
    };
    read_all(places, "place", &StoryReader::read_place);
    read_all(people, "person", &StoryReader::read_person);
    read_all(routes, "route", &StoryReader::read_route);
    read_all(excerpts, "excerpt", &StoryReader::read_excerpt);
    read_all(relations, "relation", &StoryReader::read_relation);
    read_all(timeline, "timeline event", &StoryReader::read_event);
    // Last: slides refer to everything above and measure the animation (slide_reader.hpp).
    if (slides != nullptr) story_.slides = read_slides(slides->value, story_, sink_);
}

std::string_view StoryReader::kind_name(IdKind kind) {
    switch (kind) {
        case IdKind::place: return "place";
        case IdKind::person: return "person";
        case IdKind::route: return "route";
        case IdKind::relation: return "relation";
        case IdKind::excerpt: return "excerpt";
    }
    return "object";
}

std::string StoryReader::kind_with_article(IdKind kind) {
    return (kind == IdKind::excerpt ? "an " : "a ") + std::string(kind_name(kind));
}

std::string StoryReader::usable_id(const JsonValue& object) const {
    const JsonMember* id = object.find("id");
    if (id == nullptr || !id->value.is(JsonType::string) || !is_valid_id(id->value.text)) return {};
    return id->value.text;
}

std::string StoryReader::describe(const JsonValue& object, IdKind kind, std::size_t index) const {
    const std::string id = usable_id(object);
    const std::string_view name = kind_name(kind);
    if (id.empty()) return std::string(name) + " #" + std::to_string(index + 1);
    return std::string(name) + " '" + id + "'";
}

void StoryReader::register_ids(const JsonMember* array, IdKind kind) {
    if (array == nullptr) return;
    for (std::size_t i = 0; i < array->value.items.size(); ++i) {
        const JsonValue& item = array->value.items[i];
        if (!item.is(JsonType::object)) continue;
        const JsonMember* id = item.find("id");
        // A missing or non-string id is reported when the object itself is read.
        if (id == nullptr || !id->value.is(JsonType::string)) continue;
        const std::string& text = id->value.text;
        if (!is_valid_id(text)) {
            invalid_ids_.insert(text);
            sink_.report(id->value.position, "",
                         "invalid id " + in_quotes(text) +
                             ": ids are lower-case letters a-z, digits, '_' and '-', starting with a letter or digit");
            continue;
        }
        const auto [entry, inserted] = ids_.try_emplace(text, IdEntry{kind, i, id->value.position});
        if (!inserted) {
            sink_.report(id->value.position, text,
                         "duplicate id '" + text + "' (first defined at " + at_text(entry->second.position) + ")");
        }
    }
}

std::optional<std::size_t> StoryReader::resolve(JsonObjectReader& reader, const JsonMember* member, IdKind expected) {
    if (member == nullptr) return std::nullopt;
    return resolve_value(reader, member->value, member->key, expected);
}

std::optional<std::size_t> StoryReader::resolve_value(JsonObjectReader& reader, const JsonValue& value,
                                                      std::string_view field, IdKind expected) {
    const std::string_view expected_name = kind_name(expected);
    if (!value.is(JsonType::string)) {
        reader.report(value.position, "\"" + std::string(field) + "\" of " + reader.what() + " must be " +
                                          kind_with_article(expected) + " id (a string), not " +
                                          std::string(json_type_with_article(value.type)));
        return std::nullopt;
    }
    const auto found = ids_.find(value.text);
    // A reference to an object whose id is itself malformed was reported with that id.
    if (found == ids_.end() && invalid_ids_.contains(value.text)) return std::nullopt;
    if (found == ids_.end()) {
        reader.report(value.position, reader.what() + " refers to unknown " + std::string(expected_name) + " " +
                                          in_quotes(value.text) + " in \"" + std::string(field) + "\"");
        return std::nullopt;
    }
    if (found->second.kind != expected) {
        reader.report(value.position, reader.what() + " refers to " + in_quotes(value.text) + " in \"" +
                                          std::string(field) + "\", which is " + kind_with_article(found->second.kind) +
                                          ", not " + kind_with_article(expected));
        return std::nullopt;
    }
    return found->second.index;
}

std::optional<Text> StoryReader::read_text(JsonObjectReader& reader, const JsonMember* member,
                                           bool is_translation) const {
    if (member == nullptr) return std::nullopt;
    // Translations exist for readers of other languages, so they need English rather than the story's language.
    const std::string required_language = is_translation ? "en" : story_.meta.language;
    const bool check_language = is_translation || language_known_;
    Text text;
    text.fallback_language = required_language;
    const JsonValue& value = member->value;
    if (value.is(JsonType::string)) {
        if (value.text.empty()) reader.warn(value.position, reader.field(member->key) + " is empty: still to fill in");
        text.by_language.emplace(required_language, value.text);
        return text;
    }
    if (!value.is(JsonType::object)) {
        reader.report(value.position, reader.field(member->key) +
                                          " must be a string or an object of language -> text, not " +
                                          std::string(json_type_with_article(value.type)));
        return std::nullopt;
    }
    bool ok = true;
    for (const JsonMember& entry : value.members) {
        if (entry.key.starts_with('_')) continue;
        if (!is_language_code(entry.key)) {
            reader.report(entry.key_position, in_quotes(entry.key) + " in " + reader.field(member->key) +
                                                  " is not a language code such as 'de' or 'en'");
            ok = false;
        } else if (!entry.value.is(JsonType::string)) {
            reader.report(entry.value.position, "'" + entry.key + "' in " + reader.field(member->key) +
                                                    " must be a string, not " +
                                                    std::string(json_type_with_article(entry.value.type)));
            ok = false;
        } else {
            if (entry.value.text.empty()) {
                reader.warn(entry.value.position,
                            "'" + entry.key + "' in " + reader.field(member->key) + " is empty: still to fill in");
            }
            text.by_language.emplace(entry.key, entry.value.text);
        }
    }
    if (check_language && !text.has(required_language)) {
        reader.report(value.position, reader.field(member->key) + " lacks " +
                                          (is_translation ? std::string("English ('en')")
                                                          : "the story language '" + required_language + "'"));
        ok = false;
    }
    if (!ok) return std::nullopt;
    return text;
}

std::optional<DateRange> StoryReader::read_date(JsonObjectReader& reader, const JsonMember* member) {
    if (member == nullptr) return std::nullopt;
    if (member->value.text.empty()) {
        reader.warn(member->value.position,
                    reader.field(member->key) + " is empty: still to fill in (a date such as 2023-09-12)");
        return std::nullopt;
    }
    DateParse parse = parse_date_range(member->value.text);
    if (!parse.range) reader.report(member->value.position, std::move(parse.error));
    return std::move(parse.range);
}

std::optional<double> StoryReader::read_coordinate(JsonObjectReader& reader, const JsonMember* member,
                                                   bool is_longitude) {
    if (member == nullptr) return std::nullopt;
    const double limit = is_longitude ? 180.0 : 90.0;
    const double value = member->value.number;
    // NaN fails the isfinite test.
    if (!std::isfinite(value) || value < -limit || value > limit) {
        reader.report(member->value.position, std::string(is_longitude ? "longitude " : "latitude ") +
                                                  member->value.text + " is out of range " +
                                                  (is_longitude ? "-180..180" : "-90..90"));
        return std::nullopt;
    }
    return value;
}

void StoryReader::read_added(JsonObjectReader& reader, bool& added, std::optional<Text>& note) {
    const JsonMember* added_member = reader.optional("added", JsonType::boolean);
    const JsonMember* note_member = reader.optional_any("note");
    note = read_text(reader, note_member);
    added = added_member != nullptr && added_member->value.boolean;
    if (added && note_member == nullptr) {
        reader.report(added_member->value.position,
                      reader.what() + " is marked \"added\" but has no \"note\" saying what was added and from where");
    }
}

void StoryReader::read_draft(JsonObjectReader& reader, bool& draft) {
    const JsonMember* draft_member = reader.optional("draft", JsonType::boolean);
    draft = draft_member != nullptr && draft_member->value.boolean;
    if (draft) {
        reader.warn(draft_member->value.position, reader.what() + " is a draft: review it, then remove \"draft\"");
    }
}

void StoryReader::read_place(const JsonValue& object, std::size_t index) {
    static const Fields<Place> fields = {
        text_field("names", &Place::names),
        optional_text_field("label", &Place::label),
        coordinate_field("lon", &Place::lon, true),
        coordinate_field("lat", &Place::lat, false),
        choice_field("role", &Place::role, &parse_place_role, PlaceRole::institution),
        flag_field("main", &Place::main),
        optional_string_field("source", &Place::source),
    };
    story_.places.push_back(read_object(object, index, IdKind::place, fields));
}

void StoryReader::read_person(const JsonValue& object, std::size_t index) {
    static const Fields<Person> fields = {
        string_field("name", &Person::name),
        optional_text_field("role", &Person::role),
        optional_text_field("affiliation", &Person::affiliation),
        reference_field("place", &Person::place, IdKind::place),
    };
    story_.people.push_back(read_object(object, index, IdKind::person, fields));
}

void StoryReader::read_route(const JsonValue& object, std::size_t index) {
    static const Fields<Route> fields = {
        choice_field("mode", &Route::mode, &parse_route_mode, RouteMode::ship),
        text_field("label", &Route::label),
        optional_date_field("date", &Route::date),
        flag_field("historic", &Route::historic),
        [](StoryReader& self, JsonObjectReader& reader, Route& route) {
            const JsonMember* waypoints = reader.required("waypoints", JsonType::array);
            if (waypoints == nullptr) return;
            const std::size_t count = waypoints->value.items.size();
            if (count < 2) {
                reader.report(waypoints->value.position,
                              reader.what() + " needs at least two waypoints, has " + std::to_string(count));
            }
            for (std::size_t i = 0; i < count; ++i) {
                const JsonValue& waypoint = waypoints->value.items[i];
                if (waypoint.is(JsonType::object)) {
                    route.waypoints.push_back(self.read_waypoint(waypoint, i, reader));
                } else {
                    reader.report(waypoint.position, "waypoint " + std::to_string(i + 1) + " of " + reader.what() +
                                                         " must be an object, not " +
                                                         std::string(json_type_with_article(waypoint.type)));
                }
            }
        },
    };
    story_.routes.push_back(read_object(object, index, IdKind::route, fields));
}

Waypoint StoryReader::read_waypoint(const JsonValue& object, std::size_t index, const JsonObjectReader& route_reader) {
    Waypoint waypoint;
    JsonObjectReader reader(object, object.position,
                            "waypoint " + std::to_string(index + 1) + " of " + route_reader.what(), route_reader.id(),
                            sink_);
    waypoint.place = resolve(reader, reader.optional_any("place"), IdKind::place);
    const bool has_place = object.find("place") != nullptr;
    // With a place, coordinates are optional (they override the place's); without one both are needed. Given one
    // of the two, the other is needed either way.
    const bool need_coordinates = !has_place || object.find("lon") != nullptr || object.find("lat") != nullptr;
    const auto coordinate = [&](std::string_view key) {
        return need_coordinates ? reader.required(key, JsonType::number) : reader.optional(key, JsonType::number);
    };
    const std::optional<double> lon = read_coordinate(reader, coordinate("lon"), true);
    const std::optional<double> lat = read_coordinate(reader, coordinate("lat"), false);
    if (lon && lat) {
        waypoint.lon = *lon;
        waypoint.lat = *lat;
    } else if (waypoint.place && *waypoint.place < story_.places.size()) {
        waypoint.lon = story_.places[*waypoint.place].lon;
        waypoint.lat = story_.places[*waypoint.place].lat;
    }
    if (const JsonMember* name = reader.optional("name", JsonType::string)) waypoint.name = name->value.text;
    if (const JsonMember* stop = reader.optional("stop", JsonType::boolean)) waypoint.stop = stop->value.boolean;
    reader.report_unknown_keys();
    return waypoint;
}

void StoryReader::read_relation(const JsonValue& object, std::size_t index) {
    static const Fields<Relation> fields = {
        choice_field("kind", &Relation::kind, &parse_relation_kind, RelationKind::statement),
        [](StoryReader& self, JsonObjectReader& reader, Relation& relation) {
            const std::optional<std::size_t> from = self.resolve(reader, reader.required_any("from"), IdKind::place);
            const JsonMember* to_member = reader.required_any("to");
            const std::optional<std::size_t> to = self.resolve(reader, to_member, IdKind::place);
            if (!from || !to) return;
            relation.from_place = *from;
            relation.to_place = *to;
            // Only meetings and statements happen in one place; any other relation to itself is a slip of the pen.
            const JsonMember* kind_member = reader.object().find("kind");
            const std::optional<RelationKind> kind = kind_member != nullptr && kind_member->value.is(JsonType::string)
                                                         ? parse_relation_kind(kind_member->value.text)
                                                         : std::nullopt;
            if (*from == *to && kind && *kind != RelationKind::meeting && *kind != RelationKind::statement) {
                reader.report(to_member->value.position,
                              reader.what() + " of kind '" + std::string(to_string(*kind)) + "' goes from " +
                                  in_quotes(to_member->value.text) +
                                  " to itself; only 'meeting' and 'statement' relations may have \"to\" equal to "
                                  "\"from\"");
            }
        },
        reference_field("speaker", &Relation::speaker, IdKind::person),
        optional_date_field("date", &Relation::date),
        text_field("label", &Relation::label),
        [](StoryReader& self, JsonObjectReader& reader, Relation& relation) {
            const JsonMember* excerpts = reader.optional("excerpts", JsonType::array);
            if (excerpts == nullptr) return;
            for (const JsonValue& excerpt : excerpts->value.items) {
                if (auto resolved = self.resolve_value(reader, excerpt, "excerpts", IdKind::excerpt)) {
                    relation.excerpts.push_back(*resolved);
                }
            }
        },
        reference_field("route", &Relation::route, IdKind::route),
    };
    story_.relations.push_back(read_object(object, index, IdKind::relation, fields));
}

namespace {

// A whole number >= 0 (start/end of an excerpt), or the problem with it.
std::optional<std::size_t> read_offset(JsonObjectReader& reader, const JsonMember* member) {
    if (member == nullptr) return std::nullopt;
    if (!member->value.integer || *member->value.integer < 0) {
        reader.report(member->value.position,
                      reader.field(member->key) + " must be a whole number >= 0, not " + member->value.text);
        return std::nullopt;
    }
    return static_cast<std::size_t>(*member->value.integer);
}

}  // namespace

void StoryReader::read_excerpt(const JsonValue& object, std::size_t index) {
    static const Fields<Excerpt> fields = {
        // Asked here so that a missing text is reported in the order of the table; checked by the last row.
        [](StoryReader&, JsonObjectReader& reader, Excerpt&) { reader.required("text", JsonType::string); },
        [](StoryReader&, JsonObjectReader& reader, Excerpt&) {
            const JsonMember* occurrence = reader.optional("occurrence", JsonType::number);
            if (occurrence != nullptr && !occurrence->value.integer) {
                reader.report(occurrence->value.position,
                              reader.field("occurrence") + " must be a whole number, not " + occurrence->value.text);
            }
        },
        reference_field("speaker", &Excerpt::speaker, IdKind::person),
        [](StoryReader& self, JsonObjectReader& reader, Excerpt& excerpt) {
            if (auto translation = self.read_text(reader, reader.required_any("translation"), true)) {
                excerpt.translation = std::move(*translation);
            }
        },
        [](StoryReader&, JsonObjectReader& reader, Excerpt&) {
            const JsonMember* start = reader.optional("start", JsonType::number);
            const JsonMember* end = reader.optional("end", JsonType::number);
            const auto first = read_offset(reader, start);
            const auto last = read_offset(reader, end);
            if ((start == nullptr) != (end == nullptr)) {
                const JsonMember* given = start != nullptr ? start : end;
                reader.report(given->value.position, reader.what() + " has \"" + given->key + "\" but no \"" +
                                                         (start != nullptr ? "end" : "start") +
                                                         "\"; give both or neither");
            } else if (first && last && *first >= *last) {
                reader.report(start->value.position, reader.field("start") + " is " + start->value.text +
                                                         ", not before \"end\" (" + end->value.text + ")");
            }
        },
        [](StoryReader& self, JsonObjectReader& reader, Excerpt& excerpt) {
            const JsonMember* text = reader.object().find("text");
            if (text == nullptr || !text->value.is(JsonType::string)) return;
            const JsonMember* occurrence = reader.object().find("occurrence");
            if (occurrence != nullptr && !occurrence->value.is(JsonType::number)) occurrence = nullptr;
            const bool occurrence_ok = occurrence == nullptr || occurrence->value.integer.has_value();
            excerpt.text = text->value.text;
            if (collapse_whitespace(excerpt.text).empty()) {
                reader.report(text->value.position, reader.field("text") + " is empty");
            } else if (self.collapsed_article_ && occurrence_ok) {
                self.locate_excerpt(reader, excerpt, *text, occurrence);
            }
        },
    };
    story_.excerpts.push_back(read_object(object, index, IdKind::excerpt, fields));
}

bool StoryReader::place_excerpt(JsonObjectReader& reader, Excerpt& excerpt, const std::vector<std::size_t>& starts,
                                std::size_t needle_size, const JsonMember* occurrence) {
    const JsonMember* start = reader.object().find("start");
    const JsonMember* end = reader.object().find("end");
    const auto offset = [](const JsonMember* member) -> std::optional<std::size_t> {
        if (member == nullptr || !member->value.is(JsonType::number) || !member->value.integer ||
            *member->value.integer < 0) {
            return std::nullopt;
        }
        return static_cast<std::size_t>(*member->value.integer);
    };
    if (start == nullptr && end == nullptr) return false;
    const auto first = offset(start);
    const auto last = offset(end);
    // Problems with the offsets themselves were reported when they were read.
    if (!first || !last || *first >= *last) return true;
    const std::string& article = story_.article_text;
    if (*last > article.size()) {
        reader.report(end->value.position, reader.field("end") + " is " + end->value.text + ", beyond the end of the " +
                                               std::to_string(article.size()) + "-byte article");
        return true;
    }
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const auto [begin, stop] = collapsed_article_->original_range(starts[i], starts[i] + needle_size);
        if (begin != *first || stop != *last) continue;
        const auto chosen = static_cast<std::int64_t>(i + 1);
        if (occurrence != nullptr && *occurrence->value.integer != chosen) {
            reader.report(occurrence->value.position, reader.field("occurrence") + " is " + occurrence->value.text +
                                                          ", but \"start\" and \"end\" hold occurrence " +
                                                          std::to_string(chosen));
            return true;
        }
        excerpt.occurrence = static_cast<int>(chosen);
        excerpt.article_begin = begin;
        excerpt.article_end = stop;
        return true;
    }
    const std::string_view held = std::string_view(article).substr(*first, *last - *first);
    const TextPosition at = article_lines_->position_of(*first);
    // Offsets inside a character hold no text worth quoting.
    const std::string what_is_held =
        find_invalid_utf8(held) ? std::string("part of a character") : in_quotes(collapse_whitespace(held));
    reader.report(start->value.position, "bytes " + start->value.text + ".." + end->value.text + " of the article (" +
                                             article_label_ + ":" + at_text(at) + ") hold " + what_is_held +
                                             ", not the text of " + reader.what());
    return true;
}

void StoryReader::locate_excerpt(JsonObjectReader& reader, Excerpt& excerpt, const JsonMember& text,
                                 const JsonMember* occurrence) {
    const std::string needle = collapse_whitespace(excerpt.text);
    const std::vector<std::size_t> starts = collapsed_article_->find_all(needle);
    const auto count = static_cast<std::int64_t>(starts.size());
    if (starts.empty()) {
        // Say how far the quotation does match: a typo or a changed quotation mark is then easy to find.
        std::size_t good = 0;             // longest prefix known to occur
        std::size_t bad = needle.size();  // shortest prefix known not to
        while (bad - good > 1) {
            const std::size_t middle = good + (bad - good) / 2;
            if (collapsed_article_->text().find(std::string_view(needle).substr(0, middle)) != std::string::npos) {
                good = middle;
            } else {
                bad = middle;
            }
        }
        while (good > 0 && (static_cast<unsigned char>(needle[good]) & 0xC0) == 0x80) --good;
        std::string message = reader.what() + " does not occur verbatim in the article";
        if (good >= 8) {
            const std::size_t found = collapsed_article_->text().find(std::string_view(needle).substr(0, good));
            const TextPosition at = article_lines_->position_of(collapsed_article_->original_range(found, found).first);
            message += "; the longest part that does is " + in_quotes(needle.substr(0, good)) + " at " +
                       article_label_ + ":" + at_text(at);
        }
        reader.report(text.value.position, std::move(message));
        return;
    }
    if (place_excerpt(reader, excerpt, starts, needle.size(), occurrence)) return;
    std::int64_t chosen = 1;
    if (occurrence != nullptr) {
        chosen = *occurrence->value.integer;
        if (chosen < 1 || chosen > count) {
            reader.report(occurrence->value.position, reader.field("occurrence") + " is " + occurrence->value.text +
                                                          ", out of range: the text occurs " + std::to_string(count) +
                                                          (count == 1 ? " time" : " times") + " in the article");
            return;
        }
    } else if (count > 1) {
        reader.report(text.value.position, reader.what() + " occurs " + std::to_string(count) +
                                               " times in the article; add \"occurrence\" (1.." +
                                               std::to_string(count) + ") to say which one is meant");
        return;
    }
    const std::size_t start = starts[static_cast<std::size_t>(chosen - 1)];
    const auto [begin, end] = collapsed_article_->original_range(start, start + needle.size());
    excerpt.occurrence = static_cast<int>(chosen);
    excerpt.article_begin = begin;
    excerpt.article_end = end;
}

void StoryReader::read_event(const JsonValue& object, std::size_t index) {
    static const Fields<TimelineEvent> fields = {
        date_field("date", &TimelineEvent::date),
        text_field("label", &TimelineEvent::label),
        reference_field("place", &TimelineEvent::place, IdKind::place),
    };
    story_.timeline.push_back(read_object(object, index, std::nullopt, fields));
}

}  // namespace geo

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
    if (const JsonMember* datelines = reader.optional("datelines", JsonType::array)) {
        for (const JsonValue& dateline : datelines->value.items) {
            if (dateline.is(JsonType::string)) {
                story_.meta.datelines.push_back(dateline.text);
            } else {
                reader.report(dateline.position, "each of \"datelines\" must be a string, not " +
                                                     std::string(json_type_with_article(dateline.type)));
            }
        }
    }
    if (const JsonMember* source = reader.required("source", JsonType::string)) story_.meta.source = source->value.text;
    if (const JsonMember* article = reader.required("article", JsonType::string)) {
        if (article->value.text.empty()) {
            reader.report(article->value.position, "\"article\" of meta is empty; it names the article text file");
        } else {
            story_.meta.article = article->value.text;
        }
    }
    if (const JsonMember* languages = reader.optional("languages", JsonType::array)) {
        for (const JsonValue& language : languages->value.items) {
            if (!language.is(JsonType::string)) {
                reader.report(language.position, "each of \"languages\" must be a string, not " +
                                                     std::string(json_type_with_article(language.type)));
            } else if (!is_language_code(language.text)) {
                reader.report(language.position,
                              "language " + in_quotes(language.text) + " is not a language code such as 'de' or 'en'");
            } else {
                story_.meta.languages.push_back(language.text);
            }
        }
    }
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

void StoryReader::read_place(const JsonValue& object, std::size_t index) {
    Place place;
    place.id = usable_id(object);
    JsonObjectReader reader(object, object.position, describe(object, IdKind::place, index), place.id, sink_);
    reader.required("id", JsonType::string);
    if (auto names = read_text(reader, reader.required_any("names"))) place.names = std::move(*names);
    place.label = read_text(reader, reader.optional_any("label"));
    if (auto lon = read_coordinate(reader, reader.required("lon", JsonType::number), true)) place.lon = *lon;
    if (auto lat = read_coordinate(reader, reader.required("lat", JsonType::number), false)) place.lat = *lat;
    if (const JsonMember* role = reader.required("role", JsonType::string)) {
        if (auto parsed = parse_place_role(role->value.text)) {
            place.role = *parsed;
        } else {
            reader.report(role->value.position, "role " + in_quotes(role->value.text) + " of " + reader.what() +
                                                    " is not one of " + list_names(PlaceRole::institution));
        }
    }
    if (const JsonMember* main = reader.optional("main", JsonType::boolean)) place.main = main->value.boolean;
    read_added(reader, place.added, place.note);
    reader.report_unknown_keys();
    story_.places.push_back(std::move(place));
}

void StoryReader::read_person(const JsonValue& object, std::size_t index) {
    Person person;
    person.id = usable_id(object);
    JsonObjectReader reader(object, object.position, describe(object, IdKind::person, index), person.id, sink_);
    reader.required("id", JsonType::string);
    if (const JsonMember* name = reader.required("name", JsonType::string)) person.name = name->value.text;
    person.role = read_text(reader, reader.optional_any("role"));
    person.affiliation = read_text(reader, reader.optional_any("affiliation"));
    person.place = resolve(reader, reader.optional_any("place"), IdKind::place);
    reader.report_unknown_keys();
    story_.people.push_back(std::move(person));
}

void StoryReader::read_route(const JsonValue& object, std::size_t index) {
    Route route;
    route.id = usable_id(object);
    JsonObjectReader reader(object, object.position, describe(object, IdKind::route, index), route.id, sink_);
    reader.required("id", JsonType::string);
    if (const JsonMember* mode = reader.required("mode", JsonType::string)) {
        if (auto parsed = parse_route_mode(mode->value.text)) {
            route.mode = *parsed;
        } else {
            reader.report(mode->value.position, "mode " + in_quotes(mode->value.text) + " of " + reader.what() +
                                                    " is not one of " + list_names(RouteMode::ship));
        }
    }
    if (auto label = read_text(reader, reader.required_any("label"))) route.label = std::move(*label);
    route.date = read_date(reader, reader.optional("date", JsonType::string));
    if (const JsonMember* historic = reader.optional("historic", JsonType::boolean)) {
        route.historic = historic->value.boolean;
    }
    if (const JsonMember* waypoints = reader.required("waypoints", JsonType::array)) {
        const std::size_t count = waypoints->value.items.size();
        if (count < 2) {
            reader.report(waypoints->value.position,
                          reader.what() + " needs at least two waypoints, has " + std::to_string(count));
        }
        for (std::size_t i = 0; i < count; ++i) {
            const JsonValue& waypoint = waypoints->value.items[i];
            if (waypoint.is(JsonType::object)) {
                route.waypoints.push_back(read_waypoint(waypoint, i, reader));
            } else {
                reader.report(waypoint.position, "waypoint " + std::to_string(i + 1) + " of " + reader.what() +
                                                     " must be an object, not " +
                                                     std::string(json_type_with_article(waypoint.type)));
            }
        }
    }
    read_added(reader, route.added, route.note);
    reader.report_unknown_keys();
    story_.routes.push_back(std::move(route));
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
    Relation relation;
    relation.id = usable_id(object);
    JsonObjectReader reader(object, object.position, describe(object, IdKind::relation, index), relation.id, sink_);
    reader.required("id", JsonType::string);
    std::optional<RelationKind> kind;
    if (const JsonMember* kind_member = reader.required("kind", JsonType::string)) {
        kind = parse_relation_kind(kind_member->value.text);
        if (kind) {
            relation.kind = *kind;
        } else {
            reader.report(kind_member->value.position, "kind " + in_quotes(kind_member->value.text) + " of " +
                                                           reader.what() + " is not one of " +
                                                           list_names(RelationKind::statement));
        }
    }
    const std::optional<std::size_t> from = resolve(reader, reader.required_any("from"), IdKind::place);
    const JsonMember* to_member = reader.required_any("to");
    const std::optional<std::size_t> to = resolve(reader, to_member, IdKind::place);
    if (from && to) {
        relation.from_place = *from;
        relation.to_place = *to;
        // Only meetings and statements happen in one place; any other relation to itself is a slip of the pen.
        if (*from == *to && kind && *kind != RelationKind::meeting && *kind != RelationKind::statement) {
            reader.report(to_member->value.position,
                          reader.what() + " of kind '" + std::string(to_string(*kind)) + "' goes from " +
                              in_quotes(to_member->value.text) +
                              " to itself; only 'meeting' and 'statement' relations may have \"to\" equal to \"from\"");
        }
    }
    relation.speaker = resolve(reader, reader.optional_any("speaker"), IdKind::person);
    relation.date = read_date(reader, reader.optional("date", JsonType::string));
    if (auto label = read_text(reader, reader.required_any("label"))) relation.label = std::move(*label);
    if (const JsonMember* excerpts = reader.optional("excerpts", JsonType::array)) {
        for (const JsonValue& excerpt : excerpts->value.items) {
            if (auto resolved = resolve_value(reader, excerpt, "excerpts", IdKind::excerpt)) {
                relation.excerpts.push_back(*resolved);
            }
        }
    }
    relation.route = resolve(reader, reader.optional_any("route"), IdKind::route);
    read_added(reader, relation.added, relation.note);
    reader.report_unknown_keys();
    story_.relations.push_back(std::move(relation));
}

void StoryReader::read_excerpt(const JsonValue& object, std::size_t index) {
    Excerpt excerpt;
    excerpt.id = usable_id(object);
    JsonObjectReader reader(object, object.position, describe(object, IdKind::excerpt, index), excerpt.id, sink_);
    reader.required("id", JsonType::string);
    const JsonMember* text = reader.required("text", JsonType::string);
    const JsonMember* occurrence = reader.optional("occurrence", JsonType::number);
    const bool occurrence_ok = occurrence == nullptr || occurrence->value.integer.has_value();
    if (!occurrence_ok) {
        reader.report(occurrence->value.position,
                      reader.field("occurrence") + " must be a whole number, not " + occurrence->value.text);
    }
    excerpt.speaker = resolve(reader, reader.optional_any("speaker"), IdKind::person);
    if (auto translation = read_text(reader, reader.required_any("translation"), true)) {
        excerpt.translation = std::move(*translation);
    }
    reader.report_unknown_keys();
    if (text != nullptr) {
        excerpt.text = text->value.text;
        if (collapse_whitespace(excerpt.text).empty()) {
            reader.report(text->value.position, reader.field("text") + " is empty");
        } else if (collapsed_article_ && occurrence_ok) {
            locate_excerpt(reader, excerpt, *text, occurrence);
        }
    }
    story_.excerpts.push_back(std::move(excerpt));
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
    TimelineEvent event;
    JsonObjectReader reader(object, object.position, "timeline event #" + std::to_string(index + 1), "", sink_);
    if (auto date = read_date(reader, reader.required("date", JsonType::string))) event.date = std::move(*date);
    if (auto label = read_text(reader, reader.required_any("label"))) event.label = std::move(*label);
    event.place = resolve(reader, reader.optional_any("place"), IdKind::place);
    read_added(reader, event.added, event.note);
    reader.report_unknown_keys();
    story_.timeline.push_back(std::move(event));
}

}  // namespace geo

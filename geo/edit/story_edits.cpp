// The edit operations of StoryDocument. Each checks what it can check cheaply and says why it cannot apply (an
// unknown id, a range outside the article), then changes a copy of the tree and commits it as one step; whatever
// else the story reader finds in the result is listed in problems() and stops a save until it is fixed.
#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "geo/edit/json_tree_edit.hpp"
#include "geo/edit/story_document.hpp"
#include "geo/story/date.hpp"
#include "geo/text/text_fold.hpp"
#include "geo/text/text_utf8.hpp"

namespace geo {

namespace {

// Where a list that a story lacks goes when an edit creates it: the order of docs/story-format.md.
constexpr std::array<std::string_view, 9> top_level_order = {"format",    "meta",     "places",   "people", "routes",
                                                             "relations", "excerpts", "timeline", "slides"};

std::string_view array_key(ItemKind kind) {
    switch (kind) {
        case ItemKind::place: return "places";
        case ItemKind::person: return "people";
        case ItemKind::route: return "routes";
        case ItemKind::relation: return "relations";
        case ItemKind::excerpt: return "excerpts";
        case ItemKind::slide: return "slides";
    }
    return "";
}

constexpr std::array<ItemKind, 5> id_kinds = {ItemKind::place, ItemKind::person, ItemKind::route, ItemKind::relation,
                                              ItemKind::excerpt};

EditResult refused(std::string error) { return EditResult{std::move(error), {}, {}}; }
EditResult done(std::string_view id, std::string detail = {}) {
    return EditResult{{}, std::string(id), std::move(detail)};
}

std::string unknown(ItemKind kind, std::string_view id) {
    return "there is no " + std::string(to_string(kind)) + " '" + std::string(id) + "'";
}

std::string string_of(const JsonValue& object, std::string_view key) {
    const JsonMember* member = object.find(key);
    return member != nullptr && member->value.is(JsonType::string) ? member->value.text : std::string();
}

// A Text value (a plain string in `base` language, or an object of language -> string) in `language`, falling
// back to `base`, then to the first language given.
std::string text_in(const JsonValue* text, std::string_view language, std::string_view base) {
    if (text == nullptr) return {};
    if (text->is(JsonType::string)) return text->text;
    if (!text->is(JsonType::object)) return {};
    for (const std::string_view wanted : {language, base})
        if (const JsonMember* member = text->find(wanted); member != nullptr && member->value.is(JsonType::string))
            return member->value.text;
    for (const JsonMember& member : text->members)
        if (member.value.is(JsonType::string)) return member.value.text;
    return {};
}

// Sets `key` of `object`, a Text, in `language`; `base` is the language a plain string is in.
void set_text_in(JsonValue& object, std::string_view key, std::string_view language, std::string_view base,
                 std::string_view text) {
    JsonValue* existing = json_find(object, key);
    if (existing != nullptr && existing->is(JsonType::string) && language == base) {
        *existing = json_string(text);
        return;
    }
    JsonValue languages = json_object();
    if (existing != nullptr && existing->is(JsonType::object)) {
        languages = std::move(*existing);
    } else if (language != base) {
        // The base language must be there; an empty one is a warning to fill it in.
        json_set(languages, base,
                 json_string(existing != nullptr && existing->is(JsonType::string) ? existing->text : ""));
    }
    json_set(languages, language, json_string(text));
    json_set(object, key, std::move(languages));
}

// The top-level list `key`, created empty in the format's order when the story has none.
JsonValue& top_array(JsonValue& root, std::string_view key) {
    if (JsonValue* existing = json_find(root, key); existing != nullptr) {
        if (!existing->is(JsonType::array)) *existing = json_array();
        return *existing;
    }
    const auto rank = [](std::string_view name) {
        return static_cast<std::size_t>(std::find(top_level_order.begin(), top_level_order.end(), name) -
                                        top_level_order.begin());
    };
    const std::size_t own_rank = rank(key);
    auto before = std::find_if(root.members.begin(), root.members.end(), [&](const JsonMember& member) {
        const std::size_t r = rank(member.key);
        return r < top_level_order.size() && r > own_rank;
    });
    before = root.members.insert(before, JsonMember{std::string(key), {}, json_array()});
    return before->value;
}

JsonValue* find_item(JsonValue& root, ItemKind kind, std::string_view id) {
    JsonValue* list = json_find(root, array_key(kind));
    if (list == nullptr || !list->is(JsonType::array)) return nullptr;
    for (JsonValue& item : list->items)
        if (item.is(JsonType::object) && string_of(item, "id") == id) return &item;
    return nullptr;
}

// Points `key` of `item` (an item inside `root`) at `target`, an item of `target_kind` that must exist, or clears it
// when `target` is empty: the speaker of an excerpt or relation, a relation's route, a person's place. Returns why
// it cannot, or nothing.
std::string set_reference(JsonValue& root, JsonValue& item, std::string_view key, ItemKind target_kind,
                          std::string_view target) {
    if (target.empty()) {
        json_erase(item, key);
        return {};
    }
    if (find_item(root, target_kind, target) == nullptr) return unknown(target_kind, target);
    json_set(item, key, json_string(target));
    return {};
}

bool id_taken(JsonValue& root, ItemKind kind, std::string_view id) {
    if (kind == ItemKind::slide) return find_item(root, ItemKind::slide, id) != nullptr;
    return std::any_of(id_kinds.begin(), id_kinds.end(), [&](ItemKind k) { return find_item(root, k, id) != nullptr; });
}

// `base` made unique: "moskau", "moskau-2", ...
std::string unique_id(JsonValue& root, ItemKind kind, const std::string& base) {
    if (!id_taken(root, kind, base)) return base;
    for (int n = 2;; ++n) {
        std::string candidate = base + "-" + std::to_string(n);
        if (!id_taken(root, kind, candidate)) return candidate;
    }
}

// An id from a name: folded to ASCII where the folding knows how ("Pjöngjang" -> "pjongjang"), other characters
// as '-', at most `max_words` words; `fallback` when nothing is left.
std::string slug(std::string_view text, std::string_view fallback, int max_words = 4) {
    const std::string folded = fold_for_search(text);
    std::string id;
    int words = 0;
    bool in_word = false;
    for (const char c : folded) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) {
            if (!in_word) {
                if (words == max_words) break;
                if (!id.empty()) id += '-';
                ++words;
            }
            id += c;
        }
        in_word = keep;
        if (id.size() >= 40) break;
    }
    return id.empty() ? std::string(fallback) : id;
}

std::string coordinate_error(double lon, double lat) {
    if (!std::isfinite(lon) || !std::isfinite(lat)) return "the coordinates are not finite numbers";
    if (lon < -180.0 || lon > 180.0) return "longitude " + std::to_string(lon) + " is outside -180..180";
    if (lat < -90.0 || lat > 90.0) return "latitude " + std::to_string(lat) + " is outside -90..90";
    return {};
}

std::string text_error(std::string_view text) {
    if (find_invalid_utf8(text)) return "the text is not valid UTF-8";
    return {};
}

std::string date_error(std::string_view date) {
    DateParse parse = parse_date_range(date);
    return parse.range ? std::string() : "'" + std::string(date) + "' is no date: " + parse.error;
}

bool same_place_allowed(RelationKind kind) { return kind == RelationKind::meeting || kind == RelationKind::statement; }

// Removes `id` from the list `key` of `object`; returns whether it was there.
bool remove_from_list(JsonValue& object, std::string_view key, std::string_view id) {
    JsonValue* list = json_find(object, key);
    if (list == nullptr || !list->is(JsonType::array)) return false;
    const auto old_size = list->items.size();
    std::erase_if(list->items, [&](const JsonValue& item) { return item.is(JsonType::string) && item.text == id; });
    return list->items.size() != old_size;
}

std::string join(const std::vector<std::string>& parts) {
    std::string joined;
    for (const std::string& part : parts) {
        if (!joined.empty()) joined += ", ";
        joined += part;
    }
    return joined;
}

JsonValue waypoint_json(const NewWaypoint& waypoint) {
    JsonValue object = json_object();
    if (!waypoint.place.empty()) {
        json_set(object, "place", json_string(waypoint.place));
    } else {
        json_set(object, "lon", json_number(waypoint.lon));
        json_set(object, "lat", json_number(waypoint.lat));
    }
    if (!waypoint.name.empty()) json_set(object, "name", json_string(waypoint.name));
    if (waypoint.stop) json_set(object, "stop", json_bool(true));
    return object;
}

// A waypoint at a place turned into one at `lon`/`lat`, keeping its other fields after the coordinates.
void waypoint_to_coordinates(JsonValue& waypoint, JsonValue lon, JsonValue lat) {
    if (waypoint.find("place") == nullptr) {
        json_set(waypoint, "lon", std::move(lon));
        json_set(waypoint, "lat", std::move(lat));
        return;
    }
    JsonValue moved = json_object();
    json_set(moved, "lon", std::move(lon));
    json_set(moved, "lat", std::move(lat));
    for (JsonMember& member : waypoint.members)
        if (member.key != "place" && member.key != "lon" && member.key != "lat")
            moved.members.push_back(std::move(member));
    waypoint = std::move(moved);
}

std::optional<double> number_of(const JsonValue& object, std::string_view key) {
    const JsonMember* member = object.find(key);
    if (member == nullptr || !member->value.is(JsonType::number)) return std::nullopt;
    return member->value.number;
}

}  // namespace

// ---- Names for messages and menus

namespace {

std::string display_name(JsonValue& root, ItemKind kind, std::string_view id, std::string_view language) {
    JsonValue* item = find_item(root, kind, id);
    if (item == nullptr) return std::string(id);
    std::string name;
    switch (kind) {
        case ItemKind::place: {
            const JsonMember* names = item->find("names");
            name = text_in(names != nullptr ? &names->value : nullptr, language, language);
            break;
        }
        case ItemKind::person: name = string_of(*item, "name"); break;
        default: break;
    }
    return name.empty() ? std::string(id) : name;
}

}  // namespace

// ---- Places

EditResult StoryDocument::add_place(std::string_view name, double lon, double lat, PlaceRole role,
                                    std::string_view coordinate_source) {
    if (std::string error = coordinate_error(lon, lat); !error.empty()) return refused(error);
    if (name.empty()) return refused("a place needs a name");
    if (std::string error = text_error(name) + text_error(coordinate_source); !error.empty()) return refused(error);
    JsonValue root = root_;
    const std::string id = unique_id(root, ItemKind::place, slug(name, "place"));
    JsonValue place = json_object();
    json_set(place, "id", json_string(id));
    JsonValue names = json_object();
    json_set(names, language(), json_string(name));
    json_set(place, "names", std::move(names));
    json_set(place, "lon", json_number(lon));
    json_set(place, "lat", json_number(lat));
    json_set(place, "role", json_string(to_string(role)));
    if (!coordinate_source.empty()) json_set(place, "source", json_string(coordinate_source));
    top_array(root, "places").items.push_back(std::move(place));
    return commit(std::move(root), {EditStepKind::add, std::string(name), {}}, done(id));
}

EditResult StoryDocument::move_place(std::string_view id, double lon, double lat) {
    if (std::string error = coordinate_error(lon, lat); !error.empty()) return refused(error);
    JsonValue root = root_;
    JsonValue* place = find_item(root, ItemKind::place, id);
    if (place == nullptr) return refused(unknown(ItemKind::place, id));
    json_set(*place, "lon", json_number(lon));
    json_set(*place, "lat", json_number(lat));
    EditStep step{EditStepKind::move_place, display_name(root, ItemKind::place, id, language()), {}};
    return commit(std::move(root), std::move(step), done(id));
}

EditResult StoryDocument::rename_place(std::string_view id, std::string_view name, std::string_view language_code) {
    if (name.empty()) return refused("a place needs a name");
    if (std::string error = text_error(name); !error.empty()) return refused(error);
    JsonValue root = root_;
    JsonValue* place = find_item(root, ItemKind::place, id);
    if (place == nullptr) return refused(unknown(ItemKind::place, id));
    EditStep step{EditStepKind::rename, display_name(root, ItemKind::place, id, language()), {}};
    set_text_in(*place, "names", language_code.empty() ? language() : language_code, language(), name);
    return commit(std::move(root), std::move(step), done(id));
}

EditResult StoryDocument::set_place_role(std::string_view id, PlaceRole role) {
    JsonValue root = root_;
    JsonValue* place = find_item(root, ItemKind::place, id);
    if (place == nullptr) return refused(unknown(ItemKind::place, id));
    json_set(*place, "role", json_string(to_string(role)));
    EditStep step{EditStepKind::set_role, display_name(root, ItemKind::place, id, language()), {}};
    return commit(std::move(root), std::move(step), done(id));
}

EditResult StoryDocument::set_place_main(std::string_view id, bool main) {
    JsonValue root = root_;
    JsonValue* place = find_item(root, ItemKind::place, id);
    if (place == nullptr) return refused(unknown(ItemKind::place, id));
    if (main)
        json_set(*place, "main", json_bool(true));
    else
        json_erase(*place, "main");
    EditStep step{main ? EditStepKind::make_main : EditStepKind::make_not_main,
                  display_name(root, ItemKind::place, id, language()), {}};
    return commit(std::move(root), std::move(step), done(id));
}

// ---- Excerpts

EditResult StoryDocument::add_excerpt_from_range(std::size_t begin, std::size_t end, std::string_view speaker) {
    const std::string_view article = article_text_;
    if (begin >= end)
        return refused("the selection is empty (" + std::to_string(begin) + ".." + std::to_string(end) + ")");
    if (end > article.size())
        return refused("the selection ends at byte " + std::to_string(end) + ", beyond the article's " +
                       std::to_string(article.size()) + " bytes");
    const auto continuation = [&](std::size_t at) {
        return at < article.size() && (static_cast<unsigned char>(article[at]) & 0xC0U) == 0x80U;
    };
    if (continuation(begin) || continuation(end))
        return refused("the selection " + std::to_string(begin) + ".." + std::to_string(end) +
                       " splits a UTF-8 character");
    JsonValue root = root_;
    if (!speaker.empty() && find_item(root, ItemKind::person, speaker) == nullptr)
        return refused(unknown(ItemKind::person, speaker));
    if (JsonValue* excerpts = json_find(root, "excerpts"); excerpts != nullptr && excerpts->is(JsonType::array)) {
        for (const JsonValue& excerpt : excerpts->items)
            if (number_of(excerpt, "start") == static_cast<double>(begin) &&
                number_of(excerpt, "end") == static_cast<double>(end))
                return refused("excerpt '" + string_of(excerpt, "id") + "' is this selection already");
    }
    const std::string_view text = article.substr(begin, end - begin);
    const std::string id = unique_id(root, ItemKind::excerpt, "ex-" + slug(text, "quote", 3));
    JsonValue excerpt = json_object();
    json_set(excerpt, "id", json_string(id));
    json_set(excerpt, "text", json_string(text));
    if (!speaker.empty()) json_set(excerpt, "speaker", json_string(speaker));
    JsonValue translation = json_object();
    json_set(translation, "en", json_string(""));  // to write: an empty translation is a warning
    json_set(excerpt, "translation", std::move(translation));
    json_set(excerpt, "start", json_integer(static_cast<std::int64_t>(begin)));
    json_set(excerpt, "end", json_integer(static_cast<std::int64_t>(end)));
    top_array(root, "excerpts").items.push_back(std::move(excerpt));
    return commit(std::move(root), {EditStepKind::add_excerpt, id, {}}, done(id));
}

EditResult StoryDocument::set_excerpt_speaker(std::string_view id, std::string_view speaker) {
    JsonValue root = root_;
    JsonValue* excerpt = find_item(root, ItemKind::excerpt, id);
    if (excerpt == nullptr) return refused(unknown(ItemKind::excerpt, id));
    if (std::string error = set_reference(root, *excerpt, "speaker", ItemKind::person, speaker); !error.empty())
        return refused(error);
    return commit(std::move(root), {EditStepKind::set_speaker, std::string(id), {}}, done(id));
}

EditResult StoryDocument::set_translation(std::string_view excerpt, std::string_view language_code,
                                          std::string_view text) {
    return set_text(ItemKind::excerpt, excerpt, "translation", language_code.empty() ? "en" : language_code, text);
}

// ---- Relations

EditResult StoryDocument::add_relation(std::string_view from, std::string_view to, RelationKind kind,
                                       std::string_view date, std::string_view speaker, std::string_view excerpt) {
    JsonValue root = root_;
    for (const std::string_view place : {from, to})
        if (find_item(root, ItemKind::place, place) == nullptr) return refused(unknown(ItemKind::place, place));
    if (from == to && !same_place_allowed(kind))
        return refused("a " + std::string(to_string(kind)) + " relation needs two different places");
    if (!speaker.empty() && find_item(root, ItemKind::person, speaker) == nullptr)
        return refused(unknown(ItemKind::person, speaker));
    if (!excerpt.empty() && find_item(root, ItemKind::excerpt, excerpt) == nullptr)
        return refused(unknown(ItemKind::excerpt, excerpt));
    if (!date.empty())
        if (std::string error = date_error(date); !error.empty()) return refused(error);
    const std::string from_name = display_name(root, ItemKind::place, from, language());
    const std::string to_name = display_name(root, ItemKind::place, to, language());
    const std::string label = from == to ? from_name : from_name + " – " + to_name;
    std::string base = std::string(to_string(kind)) + "-" + std::string(from);
    if (from != to) base += "-" + std::string(to);
    const std::string id = unique_id(root, ItemKind::relation, base);
    JsonValue relation = json_object();
    json_set(relation, "id", json_string(id));
    json_set(relation, "kind", json_string(to_string(kind)));
    json_set(relation, "from", json_string(from));
    json_set(relation, "to", json_string(to));
    if (!speaker.empty()) json_set(relation, "speaker", json_string(speaker));
    if (!date.empty()) json_set(relation, "date", json_string(date));
    JsonValue labels = json_object();
    json_set(labels, language(), json_string(label));
    json_set(relation, "label", std::move(labels));
    if (!excerpt.empty()) {
        JsonValue excerpts = json_array();
        excerpts.items.push_back(json_string(excerpt));
        json_set(relation, "excerpts", std::move(excerpts));
    }
    top_array(root, "relations").items.push_back(std::move(relation));
    return commit(std::move(root), {EditStepKind::add_relation, label, {}}, done(id));
}

EditResult StoryDocument::set_relation_kind(std::string_view id, RelationKind kind) {
    JsonValue root = root_;
    JsonValue* relation = find_item(root, ItemKind::relation, id);
    if (relation == nullptr) return refused(unknown(ItemKind::relation, id));
    if (string_of(*relation, "from") == string_of(*relation, "to") && !same_place_allowed(kind))
        return refused("a " + std::string(to_string(kind)) + " relation needs two different places");
    json_set(*relation, "kind", json_string(to_string(kind)));
    return commit(std::move(root), {EditStepKind::set_relation_kind, std::string(id), {}}, done(id));
}

EditResult StoryDocument::set_relation_places(std::string_view id, std::string_view from, std::string_view to) {
    JsonValue root = root_;
    JsonValue* relation = find_item(root, ItemKind::relation, id);
    if (relation == nullptr) return refused(unknown(ItemKind::relation, id));
    for (const std::string_view place : {from, to})
        if (find_item(root, ItemKind::place, place) == nullptr) return refused(unknown(ItemKind::place, place));
    const std::optional<RelationKind> kind = parse_relation_kind(string_of(*relation, "kind"));
    if (from == to && kind && !same_place_allowed(*kind))
        return refused("a " + std::string(to_string(*kind)) + " relation needs two different places");
    json_set(*relation, "from", json_string(from));
    json_set(*relation, "to", json_string(to));
    return commit(std::move(root), {EditStepKind::set_relation_places, std::string(id), {}}, done(id));
}

EditResult StoryDocument::set_relation_date(std::string_view id, std::string_view date) {
    if (!date.empty())
        if (std::string error = date_error(date); !error.empty()) return refused(error);
    JsonValue root = root_;
    JsonValue* relation = find_item(root, ItemKind::relation, id);
    if (relation == nullptr) return refused(unknown(ItemKind::relation, id));
    if (date.empty())
        json_erase(*relation, "date");
    else
        json_set(*relation, "date", json_string(date));
    return commit(std::move(root), {EditStepKind::set_relation_date, std::string(id), {}}, done(id));
}

EditResult StoryDocument::set_relation_speaker(std::string_view id, std::string_view speaker) {
    JsonValue root = root_;
    JsonValue* relation = find_item(root, ItemKind::relation, id);
    if (relation == nullptr) return refused(unknown(ItemKind::relation, id));
    if (std::string error = set_reference(root, *relation, "speaker", ItemKind::person, speaker); !error.empty())
        return refused(error);
    return commit(std::move(root), {EditStepKind::set_speaker, std::string(id), {}}, done(id));
}

EditResult StoryDocument::set_relation_route(std::string_view id, std::string_view route) {
    JsonValue root = root_;
    JsonValue* relation = find_item(root, ItemKind::relation, id);
    if (relation == nullptr) return refused(unknown(ItemKind::relation, id));
    if (std::string error = set_reference(root, *relation, "route", ItemKind::route, route); !error.empty())
        return refused(error);
    return commit(std::move(root), {EditStepKind::set_relation_route, std::string(id), {}}, done(id));
}

EditResult StoryDocument::add_relation_excerpt(std::string_view id, std::string_view excerpt) {
    JsonValue root = root_;
    JsonValue* relation = find_item(root, ItemKind::relation, id);
    if (relation == nullptr) return refused(unknown(ItemKind::relation, id));
    if (find_item(root, ItemKind::excerpt, excerpt) == nullptr) return refused(unknown(ItemKind::excerpt, excerpt));
    JsonValue* list = json_find(*relation, "excerpts");
    if (list == nullptr || !list->is(JsonType::array)) list = &json_set(*relation, "excerpts", json_array());
    for (const JsonValue& item : list->items)
        if (item.is(JsonType::string) && item.text == excerpt)
            return refused("relation '" + std::string(id) + "' has excerpt '" + std::string(excerpt) + "' already");
    list->items.push_back(json_string(excerpt));
    return commit(std::move(root), {EditStepKind::add_excerpt_to, std::string(excerpt), std::string(id)}, done(id));
}

EditResult StoryDocument::remove_relation_excerpt(std::string_view id, std::string_view excerpt) {
    JsonValue root = root_;
    JsonValue* relation = find_item(root, ItemKind::relation, id);
    if (relation == nullptr) return refused(unknown(ItemKind::relation, id));
    if (!remove_from_list(*relation, "excerpts", excerpt))
        return refused("relation '" + std::string(id) + "' has no excerpt '" + std::string(excerpt) + "'");
    if (const JsonValue* list = json_find(*relation, "excerpts"); list != nullptr && list->items.empty())
        json_erase(*relation, "excerpts");
    return commit(std::move(root), {EditStepKind::remove_excerpt_from, std::string(excerpt), std::string(id)},
                  done(id));
}

// ---- Routes

namespace {

std::string waypoint_error(JsonValue& root, const NewWaypoint& waypoint) {
    if (!waypoint.place.empty())
        return find_item(root, ItemKind::place, waypoint.place) == nullptr ? unknown(ItemKind::place, waypoint.place)
                                                                           : std::string();
    if (std::string error = coordinate_error(waypoint.lon, waypoint.lat); !error.empty()) return error;
    return text_error(waypoint.name);
}

}  // namespace

EditResult StoryDocument::add_route(RouteMode mode, const std::vector<NewWaypoint>& waypoints, std::string_view label) {
    if (waypoints.size() < 2)
        return refused("a route needs at least two waypoints, not " + std::to_string(waypoints.size()));
    if (std::string error = text_error(label); !error.empty()) return refused(error);
    JsonValue root = root_;
    for (const NewWaypoint& waypoint : waypoints)
        if (std::string error = waypoint_error(root, waypoint); !error.empty()) return refused(error);
    std::string text(label);
    if (text.empty()) {
        const auto end_name = [&](const NewWaypoint& waypoint) {
            return waypoint.place.empty() ? waypoint.name
                                          : display_name(root, ItemKind::place, waypoint.place, language());
        };
        const std::string first = end_name(waypoints.front());
        const std::string last = end_name(waypoints.back());
        text = !first.empty() && !last.empty() ? first + " – " + last : std::string();
    }
    const std::string id =
        unique_id(root, ItemKind::route, std::string(to_string(mode)) + (text.empty() ? "" : "-" + slug(text, "", 3)));
    JsonValue route = json_object();
    json_set(route, "id", json_string(id));
    json_set(route, "mode", json_string(to_string(mode)));
    JsonValue labels = json_object();
    json_set(labels, language(), json_string(text));
    json_set(route, "label", std::move(labels));
    JsonValue& list = json_set(route, "waypoints", json_array());
    for (const NewWaypoint& waypoint : waypoints) list.items.push_back(waypoint_json(waypoint));
    top_array(root, "routes").items.push_back(std::move(route));
    return commit(std::move(root), {EditStepKind::add_route, text.empty() ? id : text, {}}, done(id));
}

EditResult StoryDocument::append_route_waypoint(std::string_view route_id, const NewWaypoint& waypoint) {
    JsonValue root = root_;
    if (std::string error = waypoint_error(root, waypoint); !error.empty()) return refused(error);
    JsonValue* route = find_item(root, ItemKind::route, route_id);
    if (route == nullptr) return refused(unknown(ItemKind::route, route_id));
    JsonValue* list = json_find(*route, "waypoints");
    if (list == nullptr || !list->is(JsonType::array)) list = &json_set(*route, "waypoints", json_array());
    list->items.push_back(waypoint_json(waypoint));
    return commit(std::move(root), {EditStepKind::add_waypoint, std::string(route_id), {}}, done(route_id));
}

EditResult StoryDocument::move_route_waypoint(std::string_view route_id, std::size_t index, double lon, double lat) {
    if (std::string error = coordinate_error(lon, lat); !error.empty()) return refused(error);
    JsonValue root = root_;
    JsonValue* route = find_item(root, ItemKind::route, route_id);
    if (route == nullptr) return refused(unknown(ItemKind::route, route_id));
    JsonValue* list = json_find(*route, "waypoints");
    const std::size_t count = list != nullptr && list->is(JsonType::array) ? list->items.size() : 0;
    if (index >= count)
        return refused("route '" + std::string(route_id) + "' has no waypoint #" + std::to_string(index + 1) +
                       " (it has " + std::to_string(count) + ")");
    if (!list->items[index].is(JsonType::object)) return refused("that waypoint is not an object");
    waypoint_to_coordinates(list->items[index], json_number(lon), json_number(lat));
    return commit(std::move(root), {EditStepKind::move_waypoint, std::string(route_id), {}}, done(route_id));
}

EditResult StoryDocument::remove_route_waypoint(std::string_view route_id, std::size_t index) {
    JsonValue root = root_;
    JsonValue* route = find_item(root, ItemKind::route, route_id);
    if (route == nullptr) return refused(unknown(ItemKind::route, route_id));
    JsonValue* list = json_find(*route, "waypoints");
    const std::size_t count = list != nullptr && list->is(JsonType::array) ? list->items.size() : 0;
    if (index >= count)
        return refused("route '" + std::string(route_id) + "' has no waypoint #" + std::to_string(index + 1) +
                       " (it has " + std::to_string(count) + ")");
    if (count <= 2) return refused("a route needs at least two waypoints; delete the route instead");
    list->items.erase(list->items.begin() + static_cast<std::ptrdiff_t>(index));
    return commit(std::move(root), {EditStepKind::remove_waypoint, std::string(route_id), {}}, done(route_id));
}

EditResult StoryDocument::set_route_mode(std::string_view route_id, RouteMode mode) {
    JsonValue root = root_;
    JsonValue* route = find_item(root, ItemKind::route, route_id);
    if (route == nullptr) return refused(unknown(ItemKind::route, route_id));
    json_set(*route, "mode", json_string(to_string(mode)));
    return commit(std::move(root), {EditStepKind::set_route_mode, std::string(route_id), {}}, done(route_id));
}

// ---- People

EditResult StoryDocument::add_person(std::string_view name, std::string_view role, std::string_view affiliation,
                                     std::string_view place) {
    if (name.empty()) return refused("a person needs a name");
    if (std::string error = text_error(name) + text_error(role) + text_error(affiliation); !error.empty())
        return refused(error);
    JsonValue root = root_;
    if (!place.empty() && find_item(root, ItemKind::place, place) == nullptr)
        return refused(unknown(ItemKind::place, place));
    const std::string id = unique_id(root, ItemKind::person, slug(name, "person"));
    JsonValue person = json_object();
    json_set(person, "id", json_string(id));
    json_set(person, "name", json_string(name));
    if (!role.empty()) set_text_in(person, "role", language(), language(), role);
    if (!affiliation.empty()) set_text_in(person, "affiliation", language(), language(), affiliation);
    if (!place.empty()) json_set(person, "place", json_string(place));
    top_array(root, "people").items.push_back(std::move(person));
    return commit(std::move(root), {EditStepKind::add, std::string(name), {}}, done(id));
}

EditResult StoryDocument::rename_person(std::string_view id, std::string_view name) {
    if (name.empty()) return refused("a person needs a name");
    if (std::string error = text_error(name); !error.empty()) return refused(error);
    JsonValue root = root_;
    JsonValue* person = find_item(root, ItemKind::person, id);
    if (person == nullptr) return refused(unknown(ItemKind::person, id));
    EditStep step{EditStepKind::rename, display_name(root, ItemKind::person, id, language()), {}};
    json_set(*person, "name", json_string(name));
    return commit(std::move(root), std::move(step), done(id));
}

EditResult StoryDocument::set_person_place(std::string_view id, std::string_view place) {
    JsonValue root = root_;
    JsonValue* person = find_item(root, ItemKind::person, id);
    if (person == nullptr) return refused(unknown(ItemKind::person, id));
    if (std::string error = set_reference(root, *person, "place", ItemKind::place, place); !error.empty())
        return refused(error);
    EditStep step{EditStepKind::set_person_place, display_name(root, ItemKind::person, id, language()), {}};
    return commit(std::move(root), std::move(step), done(id));
}

// ---- Text fields

EditResult StoryDocument::set_text(ItemKind kind, std::string_view id, std::string_view field,
                                   std::string_view language_code, std::string_view text) {
    static const std::map<ItemKind, std::vector<std::string_view>> text_fields = {
        {ItemKind::place, {"names", "label", "note"}}, {ItemKind::person, {"role", "affiliation"}},
        {ItemKind::route, {"label", "note"}},          {ItemKind::relation, {"label", "note"}},
        {ItemKind::excerpt, {"translation"}},          {ItemKind::slide, {"notes"}},
    };
    const std::vector<std::string_view>& fields = text_fields.at(kind);
    if (std::find(fields.begin(), fields.end(), field) == fields.end())
        return refused("a " + std::string(to_string(kind)) + " has no text field '" + std::string(field) + "'");
    if (std::string error = text_error(text) + text_error(language_code); !error.empty()) return refused(error);
    JsonValue root = root_;
    JsonValue* item = find_item(root, kind, id);
    if (item == nullptr) return refused(unknown(kind, id));
    // Translations are English first (the format asks for at least 'en'); everything else the story's language.
    const std::string base = field == "translation" ? std::string("en") : language();
    set_text_in(*item, field, language_code.empty() ? std::string_view(base) : language_code, base, text);
    return commit(std::move(root), {EditStepKind::edit_text, std::string(id), std::string(field)}, done(id));
}

// ---- The story's own fields

EditResult StoryDocument::set_title(std::string_view language_code, std::string_view text) {
    if (std::string error = text_error(text); !error.empty()) return refused(error);
    JsonValue root = root_;
    JsonValue* meta = json_find(root, "meta");
    if (meta == nullptr || !meta->is(JsonType::object)) return refused("the story has no \"meta\" object");
    set_text_in(*meta, "title", language_code.empty() ? std::string_view(language()) : language_code, language(), text);
    return commit(std::move(root), {EditStepKind::edit_title, {}, {}}, done(""));
}

EditResult StoryDocument::set_date(std::string_view date) {
    if (std::string error = date_error(date); !error.empty()) return refused(error);
    JsonValue root = root_;
    JsonValue* meta = json_find(root, "meta");
    if (meta == nullptr || !meta->is(JsonType::object)) return refused("the story has no \"meta\" object");
    json_set(*meta, "date", json_string(date));
    return commit(std::move(root), {EditStepKind::set_story_date, {}, {}}, done(""));
}

EditResult StoryDocument::set_source(std::string_view source) {
    if (std::string error = text_error(source); !error.empty()) return refused(error);
    JsonValue root = root_;
    JsonValue* meta = json_find(root, "meta");
    if (meta == nullptr || !meta->is(JsonType::object)) return refused("the story has no \"meta\" object");
    json_set(*meta, "source", json_string(source));
    return commit(std::move(root), {EditStepKind::set_story_source, {}, {}}, done(""));
}

// ---- Review and delete

EditResult StoryDocument::mark_reviewed(ItemKind kind, std::string_view id) {
    JsonValue root = root_;
    JsonValue* item = find_item(root, kind, id);
    if (item == nullptr) return refused(unknown(kind, id));
    json_erase(*item, "draft");
    EditStep step{EditStepKind::mark_reviewed, display_name(root, kind, id, language()), {}};
    return commit(std::move(root), std::move(step), done(id));
}

namespace {

// Deleting one item and whatever would dangle without it, in one tree; `also` collects what went with it.
class Deletion {
public:
    explicit Deletion(JsonValue& root) : root_(root) {}

    void remove(ItemKind kind, std::string_view id) {
        const std::string key(array_key(kind));
        JsonValue* list = json_find(root_, key);
        if (list == nullptr || !list->is(JsonType::array)) return;
        // Taken out first, so that what refers to it is found by id alone.
        JsonValue removed;
        const auto found = std::find_if(list->items.begin(), list->items.end(), [&](const JsonValue& item) {
            return item.is(JsonType::object) && string_of(item, "id") == id;
        });
        if (found == list->items.end()) return;
        removed = std::move(*found);
        list->items.erase(found);
        switch (kind) {
            case ItemKind::place: remove_place_references(removed, id); break;
            case ItemKind::person: remove_person_references(id); break;
            case ItemKind::route: remove_route_references(id); break;
            case ItemKind::relation: remove_from_slides("relations", id); break;
            case ItemKind::excerpt: remove_excerpt_references(id); break;
            case ItemKind::slide: break;
        }
    }

    std::vector<std::string> also;

private:
    JsonValue* list(std::string_view key) {
        JsonValue* found = json_find(root_, key);
        return found != nullptr && found->is(JsonType::array) ? found : nullptr;
    }

    std::vector<std::string> ids_where(std::string_view key, const std::function<bool(const JsonValue&)>& match) {
        std::vector<std::string> ids;
        if (JsonValue* items = list(key))
            for (const JsonValue& item : items->items)
                if (item.is(JsonType::object) && match(item)) ids.push_back(string_of(item, "id"));
        return ids;
    }

    void remove_place_references(const JsonValue& place, std::string_view id) {
        for (const std::string& relation : ids_where("relations", [&](const JsonValue& r) {
                 return string_of(r, "from") == id || string_of(r, "to") == id;
             })) {
            also.push_back("relation '" + relation + "'");
            remove(ItemKind::relation, relation);
        }
        // The place's coordinates as written: the waypoint stays where the place was, to the digit.
        const auto coordinate = [&](std::string_view key) {
            const JsonMember* member = place.find(key);
            return member != nullptr && member->value.is(JsonType::number) ? member->value : json_number(0.0);
        };
        if (JsonValue* routes = list("routes"))
            for (JsonValue& route : routes->items) {
                JsonValue* waypoints = json_find(route, "waypoints");
                if (waypoints == nullptr || !waypoints->is(JsonType::array)) continue;
                bool changed = false;
                for (JsonValue& waypoint : waypoints->items)
                    if (waypoint.is(JsonType::object) && string_of(waypoint, "place") == id) {
                        waypoint_to_coordinates(waypoint, coordinate("lon"), coordinate("lat"));
                        changed = true;
                    }
                if (changed) also.push_back("waypoints of route '" + string_of(route, "id") + "' kept as coordinates");
            }
        for (const char* key : {"people", "timeline"})
            if (JsonValue* items = list(key))
                for (JsonValue& item : items->items)
                    if (item.is(JsonType::object) && string_of(item, "place") == id) {
                        json_erase(item, "place");
                        also.push_back(std::string(key == std::string_view("people")
                                                       ? "person '" + string_of(item, "id") + "'"
                                                       : std::string("a timeline event")) +
                                       " no longer at it");
                    }
        remove_from_slides("places", id);
    }

    void remove_person_references(std::string_view id) {
        for (const char* key : {"relations", "excerpts"})
            if (JsonValue* items = list(key))
                for (JsonValue& item : items->items)
                    if (item.is(JsonType::object) && string_of(item, "speaker") == id) {
                        json_erase(item, "speaker");
                        also.push_back("speaker of '" + string_of(item, "id") + "'");
                    }
    }

    void remove_route_references(std::string_view id) {
        if (JsonValue* items = list("relations"))
            for (JsonValue& item : items->items)
                if (item.is(JsonType::object) && string_of(item, "route") == id) {
                    json_erase(item, "route");
                    also.push_back("route of relation '" + string_of(item, "id") + "'");
                }
        remove_from_slides("routes", id);
    }

    void remove_excerpt_references(std::string_view id) {
        if (JsonValue* items = list("relations"))
            for (JsonValue& item : items->items)
                if (item.is(JsonType::object) && remove_from_list(item, "excerpts", id)) {
                    if (const JsonValue* left = json_find(item, "excerpts"); left != nullptr && left->items.empty())
                        json_erase(item, "excerpts");
                    also.push_back("excerpt of relation '" + string_of(item, "id") + "'");
                }
        // A slide captioned with the quotation has no caption left: it goes too.
        if (JsonValue* slides = list("slides")) {
            const auto old_size = slides->items.size();
            std::erase_if(slides->items, [&](const JsonValue& slide) {
                const JsonMember* caption = slide.find("caption");
                return caption != nullptr && caption->value.is(JsonType::object) &&
                       string_of(caption->value, "excerpt") == id;
            });
            if (slides->items.size() != old_size)
                also.push_back(std::to_string(old_size - slides->items.size()) + " slide(s) captioned with it");
        }
    }

    void remove_from_slides(std::string_view highlight_key, std::string_view id) {
        JsonValue* slides = list("slides");
        if (slides == nullptr) return;
        std::size_t mentions = 0;
        for (JsonValue& slide : slides->items) {
            if (JsonValue* highlight = json_find(slide, "highlight"))
                mentions += remove_from_list(*highlight, highlight_key, id) ? 1 : 0;
            if (JsonValue* camera = json_find(slide, "camera"); camera != nullptr && highlight_key == "places")
                mentions += remove_from_list(*camera, "fit", id) ? 1 : 0;
        }
        if (mentions > 0) also.push_back(std::to_string(mentions) + " mention(s) in slides");
    }

    JsonValue& root_;
};

}  // namespace

EditResult StoryDocument::delete_item(ItemKind kind, std::string_view id) {
    JsonValue root = root_;
    if (find_item(root, kind, id) == nullptr) return refused(unknown(kind, id));
    EditStep step{EditStepKind::remove, display_name(root, kind, id, language()), {}};
    Deletion deletion(root);
    deletion.remove(kind, id);
    std::string detail = deletion.also.empty() ? std::string() : "also: " + join(deletion.also);
    return commit(std::move(root), std::move(step), done(id, std::move(detail)));
}

// ---- Slides

EditResult StoryDocument::add_slide(const NewSlide& slide) {
    if (std::string error = coordinate_error(slide.center_lon, slide.center_lat); !error.empty()) return refused(error);
    if (!std::isfinite(slide.zoom) || slide.zoom < 0.0 || slide.zoom > 12.0)
        return refused("zoom " + std::to_string(slide.zoom) + " is outside 0..12");
    if (std::string error = text_error(slide.projection) + text_error(slide.caption_text); !error.empty())
        return refused(error);
    JsonValue root = root_;
    const std::pair<ItemKind, const std::vector<std::string>*> highlighted[] = {
        {ItemKind::place, &slide.places}, {ItemKind::relation, &slide.relations}, {ItemKind::route, &slide.routes}};
    for (const auto& [kind, ids] : highlighted)
        for (const std::string& id : *ids)
            if (find_item(root, kind, id) == nullptr) return refused(unknown(kind, id));
    if (!slide.caption_excerpt.empty() && find_item(root, ItemKind::excerpt, slide.caption_excerpt) == nullptr)
        return refused(unknown(ItemKind::excerpt, slide.caption_excerpt));

    // Every language the story offers, its own first: a caption text must be given in each.
    std::vector<std::string> languages{language()};
    for (const std::string& other : story_.meta.languages)
        if (std::find(languages.begin(), languages.end(), other) == languages.end()) languages.push_back(other);

    JsonValue caption = json_object();
    std::string excerpt = slide.caption_excerpt;
    if (excerpt.empty() && slide.caption_text.empty() && !slide.relations.empty())
        if (JsonValue* relation = find_item(root, ItemKind::relation, slide.relations.front()))
            if (const JsonMember* list = relation->find("excerpts");
                list != nullptr && list->value.is(JsonType::array) && !list->value.items.empty() &&
                list->value.items.front().is(JsonType::string))
                excerpt = list->value.items.front().text;
    if (!excerpt.empty()) {
        json_set(caption, "excerpt", json_string(excerpt));
    } else {
        JsonValue texts = json_object();
        for (const std::string& code : languages) {
            std::string text = slide.caption_text;
            // Made up from what the slide shows, to be rewritten: the places' names, else the relations' labels.
            for (const std::string& place : slide.places) {
                if (!slide.caption_text.empty()) break;
                const JsonMember* names = find_item(root, ItemKind::place, place)->find("names");
                text +=
                    (text.empty() ? "" : " – ") + text_in(names != nullptr ? &names->value : nullptr, code, language());
            }
            for (const std::string& relation : slide.relations) {
                if (!text.empty()) break;
                const JsonMember* label = find_item(root, ItemKind::relation, relation)->find("label");
                text = text_in(label != nullptr ? &label->value : nullptr, code, language());
            }
            if (text.empty()) {
                const JsonValue* meta = json_find(root, "meta");
                const JsonMember* title = meta != nullptr ? meta->find("title") : nullptr;
                text = text_in(title != nullptr ? &title->value : nullptr, code, language());
            }
            json_set(texts, code, json_string(text));
        }
        json_set(caption, "text", std::move(texts));
    }

    std::size_t count = 0;
    if (const JsonValue* slides = json_find(root, "slides"); slides != nullptr) count = slides->items.size();
    const std::string id = unique_id(root, ItemKind::slide, "slide-" + std::to_string(count + 1));
    JsonValue object = json_object();
    json_set(object, "id", json_string(id));
    JsonValue camera = json_object();
    if (!slide.projection.empty()) json_set(camera, "projection", json_string(slide.projection));
    JsonValue center = json_array();
    center.items.push_back(json_number(slide.center_lon));
    center.items.push_back(json_number(slide.center_lat));
    json_set(camera, "center", std::move(center));
    json_set(camera, "zoom", json_number(slide.zoom));
    json_set(object, "camera", std::move(camera));
    JsonValue highlight = json_object();
    for (const auto& [kind, ids] : highlighted) {
        if (ids->empty()) continue;
        JsonValue list = json_array();
        for (const std::string& highlighted_id : *ids) list.items.push_back(json_string(highlighted_id));
        json_set(highlight, array_key(kind), std::move(list));
    }
    if (!highlight.members.empty()) json_set(object, "highlight", std::move(highlight));
    json_set(object, "caption", std::move(caption));
    top_array(root, "slides").items.push_back(std::move(object));
    return commit(std::move(root), {EditStepKind::add, id, {}}, done(id));
}

}  // namespace geo

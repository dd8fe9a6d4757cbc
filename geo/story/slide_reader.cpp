#include "geo/story/slide_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "geo/story/slide_timing.hpp"
#include "geo/story/slide_view.hpp"
#include "geo/story/story_animation.hpp"
#include "geo/text/text_collapsed.hpp"
#include "geo/text/text_utf8.hpp"

namespace geo {

namespace {

std::string in_quotes(std::string_view text) { return "'" + quote_for_message(text) + "'"; }

std::string at_text(TextPosition position) {
    return std::to_string(position.line) + ":" + std::to_string(position.column);
}

// Seconds and zooms as people write them: "15.5", "3", "1.35".
std::string number_text(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    std::string text = buffer;
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}

enum class Kind { place, person, route, relation, excerpt };

std::string_view kind_name(Kind kind) {
    switch (kind) {
        case Kind::place: return "place";
        case Kind::person: return "person";
        case Kind::route: return "route";
        case Kind::relation: return "relation";
        case Kind::excerpt: return "excerpt";
    }
    return "object";
}

std::string with_article(Kind kind) { return (kind == Kind::excerpt ? "an " : "a ") + std::string(kind_name(kind)); }

std::optional<std::size_t> find(const Story& story, Kind kind, std::string_view id) {
    switch (kind) {
        case Kind::place: return story.find_place(id);
        case Kind::person: return story.find_person(id);
        case Kind::route: return story.find_route(id);
        case Kind::relation: return story.find_relation(id);
        case Kind::excerpt: return story.find_excerpt(id);
    }
    return std::nullopt;
}

class SlidesReader {
public:
    SlidesReader(const Story& story, const DiagnosticSink& sink) : story_(story), sink_(sink) {
        languages_.push_back(story.meta.language);
        for (const std::string& language : story.meta.languages)
            if (std::find(languages_.begin(), languages_.end(), language) == languages_.end())
                languages_.push_back(language);
        for (const std::string& language : languages_)
            language_list_ += (language_list_.empty() ? "" : ", ") + language;
        animation_seconds_ = story_play_seconds(story);
    }

    std::vector<Slide> read(const JsonValue& slides);

private:
    // What the flight check needs to know about each slide once all are read.
    struct Source {
        const JsonMember* camera = nullptr;
        const JsonMember* duration = nullptr;
        TextPosition position;
        std::string what;
        std::string id;
        bool clean = true;  // the slide itself had no problem (else its flight would only repeat one)
    };

    Slide read_slide(const JsonValue& object, std::size_t index, Source& source);
    void read_camera(const JsonMember& member, const std::string& slide_what, Slide& slide);
    void read_highlight(const JsonMember& member, const std::string& slide_what, Slide& slide);
    void read_caption(JsonObjectReader& slide_reader, const JsonMember* member, Slide& slide);
    void read_play(JsonObjectReader& reader, const JsonMember* member, Slide& slide) const;
    std::optional<Text> read_text(JsonObjectReader& reader, const JsonMember* member, bool caption);
    std::optional<std::size_t> resolve(JsonObjectReader& reader, const JsonValue& value, std::string_view field,
                                       Kind expected);
    std::vector<std::size_t> resolve_all(JsonObjectReader& reader, const JsonMember* member, Kind expected);
    void check_flights(std::vector<Slide>& slides, const std::vector<Source>& sources);

    const Story& story_;
    const DiagnosticSink& sink_;
    std::vector<std::string> languages_;  // the story's language first, then the others of meta.languages
    std::string language_list_;           // "de, en"
    double animation_seconds_ = 0;
    std::map<std::string, TextPosition, std::less<>> ids_;
};

std::vector<Slide> SlidesReader::read(const JsonValue& slides) {
    std::vector<Slide> result;
    std::vector<Source> sources;
    if (!slides.is(JsonType::array)) {
        sink_.report(slides.position, "",
                     "\"slides\" must be an array of slides, not " + std::string(json_type_with_article(slides.type)));
        return result;
    }
    if (slides.items.size() > kMaxSlides) {
        sink_.report(slides.position, "",
                     "\"slides\" holds " + std::to_string(slides.items.size()) + " slides, more than the " +
                         std::to_string(kMaxSlides) + " a presentation may have");
        return result;
    }
    // Views are fitted to the story's geometry, which only a story without problems guarantees to be whole (a
    // relation of a broken story may point at a place that was never read).
    const bool story_whole = sink_.problems->empty();
    for (std::size_t i = 0; i < slides.items.size(); ++i) {
        const JsonValue& item = slides.items[i];
        if (!item.is(JsonType::object)) {
            sink_.report(item.position, "",
                         "slide #" + std::to_string(i + 1) + " must be an object, not " +
                             std::string(json_type_with_article(item.type)));
            continue;
        }
        Source source;
        const std::size_t problems_before = sink_.problems->size();
        result.push_back(read_slide(item, i, source));
        source.clean = sink_.problems->size() == problems_before;
        sources.push_back(std::move(source));
    }
    if (story_whole) check_flights(result, sources);
    return result;
}

Slide SlidesReader::read_slide(const JsonValue& object, std::size_t index, Source& source) {
    Slide slide;
    slide.line = object.position.line;
    slide.column = object.position.column;
    const JsonMember* id = object.find("id");
    if (id != nullptr && id->value.is(JsonType::string) && !id->value.text.empty()) slide.id = id->value.text;
    const std::string what = slide.id.empty() ? "slide #" + std::to_string(index + 1) : "slide " + in_quotes(slide.id);
    JsonObjectReader reader(object, object.position, what, slide.id, sink_);
    source.position = object.position;
    source.what = what;
    source.id = slide.id;

    if (const JsonMember* id_member = reader.optional("id", JsonType::string)) {
        if (id_member->value.text.empty()) {
            reader.report(id_member->value.position, reader.field("id") + " is empty");
        } else {
            const auto [entry, inserted] = ids_.try_emplace(slide.id, id_member->value.position);
            if (!inserted) {
                reader.report(id_member->value.position, "duplicate slide id " + in_quotes(slide.id) +
                                                             " (first defined at " + at_text(entry->second) + ")");
            }
        }
    }
    source.camera = reader.optional("camera", JsonType::object);
    if (source.camera != nullptr) read_camera(*source.camera, what, slide);
    if (const JsonMember* highlight = reader.optional("highlight", JsonType::object))
        read_highlight(*highlight, what, slide);
    read_caption(reader, reader.required("caption", JsonType::object), slide);
    slide.notes = read_text(reader, reader.optional_any("notes"), false);
    read_play(reader, reader.optional_any("play"), slide);
    source.duration = reader.optional("duration", JsonType::number);
    if (source.duration != nullptr) {
        const double duration = source.duration->value.number;
        if (!std::isfinite(duration) || duration <= 0) {
            reader.report(
                source.duration->value.position,
                reader.field("duration") + " must be a positive number of seconds, not " + source.duration->value.text);
            source.duration = nullptr;
        } else {
            slide.duration_seconds = duration;
        }
    }
    reader.report_unknown_keys();
    return slide;
}

void SlidesReader::read_camera(const JsonMember& member, const std::string& slide_what, Slide& slide) {
    JsonObjectReader reader(member.value, member.key_position, "the camera of " + slide_what, slide.id, sink_);
    const JsonMember* fit = reader.optional("fit", JsonType::array);
    const JsonMember* projection = reader.optional("projection", JsonType::string);
    const JsonMember* center = reader.optional_any("center");
    const JsonMember* zoom = reader.optional("zoom", JsonType::number);
    reader.report_unknown_keys();

    slide.camera.fit = fit != nullptr || (center == nullptr && zoom == nullptr && projection == nullptr);
    if (fit != nullptr) {
        slide.camera.fit_places = resolve_all(reader, fit, Kind::place);
        for (const JsonMember* explicit_field : {center, zoom}) {
            if (explicit_field == nullptr) continue;
            reader.report(explicit_field->key_position, reader.what() + " has both \"fit\" and \"" +
                                                            explicit_field->key +
                                                            "\": a fitted camera chooses its own centre and zoom");
        }
    }
    if (projection != nullptr) {
        auto parsed = parse_projection(projection->value.text, ProjectionSpec{}.center);
        if (const auto* error = std::get_if<std::string>(&parsed)) {
            reader.report(projection->value.position, reader.field("projection") + ": " + *error);
        } else {
            auto created = Projection::create(std::get<ProjectionSpec>(parsed));
            if (const auto* failure = std::get_if<std::string>(&created)) {
                reader.report(projection->value.position, reader.field("projection") + ": " + *failure);
            } else {
                slide.camera.projection = projection->value.text;
            }
        }
    }
    if (center != nullptr && fit == nullptr) {
        const JsonValue& value = center->value;
        const bool pair = value.is(JsonType::array) && value.items.size() == 2 && value.items[0].is(JsonType::number) &&
                          value.items[1].is(JsonType::number);
        if (!pair) {
            reader.report(value.position, reader.field("center") + " must be [longitude, latitude] in degrees");
        } else {
            const double lon = value.items[0].number, lat = value.items[1].number;
            bool ok = true;
            if (!std::isfinite(lon) || lon < -180 || lon > 180) {
                reader.report(value.items[0].position,
                              "longitude " + value.items[0].text + " is out of range -180..180");
                ok = false;
            }
            if (!std::isfinite(lat) || lat < -90 || lat > 90) {
                reader.report(value.items[1].position, "latitude " + value.items[1].text + " is out of range -90..90");
                ok = false;
            }
            if (ok) slide.camera.center = LonLat{lon, lat};
        }
    }
    if (zoom != nullptr && fit == nullptr) {
        const double value = zoom->value.number;
        if (!std::isfinite(value) || value < 0 || value > kMaxSlideZoom) {
            reader.report(zoom->value.position, reader.field("zoom") + " is " + zoom->value.text +
                                                    ", out of range 0.." + number_text(kMaxSlideZoom));
        } else {
            slide.camera.zoom = value;
        }
    }
}

void SlidesReader::read_highlight(const JsonMember& member, const std::string& slide_what, Slide& slide) {
    JsonObjectReader reader(member.value, member.key_position, "the highlight of " + slide_what, slide.id, sink_);
    slide.highlight.places = resolve_all(reader, reader.optional("places", JsonType::array), Kind::place);
    slide.highlight.relations = resolve_all(reader, reader.optional("relations", JsonType::array), Kind::relation);
    slide.highlight.routes = resolve_all(reader, reader.optional("routes", JsonType::array), Kind::route);
    reader.report_unknown_keys();
}

void SlidesReader::read_caption(JsonObjectReader& slide_reader, const JsonMember* member, Slide& slide) {
    if (member == nullptr) return;
    JsonObjectReader reader(member->value, member->key_position, "the caption of " + slide_reader.what(), slide.id,
                            sink_);
    const JsonMember* excerpt = reader.optional_any("excerpt");
    const JsonMember* text = reader.optional_any("text");
    reader.report_unknown_keys();
    if (excerpt == nullptr && text == nullptr) {
        reader.report(member->value.position,
                      reader.what() + " is empty: it needs \"excerpt\" (an excerpt id) or \"text\"");
        return;
    }
    if (excerpt != nullptr && text != nullptr) {
        reader.report(text->key_position, reader.what() + " has both \"excerpt\" and \"text\"; give one of them");
        return;
    }
    if (excerpt != nullptr) slide.caption_excerpt = resolve(reader, excerpt->value, "excerpt", Kind::excerpt);
    if (text != nullptr) slide.caption_text = read_text(reader, text, true);
}

void SlidesReader::read_play(JsonObjectReader& reader, const JsonMember* member, Slide& slide) const {
    // Without a range the slide shows the settled story, as an export without --time does.
    slide.from_seconds = slide.to_seconds = animation_seconds_;
    if (member == nullptr) return;
    const JsonValue& value = member->value;
    const bool pair = value.is(JsonType::array) && value.items.size() == 2 && value.items[0].is(JsonType::number) &&
                      value.items[1].is(JsonType::number) && std::isfinite(value.items[0].number) &&
                      std::isfinite(value.items[1].number);
    if (!pair) {
        reader.report(value.position,
                      reader.field("play") + " must be [from, to]: two numbers of seconds of the animation");
        return;
    }
    const JsonValue& from = value.items[0];
    const JsonValue& to = value.items[1];
    bool ok = true;
    if (from.number < 0) {
        reader.report(from.position,
                      reader.field("play") + " starts at " + from.text + " s, before the animation's start at 0 s");
        ok = false;
    }
    if (to.number > animation_seconds_) {
        reader.report(to.position, reader.field("play") + " ends at " + to.text + " s, after the animation's end at " +
                                       number_text(animation_seconds_) + " s");
        ok = false;
    }
    if (ok && from.number > to.number) {
        reader.report(value.position,
                      reader.field("play") + " runs backwards, from " + from.text + " s to " + to.text + " s");
        ok = false;
    }
    if (ok) {
        slide.from_seconds = from.number;
        slide.to_seconds = to.number;
    }
}

std::optional<Text> SlidesReader::read_text(JsonObjectReader& reader, const JsonMember* member, bool caption) {
    if (member == nullptr) return std::nullopt;
    const JsonValue& value = member->value;
    const std::string field = reader.field(member->key);
    Text text;
    bool ok = true;
    if (value.is(JsonType::string)) {
        text.by_language.emplace(story_.meta.language, value.text);
        if (caption && collapse_whitespace(value.text).empty()) {
            reader.report(value.position, field + " is empty");
            ok = false;
        }
    } else if (value.is(JsonType::object)) {
        for (const JsonMember& entry : value.members) {
            if (entry.key.starts_with('_')) continue;
            if (std::find(languages_.begin(), languages_.end(), entry.key) == languages_.end()) {
                reader.report(entry.key_position, in_quotes(entry.key) + " in " + field +
                                                      " is not one of the story's languages (" + language_list_ + ")");
                ok = false;
            } else if (!entry.value.is(JsonType::string)) {
                reader.report(entry.value.position, "'" + entry.key + "' in " + field + " must be a string, not " +
                                                        std::string(json_type_with_article(entry.value.type)));
                ok = false;
            } else if (caption && collapse_whitespace(entry.value.text).empty()) {
                reader.report(entry.value.position, field + " is empty in '" + entry.key + "'");
                ok = false;
            } else {
                text.by_language.emplace(entry.key, entry.value.text);
            }
        }
    } else {
        reader.report(value.position, field + " must be a string or an object of language -> text, not " +
                                          std::string(json_type_with_article(value.type)));
        return std::nullopt;
    }
    if (!ok) return std::nullopt;
    // A caption is read by the room in any of the story's languages; speaker notes need only one.
    if (caption) {
        std::string missing;
        for (const std::string& language : languages_)
            if (!text.has(language)) missing += (missing.empty() ? "'" : ", '") + language + "'";
        if (!missing.empty()) {
            reader.report(value.position,
                          field + " lacks " + missing + " (the story's languages are " + language_list_ + ")");
            return std::nullopt;
        }
    } else if (text.by_language.empty()) {
        reader.report(value.position, field + " has no text in any of the story's languages (" + language_list_ + ")");
        return std::nullopt;
    }
    text.fallback_language = text.has(story_.meta.language) ? story_.meta.language : text.by_language.begin()->first;
    return text;
}

std::optional<std::size_t> SlidesReader::resolve(JsonObjectReader& reader, const JsonValue& value,
                                                 std::string_view field, Kind expected) {
    if (!value.is(JsonType::string)) {
        reader.report(value.position, "\"" + std::string(field) + "\" of " + reader.what() + " must be " +
                                          with_article(expected) + " id (a string), not " +
                                          std::string(json_type_with_article(value.type)));
        return std::nullopt;
    }
    if (!value.text.empty())
        if (const auto index = find(story_, expected, value.text)) return index;
    for (const Kind other : {Kind::place, Kind::person, Kind::route, Kind::relation, Kind::excerpt}) {
        if (other == expected || value.text.empty() || !find(story_, other, value.text)) continue;
        reader.report(value.position, reader.what() + " refers to " + in_quotes(value.text) + " in \"" +
                                          std::string(field) + "\", which is " + with_article(other) + ", not " +
                                          with_article(expected));
        return std::nullopt;
    }
    reader.report(value.position, reader.what() + " refers to unknown " + std::string(kind_name(expected)) + " " +
                                      in_quotes(value.text) + " in \"" + std::string(field) + "\"");
    return std::nullopt;
}

std::vector<std::size_t> SlidesReader::resolve_all(JsonObjectReader& reader, const JsonMember* member, Kind expected) {
    std::vector<std::size_t> indices;
    if (member == nullptr) return indices;
    for (const JsonValue& item : member->value.items)
        if (const auto index = resolve(reader, item, member->key, expected)) indices.push_back(*index);
    return indices;
}

void SlidesReader::check_flights(std::vector<Slide>& slides, const std::vector<Source>& sources) {
    const PixelRect free = nominal_slide_free();
    SlideView view = story_home_view(story_, kNominalSlideWidth, kNominalSlideHeight, free);
    for (std::size_t i = 0; i < slides.size(); ++i) {
        Slide& slide = slides[i];
        const Source& source = sources[i];
        if (!source.clean) continue;
        const auto next = slide_view(story_, slide, view.projection, kNominalSlideWidth, kNominalSlideHeight, free);
        if (!next) {
            const TextPosition at = source.camera != nullptr ? source.camera->key_position : source.position;
            sink_.report(at, source.id, "the camera of " + source.what + " shows nothing of what it frames");
            continue;
        }
        const double flight = slide_flight(view, *next, free).duration_seconds();
        view = *next;
        const double range = slide.to_seconds - slide.from_seconds;
        if (source.duration == nullptr) {
            slide.duration_seconds = default_slide_duration(story_, slide, flight);
            continue;
        }
        // The figure asked for is rounded up, so that writing it is always enough.
        const double needed = std::ceil((flight + range) * 100.0 - 1e-6) / 100.0;
        if (slide.duration_seconds < flight + range - 1e-9) {
            sink_.report(source.duration->value.position, source.id,
                         "\"duration\" of " + source.what + " is " + source.duration->value.text +
                             " s, shorter than the flight into it (" + number_text(flight) +
                             " s) plus its play range (" + number_text(range) + " s): at least " + number_text(needed) +
                             " s");
        }
    }
}

}  // namespace

std::vector<Slide> read_slides(const JsonValue& slides, const Story& story, const DiagnosticSink& sink) {
    return SlidesReader(story, sink).read(slides);
}

}  // namespace geo

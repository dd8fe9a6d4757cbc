#pragma once
// The story model: plain data, validated and with every id reference already resolved to an index, so that
// consumers (map layers, panels, export) never look ids up or handle dangling references. Loading and checking
// live in story_loader.hpp; the file format is docs/story-format.md.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/story/date.hpp"
#include "geo/story/slide.hpp"
#include "geo/story/story_text.hpp"

namespace geo {

struct Meta {
    Text title;
    DateRange date;  // publication date
    std::vector<std::string> datelines;
    std::string language;  // of the article, e.g. "de"
    std::string source;    // credit line
    std::string article;   // article file as written in story.json, relative to the story folder
    std::vector<std::string> languages;
};

enum class PlaceRole { capital, city, venue, border_crossing, station, institution };

struct Place {
    std::string id;
    Text names;
    std::optional<Text> label;  // a short name for the map, where `names` is too long for a label
    double lon = 0.0;           // degrees, -180..180
    double lat = 0.0;           // degrees, -90..90
    PlaceRole role = PlaceRole::city;
    bool main = false;
    bool added = false;  // a fact that is not in the article; `note` says where it comes from
    std::optional<Text> note;
    std::optional<std::string> source;  // where the coordinates come from (a gazetteer, a survey, ...)
    bool draft = false;                 // drafted by `diplomap draft`, not yet reviewed

    // What the map writes beside the marker.
    [[nodiscard]] const std::string& map_label(std::string_view language) const {
        return label ? label->get(language) : names.get(language);
    }
};

struct Person {
    std::string id;
    std::string name;
    std::optional<Text> role;
    std::optional<Text> affiliation;
    std::optional<std::size_t> place;  // index into Story::places
    bool draft = false;
};

enum class RouteMode { train, plane, car, ship };

struct Waypoint {
    double lon = 0.0;  // the place's coordinates when only `place` was given
    double lat = 0.0;
    std::optional<std::size_t> place;  // index into Story::places
    std::optional<std::string> name;   // station label
    bool stop = false;                 // the journey halts here
};

struct Route {
    std::string id;
    RouteMode mode = RouteMode::train;
    Text label;
    std::optional<DateRange> date;
    bool historic = false;
    std::vector<Waypoint> waypoints;  // at least two, in travel order
    bool added = false;
    std::optional<Text> note;
    bool draft = false;
};

enum class RelationKind {
    travel,
    meeting,
    warning,
    rebuff,
    appeal,
    supply,
    skepticism,
    obstruction,
    analysis,
    statement,
};

struct Relation {
    std::string id;
    RelationKind kind = RelationKind::statement;
    std::size_t from_place = 0;          // index into Story::places
    std::size_t to_place = 0;            // equal to from_place only for meeting and statement
    std::optional<std::size_t> speaker;  // index into Story::people
    std::optional<DateRange> date;
    Text label;
    std::vector<std::size_t> excerpts;  // indices into Story::excerpts
    std::optional<std::size_t> route;   // index into Story::routes
    bool added = false;
    std::optional<Text> note;
    bool draft = false;
};

struct Excerpt {
    std::string id;
    std::string text;                    // as written in story.json
    int occurrence = 1;                  // which occurrence in the article (1-based); 1 when the text occurs once
    std::optional<std::size_t> speaker;  // index into Story::people
    Text translation;                    // falls back to English
    // Where the quotation stands in Story::article_text: bytes [article_begin, article_end), whitespace runs
    // inside included as they are in the article.
    std::size_t article_begin = 0;
    std::size_t article_end = 0;
    bool draft = false;
};

struct TimelineEvent {
    DateRange date;
    Text label;
    std::optional<std::size_t> place;  // index into Story::places
    bool added = false;
    std::optional<Text> note;
    bool draft = false;
};

struct Story {
    std::filesystem::path source_file;   // story.json, for messages
    std::filesystem::path article_file;  // the article as resolved from Meta::article
    Meta meta;
    std::string article_text;  // UTF-8, exactly as in the file
    std::vector<Place> places;
    std::vector<Person> people;
    std::vector<Route> routes;
    std::vector<Relation> relations;
    std::vector<Excerpt> excerpts;
    std::vector<TimelineEvent> timeline;
    std::vector<Slide> slides;  // the presentation, in order; empty: none written

    [[nodiscard]] std::optional<std::size_t> find_place(std::string_view id) const;
    [[nodiscard]] std::optional<std::size_t> find_person(std::string_view id) const;
    [[nodiscard]] std::optional<std::size_t> find_route(std::string_view id) const;
    [[nodiscard]] std::optional<std::size_t> find_relation(std::string_view id) const;
    [[nodiscard]] std::optional<std::size_t> find_excerpt(std::string_view id) const;
};

// Names as written in story files, and back.
[[nodiscard]] std::string_view to_string(PlaceRole role);
[[nodiscard]] std::string_view to_string(RouteMode mode);
[[nodiscard]] std::string_view to_string(RelationKind kind);
[[nodiscard]] std::optional<PlaceRole> parse_place_role(std::string_view name);
[[nodiscard]] std::optional<RouteMode> parse_route_mode(std::string_view name);
[[nodiscard]] std::optional<RelationKind> parse_relation_kind(std::string_view name);

}  // namespace geo

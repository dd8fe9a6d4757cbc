#include "geo/story/story.hpp"

#include <array>
#include <utility>

namespace geo {

const std::string& Text::get(std::string_view language) const {
    static const std::string nothing;
    if (const auto found = by_language.find(language); found != by_language.end()) return found->second;
    if (const auto fallback = by_language.find(fallback_language); fallback != by_language.end()) {
        return fallback->second;
    }
    return by_language.empty() ? nothing : by_language.begin()->second;
}

namespace {

template <typename Item>
std::optional<std::size_t> find_by_id(const std::vector<Item>& items, std::string_view id) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].id == id) return i;
    }
    return std::nullopt;
}

// One table per enum keeps names and values from drifting apart.
constexpr std::array<std::pair<PlaceRole, std::string_view>, 6> place_role_names{{
    {PlaceRole::capital, "capital"},
    {PlaceRole::city, "city"},
    {PlaceRole::venue, "venue"},
    {PlaceRole::border_crossing, "border_crossing"},
    {PlaceRole::station, "station"},
    {PlaceRole::institution, "institution"},
}};

constexpr std::array<std::pair<RouteMode, std::string_view>, 4> route_mode_names{{
    {RouteMode::train, "train"},
    {RouteMode::plane, "plane"},
    {RouteMode::car, "car"},
    {RouteMode::ship, "ship"},
}};

constexpr std::array<std::pair<RelationKind, std::string_view>, 10> relation_kind_names{{
    {RelationKind::travel, "travel"},
    {RelationKind::meeting, "meeting"},
    {RelationKind::warning, "warning"},
    {RelationKind::rebuff, "rebuff"},
    {RelationKind::appeal, "appeal"},
    {RelationKind::supply, "supply"},
    {RelationKind::skepticism, "skepticism"},
    {RelationKind::obstruction, "obstruction"},
    {RelationKind::analysis, "analysis"},
    {RelationKind::statement, "statement"},
}};

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
    for (const auto& [candidate, name] : table) {
        if (candidate == value) return name;
    }
    return "?";
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view name) {
    for (const auto& [value, candidate] : table) {
        if (candidate == name) return value;
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::size_t> Story::find_place(std::string_view id) const { return find_by_id(places, id); }
std::optional<std::size_t> Story::find_person(std::string_view id) const { return find_by_id(people, id); }
std::optional<std::size_t> Story::find_route(std::string_view id) const { return find_by_id(routes, id); }
std::optional<std::size_t> Story::find_relation(std::string_view id) const { return find_by_id(relations, id); }
std::optional<std::size_t> Story::find_excerpt(std::string_view id) const { return find_by_id(excerpts, id); }

std::string_view to_string(PlaceRole role) { return name_of(place_role_names, role); }
std::string_view to_string(RouteMode mode) { return name_of(route_mode_names, mode); }
std::string_view to_string(RelationKind kind) { return name_of(relation_kind_names, kind); }
std::optional<PlaceRole> parse_place_role(std::string_view name) { return value_of(place_role_names, name); }
std::optional<RouteMode> parse_route_mode(std::string_view name) { return value_of(route_mode_names, name); }
std::optional<RelationKind> parse_relation_kind(std::string_view name) { return value_of(relation_kind_names, name); }

}  // namespace geo

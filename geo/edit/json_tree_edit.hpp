#pragma once
// Small changes to a positioned JSON tree (geo/text/json_positions.hpp) that keep everything else as it was: the
// order of members and items, unknown members, numbers as written. Values made here have no position; the
// document reads its text again after each change, so nothing needs one.
#include <cstdint>
#include <string>
#include <string_view>

#include "geo/text/json_positions.hpp"

namespace geo {

[[nodiscard]] JsonValue json_string(std::string_view text);
[[nodiscard]] JsonValue json_number(double number);  // written in the shortest form that reads back exactly
[[nodiscard]] JsonValue json_integer(std::int64_t number);
[[nodiscard]] JsonValue json_bool(bool flag);
[[nodiscard]] JsonValue json_object();
[[nodiscard]] JsonValue json_array();

// The member `key` of `object`, or null when there is none (or `object` is no object).
[[nodiscard]] JsonValue* json_find(JsonValue& object, std::string_view key);
// Sets member `key`: replaced where it stands, or appended at the end. Returns the member's value.
JsonValue& json_set(JsonValue& object, std::string_view key, JsonValue value);
// Removes member `key`; returns whether there was one.
bool json_erase(JsonValue& object, std::string_view key);

}  // namespace geo

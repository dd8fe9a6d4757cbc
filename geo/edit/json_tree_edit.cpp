#include "geo/edit/json_tree_edit.hpp"

#include <algorithm>

#include "geo/edit/json_canonical.hpp"

namespace geo {

JsonValue json_string(std::string_view text) {
    JsonValue value;
    value.type = JsonType::string;
    value.text = text;
    return value;
}

JsonValue json_number(double number) {
    JsonValue value;
    value.type = JsonType::number;
    value.number = number;
    value.text = shortest_number_text(number);
    return value;
}

JsonValue json_integer(std::int64_t number) {
    JsonValue value;
    value.type = JsonType::number;
    value.number = static_cast<double>(number);
    value.integer = number;
    value.text = std::to_string(number);
    return value;
}

JsonValue json_bool(bool flag) {
    JsonValue value;
    value.type = JsonType::boolean;
    value.boolean = flag;
    return value;
}

JsonValue json_object() {
    JsonValue value;
    value.type = JsonType::object;
    return value;
}

JsonValue json_array() {
    JsonValue value;
    value.type = JsonType::array;
    return value;
}

JsonValue* json_find(JsonValue& object, std::string_view key) {
    if (!object.is(JsonType::object)) return nullptr;
    for (JsonMember& member : object.members)
        if (member.key == key) return &member.value;
    return nullptr;
}

JsonValue& json_set(JsonValue& object, std::string_view key, JsonValue value) {
    if (JsonValue* existing = json_find(object, key)) {
        *existing = std::move(value);
        return *existing;
    }
    object.members.push_back(JsonMember{std::string(key), {}, std::move(value)});
    return object.members.back().value;
}

bool json_erase(JsonValue& object, std::string_view key) {
    const auto found = std::find_if(object.members.begin(), object.members.end(),
                                    [&](const JsonMember& member) { return member.key == key; });
    if (found == object.members.end()) return false;
    object.members.erase(found);
    return true;
}

}  // namespace geo

#include "geo/edit/json_canonical.hpp"

#include <array>
#include <charconv>
#include <string_view>

namespace geo {

namespace {

constexpr int indent_step = 2;

bool is_scalar(const JsonValue& value) { return !value.is(JsonType::array) && !value.is(JsonType::object); }

void write_string(std::string& out, std::string_view text) {
    out += '"';
    for (const char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    constexpr std::string_view hex = "0123456789abcdef";
                    out += "\\u00";
                    out += hex[static_cast<unsigned char>(c) >> 4U];
                    out += hex[static_cast<unsigned char>(c) & 0xFU];
                } else {
                    out += c;  // UTF-8 as it is: the files are read by people
                }
        }
    }
    out += '"';
}

void write_scalar(std::string& out, const JsonValue& value) {
    switch (value.type) {
        case JsonType::null: out += "null"; break;
        case JsonType::boolean: out += value.boolean ? "true" : "false"; break;
        case JsonType::number: out += value.text.empty() ? shortest_number_text(value.number) : value.text; break;
        case JsonType::string: write_string(out, value.text); break;
        case JsonType::array:
        case JsonType::object: break;
    }
}

// On one line: `{"lon": 125.745, "lat": 39.095}`, `["de", "en"]`.
void write_inline(std::string& out, const JsonValue& value) {
    if (value.is(JsonType::object)) {
        out += '{';
        for (std::size_t i = 0; i < value.members.size(); ++i) {
            if (i > 0) out += ", ";
            write_string(out, value.members[i].key);
            out += ": ";
            write_inline(out, value.members[i].value);
        }
        out += '}';
    } else if (value.is(JsonType::array)) {
        out += '[';
        for (std::size_t i = 0; i < value.items.size(); ++i) {
            if (i > 0) out += ", ";
            write_inline(out, value.items[i]);
        }
        out += ']';
    } else {
        write_scalar(out, value);
    }
}

void new_line(std::string& out, int indent) {
    out += '\n';
    out.append(static_cast<std::size_t>(indent), ' ');
}

// `key` is the member name the value is written under ("" for array elements and the root).
void write_block(std::string& out, const JsonValue& value, std::string_view key, int indent) {
    if (value.is(JsonType::object) && !value.members.empty()) {
        out += '{';
        for (std::size_t i = 0; i < value.members.size(); ++i) {
            if (i > 0) out += ',';
            new_line(out, indent + indent_step);
            write_string(out, value.members[i].key);
            out += ": ";
            write_block(out, value.members[i].value, value.members[i].key, indent + indent_step);
        }
        new_line(out, indent);
        out += '}';
        return;
    }
    if (value.is(JsonType::array) && !value.items.empty()) {
        bool all_scalars = true;
        for (const JsonValue& item : value.items) all_scalars = all_scalars && is_scalar(item);
        if (all_scalars) {
            write_inline(out, value);
            return;
        }
        // A route has a hundred waypoints or more: one line each keeps the track readable and a moved waypoint a
        // one-line change.
        const bool one_line_items = key == "waypoints";
        out += '[';
        for (std::size_t i = 0; i < value.items.size(); ++i) {
            if (i > 0) out += ',';
            new_line(out, indent + indent_step);
            if (one_line_items)
                write_inline(out, value.items[i]);
            else
                write_block(out, value.items[i], "", indent + indent_step);
        }
        new_line(out, indent);
        out += ']';
        return;
    }
    write_inline(out, value);  // a scalar, {} or []
}

}  // namespace

std::string write_canonical_json(const JsonValue& root) {
    std::string out;
    write_block(out, root, "", 0);
    out += '\n';
    return out;
}

std::string shortest_number_text(double value) {
    std::array<char, 32> buffer{};
    const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    if (error != std::errc()) return "0";
    return {buffer.data(), end};
}

}  // namespace geo

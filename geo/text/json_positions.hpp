#pragma once
// A JSON document that remembers where each value and key was written, so that checks made after parsing can
// still point the user at line:column. nlohmann::json keeps no positions, so this is built from its SAX events.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/text/diagnostic.hpp"
#include "geo/text/text_position.hpp"

namespace geo {

enum class JsonType { null, boolean, number, string, array, object };

// "a string", "an object", ...: for messages such as `"lat" must be a number, not a string`.
[[nodiscard]] std::string_view json_type_with_article(JsonType type);

struct JsonMember;

struct JsonValue {
    JsonType type = JsonType::null;
    TextPosition position;  // of the value's first byte
    bool boolean = false;
    double number = 0.0;
    std::optional<std::int64_t> integer;  // for numbers written without fraction or exponent that fit
    std::string text;                     // a string's value, or a number exactly as written
    std::vector<JsonValue> items;         // array elements
    std::vector<JsonMember> members;      // object members in the order written (duplicates are reported, first kept)

    [[nodiscard]] const JsonMember* find(std::string_view key) const;
    [[nodiscard]] bool is(JsonType t) const { return type == t; }
};

struct JsonMember {
    std::string key;
    TextPosition key_position;
    JsonValue value;
};

struct JsonLimits {
    // Deeper input is refused while parsing. The tree is destroyed recursively, so this bound is also what keeps
    // the destructor's stack use small; do not raise it into the thousands.
    std::size_t max_depth = 64;
    // Longer strings (and keys) are reported but kept, so that the rest of the document is still checked.
    std::size_t max_string_bytes = 1024 * 1024;
    // Each value costs about 130 bytes in the tree; this keeps a hostile file from taking gigabytes.
    std::size_t max_values = 1'000'000;
};

// `root` is absent when the text is not well-formed JSON (or nests too deeply, or is too large); then `problems` holds exactly one
// diagnostic, at the position of the error. Other problems (over-long strings, duplicate keys) leave the root in
// place.
struct JsonParse {
    std::optional<JsonValue> root;
    Diagnostics problems;
};

// `file_label` is copied into each diagnostic. The text is expected to be valid UTF-8 (check it first for a
// better message); bytes are counted as columns.
[[nodiscard]] JsonParse parse_json_with_positions(std::string_view text, const std::string& file_label,
                                                  const JsonLimits& limits = {});

}  // namespace geo

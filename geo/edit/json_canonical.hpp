#pragma once
// The canonical style of story files (docs/story-format.md, "Canonical style"): one fixed way to write a JSON tree,
// so that a save changes only the lines of what was edited and a load and save of a canonical file changes no byte.
#include <string>

#include "geo/text/json_positions.hpp"

namespace geo {

// `root` written in the canonical style, with its final newline. Numbers are written as their `text` (as read, or
// as an edit set it); strings unescaped except for '"', '\' and control characters.
[[nodiscard]] std::string write_canonical_json(const JsonValue& root);

// The shortest text that reads back as exactly `value` (finite values only), as written for edited numbers.
[[nodiscard]] std::string shortest_number_text(double value);

}  // namespace geo

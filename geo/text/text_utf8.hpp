#pragma once
// Strict UTF-8 validation, so that bad bytes are reported where they are instead of surfacing later as mojibake.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace geo {

// Offset of the first byte that does not belong to well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF, no truncated sequence); nullopt when the whole text is well-formed.
[[nodiscard]] std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// A user-supplied string made safe to quote in a one-line message: control characters escaped, and cut (at a
// character boundary) after about `max_bytes`, so that a 10 MB id does not become a 10 MB message.
[[nodiscard]] std::string quote_for_message(std::string_view text, std::size_t max_bytes = 60);

}  // namespace geo

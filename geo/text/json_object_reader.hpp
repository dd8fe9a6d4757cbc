#pragma once
// Reading the fields of one JSON object with checks and messages: missing required fields, wrong types, and, once
// all fields have been asked for, keys nobody asked for (a typo must not be silently ignored).
#include <string>
#include <string_view>
#include <vector>

#include "geo/text/diagnostic.hpp"
#include "geo/text/json_positions.hpp"

namespace geo {

// Where the problems about one file go.
struct DiagnosticSink {
    std::string file;
    Diagnostics* problems = nullptr;
    Diagnostics* warnings = nullptr;  // where warnings go; without it they are dropped

    void report(TextPosition at, std::string id, std::string message) const;
    void warn(TextPosition at, std::string id, std::string message) const;
};

class JsonObjectReader {
public:
    // `anchor` is where problems about the object as a whole are shown (its key when it has one, else its first
    // byte); `what` names it in messages ("place 'seoul'", "meta"); `id` goes into each diagnostic.
    JsonObjectReader(const JsonValue& object, TextPosition anchor, std::string what, std::string id,
                     const DiagnosticSink& sink);

    // The member, or null when absent (reported if required) or of another type (reported).
    const JsonMember* required(std::string_view key, JsonType type);
    const JsonMember* optional(std::string_view key, JsonType type);
    // As above, leaving the type to the caller (for fields that take more than one type).
    const JsonMember* required_any(std::string_view key);
    const JsonMember* optional_any(std::string_view key);
    // A key that is allowed and deliberately not read.
    void ignore(std::string_view key);

    // Reports every key that was never asked for, except comments ("_" prefix). Call once, after all fields.
    void report_unknown_keys();

    // `"lat" of place 'seoul'`
    [[nodiscard]] std::string field(std::string_view key) const;
    [[nodiscard]] const std::string& what() const { return what_; }
    [[nodiscard]] const std::string& id() const { return id_; }
    void report(TextPosition at, std::string message) const { sink_.report(at, id_, std::move(message)); }
    void warn(TextPosition at, std::string message) const { sink_.warn(at, id_, std::move(message)); }
    // The object being read, for fields whose rules depend on another field.
    [[nodiscard]] const JsonValue& object() const { return object_; }

private:
    const JsonMember* lookup(std::string_view key, bool required);
    const JsonMember* typed(const JsonMember* member, JsonType type) const;

    const JsonValue& object_;
    TextPosition anchor_;
    std::string what_;
    std::string id_;
    const DiagnosticSink& sink_;
    std::vector<std::string> asked_;
};

}  // namespace geo

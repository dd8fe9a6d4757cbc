#include "geo/text/json_object_reader.hpp"

#include <algorithm>

#include "geo/text/text_utf8.hpp"

namespace geo {

void DiagnosticSink::report(TextPosition at, std::string id, std::string message) const {
    problems->push_back(Diagnostic{file, at.line, at.column, std::move(id), std::move(message)});
}

void DiagnosticSink::warn(TextPosition at, std::string id, std::string message) const {
    if (warnings == nullptr) return;
    warnings->push_back(Diagnostic{file, at.line, at.column, std::move(id), std::move(message), Severity::warning});
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

JsonObjectReader::JsonObjectReader(const JsonValue& object, TextPosition anchor, std::string what, std::string id,
                                   const DiagnosticSink& sink)
    : object_(object), anchor_(anchor), what_(std::move(what)), id_(std::move(id)), sink_(sink) {}

std::string JsonObjectReader::field(std::string_view key) const { return "\"" + std::string(key) + "\" of " + what_; }

const JsonMember* JsonObjectReader::lookup(std::string_view key, bool required) {
    asked_.emplace_back(key);
    const JsonMember* member = object_.find(key);
    if (member == nullptr && required) {
        report(anchor_, what_ + " is missing required field \"" + std::string(key) + "\"");
    }
    return member;
}

const JsonMember* JsonObjectReader::typed(const JsonMember* member, JsonType type) const {
    if (member == nullptr || member->value.type == type) return member;
    report(member->value.position, field(member->key) + " must be " + std::string(json_type_with_article(type)) +
                                       ", not " + std::string(json_type_with_article(member->value.type)));
    return nullptr;
}

const JsonMember* JsonObjectReader::required(std::string_view key, JsonType type) {
    return typed(lookup(key, true), type);
}
const JsonMember* JsonObjectReader::optional(std::string_view key, JsonType type) {
    return typed(lookup(key, false), type);
}
const JsonMember* JsonObjectReader::required_any(std::string_view key) { return lookup(key, true); }
const JsonMember* JsonObjectReader::optional_any(std::string_view key) { return lookup(key, false); }
void JsonObjectReader::ignore(std::string_view key) { asked_.emplace_back(key); }

void JsonObjectReader::report_unknown_keys() {
    for (const JsonMember& member : object_.members) {
        if (member.key.starts_with('_')) continue;
        if (std::find(asked_.begin(), asked_.end(), member.key) != asked_.end()) continue;
        std::string message = "unknown key \"" + quote_for_message(member.key) + "\" in " + what_;
        // A near miss is most likely a typo of a known key: say which.
        const std::string* best = nullptr;
        std::size_t best_distance = 3;
        for (const std::string& known : asked_) {
            const std::size_t distance = edit_distance(member.key.substr(0, 64), known);
            if (distance < best_distance && distance < known.size()) {
                best = &known;
                best_distance = distance;
            }
        }
        if (best != nullptr) message += " (did you mean \"" + *best + "\"?)";
        report(member.key_position, std::move(message));
    }
}

}  // namespace geo

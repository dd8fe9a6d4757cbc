#include "geo/text/json_positions.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>

#include "geo/text/text_utf8.hpp"

namespace geo {

std::string_view json_type_with_article(JsonType type) {
    switch (type) {
        case JsonType::null: return "null";
        case JsonType::boolean: return "a boolean";
        case JsonType::number: return "a number";
        case JsonType::string: return "a string";
        case JsonType::array: return "an array";
        case JsonType::object: return "an object";
    }
    return "a value";
}

const JsonMember* JsonValue::find(std::string_view key) const {
    for (const JsonMember& member : members) {
        if (member.key == key) return &member;
    }
    return nullptr;
}

namespace {

bool is_json_whitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Builds the positioned tree from nlohmann's SAX events. The events carry no positions, so the builder walks the
// text alongside the parser: every event but ',' and ':' corresponds to the next token, which nlohmann has already
// checked, so finding its extent needs no real lexing.
class PositionedTreeBuilder final : public nlohmann::json_sax<nlohmann::json> {
public:
    PositionedTreeBuilder(std::string_view text, const std::string& file_label, const JsonLimits& limits)
        : text_(text), lines_(text), file_label_(file_label), limits_(limits) {
        // nlohmann skips a byte order mark at the start; so must the walk.
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") cursor_ = 3;
    }

    bool null() override { return add_scalar(JsonType::null); }
    bool boolean(bool value) override {
        JsonValue* added = add_scalar(JsonType::boolean);
        if (added != nullptr) added->boolean = value;
        return added != nullptr;
    }
    bool number_integer(number_integer_t value) override {
        JsonValue* added = add_number(static_cast<double>(value));
        if (added != nullptr) added->integer = value;
        return added != nullptr;
    }
    bool number_unsigned(number_unsigned_t value) override {
        JsonValue* added = add_number(static_cast<double>(value));
        if (added != nullptr && value <= static_cast<number_unsigned_t>(std::numeric_limits<std::int64_t>::max())) {
            added->integer = static_cast<std::int64_t>(value);
        }
        return added != nullptr;
    }
    bool number_float(number_float_t value, const string_t& /*as_written*/) override {
        return add_number(value) != nullptr;
    }
    bool string(string_t& value) override {
        JsonValue* added = add_scalar(JsonType::string);
        if (added == nullptr) return false;
        check_length(value, "string", added->position);
        added->text = std::move(value);
        return true;
    }
    bool binary(binary_t& /*value*/) override { return true; }  // never produced by JSON text

    bool start_object(std::size_t /*elements*/) override { return open(JsonType::object); }
    bool start_array(std::size_t /*elements*/) override { return open(JsonType::array); }
    bool end_object() override {
        take_token();
        report_duplicate_keys(*open_.back());
        open_.pop_back();
        return true;
    }
    bool end_array() override {
        take_token();
        open_.pop_back();
        return true;
    }

    bool key(string_t& key) override {
        const std::size_t start = take_token();
        pending_key_position_ = lines_.position_of(start);
        check_length(key, "key", pending_key_position_);
        pending_key_ = std::move(key);
        return true;
    }

    bool parse_error(std::size_t position, const std::string& /*last_token*/,
                     const nlohmann::detail::exception& error) override {
        // nlohmann's position is one past the byte it stopped at (1-based), the end of input included.
        const std::size_t stop_offset = position == 0 ? 0 : std::min(position - 1, text_.size());
        const std::size_t token_start = failing_token_start(stop_offset);
        if (error.id == 406) {
            fail(token_start,
                 "number " + std::string(token_at(token_start)) + " is too large: it does not fit in a double");
            return false;
        }
        std::string reason = error.what();
        if (const std::size_t dash = reason.find(" - "); dash != std::string::npos) reason.erase(0, dash + 3);
        if (const std::size_t last_read = reason.find("; last read:"); last_read != std::string::npos) {
            reason.erase(last_read);
        }
        if (const std::size_t eoi = reason.find("end of input"); eoi != std::string::npos) {
            reason.replace(eoi, std::strlen("end of input"), "end of file");
        }
        // A wrong token is shown where it starts; a lexing error (a bad escape, a raw newline in a string) where
        // the lexer stopped, which is the offending byte.
        const bool whole_token = reason.rfind("unexpected", 0) == 0 || reason.rfind("invalid literal", 0) == 0;
        fail(whole_token ? token_start : stop_offset, "malformed JSON: " + reason);
        return false;
    }

    JsonParse result() && {
        JsonParse parse;
        if (fatal_) {
            parse.problems.push_back(std::move(*fatal_));
            return parse;
        }
        std::stable_sort(problems_.begin(), problems_.end(), [](const Diagnostic& a, const Diagnostic& b) {
            return std::pair(a.line, a.column) < std::pair(b.line, b.column);
        });
        parse.root = std::move(root_);
        parse.problems = std::move(problems_);
        return parse;
    }

private:
    // Moves past the next token and returns its start offset.
    std::size_t take_token() {
        while (cursor_ < text_.size() &&
               (is_json_whitespace(text_[cursor_]) || text_[cursor_] == ',' || text_[cursor_] == ':')) {
            ++cursor_;
        }
        const std::size_t start = cursor_;
        cursor_ += token_at(start).size();
        return start;
    }

    // The extent of the (already validated) token starting at `start`.
    [[nodiscard]] std::string_view token_at(std::size_t start) const {
        if (start >= text_.size()) return {};
        std::size_t end = start;
        switch (text_[start]) {
            case '{':
            case '}':
            case '[':
            case ']':
            case ',':
            case ':': end = start + 1; break;
            case '"':
                end = start + 1;
                while (end < text_.size() && text_[end] != '"') end += text_[end] == '\\' ? 2 : 1;
                end = std::min(end + 1, text_.size());
                break;
            case 't':
            case 'n': end = start + 4; break;
            case 'f': end = start + 5; break;
            default: end = number_end(start);
        }
        return text_.substr(start, std::min(end, text_.size()) - start);
    }

    // The end of the number starting at `start`, by JSON's grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    // Exactly the grammar, not "any number-like characters", because nlohmann reads "01" as two tokens.
    [[nodiscard]] std::size_t number_end(std::size_t start) const {
        std::size_t end = start;
        const auto digit_at = [&](std::size_t i) { return i < text_.size() && text_[i] >= '0' && text_[i] <= '9'; };
        const auto skip_digits = [&] {
            while (digit_at(end)) ++end;
        };
        if (end < text_.size() && text_[end] == '-') ++end;
        if (end < text_.size() && text_[end] == '0') {
            ++end;
        } else {
            skip_digits();
        }
        if (end < text_.size() && text_[end] == '.' && digit_at(end + 1)) {
            ++end;
            skip_digits();
        }
        if (end < text_.size() && (text_[end] == 'e' || text_[end] == 'E')) {
            std::size_t exponent = end + 1;
            if (exponent < text_.size() && (text_[exponent] == '+' || text_[exponent] == '-')) ++exponent;
            if (digit_at(exponent)) {
                end = exponent;
                skip_digits();
            }
        }
        return end == start ? start + 1 : end;
    }

    // Where the token the parser rejected starts: the next token after the last one that produced an event,
    // or the one after that when the first is a separator the parser accepted.
    [[nodiscard]] std::size_t failing_token_start(std::size_t stop_offset) const {
        const auto skip_whitespace = [&](std::size_t at) {
            while (at < text_.size() && is_json_whitespace(text_[at])) ++at;
            return at;
        };
        const std::size_t first = skip_whitespace(cursor_);
        if (first < text_.size() && (text_[first] == ',' || text_[first] == ':')) {
            const std::size_t second = skip_whitespace(first + 1);
            if (second <= stop_offset) return second;
        }
        return first;
    }

    void fail(std::size_t offset, std::string message) {
        const TextPosition at = lines_.position_of(offset);
        fatal_ = Diagnostic{file_label_, at.line, at.column, "", std::move(message)};
    }

    void report(TextPosition at, std::string message) {
        problems_.push_back(Diagnostic{file_label_, at.line, at.column, "", std::move(message)});
    }

    void check_length(const std::string& value, std::string_view what, TextPosition at) {
        if (value.size() > limits_.max_string_bytes) {
            report(at, std::string(what) + " of " + std::to_string(value.size()) +
                           " bytes is longer than the limit of " + std::to_string(limits_.max_string_bytes) + " bytes");
        }
    }

    // Appends a value at the next token's position to the innermost open container (or makes it the root).
    JsonValue* add_scalar(JsonType type) {
        const std::size_t start = take_token();
        if (++value_count_ > limits_.max_values) {
            fail(start, "JSON holds more than " + std::to_string(limits_.max_values) + " values");
            return nullptr;
        }
        JsonValue value;
        value.type = type;
        value.position = lines_.position_of(start);
        if (type == JsonType::number) value.text = token_at(start);
        if (open_.empty()) {
            root_ = std::move(value);
            return &*root_;
        }
        JsonValue& parent = *open_.back();
        if (parent.type == JsonType::array) {
            parent.items.push_back(std::move(value));
            return &parent.items.back();
        }
        parent.members.push_back(JsonMember{std::move(pending_key_), pending_key_position_, std::move(value)});
        return &parent.members.back().value;
    }

    JsonValue* add_number(double value) {
        JsonValue* added = add_scalar(JsonType::number);
        if (added != nullptr) added->number = value;
        return added;
    }

    // An open container is always the last element of its parent, and nothing is appended to the parent while it
    // is open, so pointers to open containers stay valid.
    bool open(JsonType type) {
        if (open_.size() >= limits_.max_depth) {
            const std::size_t start = take_token();
            fail(start, "JSON nests deeper than " + std::to_string(limits_.max_depth) + " levels");
            return false;
        }
        JsonValue* added = add_scalar(type);
        if (added == nullptr) return false;
        open_.push_back(added);
        return true;
    }

    // Sorting instead of a set per object keeps huge objects O(n log n) and costs nothing for small ones.
    void report_duplicate_keys(const JsonValue& object) {
        const std::vector<JsonMember>& members = object.members;
        std::vector<std::size_t> order(members.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return members[a].key < members[b].key; });
        std::size_t group_start = 0;  // the first (earliest written) member with the current key
        for (std::size_t i = 1; i < order.size(); ++i) {
            const JsonMember& first = members[order[group_start]];
            const JsonMember& again = members[order[i]];
            if (first.key != again.key) {
                group_start = i;
                continue;
            }
            report(again.key_position, "duplicate key \"" + quote_for_message(again.key) + "\" (first at " +
                                           std::to_string(first.key_position.line) + ":" +
                                           std::to_string(first.key_position.column) + ")");
        }
    }

    std::string_view text_;
    LineIndex lines_;
    const std::string& file_label_;
    JsonLimits limits_;
    std::size_t cursor_ = 0;  // just past the last token an event was received for
    std::size_t value_count_ = 0;
    std::vector<JsonValue*> open_;  // containers being filled, innermost last
    std::optional<JsonValue> root_;
    std::string pending_key_;
    TextPosition pending_key_position_;
    Diagnostics problems_;
    std::optional<Diagnostic> fatal_;
};

}  // namespace

JsonParse parse_json_with_positions(std::string_view text, const std::string& file_label, const JsonLimits& limits) {
    if (std::all_of(text.begin(), text.end(), is_json_whitespace)) {
        JsonParse empty;
        empty.problems.push_back(
            Diagnostic{file_label, 0, 0, "", text.empty() ? "file is empty" : "file holds only whitespace"});
        return empty;
    }
    PositionedTreeBuilder builder(text, file_label, limits);
    nlohmann::json::sax_parse(text.begin(), text.end(), &builder);
    return std::move(builder).result();
}

}  // namespace geo

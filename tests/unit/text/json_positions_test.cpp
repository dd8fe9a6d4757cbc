// The JSON document with positions that story checks rely on: every value and key knows its line:column, and
// malformed input is reported exactly where it goes wrong.
#include <catch2/catch.hpp>

#include <string>

#include "geo/text/json_positions.hpp"

namespace {

geo::TextPosition at(int line, int column) { return {line, column}; }

}  // namespace

TEST_CASE("values and keys carry their line and byte column", "[story][json]") {
    const std::string text =
        "{\n"
        "  \"name\": \"Pjöngjang\", \"lon\": 125.75,\n"
        "\t\"list\": [1, -2.5e3, true, null,\n"
        "    {\"ä\": \"x\"}],\n"
        "  \"big\": 18446744073709551615\n"
        "}\n";
    const geo::JsonParse parse = geo::parse_json_with_positions(text, "t.json");
    REQUIRE(parse.problems.empty());
    REQUIRE(parse.root.has_value());
    const geo::JsonValue& root = *parse.root;
    CHECK(root.type == geo::JsonType::object);
    CHECK(root.position == at(1, 1));
    REQUIRE(root.members.size() == 4);

    const geo::JsonMember& name = *root.find("name");
    CHECK(name.key_position == at(2, 3));
    CHECK(name.value.position == at(2, 11));
    CHECK(name.value.text == "Pjöngjang");
    const geo::JsonMember& lon = *root.find("lon");
    CHECK(lon.key_position == at(2, 25));  // "ö" is two bytes, so two columns
    CHECK(lon.value.position == at(2, 32));
    CHECK(lon.value.number == 125.75);
    CHECK(lon.value.text == "125.75");
    CHECK_FALSE(lon.value.integer.has_value());

    const geo::JsonMember& list = *root.find("list");
    CHECK(list.key_position == at(3, 2));  // a tab is one byte
    REQUIRE(list.value.items.size() == 5);
    CHECK(list.value.items[0].integer == 1);
    CHECK(list.value.items[0].position == at(3, 11));
    CHECK(list.value.items[1].number == -2500.0);
    CHECK(list.value.items[1].text == "-2.5e3");
    CHECK(list.value.items[1].position == at(3, 14));
    CHECK(list.value.items[2].boolean);
    CHECK(list.value.items[2].position == at(3, 22));
    CHECK(list.value.items[3].type == geo::JsonType::null);
    CHECK(list.value.items[3].position == at(3, 28));
    const geo::JsonValue& inner = list.value.items[4];
    CHECK(inner.position == at(4, 5));
    CHECK(inner.members[0].key == "ä");
    CHECK(inner.members[0].key_position == at(4, 6));
    CHECK(inner.members[0].value.position == at(4, 12));

    const geo::JsonMember& big = *root.find("big");
    CHECK(big.value.type == geo::JsonType::number);
    CHECK_FALSE(big.value.integer.has_value());  // does not fit in int64
    CHECK(big.value.position == at(5, 10));
}

TEST_CASE("escaped strings do not confuse positions", "[story][json]") {
    const std::string text = R"(["a\"b\\", "\u00e4\n", {"k\"": 1}, 2])";
    const geo::JsonParse parse = geo::parse_json_with_positions(text, "t.json");
    REQUIRE(parse.root.has_value());
    const geo::JsonValue& root = *parse.root;
    CHECK(root.items[0].text == "a\"b\\");
    CHECK(root.items[1].position == at(1, 12));
    CHECK(root.items[1].text == "ä\n");
    CHECK(root.items[2].members[0].key == "k\"");
    CHECK(root.items[2].members[0].value.position == at(1, 32));
    CHECK(root.items[3].position == at(1, 36));
}

TEST_CASE("a byte order mark is skipped but counted in columns", "[story][json]") {
    const geo::JsonParse parse = geo::parse_json_with_positions("\xEF\xBB\xBF{\"a\": 1}", "t.json");
    REQUIRE(parse.root.has_value());
    CHECK(parse.root->position == at(1, 4));
    CHECK(parse.root->members[0].value.position == at(1, 10));
}

TEST_CASE("scalars at the top level are documents too", "[story][json]") {
    const geo::JsonParse parse = geo::parse_json_with_positions("  \n 42 ", "t.json");
    REQUIRE(parse.root.has_value());
    CHECK(parse.root->integer == 42);
    CHECK(parse.root->position == at(2, 2));
}

namespace {

struct Malformed {
    const char* text;
    int line;
    int column;
    const char* message;
};

}  // namespace

TEST_CASE("malformed JSON is reported at the offending token or byte", "[story][json]") {
    const Malformed cases[] = {
        {"[1, tru]", 1, 5, "malformed JSON: invalid literal"},
        {"[1,,2]", 1, 4, "malformed JSON: unexpected ','; expected '[', '{', or a literal"},
        {"{\"a\" 1}", 1, 6, "malformed JSON: unexpected number literal; expected ':'"},
        {"[1:2]", 1, 3, "malformed JSON: unexpected ':'; expected ']'"},
        {"{\"a\":1,}", 1, 8, "malformed JSON: unexpected '}'; expected string literal"},
        {"[1, 2", 1, 6, "malformed JSON: unexpected end of file; expected ']'"},
        {"[1, 2\n", 2, 1, "malformed JSON: unexpected end of file; expected ']'"},
        {"{\n  \"a\": [1e400]\n}", 2, 9, "number 1e400 is too large: it does not fit in a double"},
        {"{\"a\":\"b\nc\"}", 1, 8,
         "malformed JSON: invalid string: control character U+000A (LF) must be escaped to \\u000A or \\n"},
        {"[\"\\x\"]", 1, 4, "malformed JSON: invalid string: forbidden character after backslash"},
        {"[-]", 1, 3, "malformed JSON: invalid number; expected digit after '-'"},
        {"[01]", 1, 3, "malformed JSON: unexpected number literal; expected ']'"},
        {"[0, -0.5e-3, 01]", 1, 15, "malformed JSON: unexpected number literal; expected ']'"},
        {"[1] 2", 1, 5, "malformed JSON: unexpected number literal; expected end of file"},
        {"{\"a\": 1} // comment", 1, 10, "malformed JSON: invalid literal"},
        {"{'a': 1}", 1, 2, "malformed JSON: invalid literal"},
        {"[NaN]", 1, 2, "malformed JSON: invalid literal"},
        {"[\"abc", 1, 6, "malformed JSON: invalid string: missing closing quote"},
    };
    for (const Malformed& bad : cases) {
        INFO(bad.text);
        const geo::JsonParse parse = geo::parse_json_with_positions(bad.text, "t.json");
        CHECK_FALSE(parse.root.has_value());
        REQUIRE(parse.problems.size() == 1);
        CHECK(parse.problems[0].file == "t.json");
        CHECK(parse.problems[0].line == bad.line);
        CHECK(parse.problems[0].column == bad.column);
        CHECK(parse.problems[0].message == bad.message);
    }
}

TEST_CASE("empty input is told apart from malformed input", "[story][json]") {
    CHECK(geo::parse_json_with_positions("", "t.json").problems.at(0).message == "file is empty");
    CHECK(geo::parse_json_with_positions(" \r\n\t", "t.json").problems.at(0).message == "file holds only whitespace");
}

TEST_CASE("duplicate keys are reported, the first is kept", "[story][json]") {
    const geo::JsonParse parse =
        geo::parse_json_with_positions("{\"a\": 1,\n \"b\": 2,\n \"a\": 3, \"a\": 4}", "t.json");
    REQUIRE(parse.root.has_value());
    CHECK(parse.root->find("a")->value.integer == 1);
    REQUIRE(parse.problems.size() == 2);
    CHECK(parse.problems[0].line == 3);
    CHECK(parse.problems[0].column == 2);
    CHECK(parse.problems[0].message == "duplicate key \"a\" (first at 1:2)");
    CHECK(parse.problems[1].column == 10);
}

TEST_CASE("nesting is limited before it can exhaust the stack", "[story][json]") {
    geo::JsonLimits limits;
    limits.max_depth = 64;
    const std::string at_limit = std::string(64, '[') + std::string(64, ']');
    CHECK(geo::parse_json_with_positions(at_limit, "t.json", limits).root.has_value());

    const std::string over = std::string(65, '[') + std::string(65, ']');
    const geo::JsonParse refused = geo::parse_json_with_positions(over, "t.json", limits);
    CHECK_FALSE(refused.root.has_value());
    REQUIRE(refused.problems.size() == 1);
    CHECK(refused.problems[0].column == 65);
    CHECK(refused.problems[0].message == "JSON nests deeper than 64 levels");

    const std::string hostile = std::string(1'000'000, '[');
    CHECK(geo::parse_json_with_positions(hostile, "t.json").problems.at(0).message ==
          "JSON nests deeper than 64 levels");
}

TEST_CASE("long strings and many values are limited", "[story][json]") {
    geo::JsonLimits limits;
    limits.max_string_bytes = 8;
    limits.max_values = 5;
    const geo::JsonParse long_string =
        geo::parse_json_with_positions(R"({"short": "12345678", "long": "123456789"})", "t.json", limits);
    REQUIRE(long_string.root.has_value());  // reported, not fatal
    REQUIRE(long_string.problems.size() == 1);
    CHECK(long_string.problems[0].column == 31);
    CHECK(long_string.problems[0].message == "string of 9 bytes is longer than the limit of 8 bytes");

    const geo::JsonParse many = geo::parse_json_with_positions("[1, 2, 3, 4, 5]", "t.json", limits);
    CHECK_FALSE(many.root.has_value());
    REQUIRE(many.problems.size() == 1);
    CHECK(many.problems[0].column == 14);
    CHECK(many.problems[0].message == "JSON holds more than 5 values");
}

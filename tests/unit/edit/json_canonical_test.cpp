// The canonical writer on its own: escapes, numbers in their shortest exact form, and layout rules.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "geo/edit/json_canonical.hpp"
#include "geo/edit/json_tree_edit.hpp"

namespace {

std::string canonical(std::string_view json) {
    const geo::JsonParse parse = geo::parse_json_with_positions(json, "test.json");
    REQUIRE(parse.root);
    return geo::write_canonical_json(*parse.root);
}

}  // namespace

TEST_CASE("edited numbers are written in the shortest form that reads back exactly", "[edit]") {
    CHECK(geo::shortest_number_text(7.7521) == "7.7521");
    CHECK(geo::shortest_number_text(0.1 + 0.2) == "0.30000000000000004");
    CHECK(geo::shortest_number_text(4.0) == "4");
    CHECK(geo::shortest_number_text(-0.0) == "-0");
    CHECK(geo::shortest_number_text(1e21) == "1e+21");
    CHECK(geo::shortest_number_text(-179.99999999999997) == "-179.99999999999997");
    for (const double value : {125.7381, 39.0194, -77.0365, 1.0 / 3.0, 5e-324, 1.7976931348623157e308}) {
        const std::string text = geo::shortest_number_text(value);
        CHECK(std::strtod(text.c_str(), nullptr) == value);  // stod refuses subnormals
    }
}

TEST_CASE("strings keep UTF-8 as it is and escape only what JSON requires", "[edit]") {
    CHECK(canonical(R"(["Pj\u00f6ngjang \u2013 \ud55c", "a\"b\\c\/d", "\u0001\t\n\r\b\f"])") ==
          "[\"Pjöngjang – 한\", \"a\\\"b\\\\c/d\", \"\\u0001\\t\\n\\r\\b\\f\"]\n");
}

TEST_CASE("layout: one key per line, scalar arrays and waypoints on one line, empty containers short", "[edit]") {
    CHECK(canonical(R"({"a":{},"b":[],"c":[1,"x",true,null],"d":[[1]],"waypoints":[{"lon":1,"lat":2,"x":[3]}]})") ==
          "{\n"
          "  \"a\": {},\n"
          "  \"b\": [],\n"
          "  \"c\": [1, \"x\", true, null],\n"
          "  \"d\": [\n"
          "    [1]\n"
          "  ],\n"
          "  \"waypoints\": [\n"
          "    {\"lon\": 1, \"lat\": 2, \"x\": [3]}\n"
          "  ]\n"
          "}\n");
    // The writer's output is a fixed point: writing it again changes nothing.
    const std::string once = canonical(R"({"z":1.50,"y":[{"k":"v"}],"_c":"ß"})");
    CHECK(canonical(once) == once);
}

TEST_CASE("tree edits keep order: replaced members stay where they were, new ones go last", "[edit]") {
    geo::JsonParse parse = geo::parse_json_with_positions(R"({"b":1,"a":2})", "t.json");
    REQUIRE(parse.root);
    geo::json_set(*parse.root, "b", geo::json_number(1.25));
    geo::json_set(*parse.root, "c", geo::json_bool(true));
    CHECK(geo::json_erase(*parse.root, "a"));
    CHECK_FALSE(geo::json_erase(*parse.root, "a"));
    CHECK(geo::write_canonical_json(*parse.root) == "{\n  \"b\": 1.25,\n  \"c\": true\n}\n");
}

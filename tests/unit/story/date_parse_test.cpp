// Partial ISO 8601 dates and ranges: what is accepted, what each covers, and why the rest is refused.
#include <catch2/catch.hpp>

#include "geo/story/date.hpp"

using std::chrono::year;
using std::chrono::year_month_day;

namespace {

struct GoodDate {
    const char* text;
    year_month_day first;
    year_month_day last;
};

struct BadDate {
    const char* text;
    const char* error;
};

}  // namespace

TEST_CASE("dates parse into the days they cover", "[story][date]") {
    const GoodDate cases[] = {
        {"2023", year{2023} / 1 / 1, year{2023} / 12 / 31},
        {"2023-09", year{2023} / 9 / 1, year{2023} / 9 / 30},
        {"2023-02", year{2023} / 2 / 1, year{2023} / 2 / 28},
        {"2024-02", year{2024} / 2 / 1, year{2024} / 2 / 29},
        {"2023-09-12", year{2023} / 9 / 12, year{2023} / 9 / 12},
        {"2000-02-29", year{2000} / 2 / 29, year{2000} / 2 / 29},
        {"0001-01-01", year{1} / 1 / 1, year{1} / 1 / 1},
        {"2023-09-12/2023-09-13", year{2023} / 9 / 12, year{2023} / 9 / 13},
        {"2023-09-12/2023-09-12", year{2023} / 9 / 12, year{2023} / 9 / 12},
        {"2023-09/2023-10-05", year{2023} / 9 / 1, year{2023} / 10 / 5},
        {"2019/2023", year{2019} / 1 / 1, year{2023} / 12 / 31},
        {"2023-09-12/2023-09", year{2023} / 9 / 12, year{2023} / 9 / 30},  // the rest of September
    };
    for (const GoodDate& good : cases) {
        INFO(good.text);
        const geo::DateParse parse = geo::parse_date_range(good.text);
        INFO(parse.error);
        REQUIRE(parse.range.has_value());
        CHECK(parse.error.empty());
        CHECK(parse.range->first == good.first);
        CHECK(parse.range->last == good.last);
        CHECK(parse.range->text == good.text);
    }
}

TEST_CASE("dates record their precision", "[story][date]") {
    const geo::DateRange range = geo::parse_date_range("2023-09/2023-10-05").range.value();
    CHECK(range.first_precision == geo::DatePrecision::month);
    CHECK(range.last_precision == geo::DatePrecision::day);
    CHECK(geo::parse_date_range("2023").range->first_precision == geo::DatePrecision::year);
}

TEST_CASE("impossible and malformed dates are refused with a reason", "[story][date]") {
    const BadDate cases[] = {
        {"2023-02-30", "date '2023-02-30' does not exist: February 2023 has 28 days"},
        {"2023-02-29", "date '2023-02-29' does not exist: February 2023 has 28 days"},
        {"1900-02-29", "date '1900-02-29' does not exist: February 1900 has 28 days"},
        {"2023-04-31", "date '2023-04-31' does not exist: April 2023 has 30 days"},
        {"2023-09-00", "date '2023-09-00' does not exist: September 2023 has 30 days"},
        {"2023-13", "date '2023-13' has month 13, not 1..12"},
        {"2023-00", "date '2023-00' has month 0, not 1..12"},
        {"2023-13-01", "date '2023-13-01' has month 13, not 1..12"},
        {"", "date '' is not of the form YYYY, YYYY-MM or YYYY-MM-DD"},
        {"2023-9-12", "date '2023-9-12' is not of the form YYYY, YYYY-MM or YYYY-MM-DD"},
        {"23-09-12", "date '23-09-12' is not of the form YYYY, YYYY-MM or YYYY-MM-DD"},
        {" 2023", "date ' 2023' is not of the form YYYY, YYYY-MM or YYYY-MM-DD"},
        {"2023-09-12T10:00", "date '2023-09-12T10:00' is not of the form YYYY, YYYY-MM or YYYY-MM-DD"},
        {"2023-09-1x", "date '2023-09-1x' is not of the form YYYY, YYYY-MM or YYYY-MM-DD"},
        {"+2023", "date '+2023' is not of the form YYYY, YYYY-MM or YYYY-MM-DD"},
        {"20230912", "date '20230912' is not of the form YYYY, YYYY-MM or YYYY-MM-DD"},
        {"September 2023", "date 'September 2023' is not of the form YYYY, YYYY-MM or YYYY-MM-DD"},
        {"2023/", "date '' is not of the form YYYY, YYYY-MM or YYYY-MM-DD"},
        {"/2023", "date '' is not of the form YYYY, YYYY-MM or YYYY-MM-DD"},
        {"2023-09-12/2023-09-13/2023-09-14",
         "date '2023-09-13/2023-09-14' is not of the form YYYY, YYYY-MM or YYYY-MM-DD"},
        {"2023-09-13/2023-09-12", "date range '2023-09-13/2023-09-12' ends before it starts"},
        {"2024/2023-12", "date range '2024/2023-12' ends before it starts"},
        {"2023-09-12/2023-02-30", "date '2023-02-30' does not exist: February 2023 has 28 days"},
    };
    for (const BadDate& bad : cases) {
        INFO(bad.text);
        const geo::DateParse parse = geo::parse_date_range(bad.text);
        CHECK_FALSE(parse.range.has_value());
        CHECK(parse.error == bad.error);
    }
}

TEST_CASE("date ranges answer 'as of' questions", "[story][date]") {
    const geo::DateRange september = geo::parse_date_range("2023-09").range.value();
    CHECK(september.contains(year{2023} / 9 / 1));
    CHECK(september.contains(year{2023} / 9 / 30));
    CHECK_FALSE(september.contains(year{2023} / 10 / 1));
    CHECK_FALSE(september.contains(year{2023} / 8 / 31));
    CHECK(september.begun_by(year{2023} / 9 / 15));
    CHECK(september.begun_by(year{2024} / 1 / 1));
    CHECK_FALSE(september.begun_by(year{2023} / 8 / 31));
}

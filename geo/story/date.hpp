#pragma once
// Partial ISO 8601 calendar dates ("2023", "2023-09", "2023-09-12") and ranges of them ("2023-09-12/2023-09-13"),
// kept as the first and last day they cover so that "as of" filters are plain comparisons.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace geo {

enum class DatePrecision { year, month, day };

struct DateRange {
    std::chrono::year_month_day first{};  // first day covered
    std::chrono::year_month_day last{};   // last day covered, inclusive
    DatePrecision first_precision = DatePrecision::day;
    DatePrecision last_precision = DatePrecision::day;
    std::string text;  // as written, for display

    [[nodiscard]] bool contains(std::chrono::year_month_day day) const { return first <= day && day <= last; }
    // Whether it has begun by `day`: what a view "as of" that day shows.
    [[nodiscard]] bool begun_by(std::chrono::year_month_day day) const { return first <= day; }

    friend bool operator==(const DateRange& a, const DateRange& b) { return a.first == b.first && a.last == b.last; }
};

// Either a range or the reason the text is not one (e.g. "2023-02-30: February 2023 has no day 30").
struct DateParse {
    std::optional<DateRange> range;
    std::string error;
};

[[nodiscard]] DateParse parse_date_range(std::string_view text);

}  // namespace geo

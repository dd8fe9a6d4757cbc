#include "geo/story/date.hpp"

#include <array>

namespace geo {

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;
using std::chrono::year_month_day_last;

struct PartialDate {
    int year_number = 0;
    unsigned month_number = 1;  // meaningful from month precision on
    unsigned day_number = 1;    // meaningful at day precision
    DatePrecision precision = DatePrecision::year;

    [[nodiscard]] year_month_day first_day() const {
        return year{year_number} / month{precision == DatePrecision::year ? 1U : month_number} /
               day{precision == DatePrecision::day ? day_number : 1U};
    }
    [[nodiscard]] year_month_day last_day() const {
        if (precision == DatePrecision::day) return first_day();
        const month last_month{precision == DatePrecision::year ? 12U : month_number};
        return year_month_day{year_month_day_last{year{year_number}, std::chrono::month_day_last{last_month}}};
    }
};

constexpr std::array<const char*, 12> month_names = {"January",   "February", "March",    "April",
                                                     "May",       "June",     "July",     "August",
                                                     "September", "October",  "November", "December"};

bool all_digits(std::string_view s) {
    for (const char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

unsigned to_number(std::string_view digits) {
    unsigned value = 0;
    for (const char c : digits) value = value * 10 + static_cast<unsigned>(c - '0');
    return value;
}

std::string in_quotes(std::string_view text) { return "'" + std::string(text) + "'"; }

// One partial date, or an error message.
std::optional<PartialDate> parse_partial_date(std::string_view text, std::string& error) {
    const bool shape_ok = (text.size() == 4 || (text.size() == 7 && text[4] == '-') ||
                           (text.size() == 10 && text[4] == '-' && text[7] == '-')) &&
                          all_digits(text.substr(0, 4)) && (text.size() < 7 || all_digits(text.substr(5, 2))) &&
                          (text.size() < 10 || all_digits(text.substr(8, 2)));
    if (!shape_ok) {
        error = "date " + in_quotes(text) + " is not of the form YYYY, YYYY-MM or YYYY-MM-DD";
        return std::nullopt;
    }
    PartialDate date;
    date.year_number = static_cast<int>(to_number(text.substr(0, 4)));
    if (text.size() >= 7) {
        date.precision = DatePrecision::month;
        date.month_number = to_number(text.substr(5, 2));
        if (date.month_number < 1 || date.month_number > 12) {
            error = "date " + in_quotes(text) + " has month " + std::to_string(date.month_number) + ", not 1..12";
            return std::nullopt;
        }
    }
    if (text.size() == 10) {
        date.precision = DatePrecision::day;
        date.day_number = to_number(text.substr(8, 2));
        if (!date.first_day().ok()) {
            const unsigned days_in_month = static_cast<unsigned>(year_month_day_last{
                year{date.year_number}, std::chrono::month_day_last{month{
                                            date.month_number}}}.day());
            error = "date " + in_quotes(text) + " does not exist: " + month_names[date.month_number - 1] + " " +
                    std::string(text.substr(0, 4)) + " has " + std::to_string(days_in_month) + " days";
            return std::nullopt;
        }
    }
    return date;
}

}  // namespace

DateParse parse_date_range(std::string_view text) {
    DateParse result;
    const std::size_t slash = text.find('/');
    const std::string_view start_text = text.substr(0, slash);
    const std::optional<PartialDate> start = parse_partial_date(start_text, result.error);
    if (!start) return result;
    PartialDate end = *start;
    if (slash != std::string_view::npos) {
        const std::optional<PartialDate> parsed_end = parse_partial_date(text.substr(slash + 1), result.error);
        if (!parsed_end) return result;
        end = *parsed_end;
        // Partial ends compare by what they cover: "2023-09-12/2023-09" is the rest of September.
        if (start->first_day() > end.last_day()) {
            result.error = "date range " + in_quotes(text) + " ends before it starts";
            return result;
        }
    }
    result.range = DateRange{start->first_day(), end.last_day(), start->precision, end.precision, std::string(text)};
    return result;
}

}  // namespace geo

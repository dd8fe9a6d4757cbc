#pragma once
// Turning command-line text into typed options, with one-line errors; shared by every subcommand.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "app/modes/map_view.hpp"

namespace diplomap {

inline constexpr int kMaxImageSide = 16384;

struct RawViewArguments {
    std::string projection = "ortho";
    std::string center;
    std::string zoom = "0";
    std::string layers;
    std::string detail;
    std::string assets;
};

std::optional<std::pair<int, int>> parse_size(std::string_view text);  // "1920x1080"
std::optional<geo::LonLat> parse_lon_lat(std::string_view text);       // "127.5,38.5"
std::optional<double> parse_number(std::string_view text);             // finite only
// One calendar day "YYYY-MM-DD", or why the text is not one.
std::variant<std::chrono::year_month_day, std::string> parse_day(std::string_view text);
// A language tag as stories use them: "de", "en", "pt-BR".
bool is_language_tag(std::string_view text);

std::variant<MapViewOptions, std::string> resolve_view_arguments(const RawViewArguments& raw);

}  // namespace diplomap

#include "app/cli/arguments.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

#include "geo/story/date.hpp"

namespace diplomap {

std::optional<double> parse_number(std::string_view text) {
    double value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::optional<std::pair<int, int>> parse_size(std::string_view text) {
    const auto x = text.find('x');
    if (x == std::string_view::npos) return std::nullopt;
    int w = 0, h = 0;
    const auto a = std::from_chars(text.data(), text.data() + x, w);
    const auto b = std::from_chars(text.data() + x + 1, text.data() + text.size(), h);
    if (a.ec != std::errc() || a.ptr != text.data() + x || b.ec != std::errc() || b.ptr != text.data() + text.size())
        return std::nullopt;
    if (w < 1 || h < 1 || w > kMaxImageSide || h > kMaxImageSide) return std::nullopt;
    return std::pair{w, h};
}

std::optional<geo::LonLat> parse_lon_lat(std::string_view text) {
    const auto comma = text.find(',');
    if (comma == std::string_view::npos) return std::nullopt;
    const auto lon = parse_number(text.substr(0, comma)), lat = parse_number(text.substr(comma + 1));
    if (!lon || !lat || *lon < -180 || *lon > 180 || *lat < -90 || *lat > 90) return std::nullopt;
    return geo::LonLat{*lon, *lat};
}

std::variant<std::chrono::year_month_day, std::string> parse_day(std::string_view text) {
    const geo::DateParse parsed = geo::parse_date_range(text);
    if (!parsed.range) return parsed.error;
    // A month or a range would leave open which day the picture shows.
    const geo::DateRange& range = *parsed.range;
    if (range.first_precision != geo::DatePrecision::day || range.first != range.last)
        return "expected one day YYYY-MM-DD, not a year, month or range";
    return range.first;
}

bool is_language_tag(std::string_view text) {
    // Primary subtag of 2-3 lower-case letters, then optional subtags of 1-8 letters or digits (BCP 47's shape).
    std::size_t i = 0;
    while (i < text.size() && text[i] >= 'a' && text[i] <= 'z') ++i;
    if (i < 2 || i > 3) return false;
    while (i < text.size()) {
        if (text[i++] != '-') return false;
        const std::size_t start = i;
        while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])) != 0) ++i;
        if (i == start || i - start > 8) return false;
    }
    return true;
}

std::variant<MapViewOptions, std::string> resolve_view_arguments(const RawViewArguments& raw) {
    MapViewOptions options;
    geo::LonLat center = options.projection.center;
    if (!raw.center.empty()) {
        const auto c = parse_lon_lat(raw.center);
        if (!c) return "--center " + raw.center + ": expected LON,LAT with -180 <= LON <= 180, -90 <= LAT <= 90";
        center = *c;
        options.center_given = true;
    }
    auto spec = geo::parse_projection(raw.projection, center);
    if (auto* error = std::get_if<std::string>(&spec)) return "--projection: " + *error;
    options.projection = std::get<geo::ProjectionSpec>(spec);
    const auto zoom = parse_number(raw.zoom);
    if (!zoom || *zoom < -2 || *zoom > 24) return "--zoom " + raw.zoom + ": expected a number from -2 to 24";
    options.zoom = *zoom;
    if (!raw.layers.empty() && raw.layers != "all") {
        auto layers = parse_layers(raw.layers);
        if (auto* error = std::get_if<std::string>(&layers)) return "--layers: " + *error;
        options.layers = std::get<LayerSet>(layers);
    }
    if (!raw.detail.empty()) {
        const auto detail = geo::parse_detail(raw.detail);
        if (!detail) return "--detail " + raw.detail + ": expected 110m, 50m or 10m";
        options.detail = *detail;
    }
    if (!raw.assets.empty()) options.assets = raw.assets;
    return options;
}

}  // namespace diplomap

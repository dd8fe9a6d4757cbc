#pragma once
// The line at the bottom of the window: where the cursor points, and what the map is showing.
#include <optional>
#include <string>
#include <string_view>

#include "geo/map/sphere.hpp"

namespace diplomap {

struct StatusBarContent {
    std::optional<geo::LonLat> cursor;  // nullopt when the cursor is off the map
    std::string projection;
    std::string_view detail;
    double zoom = 0;
    double last_build_ms = 0;
    bool loading = false;
    std::string error;
    std::string_view language = "en";  // of the words on the line
    std::string notice;                // what just happened (a picture saved, an export running or written)
    bool notice_failed = false;
};

float status_bar_height();
void draw_status_bar(const StatusBarContent& content);

// "38.50°N 127.50°E"
std::string format_lon_lat(geo::LonLat p);

}  // namespace diplomap

#pragma once
// "Add place": a field that lists the gazetteer's cities as the author types (in the story's language, by prefix,
// ignoring case and accents, the largest first). Up and Down move through the matches, Enter or a click picks one.
#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/style/translations.hpp"
#include "geo/draft/gazetteer.hpp"

namespace diplomap {

class PlaceSearchField {
public:
    // Draws the field and its matches; returns the city picked in this frame.
    std::optional<geo::GazetteerCity> draw(geo::Gazetteer& gazetteer, std::string_view language, UiLanguage ui);
    // The field takes the keyboard on the next draw.
    void focus() { focus_ = true; }
    // Where the field was drawn in the last frame (its middle, window points), for window tests.
    [[nodiscard]] ImVec2 field_point() const { return field_point_; }

private:
    std::string text_;
    std::string searched_;  // the text the matches are for
    std::vector<geo::GazetteerCity> matches_;
    std::size_t highlighted_ = 0;
    bool focus_ = false;
    ImVec2 field_point_;
};

}  // namespace diplomap

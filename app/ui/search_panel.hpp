#pragma once
// Finding a place or person by part of its name in any of the story's languages (geo/story/story_search.hpp) and jumping
// to it: a place is selected and flown to, a person's place too, and the People panel opens at them.
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "app/ui/panel_layout.hpp"
#include "geo/story/selection_model.hpp"
#include "geo/story/story_search.hpp"

namespace diplomap {

class SearchPanel {
public:
    // `focus_person`: set when the reader jumps to a person. `take_focus`: put the keyboard in the field (Ctrl+F).
    void draw(const geo::Story& story, const geo::StorySearch& search, geo::SelectionModel& selection,
              std::string_view language, std::optional<std::size_t>& focus_person, bool take_focus, bool& open,
              PanelRects& rects);

    // For tests and the window: what is typed, and the hits for it.
    [[nodiscard]] std::string_view query() const { return query_.data(); }
    [[nodiscard]] const std::vector<geo::SearchHit>& hits() const { return hits_; }

private:
    void jump(const geo::Story& story, const geo::SearchHit& hit, geo::SelectionModel& selection,
              std::optional<std::size_t>& focus_person);

    std::array<char, 128> query_{};
    std::string searched_;  // the query the hits are for; the search reruns only when the text changes
    const geo::StorySearch* searched_in_ = nullptr;
    std::vector<geo::SearchHit> hits_;
};

}  // namespace diplomap

#pragma once
// The editor's panel in the right column (where exploring shows people and layers): the tools, "Add place" with
// the gazetteer's type-ahead, undo, redo and save, and the properties of what is selected (a place, a relation, a
// route, an excerpt), the people and the story's own fields. Changes of a property go straight to the document as
// one undoable step each; what needs the map or the window (tools, saving, deleting, a new slide) is asked of the
// edit mode through EditPanelRequests.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/style/translations.hpp"
#include "app/ui/panel_layout.hpp"
#include "app/ui/place_search_field.hpp"
#include "geo/draft/gazetteer.hpp"
#include "geo/edit/story_document.hpp"
#include "geo/story/selection_model.hpp"

namespace diplomap {

// What the panel shows of the edit mode's state.
struct EditPanelStatus {
    bool route_tool = false;
    std::size_t route_points = 0;
    std::string message;  // the outcome of the last edit or save
    bool message_is_error = false;
};

struct EditPanelRequests {
    std::optional<bool> route_tool;  // switch the route tool on or off
    bool finish_route = false;
    bool cancel_route = false;
    bool undo = false, redo = false, save = false;
    bool delete_selected = false;
    bool add_slide = false;
    bool leave = false;
    std::optional<geo::GazetteerCity> add_city;
    // An edit the panel made itself: its outcome, for the status line (the story on the map must follow).
    std::optional<geo::EditResult> edited;
};

class EditPanel {
public:
    // `document_version` changes with every step of the document (edits, undo, redo), so the panel's fields are
    // filled again; `active_excerpt` is the excerpt selected in the article, if any. Place rects[Panel::people]
    // holds the panel (it takes the right column whole).
    EditPanelRequests draw(geo::StoryDocument& document, std::uint64_t document_version,
                           const geo::SelectionModel& selection, geo::Gazetteer& gazetteer,
                           const EditPanelStatus& status, PanelRects& rects, UiLanguage ui);

    PlaceSearchField& place_search() { return place_search_; }
    [[nodiscard]] const PlaceSearchField& place_search() const { return place_search_; }
    // Where "Add slide from this view" was in the last frame (its middle, window points), for window tests.
    [[nodiscard]] ImVec2 add_slide_point() const { return add_slide_point_; }

private:
    void refill(const geo::StoryDocument& document, const geo::SelectionModel& selection);
    void draw_place(geo::StoryDocument& document, std::size_t index, EditPanelRequests& requests, UiLanguage ui);
    void draw_relation(geo::StoryDocument& document, std::size_t index, EditPanelRequests& requests, UiLanguage ui);
    void draw_route(geo::StoryDocument& document, std::size_t index, EditPanelRequests& requests, UiLanguage ui);
    void draw_excerpt(geo::StoryDocument& document, std::size_t index, EditPanelRequests& requests, UiLanguage ui);
    void draw_people(geo::StoryDocument& document, EditPanelRequests& requests, UiLanguage ui);
    void draw_story_fields(geo::StoryDocument& document, EditPanelRequests& requests, UiLanguage ui);

    PlaceSearchField place_search_;
    ImVec2 add_slide_point_;
    // The fields' texts, filled from the document whenever it or the selection changes (and no field is active).
    std::uint64_t filled_version_ = ~std::uint64_t{0};
    std::uint64_t filled_selection_ = ~std::uint64_t{0};
    std::optional<std::size_t> filled_excerpt_;
    std::string name_, name_en_, date_, label_, translation_;
    std::vector<std::string> person_names_, person_roles_;
    std::string new_person_;
    std::string title_, title_en_, story_date_, source_;
};

}  // namespace diplomap

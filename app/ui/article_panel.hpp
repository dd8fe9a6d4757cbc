#pragma once
// The article beside the map: title, date, datelines and source; the excerpts in article order with speaker and
// place, in the original, the English translation or both side by side; and the full text with the quoted
// passages marked, where the reader can select and copy (and, editing, make an excerpt of the selection). Clicking an excerpt selects its relation (the window then flies the camera there); a selection
// made on the map scrolls the panel to its excerpts and highlights them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/style/translations.hpp"
#include "app/ui/article_language.hpp"
#include "app/ui/article_text_view.hpp"
#include "app/ui/panel_layout.hpp"
#include "geo/story/selection_model.hpp"
#include "geo/story/story.hpp"

namespace diplomap {

class ArticlePanel {
public:
    // `story_version` changes whenever the story is replaced, so cached layouts are rebuilt. `panel_language`
    // ("de" or "en") is the language of the panel's own words, as for the other panels.
    void draw(const geo::Story& story, std::uint64_t story_version, geo::SelectionModel& selection,
              ArticleLanguage& language, bool& open, PanelRects& rects, std::string_view panel_language = "en");

    // Where an excerpt stood in the Excerpts tab in the last frame it was drawn (screen points); for tests.
    [[nodiscard]] std::optional<PanelRect> excerpt_rect(std::size_t excerpt) const {
        return excerpt < excerpt_rects_.size() && excerpt_rects_[excerpt].shown ? std::optional(excerpt_rects_[excerpt])
                                                                                : std::nullopt;
    }
    // The visible part of the Excerpts tab in the last frame (screen points).
    [[nodiscard]] const PanelRect& excerpts_view() const { return excerpts_view_; }

    // The full text, where the reader selects (a view of the program's own: app/ui/article_text_view.hpp).
    ArticleTextView& text_view() { return text_view_; }
    [[nodiscard]] const ArticleTextView& text_view() const { return text_view_; }
    // Editing: the Full text tab comes forward and offers to make an excerpt of the selection.
    void set_editing(bool editing) {
        if (editing && !editing_) show_full_text_ = true;
        editing_ = editing;
    }
    // Where the "Make excerpt" button was in the last frame (its middle, screen points), for window tests.
    [[nodiscard]] ImVec2 make_excerpt_point() const { return make_excerpt_point_; }
    // The selection the author asked to make an excerpt of (once).
    std::optional<ByteRange> take_excerpt_request() {
        std::optional<ByteRange> request = excerpt_request_;
        excerpt_request_.reset();
        return request;
    }

private:
    void rebuild(const geo::Story& story, std::uint64_t story_version);
    void draw_header(const geo::Story& story, ArticleLanguage& language);
    void draw_excerpts(const geo::Story& story, geo::SelectionModel& selection, ArticleLanguage language);
    void draw_full_text(const geo::Story& story, geo::SelectionModel& selection);

    UiLanguage ui_ = UiLanguage::en;  // of the panel's own words, as of the last draw()
    std::uint64_t story_version_ = ~std::uint64_t{0};
    std::vector<std::size_t> order_;          // excerpts in article order
    std::vector<std::string> excerpt_where_;  // per excerpt: "speaker, role · place"
    ArticleTextView text_view_;
    std::vector<TextHighlight> highlights_;  // the quotations' backgrounds, refilled every frame without allocating
    bool editing_ = false;
    bool show_full_text_ = false;  // the Full text tab is brought forward on the next draw
    std::optional<ByteRange> excerpt_request_;
    ImVec2 make_excerpt_point_;
    std::vector<PanelRect> excerpt_rects_;
    PanelRect excerpts_view_;
    std::optional<std::size_t> scroll_to_;  // excerpt to bring into view in the visible tab
    int scroll_frames_ = 0;                 // both tabs get a frame to take the scroll
};

}  // namespace diplomap

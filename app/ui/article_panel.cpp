#include "app/ui/article_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/style/relation_style.hpp"
#include "app/ui/ui_colors.hpp"

namespace diplomap {
namespace {

constexpr UiText kLanguageNames[] = {UiText::article_original, UiText::article_english, UiText::article_both};

bool added_relation_of(const geo::Story& story, std::size_t excerpt) {
    for (const geo::Relation& r : story.relations)
        if (r.added && std::find(r.excerpts.begin(), r.excerpts.end(), excerpt) != r.excerpts.end()) return true;
    return false;
}

}  // namespace

void ArticlePanel::rebuild(const geo::Story& story, std::uint64_t story_version) {
    story_version_ = story_version;
    order_ = geo::excerpts_in_article_order(story);
    excerpt_where_.assign(story.excerpts.size(), {});
    for (std::size_t e = 0; e < story.excerpts.size(); ++e) {
        const geo::Excerpt& excerpt = story.excerpts[e];
        std::string& where = excerpt_where_[e];
        if (excerpt.speaker && *excerpt.speaker < story.people.size()) {
            const geo::Person& person = story.people[*excerpt.speaker];
            where = person.name;
            if (person.role) where += ", " + person.role->get("de");
            if (person.place) where += " · " + story.places[*person.place].map_label("de");
        } else if (auto r = geo::relation_of_excerpt(story, e)) {
            const geo::Relation& relation = story.relations[*r];
            where = story.places[relation.from_place].map_label("de");
            if (relation.to_place != relation.from_place)
                where += " → " + story.places[relation.to_place].map_label("de");
        }
    }
    excerpt_rects_.assign(story.excerpts.size(), {});
}

void ArticlePanel::draw_header(const geo::Story& story, ArticleLanguage& language) {
    const bool original = language != ArticleLanguage::translation;
    const bool translated = language != ArticleLanguage::original;
    ImGui::PushTextWrapPos(0.0F);
    if (original) ImGui::TextUnformatted(story.meta.title.get(story.meta.language).c_str());
    if (translated && story.meta.title.has("en")) {
        if (original) ImGui::PushStyleColor(ImGuiCol_Text, ui_colors::kSubtle);
        ImGui::TextUnformatted(story.meta.title.get("en").c_str());
        if (original) ImGui::PopStyleColor();
    }
    std::string line = story.meta.date.text;
    for (const std::string& place : story.meta.datelines) line += (line.empty() ? "" : " · ") + place;
    ImGui::TextDisabled("%s", line.c_str());
    if (!story.meta.source.empty()) ImGui::TextDisabled("%s", story.meta.source.c_str());
    ImGui::PopTextWrapPos();
    int choice = static_cast<int>(language);
    for (int i = 0; i < 3; ++i) {
        if (i > 0) ImGui::SameLine();
        const std::string name = std::string(tr(kLanguageNames[i], ui_)) + "###article-language-" + std::to_string(i);
        if (ImGui::RadioButton(name.c_str(), &choice, i)) language = static_cast<ArticleLanguage>(choice);
    }
}

void ArticlePanel::draw_excerpts(const geo::Story& story, geo::SelectionModel& selection, ArticleLanguage language) {
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const ImVec2 view_min = ImGui::GetWindowPos(), view_size = ImGui::GetWindowSize();
    excerpts_view_ = {view_min.x, view_min.y, view_min.x + view_size.x, view_min.y + view_size.y, true};
    for (std::size_t e : order_) {
        const geo::Excerpt& excerpt = story.excerpts[e];
        ImGui::PushID(static_cast<int>(e));
        list.ChannelsSplit(2);
        list.ChannelsSetCurrent(1);
        const ImVec2 start = ImGui::GetCursorScreenPos();
        ImGui::BeginGroup();
        if (!excerpt_where_[e].empty()) ImGui::TextDisabled("%s", excerpt_where_[e].c_str());
        const float x0 = ImGui::GetCursorPosX();
        const bool both = language == ArticleLanguage::both && excerpt.translation.has("en");
        const float half = both ? 0.5F * (width - spacing) : width;
        if (language != ArticleLanguage::translation || !excerpt.translation.has("en")) {
            ImGui::BeginGroup();
            ImGui::PushTextWrapPos(x0 + half);
            ImGui::TextUnformatted(excerpt.text.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndGroup();
            if (both) ImGui::SameLine(x0 + half + spacing);
        }
        if (language != ArticleLanguage::original && excerpt.translation.has("en")) {
            ImGui::BeginGroup();
            ImGui::PushTextWrapPos(x0 + width);
            ImGui::PushStyleColor(ImGuiCol_Text, both ? ui_colors::kSubtle : ImGui::GetStyleColorVec4(ImGuiCol_Text));
            ImGui::TextUnformatted(excerpt.translation.get("en").c_str());
            ImGui::PopStyleColor();
            ImGui::PopTextWrapPos();
            ImGui::EndGroup();
        }
        if (added_relation_of(story, e))
            ImGui::TextColored(ui_colors::kAdded, "%s", tr(UiText::article_quoted_for_added, ui_));
        ImGui::EndGroup();
        const ImVec2 end(start.x + width, ImGui::GetItemRectMax().y);
        excerpt_rects_[e] = {start.x, start.y, end.x, end.y, true};
        const bool hovered = ImGui::IsMouseHoveringRect(start, end) && ImGui::IsWindowHovered();
        list.ChannelsSetCurrent(0);
        const ImU32 fill = selection.active_excerpt() == e ? ui_colors::kActive
                           : selection.highlighted(e)      ? ui_colors::kHighlight
                           : hovered                       ? ui_colors::kHover
                                                           : 0;
        if (fill != 0) list.AddRectFilled(ImVec2(start.x - 4, start.y - 2), ImVec2(end.x + 2, end.y + 2), fill, 3.0F);
        list.ChannelsMerge();
        if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) selection.select_excerpt(story, e);
        if (scroll_to_ == e) ImGui::SetScrollHereY(0.15F);
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::PopID();
    }
}

void ArticlePanel::draw_full_text(const geo::Story& story, geo::SelectionModel& selection) {
    if (editing_) {
        const std::optional<ByteRange> range = text_view_.selection();
        ImGui::BeginDisabled(!range);
        if (ImGui::Button(tr(UiText::edit_make_excerpt, ui_))) excerpt_request_ = range;
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        make_excerpt_point_ = ImVec2(0.5F * (min.x + max.x), 0.5F * (min.y + max.y));
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr(range ? UiText::edit_selection_hint : UiText::edit_select_hint, ui_));
        ImGui::Separator();
    }
    if (ImGui::BeginChild("full-text", ImVec2(0, 0), false)) {
        if (scroll_to_ && *scroll_to_ < story.excerpts.size())
            text_view_.scroll_to(story.excerpts[*scroll_to_].article_begin);
        highlights_.clear();
        for (std::size_t e : order_) {
            const geo::Excerpt& x = story.excerpts[e];
            const ImU32 fill = selection.active_excerpt() == e ? ui_colors::kActive
                               : selection.highlighted(e)      ? ui_colors::kHighlight
                                                               : ui_colors::kQuoted;
            highlights_.push_back({x.article_begin, x.article_end, fill});
        }
        text_view_.draw(story.article_text, story_version_, highlights_);
        // The quotation under the pointer, if any: a tooltip with who says it and its translation; a click shows it.
        std::optional<std::size_t> hovered_excerpt;
        if (const auto at = text_view_.hovered(); at && !text_view_.selecting())
            for (std::size_t e : order_)
                if (story.excerpts[e].article_begin <= *at && *at < story.excerpts[e].article_end) hovered_excerpt = e;
        if (hovered_excerpt) {
            const geo::Excerpt& x = story.excerpts[*hovered_excerpt];
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26.0F);
            if (!excerpt_where_[*hovered_excerpt].empty())
                ImGui::TextDisabled("%s", excerpt_where_[*hovered_excerpt].c_str());
            if (x.translation.has("en")) ImGui::TextUnformatted(x.translation.get("en").c_str());
            ImGui::TextDisabled("%s", tr(UiText::article_click_to_show, ui_));
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        if (const auto at = text_view_.clicked())
            for (std::size_t e : order_)
                if (story.excerpts[e].article_begin <= *at && *at < story.excerpts[e].article_end)
                    selection.select_excerpt(story, e);
    }
    ImGui::EndChild();
}

void ArticlePanel::draw(const geo::Story& story, std::uint64_t story_version, geo::SelectionModel& selection,
                        ArticleLanguage& language, bool& open, PanelRects& rects, std::string_view panel_language) {
    ui_ = ui_language(panel_language);
    if (story_version != story_version_) rebuild(story, story_version);
    if (auto request = selection.take_scroll_request()) {
        scroll_to_ = request;
        scroll_frames_ = 2;
    }
    if (!open) return;
    const int fixed = place_panel(rects, Panel::article);
    if (!ImGui::Begin(window_title(UiText::panel_article, "article", ui_).c_str(), &open, fixed)) {
        report_panel_rect(rects, Panel::article);
        ImGui::End();
        return;
    }
    report_panel_rect(rects, Panel::article);
    draw_header(story, language);
    if (ImGui::BeginTabBar("article-tabs")) {
        if (ImGui::BeginTabItem(window_title(UiText::article_excerpts, "excerpts", ui_).c_str())) {
            if (ImGui::BeginChild("excerpts", ImVec2(0, 0), false)) draw_excerpts(story, selection, language);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        const ImGuiTabItemFlags bring_forward = show_full_text_ ? ImGuiTabItemFlags_SetSelected : 0;
        show_full_text_ = false;
        if (ImGui::BeginTabItem(window_title(UiText::article_full_text, "full-text", ui_).c_str(), nullptr,
                                bring_forward)) {
            draw_full_text(story, selection);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
    if (scroll_frames_ > 0 && --scroll_frames_ == 0) scroll_to_.reset();
}

}  // namespace diplomap

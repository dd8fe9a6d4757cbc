#include "app/ui/article_text_view.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>

namespace diplomap {
namespace {

// The advance ImGui's own text drawing uses for each glyph, so that hit-tests land where the glyphs are.
struct FontAdvance {
    const ImFont* font = nullptr;
    float scale = 1.0F;
    float operator()(char32_t c) const {
        return (c < 0x10000 ? font->GetCharAdvance(static_cast<ImWchar>(c)) : font->FallbackAdvanceX) * scale;
    }
};

FontAdvance current_font_advance() {
    const ImFont* font = ImGui::GetFont();
    return {font, ImGui::GetFontSize() / font->FontSize};
}

}  // namespace

void ArticleTextView::lay_out(std::string_view text, std::uint64_t version, float width) {
    const ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    if (version == version_ && width == width_ && size == font_size_ && font == font_) return;
    version_ = version;
    width_ = width;
    font_size_ = size;
    font_ = font;
    lines_ = wrap_text(text, width, current_font_advance());
    anchor_ = std::min(anchor_, text.size());
    caret_ = std::min(caret_, text.size());
}

std::optional<ByteRange> ArticleTextView::selection() const {
    if (anchor_ == caret_) return std::nullopt;
    return ByteRange{std::min(anchor_, caret_), std::max(anchor_, caret_)};
}

void ArticleTextView::select(std::size_t begin, std::size_t end) {
    anchor_ = snap_to_character(text_, begin);
    caret_ = snap_to_character(text_, end);
}

std::size_t ArticleTextView::offset_at(ImVec2 point) const {
    if (lines_.empty() || line_height_ <= 0) return 0;
    if (point.y < origin_.y) return lines_.front().begin;
    const auto line = static_cast<std::size_t>(std::floor((point.y - origin_.y) / line_height_));
    if (line >= lines_.size()) return lines_.back().end;
    return offset_at_x(text_, lines_[line], point.x - origin_.x, current_font_advance());
}

std::optional<ImVec2> ArticleTextView::screen_position(std::size_t offset) const {
    if (lines_.empty()) return std::nullopt;
    const std::size_t line = line_of(lines_, offset);
    const ImVec2 at(origin_.x + x_of(text_, lines_[line], offset, current_font_advance()),
                    origin_.y + static_cast<float>(line) * line_height_);
    if (at.y < visible_min_.y || at.y + line_height_ > visible_max_.y) return std::nullopt;
    return at;
}

void ArticleTextView::handle_mouse(std::string_view text) {
    hovered_.reset();
    clicked_.reset();
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;
    const bool over = ImGui::IsWindowHovered() && mouse.x >= visible_min_.x && mouse.x < visible_max_.x &&
                      mouse.y >= visible_min_.y && mouse.y < visible_max_.y;
    const FontAdvance advance = current_font_advance();
    if (over && mouse.y >= origin_.y) {
        const auto line = static_cast<std::size_t>(std::floor((mouse.y - origin_.y) / line_height_));
        if (line < lines_.size()) hovered_ = character_at_x(text, lines_[line], mouse.x - origin_.x, advance);
    }
    if (over && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const std::size_t at = offset_at(mouse);
        const int count = ImGui::GetMouseClickedCount(ImGuiMouseButton_Left);
        moved_ = count >= 2;
        if (count == 2) {
            std::tie(anchor_, caret_) = word_at(text, hovered_.value_or(at));
        } else if (count >= 3) {
            std::tie(anchor_, caret_) = paragraph_at(text, at);
        } else if (io.KeyShift) {
            caret_ = at;
            moved_ = true;
        } else {
            anchor_ = caret_ = at;
        }
        selecting_ = true;
    } else if (selecting_ && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        // A drag past the top or bottom scrolls the text under the hand.
        if (mouse.y < visible_min_.y) ImGui::SetScrollY(std::max(0.0F, ImGui::GetScrollY() - line_height_));
        if (mouse.y > visible_max_.y)
            ImGui::SetScrollY(std::min(ImGui::GetScrollMaxY(), ImGui::GetScrollY() + line_height_));
        // A double-click's word stays until the hand really drags.
        if (ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
            caret_ = offset_at(mouse);
            moved_ = true;
        }
    }
    if (selecting_ && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        selecting_ = false;
        if (!moved_ && anchor_ == caret_) clicked_ = hovered_;
    }
    if (const auto range = selection();
        range && ImGui::IsWindowFocused() && io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_C), false)) {
        const std::string copied(text.substr(range->first, range->second - range->first));
        ImGui::SetClipboardText(copied.c_str());
    }
}

void ArticleTextView::draw(std::string_view text, std::uint64_t version, const std::vector<TextHighlight>& highlights) {
    const float width = std::max(ImGui::GetContentRegionAvail().x, 1.0F);
    text_ = text;
    lay_out(text, version, width);
    const FontAdvance advance = current_font_advance();
    line_height_ = ImGui::GetTextLineHeightWithSpacing();
    if (scroll_to_) {
        const std::size_t line = line_of(lines_, *scroll_to_);
        ImGui::SetScrollY(std::max(0.0F, static_cast<float>(line) * line_height_ - ImGui::GetWindowHeight() * 0.15F));
        scroll_to_.reset();
    }
    origin_ = ImGui::GetCursorScreenPos();
    visible_min_ = ImGui::GetWindowPos();
    visible_max_ = ImVec2(visible_min_.x + ImGui::GetWindowSize().x, visible_min_.y + ImGui::GetWindowSize().y);
    handle_mouse(text);

    ImDrawList& list = *ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 selection_color = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
    const std::optional<ByteRange> selected = selection();
    const float space = advance(' ');
    // Only the lines in view are drawn: the layout is cached, so a frame costs the visible lines and nothing else.
    const auto first =
        static_cast<std::size_t>(std::max(0.0F, std::floor((visible_min_.y - origin_.y) / line_height_)));
    const auto last =
        std::min(lines_.size(),
                 static_cast<std::size_t>(std::max(0.0F, std::ceil((visible_max_.y - origin_.y) / line_height_))));
    const auto band = [&](const WrappedLine& line, std::size_t begin, std::size_t end, float top, ImU32 color,
                          bool past_end) {
        const float x0 = origin_.x + x_of(text, line, std::max<std::size_t>(begin, line.begin), advance);
        float x1 = origin_.x + x_of(text, line, std::min<std::size_t>(end, line.end), advance);
        if (past_end && end > line.end) x1 += space;  // the line's break is part of the range
        if (x1 > x0) list.AddRectFilled(ImVec2(x0, top), ImVec2(x1, top + line_height_ - 1.0F), color);
    };
    for (std::size_t l = first; l < last; ++l) {
        const WrappedLine& line = lines_[l];
        const float top = origin_.y + static_cast<float>(l) * line_height_;
        for (const TextHighlight& h : highlights)
            if (h.begin < line.end && h.end > line.begin) band(line, h.begin, h.end, top, h.color, false);
        if (selected && selected->first < line.next && selected->second > line.begin)
            band(line, selected->first, selected->second, top, selection_color, true);
        if (line.end > line.begin)
            list.AddText(font, size, ImVec2(origin_.x, top), text_color, text.data() + line.begin,
                         text.data() + line.end);
    }
    ImGui::Dummy(ImVec2(
        width, std::max(1.0F, static_cast<float>(lines_.size()) * line_height_ - ImGui::GetStyle().ItemSpacing.y)));
}

}  // namespace diplomap

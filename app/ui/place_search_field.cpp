#include "app/ui/place_search_field.hpp"

#include <cstdio>

#include "app/ui/text_field.hpp"

namespace diplomap {
namespace {

constexpr std::size_t kMatches = 8;

// "Pjöngjang · Pjöngjang, Nordkorea · 3222000": what tells two cities of one name apart.
std::string describe(const geo::GazetteerCity& city) {
    std::string text = city.name;
    std::string where = city.region;
    if (!city.country.empty()) where += (where.empty() ? "" : ", ") + city.country;
    if (!where.empty()) text += " · " + where;
    if (city.population > 0) text += " · " + std::to_string(city.population);
    return text;
}

}  // namespace

std::optional<geo::GazetteerCity> PlaceSearchField::draw(geo::Gazetteer& gazetteer, std::string_view language,
                                                         UiLanguage ui) {
    std::optional<geo::GazetteerCity> picked;
    if (focus_) {
        ImGui::SetKeyboardFocusHere();
        focus_ = false;
    }
    ImGui::SetNextItemWidth(-1);
    const bool entered = ImGui::InputTextWithHint(
        "##add-place", tr(UiText::edit_add_place_hint, ui), text_.data(), text_.capacity() + 1,
        ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_EnterReturnsTrue, grow_string, &text_);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    field_point_ = ImVec2(0.5F * (min.x + max.x), 0.5F * (min.y + max.y));
    const bool active = ImGui::IsItemActive();
    if (text_ != searched_) {
        searched_ = text_;
        matches_ = gazetteer.cities_starting_with(text_, language, kMatches);
        highlighted_ = 0;
    }
    if (active && !matches_.empty()) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)))
            highlighted_ = (highlighted_ + 1) % matches_.size();
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)))
            highlighted_ = (highlighted_ + matches_.size() - 1) % matches_.size();
    }
    if (entered && highlighted_ < matches_.size()) picked = matches_[highlighted_];
    for (std::size_t i = 0; i < matches_.size() && !picked; ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(describe(matches_[i]).c_str(), i == highlighted_)) picked = matches_[i];
        ImGui::PopID();
    }
    if (!text_.empty() && matches_.empty()) ImGui::TextDisabled("%s", tr(UiText::edit_no_city, ui));
    if (picked) {
        text_.clear();
        searched_.clear();
        matches_.clear();
    }
    return picked;
}

}  // namespace diplomap

#include "app/ui/timeline_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "app/style/translations.hpp"
#include "app/ui/timeline_labels.hpp"
#include "app/ui/ui_colors.hpp"

namespace diplomap {
namespace {

using std::chrono::year_month_day;

constexpr ImU32 kAxis = IM_COL32(170, 178, 190, 255);
constexpr ImU32 kEvent = IM_COL32(235, 240, 245, 255);
constexpr ImU32 kFuture = IM_COL32(20, 24, 30, 150);
constexpr ImU32 kHandle = IM_COL32(250, 205, 70, 255);

}  // namespace

std::string format_day(year_month_day day, std::string_view language) {
    char buffer[32];
    if (language == "de") {
        std::snprintf(buffer, sizeof buffer, "%02u.%02u.%04d", static_cast<unsigned>(day.day()),
                      static_cast<unsigned>(day.month()), static_cast<int>(day.year()));
    } else {
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(day.year()),
                      static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    }
    return buffer;
}

bool draw_timeline_panel(const geo::Story& story, const geo::TimelineScale& scale, TimelineState& state,
                         AnimationControls& animation, geo::SelectionModel& selection, std::string_view language,
                         bool& open, PanelRects& rects) {
    if (!open) return false;
    const auto before = state.as_of;
    const int fixed = place_panel(rects, Panel::timeline);
    if (!ImGui::Begin(window_title(UiText::panel_timeline, "timeline", ui_language(language)).c_str(), &open, fixed)) {
        report_panel_rect(rects, Panel::timeline);
        ImGui::End();
        return false;
    }
    report_panel_rect(rects, Panel::timeline);
    draw_animation_controls(animation, language);
    if (scale.empty()) {
        ImGui::TextDisabled("%s", tr(UiText::timeline_no_dates, language));
        ImGui::End();
        return false;
    }
    bool filter = state.as_of.has_value();
    if (ImGui::Checkbox((std::string(tr(UiText::timeline_as_of, language)) + "###as-of").c_str(), &filter))
        state.as_of = filter ? std::optional(scale.last()) : std::nullopt;
    ImGui::SameLine();
    if (state.as_of) {
        ImGui::TextUnformatted(format_day(*state.as_of, language).c_str());
    } else {
        ImGui::TextDisabled("%s", tr(UiText::timeline_everything, language));
    }
    ImGui::SameLine();
    // Steps from event to event, for readers who prefer keys to dragging.
    const auto& anchors = scale.anchors();
    if (ImGui::ArrowButton("##previous", ImGuiDir_Left)) {
        const year_month_day now = state.as_of.value_or(scale.last());
        auto it = std::lower_bound(anchors.begin(), anchors.end(), now);
        state.as_of = it == anchors.begin() ? anchors.front() : *std::prev(it);
    }
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) {
        if (state.as_of) {
            auto it = std::upper_bound(anchors.begin(), anchors.end(), *state.as_of);
            state.as_of = it == anchors.end() ? anchors.back() : *it;
        }
    }

    // The axis.
    const float font = ImGui::GetFontSize();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float height = std::max(avail.y, font * 3.6F);
    const float margin = font * 1.2F;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##axis", ImVec2(std::max(avail.x, 50.0F), height));
    const bool axis_hovered = ImGui::IsItemHovered();
    const bool axis_active = ImGui::IsItemActive();
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const float x0 = origin.x + margin, x1 = origin.x + std::max(avail.x, 50.0F) - margin;
    const float radius = font * 0.32F;
    // One row of labels above the axis, two below.
    const float axis_y = origin.y + radius + font * 1.45F;
    state.axis = {x0, origin.y, x1, origin.y + height, true};
    state.axis_y = axis_y;
    auto x_of = [&](year_month_day d) { return x0 + static_cast<float>(scale.position(d)) * (x1 - x0); };
    list.AddLine(ImVec2(x0, axis_y), ImVec2(x1, axis_y), kAxis, 2.0F);
    for (const year_month_day& d : anchors)
        list.AddLine(ImVec2(x_of(d), axis_y - 3), ImVec2(x_of(d), axis_y + 3), kAxis);

    const ImVec2 mouse = ImGui::GetIO().MousePos;
    std::optional<std::size_t> hovered_event;
    std::optional<std::size_t> hovered_label;  // a tooltip only: a press on a label still scrubs
    // Labels first, in staggered rows above and below the axis (app/ui/timeline_labels.hpp), as many rows as
    // the panel's height holds.
    std::vector<float> markers;
    std::vector<std::string> texts;
    for (const geo::TimelineEvent& e : story.timeline) {
        markers.push_back(x_of(e.date.first));
        texts.push_back(e.label.get(language));
    }
    const float row_height = font * 1.25F;
    const std::array<float, 3> row_y = {axis_y - radius - font * 1.3F, axis_y + radius + font * 0.3F,
                                        axis_y + radius + font * 0.3F + row_height};
    TimelineLabelOptions label_options;
    label_options.rows = row_y[2] + font <= origin.y + height ? 3 : 2;
    label_options.axis_right = x1 + margin;
    label_options.gap = font * 0.6F;
    label_options.lead = radius;
    const auto labels = layout_timeline_labels(markers, texts, label_options, [](std::string_view text) {
        return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
    });
    // Events: a dot, or a bar across a range.
    for (std::size_t i = 0; i < story.timeline.size(); ++i) {
        const geo::TimelineEvent& e = story.timeline[i];
        const float xa = markers[i], xb = x_of(e.date.last);
        const ImU32 color = e.added ? ImGui::ColorConvertFloat4ToU32(ui_colors::kAdded) : kEvent;
        if (xb - xa > 2 * radius)
            list.AddRectFilled(ImVec2(xa, axis_y - radius * 0.6F), ImVec2(xb, axis_y + radius * 0.6F), color, radius);
        if (e.added) {
            list.AddCircleFilled(ImVec2(xa, axis_y), radius, IM_COL32(30, 30, 30, 255), 16);
            list.AddCircle(ImVec2(xa, axis_y), radius, color, 16, 2.0F);
        } else {
            list.AddCircleFilled(ImVec2(xa, axis_y), radius, color, 16);
        }
        const TimelineLabel& label = labels[i];
        if (label.shown())
            list.AddText(ImVec2(label.left, row_y[static_cast<std::size_t>(label.row)]), color, label.text.c_str());
        if (axis_hovered && std::abs(mouse.x - xa) <= radius * 2 && std::abs(mouse.y - axis_y) <= font)
            hovered_event = i;
        // A cut label tells the rest in the tooltip, as the marker of a hidden one does.
        if (axis_hovered && label.shown() && mouse.x >= label.left && mouse.x <= label.right &&
            mouse.y >= row_y[static_cast<std::size_t>(label.row)] &&
            mouse.y <= row_y[static_cast<std::size_t>(label.row)] + font)
            hovered_label = i;
    }
    // What lies after the as-of date is dimmed, and the handle marks the day.
    if (state.as_of) {
        const float xh = x_of(*state.as_of);
        list.AddRectFilled(ImVec2(xh, origin.y), ImVec2(x1 + margin, origin.y + height), kFuture);
        list.AddLine(ImVec2(xh, origin.y + 2), ImVec2(xh, origin.y + height - 2), kHandle, 2.0F);
        list.AddTriangleFilled(ImVec2(xh - radius * 1.4F, origin.y), ImVec2(xh + radius * 1.4F, origin.y),
                               ImVec2(xh, origin.y + radius * 2), kHandle);
    }
    if (const auto tip = hovered_event ? hovered_event : hovered_label) {
        const geo::TimelineEvent& e = story.timeline[*tip];
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(font * 26.0F);
        ImGui::TextDisabled("%s", e.date.text.c_str());
        ImGui::TextUnformatted(e.label.get(language).c_str());
        if (e.place) ImGui::TextDisabled("%s", story.places[*e.place].names.get(language).c_str());
        if (e.added) {
            ImGui::TextColored(ui_colors::kAdded, "%s", tr(UiText::added_not_from_article, language));
            if (e.note) ImGui::TextUnformatted(e.note->get(language).c_str());
        }
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    if (axis_active && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        if (hovered_event && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            // A click on an event: the day it begins, and its place on the map.
            const geo::TimelineEvent& e = story.timeline[*hovered_event];
            state.as_of = e.date.first;
            if (e.place) selection.show(story, {geo::StoryItem::Kind::place, *e.place});
        } else if (!hovered_event || !ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            state.as_of = scale.day_at((mouse.x - x0) / std::max(x1 - x0, 1.0F));
        }
    }
    ImGui::End();
    return state.as_of != before;
}

}  // namespace diplomap

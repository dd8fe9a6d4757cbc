#include "app/render/story_overlay.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/style/relation_style.hpp"
#include "geo/story/story_line_position.hpp"

namespace diplomap {
namespace {

constexpr double kPulseSeconds = 2.4;
// At most one label per this many square points of the view, and never fewer than kMinLabels: a map with more
// names than that reads as a list, and each costs nine passes of its text (the halo).
constexpr float kLabelAreaPt = 20000.0F;
constexpr std::size_t kMinLabels = 40;
constexpr ImU32 kMarkerFill = IM_COL32(36, 52, 71, 255);
constexpr ImU32 kMarkerOutline = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kLabelText = IM_COL32(27, 38, 49, 255);
constexpr ImU32 kLabelHalo = IM_COL32(255, 255, 255, 215);
constexpr ImU32 kAddedText = IM_COL32(92, 99, 112, 255);
constexpr ImU32 kSelected = IM_COL32(255, 176, 0, 255);
constexpr Rgba kWhite = {1.0F, 1.0F, 1.0F, 1.0F};

// How much of its opacity a dimmed place keeps: it recedes, but the room still sees where it is.
constexpr float kDimmedAlpha = 0.3F;

// Fades the vertices added to `list` since `first_vertex`: whatever shapes a dimmed place drew recede together.
void fade_since(ImDrawList& list, int first_vertex, float alpha) {
    for (int v = first_vertex; v < list.VtxBuffer.Size; ++v) {
        ImU32& col = list.VtxBuffer[v].col;
        const auto a = static_cast<float>((col >> IM_COL32_A_SHIFT) & 0xFFU) * alpha;
        col = (col & ~IM_COL32_A_MASK) | (static_cast<ImU32>(a) << IM_COL32_A_SHIFT);
    }
}

bool is_dimmed(const StoryOverlayOptions& options, std::size_t place) {
    return place < options.dimmed_places.size() && options.dimmed_places[place] != 0;
}

ImU32 to_imgui(const Rgba& c, float alpha_scale = 1.0F) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(c[0], c[1], c[2], c[3] * alpha_scale));
}

int label_priority(const geo::Place& place) {
    int priority = 0;
    switch (place.role) {
        case geo::PlaceRole::capital: priority = 60; break;
        case geo::PlaceRole::city: priority = 50; break;
        case geo::PlaceRole::border_crossing: priority = 40; break;
        case geo::PlaceRole::institution: priority = 30; break;
        case geo::PlaceRole::venue: priority = 20; break;
        case geo::PlaceRole::station: priority = 10; break;
    }
    return place.main ? priority + 100 : priority;
}

// Shapes tell roles apart without colour: circles for cities, a diamond for the border, squares for venues and
// institutions.
void draw_marker_shape(ImDrawList& list, const geo::Place& place, ImVec2 c, float r, ImU32 fill, ImU32 outline,
                       float outline_width) {
    switch (place.role) {
        case geo::PlaceRole::border_crossing: {
            const ImVec2 top(c.x, c.y - r * 1.25F), right(c.x + r * 1.25F, c.y), bottom(c.x, c.y + r * 1.25F),
                left(c.x - r * 1.25F, c.y);
            list.AddQuadFilled(top, right, bottom, left, fill);
            list.AddQuad(top, right, bottom, left, outline, outline_width);
            break;
        }
        case geo::PlaceRole::venue:
        case geo::PlaceRole::institution:
            list.AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), fill, 1.5F);
            list.AddRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), outline, 1.5F, 0, outline_width);
            break;
        default:
            // As many segments as keep the outline within ImGui's error bound of the circle: a dozen at marker
            // sizes, where a fixed 24 doubled the cost of a map with hundreds of places for no visible difference.
            list.AddCircleFilled(c, r, fill, 0);
            list.AddCircle(c, r, outline, 0, outline_width);
            break;
    }
}

}  // namespace

float StoryOverlay::marker_radius(const geo::Place& place) {
    float r = 4.0F;
    switch (place.role) {
        case geo::PlaceRole::capital: r = 5.5F; break;
        case geo::PlaceRole::city: r = 4.5F; break;
        case geo::PlaceRole::border_crossing: r = 4.0F; break;
        case geo::PlaceRole::venue:
        case geo::PlaceRole::institution: r = 3.8F; break;
        case geo::PlaceRole::station: r = 3.0F; break;
    }
    return place.main ? r * 1.45F : r;
}

void StoryOverlay::draw(ImDrawList& list, const geo::Story& story, const geo::StoryGeometry& geometry,
                        const geo::StoryAnimation& animation, const Camera& camera,
                        const StoryOverlayOptions& options) {
    const float unit = 1.0F / options.pixels_per_unit;  // draw-list units per framebuffer pixel
    const float width = static_cast<float>(camera.width) * unit, height = static_cast<float>(camera.height) * unit;
    const float scale = options.ui_scale;
    radii_px_.assign(story.places.size(), 0.0);
    centres_.assign(story.places.size(), std::nullopt);
    for (std::size_t i = 0; i < story.places.size() && i < geometry.places.size(); ++i) {
        if (!geometry.places[i]) continue;
        const geo::XY px = camera.metres_to_pixel(*geometry.places[i]);
        const ImVec2 p(static_cast<float>(px.x) * unit, static_cast<float>(px.y) * unit);
        if (p.x >= -50 && p.y >= -50 && p.x <= width + 50 && p.y <= height + 50) centres_[i] = p;
    }
    auto on_screen = [&](std::size_t place) { return centres_[place]; };

    // Meetings and statements at one place: rings in their kind's colour round the marker.
    if (options.meetings) {
        std::vector<int>& rings = ring_count_;  // rings already drawn round each place
        rings.assign(story.places.size(), 0);
        for (const geo::Relation& relation : story.relations) {
            if (relation.from_place != relation.to_place) continue;
            if (((options.relation_kinds >> static_cast<unsigned>(relation.kind)) & 1U) == 0) continue;
            // A ring the date brings in fades in as an arc would draw itself; one it hides fades out.
            const geo::Presence presence = geo::presence_as_of(relation.date, options.as_of, options.seconds);
            if (!presence.visible()) continue;
            const auto c = on_screen(relation.from_place);
            if (!c) continue;
            const float r = (marker_radius(story.places[relation.from_place]) + 4.0F +
                             3.5F * static_cast<float>(rings[relation.from_place]++)) *
                            scale;
            const LineStyle& style = relation_style(relation.kind);
            const auto alpha = static_cast<float>(presence.drawn * presence.opacity) * (relation.added ? 0.55F : 1.0F);
            list.AddCircle(*c, r, to_imgui(style.color, alpha), 32, 2.0F * scale);
        }
    }

    if (options.markers) {
        const double phase =
            options.seconds ? std::fmod(std::max(*options.seconds, 0.0), kPulseSeconds) / kPulseSeconds : -1.0;
        for (std::size_t i = 0; i < story.places.size(); ++i) {
            const auto c = on_screen(i);
            if (!c) continue;
            const geo::Place& place = story.places[i];
            const float r = marker_radius(place) * scale;
            radii_px_[i] = r * options.pixels_per_unit;
            const int first_vertex = list.VtxBuffer.Size;
            if (place.main) {
                // A ring that grows and fades: the eye finds the heart of the story first.
                if (phase >= 0) {
                    const float grow = static_cast<float>(phase);
                    list.AddCircle(*c, r + (2.0F + 11.0F * grow) * scale,
                                   IM_COL32(36, 52, 71, static_cast<int>(150.0F * (1.0F - grow))), 32, 1.8F * scale);
                } else {
                    list.AddCircle(*c, r + 3.0F * scale, IM_COL32(36, 52, 71, 110), 32, 1.5F * scale);
                }
            }
            // Places the article does not name are hollow, as everything added to the story looks.
            const ImU32 fill = place.added ? IM_COL32(255, 255, 255, 235) : kMarkerFill;
            const ImU32 outline = place.added ? kMarkerFill : kMarkerOutline;
            draw_marker_shape(list, place, *c, r, fill, outline, 1.5F * scale);
            const geo::StoryItem item{geo::StoryItem::Kind::place, i};
            if (options.selection.selected == item)
                list.AddCircle(*c, r + 3.0F * scale, kSelected, 32, 2.5F * scale);
            else if (options.selection.hovered == item)
                list.AddCircle(*c, r + 3.0F * scale, IM_COL32(255, 255, 255, 230), 32, 2.0F * scale);
            if (is_dimmed(options, i)) fade_since(list, first_vertex, kDimmedAlpha);
        }
    }

    if (options.train) {
        for (std::size_t route = 0; route < story.routes.size(); ++route) {
            const auto along = animation.train_along(route, options.seconds);
            if (!along) continue;
            // Only on its route as drawn: not before the date shows it, nor ahead of the route drawing itself in,
            // and fading out with it.
            const geo::Presence presence =
                geo::presence_as_of(story.routes[route].date, options.as_of, options.seconds);
            if (!presence.visible() || *along > presence.drawn) continue;
            const auto point = geo::point_on_line(geometry, story.relations.size() + route, *along);
            if (!point) continue;
            const geo::XY px = camera.metres_to_pixel(point->position);
            const ImVec2 c(static_cast<float>(px.x) * unit, static_cast<float>(px.y) * unit);
            const LineStyle& style = route_style(false);
            const auto alpha = static_cast<float>(presence.opacity);
            list.AddCircleFilled(c, 7.0F * scale, to_imgui(style.color, alpha), 24);
            list.AddCircle(c, 7.0F * scale, to_imgui(kWhite, alpha), 24, 2.0F * scale);
            list.AddCircleFilled(c, 2.2F * scale, to_imgui(kWhite, alpha), 12);
        }
    }

    drawn_labels_.clear();
    if (options.labels) draw_labels(list, story, options, width, height);
}

void StoryOverlay::draw_labels(ImDrawList& list, const geo::Story& story, const StoryOverlayOptions& options,
                               float width, float height) {
    ImFont* font = ImGui::GetFont();
    const float scale = options.ui_scale;
    candidates_.clear();
    candidate_place_.clear();
    for (std::size_t i = 0; i < story.places.size(); ++i) {
        if (!centres_[i]) continue;
        const geo::Place& place = story.places[i];
        const std::string& text = place.map_label(options.language);
        const float size = (place.main ? 15.0F : 13.0F) * scale;
        const ImVec2 extent = font->CalcTextSizeA(size, 1e9F, 0.0F, text.c_str(), text.c_str() + text.size());
        const double radius = options.markers ? marker_radius(place) * scale + 1.0 : 2.0;
        candidates_.push_back(
            {centres_[i]->x, centres_[i]->y, radius, extent.x + 2.0, extent.y, label_priority(place)});
        candidate_place_.push_back(i);
    }
    const std::vector<geo::PlacedLabel>& placed = layout_.place(candidates_, width, height);
    // Placed in order of priority, each clear of those before it: the first ones are the most important.
    const std::size_t budget =
        std::max(kMinLabels, static_cast<std::size_t>(width * height / (kLabelAreaPt * scale * scale)));
    for (const geo::PlacedLabel& label : std::span(placed).first(std::min(budget, placed.size()))) {
        const std::size_t place_index = candidate_place_[label.candidate];
        const geo::Place& place = story.places[place_index];
        const std::string& text = place.map_label(options.language);
        const float size = (place.main ? 15.0F : 13.0F) * scale;
        const ImVec2 at(static_cast<float>(label.box.min_x) + 1.0F, static_cast<float>(label.box.min_y));
        const char* begin = text.c_str();
        const char* end = begin + text.size();
        // A halo of the text in white keeps it readable over land, sea and arcs alike.
        const float h = 1.0F * scale;
        const int first_vertex = list.VtxBuffer.Size;
        for (const ImVec2 d : {ImVec2(-h, 0), ImVec2(h, 0), ImVec2(0, -h), ImVec2(0, h), ImVec2(-h, -h), ImVec2(h, h),
                               ImVec2(-h, h), ImVec2(h, -h)})
            list.AddText(font, size, ImVec2(at.x + d.x, at.y + d.y), kLabelHalo, begin, end);
        list.AddText(font, size, at, place.added ? kAddedText : kLabelText, begin, end);
        if (is_dimmed(options, place_index)) fade_since(list, first_vertex, kDimmedAlpha);
        drawn_labels_.push_back({place_index, label.box});
    }
}

}  // namespace diplomap

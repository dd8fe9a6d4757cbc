#include "geo/story/selection_model.hpp"

#include <algorithm>
#include <numeric>
#include <utility>

namespace geo {
namespace {

bool item_exists(const Story& story, const StoryItem& item) {
    switch (item.kind) {
        case StoryItem::Kind::none: return true;
        case StoryItem::Kind::place: return item.index < story.places.size();
        case StoryItem::Kind::relation: return item.index < story.relations.size();
        case StoryItem::Kind::route: return item.index < story.routes.size();
    }
    return false;
}

void sort_in_article_order(const Story& story, std::vector<std::size_t>& excerpts) {
    std::sort(excerpts.begin(), excerpts.end(), [&](std::size_t a, std::size_t b) {
        return story.excerpts[a].article_begin != story.excerpts[b].article_begin
                   ? story.excerpts[a].article_begin < story.excerpts[b].article_begin
                   : a < b;
    });
    excerpts.erase(std::unique(excerpts.begin(), excerpts.end()), excerpts.end());
}

}  // namespace

std::vector<std::size_t> excerpts_in_article_order(const Story& story) {
    std::vector<std::size_t> order(story.excerpts.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    sort_in_article_order(story, order);
    return order;
}

std::vector<std::size_t> excerpts_of(const Story& story, const StoryItem& item) {
    std::vector<std::size_t> out;
    if (!item_exists(story, item)) return out;
    auto add_relation = [&](const Relation& r) { out.insert(out.end(), r.excerpts.begin(), r.excerpts.end()); };
    switch (item.kind) {
        case StoryItem::Kind::none: break;
        case StoryItem::Kind::relation: add_relation(story.relations[item.index]); break;
        case StoryItem::Kind::route:
            for (const Relation& r : story.relations)
                if (r.route == item.index) add_relation(r);
            break;
        case StoryItem::Kind::place:
            for (const Relation& r : story.relations)
                if (r.from_place == item.index || r.to_place == item.index) add_relation(r);
            for (std::size_t e = 0; e < story.excerpts.size(); ++e) {
                const auto& speaker = story.excerpts[e].speaker;
                if (speaker && *speaker < story.people.size() && story.people[*speaker].place == item.index)
                    out.push_back(e);
            }
            break;
    }
    out.erase(std::remove_if(out.begin(), out.end(), [&](std::size_t e) { return e >= story.excerpts.size(); }),
              out.end());
    sort_in_article_order(story, out);
    return out;
}

std::optional<std::size_t> relation_of_excerpt(const Story& story, std::size_t excerpt) {
    for (std::size_t r = 0; r < story.relations.size(); ++r) {
        const auto& list = story.relations[r].excerpts;
        if (std::find(list.begin(), list.end(), excerpt) != list.end()) return r;
    }
    return std::nullopt;
}

std::vector<std::size_t> quotes_of(const Story& story, std::size_t person) {
    std::vector<std::size_t> out;
    for (std::size_t e = 0; e < story.excerpts.size(); ++e)
        if (story.excerpts[e].speaker == person) out.push_back(e);
    sort_in_article_order(story, out);
    return out;
}

std::vector<LonLat> points_of(const Story& story, const StoryItem& item) {
    std::vector<LonLat> out;
    if (!item_exists(story, item)) return out;
    auto place = [&](std::size_t p) { out.push_back({story.places[p].lon, story.places[p].lat}); };
    switch (item.kind) {
        case StoryItem::Kind::none: break;
        case StoryItem::Kind::place: place(item.index); break;
        case StoryItem::Kind::relation: {
            const Relation& r = story.relations[item.index];
            place(r.from_place);
            if (r.to_place != r.from_place) place(r.to_place);
            break;
        }
        case StoryItem::Kind::route:
            for (const Waypoint& w : story.routes[item.index].waypoints) out.push_back({w.lon, w.lat});
            break;
    }
    return out;
}

void SelectionModel::set_selected(const Story& story, const StoryItem& item) {
    if (!(selection_.selected == item)) ++generation_;
    selection_.selected = item;
    highlighted_ = excerpts_of(story, item);
    highlighted_mask_.assign(story.excerpts.size(), 0);
    for (std::size_t e : highlighted_) highlighted_mask_[e] = 1;
}

void SelectionModel::select(const Story& story, const StoryItem& item, From from) {
    set_selected(story, item);
    active_excerpt_.reset();
    scroll_request_.reset();
    if (from == From::map && !highlighted_.empty()) scroll_request_ = highlighted_.front();
}

void SelectionModel::select_excerpt(const Story& story, std::size_t excerpt) {
    if (excerpt >= story.excerpts.size()) return;
    StoryItem item;
    if (auto relation = relation_of_excerpt(story, excerpt)) {
        item = {StoryItem::Kind::relation, *relation};
    } else if (const auto& speaker = story.excerpts[excerpt].speaker;
               speaker && *speaker < story.people.size() && story.people[*speaker].place) {
        item = {StoryItem::Kind::place, *story.people[*speaker].place};
    }
    set_selected(story, item);
    active_excerpt_ = excerpt;
    scroll_request_.reset();  // the reader is looking at it already
    if (!item.empty()) flight_request_ = item;
}

void SelectionModel::show(const Story& story, const StoryItem& item) {
    select(story, item, From::map);
    if (!item.empty()) flight_request_ = item;
}

void SelectionModel::clear() {
    if (!selection_.selected.empty()) ++generation_;
    selection_ = {};
    highlighted_.clear();
    std::fill(highlighted_mask_.begin(), highlighted_mask_.end(), 0);
    active_excerpt_.reset();
    scroll_request_.reset();
    flight_request_.reset();
}

void SelectionModel::story_replaced(const Story& story) {
    if (!item_exists(story, selection_.hovered)) selection_.hovered = {};
    const StoryItem selected = item_exists(story, selection_.selected) ? selection_.selected : StoryItem{};
    const std::optional<std::size_t> active =
        active_excerpt_ && *active_excerpt_ < story.excerpts.size() ? active_excerpt_ : std::nullopt;
    set_selected(story, selected);
    active_excerpt_ = active;
    scroll_request_.reset();
    flight_request_.reset();
}

std::optional<std::size_t> SelectionModel::take_scroll_request() {
    return std::exchange(scroll_request_, std::nullopt);
}

std::optional<StoryItem> SelectionModel::take_flight_request() { return std::exchange(flight_request_, std::nullopt); }

}  // namespace geo

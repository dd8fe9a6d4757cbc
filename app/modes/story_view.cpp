#include "app/modes/story_view.hpp"

#include <algorithm>

#include "geo/story/story_picking.hpp"

namespace diplomap {

std::variant<StoryView, std::string> StoryView::create() {
    auto renderer = StoryRenderer::create();
    if (auto* error = std::get_if<std::string>(&renderer)) return *error;
    return StoryView(std::move(std::get<StoryRenderer>(renderer)));
}

void StoryView::set_story(geo::Story story) {
    story_ = std::move(story);
    animation_.emplace(*story_);
    geometry_current_ = false;
    update_dimmed();  // indices may have moved with the new version of the story
}

void StoryView::clear_story() {
    story_.reset();
    animation_.reset();
    geometry_ = {};
    geometry_current_ = false;
}

void StoryView::set_projection(const geo::Projection& projection) {
    if (projection_ && projection_->spec() == projection.spec()) return;
    auto copy = geo::Projection::create(projection.spec());
    if (auto* p = std::get_if<geo::Projection>(&copy)) projection_.emplace(std::move(*p));
    geometry_current_ = false;
}

void StoryView::fit_geometry(const Camera& camera) {
    if (!story_ || !projection_) return;
    geo::StoryGeometryOptions options;
    // Zooming in beyond full detail changes nothing; within a factor 2 of the scale built for, chords stay within
    // twice the tolerance (0.4 px) of their curves, and a rebuild (a tenth of a second for 10,000 arcs) waits.
    const double full = geo::full_detail_pixels_per_metre(options);
    const double wanted = std::min(camera.pixels_per_metre, full);
    const bool near = geometry_scale_ > 0 && wanted <= 2.0 * geometry_scale_ && wanted >= 0.5 * geometry_scale_;
    if (geometry_current_ && (near || (wanted >= full && geometry_scale_ >= full))) return;
    options.pixels_per_metre = wanted;
    geometry_ = geo::build_story_geometry(*story_, *projection_, options);
    renderer_.upload(*story_, geometry_, *animation_);
    geometry_current_ = true;
    geometry_scale_ = wanted;
}
double StoryView::play_seconds() const {
    if (!story_) return 0.0;
    return geo::story_play_seconds(*story_, *animation_);
}

namespace {

geo::AsOf as_of(const StoryFrame& frame) { return {frame.as_of, frame.previous_as_of, frame.as_of_changed_seconds}; }

// Lines are the relations in story order, then the routes (story_geometry.hpp).
StoryDrawState draw_state(const StoryFrame& frame, std::size_t relations) {
    StoryDrawState state;
    state.as_of = as_of(frame);
    state.seconds = frame.seconds;
    state.arcs = frame.layers.has(Layer::Arcs);
    state.routes = frame.layers.has(Layer::Routes);
    state.relation_kinds = frame.relation_kinds;
    state.ui_scale = frame.ui_scale;
    auto line_of = [&](const geo::StoryItem& item) -> std::optional<std::size_t> {
        if (item.kind == geo::StoryItem::Kind::relation) return item.index;
        if (item.kind == geo::StoryItem::Kind::route) return relations + item.index;
        return std::nullopt;
    };
    state.highlighted_line = line_of(frame.selection.hovered);
    state.selected_line = line_of(frame.selection.selected);
    return state;
}

}  // namespace

void StoryView::set_focus(const std::optional<geo::SlideHighlight>& focus) {
    const bool same = focus.has_value() == focus_.has_value() &&
                      (!focus || (focus->places == focus_->places && focus->relations == focus_->relations &&
                                  focus->routes == focus_->routes));
    if (same) return;
    focus_ = focus;
    update_dimmed();
}

// A highlighted relation brings its two places, a highlighted route the places it stops at; all else dims.
void StoryView::update_dimmed() {
    ++dimmed_version_;
    dimmed_places_.clear();
    dimmed_lines_.clear();
    if (!focus_ || !story_) return;
    const geo::Story& story = *story_;
    dimmed_places_.assign(story.places.size(), 1);
    dimmed_lines_.assign(story.relations.size() + story.routes.size(), 1);
    const auto lit = [&](std::size_t place) {
        if (place < dimmed_places_.size()) dimmed_places_[place] = 0;
    };
    for (std::size_t p : focus_->places) lit(p);
    for (std::size_t r : focus_->relations) {
        if (r >= story.relations.size()) continue;
        dimmed_lines_[r] = 0;
        lit(story.relations[r].from_place);
        lit(story.relations[r].to_place);
    }
    for (std::size_t r : focus_->routes) {
        if (r >= story.routes.size()) continue;
        dimmed_lines_[story.relations.size() + r] = 0;
        for (const geo::Waypoint& w : story.routes[r].waypoints)
            if (w.place) lit(*w.place);
    }
}

void StoryView::draw_lines(const Camera& camera, const StoryFrame& frame, float opacity) {
    if (!story_ || !projection_) return;
    if (!frame.layers.has(Layer::Arcs) && !frame.layers.has(Layer::Routes)) return;
    fit_geometry(camera);
    StoryDrawState state = draw_state(frame, story_->relations.size());
    state.dimmed_lines = dimmed_lines_;
    state.dimmed_version = dimmed_version_;
    renderer_.draw(camera, state, frame.pixel_ratio, opacity);
}

void StoryView::draw_marks(ImDrawList& list, const Camera& camera, const StoryFrame& frame) {
    if (!story_ || !projection_) return;
    fit_geometry(camera);
    StoryOverlayOptions options;
    options.as_of = as_of(frame);
    options.language = frame.language;
    options.seconds = frame.seconds;
    options.markers = frame.layers.has(Layer::Markers);
    options.labels = frame.layers.has(Layer::Labels);
    options.train = frame.layers.has(Layer::Routes);
    options.meetings = frame.layers.has(Layer::Arcs);
    options.relation_kinds = frame.relation_kinds;
    options.selection = frame.selection;
    options.ui_scale = frame.ui_scale;
    options.pixels_per_unit = frame.pixel_ratio;
    options.dimmed_places = dimmed_places_;
    overlay_.draw(list, *story_, geometry_, *animation_, camera, options);
}

geo::StoryItem StoryView::pick(const Camera& camera, double px, double py, const StoryFrame& frame) const {
    if (!story_ || !projection_) return {};
    geo::PickQuery query;
    query.point = camera.pixel_to_metres(px, py);
    query.pixels_per_metre = camera.pixels_per_metre;
    query.tolerance_px = 6.0 * frame.pixel_ratio;
    query.place_radius_px = overlay_.marker_radii_px();
    const std::size_t relations = story_->relations.size();
    // Shown by the date and begun to draw in: a line fading out is on its way off the map.
    auto pickable = [&](const std::optional<geo::DateRange>& date) {
        return geo::shown_as_of(date, frame.as_of) &&
               geo::presence_as_of(date, as_of(frame), frame.seconds).drawn > 0.0;
    };
    query.line_enabled = [&](std::size_t line) {
        if (line < relations) {
            const geo::Relation& r = story_->relations[line];
            return frame.layers.has(Layer::Arcs) && ((frame.relation_kinds >> static_cast<unsigned>(r.kind)) & 1U) &&
                   pickable(r.date) && animation_->draw_progress(line, frame.seconds) > 0.0;
        }
        const std::size_t route = line - relations;
        return frame.layers.has(Layer::Routes) && route < story_->routes.size() && pickable(story_->routes[route].date);
    };
    return geo::pick_story_item(geometry_, query);
}

}  // namespace diplomap

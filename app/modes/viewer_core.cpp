#include "app/modes/viewer_core.hpp"

#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <ostream>

#include "app/modes/map_view.hpp"
#include "app/platform/pictures_folder.hpp"
#include "app/style/translations.hpp"
#include "app/ui/fonts.hpp"
#include "geo/map/image_file.hpp"

namespace diplomap {
namespace {

constexpr double kCrossFadeSeconds = 0.45;
constexpr double kSettingsSaveDelaySeconds = 1.0;

// A table's text with its one %s filled in.
std::string formatted_text(const char* format, const char* argument) {
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-vararg): the tables' texts are printf formats
    const int n = std::snprintf(nullptr, 0, format, argument);
    if (n <= 0) return format;
    std::string text(static_cast<std::size_t>(n) + 1, '\0');
    std::snprintf(text.data(), text.size(), format, argument);  // NOLINT(cppcoreguidelines-pro-type-vararg)
    text.resize(static_cast<std::size_t>(n));
    return text;
}

bool same_projection(const geo::ProjectionSpec& a, const geo::ProjectionSpec& b) {
    return a.name == b.name && a.custom == b.custom;
}

}  // namespace

ViewerCore::ViewerCore(SdlWindow& window, MapRenderer renderer, TextureBlit blit, StoryView story_view,
                       std::filesystem::path basemap_dir, const ViewerOptions& options, Settings settings,
                       std::filesystem::path config_dir, std::ostream& err)
    : window_(window), renderer_(std::move(renderer)), blit_(std::move(blit)), story_view_(std::move(story_view)),
      builder_(std::move(basemap_dir)), options_(options), settings_(std::move(settings)), saved_settings_(settings_),
      config_dir_(std::move(config_dir)), err_(err), start_time_(Clock::now()) {
    // Layers given on the command line win over the remembered ones.
    if (!(options.view.layers == LayerSet::all())) settings_.layers = options.view.layers;
    base_style_ = ImGui::GetStyle();
}

ViewerCore::~ViewerCore() {
    set_text_sink(nullptr, nullptr);  // the report it points into goes with the core
    // The next window opens at the size this one had, unless it was full screen or sized on the command line.
    if (!options_.width && (SDL_GetWindowFlags(window_.handle()) & SDL_WINDOW_FULLSCREEN) == 0)
        settings_.window = window_.size();
    save_settings_if_changed(true);
}

std::optional<std::string> ViewerCore::start() {
    int w = 0, h = 0;
    window_.drawable_size(w, h);
    free_rect_ = {0, 0, static_cast<double>(w), static_cast<double>(h)};
    if (!options_.story.empty()) {
        watcher_.emplace(options_.story);
        if (watcher_->story()) {
            center_on_story(options_.view, *watcher_->story());
            remember_story(settings_, options_.story);
        }
    }
    auto projection = geo::Projection::create(options_.view.projection);
    if (auto* error = std::get_if<std::string>(&projection)) return *error;
    projection_.emplace(std::move(std::get<geo::Projection>(projection)));
    view_ = {options_.view.projection, initial_camera(*projection_, options_.view, w, h)};
    const SceneRequest request = wanted_scene();
    SceneResult first = builder_.build_now(request);
    if (!first.mesh) return first.error;
    renderer_.upload(*first.mesh);
    uploaded_request_ = first.request;
    world_ = first.mesh->world;
    requested_ = request;
    story_view_.set_projection(*projection_);
    if (watcher_) {
        take_story();
        for (const geo::Diagnostic& d : watcher_->problems()) err_ << d.to_string() << '\n';
        home_pending_ = story_view_.has_story() && !options_.view.center_given;
    }
    apply_ui_scale();
    if (options_.seconds) {
        animation_.seconds = *options_.seconds;
        animation_.paused = true;
    }
    if (options_.frame_stats && options_.quit_after_frames) {
        frame_ms_.reserve(static_cast<std::size_t>(*options_.quit_after_frames));
        moving_frame_ms_.reserve(static_cast<std::size_t>(*options_.quit_after_frames));
    }
    return std::nullopt;
}

// [SECTION] The frame

void ViewerCore::begin_frame() {
    frame_start_ = Clock::now();
    advance_clock();
    poll_story();
    simulate_drag();
    receive_scene();
    advance_flight();
    request_scene_if_needed();
    // Between frames: this touches the font atlas.
    apply_ui_scale();
    mouse_moved_ = false;
}

void ViewerCore::handle_event(const SDL_Event& e) {
    const float ratio = window_.pixel_ratio();
    switch (e.type) {
        case SDL_QUIT: quit_requested_ = true; break;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                int w = 0, h = 0;
                window_.drawable_size(w, h);
                view_.camera.width = std::max(w, 1);
                view_.camera.height = std::max(h, 1);
            }
            break;
        case SDL_MOUSEMOTION:
            mouse_x_ = e.motion.x * ratio;
            mouse_y_ = e.motion.y * ratio;
            mouse_moved_ = true;
            if (dragging_ && (e.motion.xrel != 0 || e.motion.yrel != 0)) {
                drag_view(view_, e.motion.xrel * ratio, e.motion.yrel * ratio);
                moved_while_dragging_ = true;
            }
            break;
        default: break;
    }
}

void ViewerCore::new_ui_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    if (scripted_pointer_) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(scripted_pointer_->x, scripted_pointer_->y);
        io.MouseDown[0] = scripted_pointer_->down;
    }
    ImGui::NewFrame();
    report_.clear_frame();
    if (options_.test_report)
        set_text_sink([](void* report, std::string_view text) { static_cast<TestReport*>(report)->note_string(text); },
                      &report_);
    update_hover();
}

void ViewerCore::draw_story_marks() {
    story_view_.draw_marks(*ImGui::GetBackgroundDrawList(), view_.camera, story_frame());
}

void ViewerCore::end_frame() {
    ImGui::Render();
    const StoryFrame frame = story_frame();
    renderer_.set_simplify_pixels(view_moving() ? geo::kMovingSimplifyPixels : geo::kSimplifyPixels);
    basemap_cache_.draw(renderer_, view_.camera, settings_.layers, style_, window_.pixel_ratio());
    story_view_.draw_lines(view_.camera, frame);
    if (snapshot_) {
        const double t = (now_ - fade_start_) / kCrossFadeSeconds;
        if (t >= 1.0 || snapshot_->width() != view_.camera.width || snapshot_->height() != view_.camera.height) {
            snapshot_.reset();
        } else {
            blit_.draw(snapshot_->color_texture(), static_cast<float>(1.0 - t * t * (3 - 2 * t)));
        }
    }
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    const bool last = options_.quit_after_frames && frames_ + 1 >= *options_.quit_after_frames;
    if (capture_requested_ || (last && options_.screenshot)) {
        capture_ = read_back();
        capture_requested_ = false;
    }
    if (picture_requested_) {
        picture_requested_ = false;
        if (auto picture = read_back()) save_picture(*picture);
    }
    fill_report();
    window_.swap();
    save_settings_if_changed(false);
    record_frame_stats(frame_start_);
    ++frames_;
    finish_loop_if_done();
}

void ViewerCore::finish_loop_if_done() {
    if (!options_.quit_after_frames || frames_ < *options_.quit_after_frames || builder_.busy() || busy_) return;
    if (options_.frame_stats) print_frame_stats();
    running_ = false;
    if (options_.test_report)
        if (auto error = write_test_report(*options_.test_report, report_)) {
            err_ << "diplomap: " << *error << '\n';
            exit_code_ = 1;
        }
    if (!options_.screenshot) return;
    if (!capture_) {
        exit_code_ = 1;
        return;
    }
    if (auto error = geo::write_rgba_image(*options_.screenshot, capture_->width, capture_->height, capture_->pixels,
                                           std::nullopt)) {
        err_ << "diplomap: " << *error << '\n';
        exit_code_ = 1;
    }
}

void ViewerCore::save_picture(const RgbaImage& picture) {
    const std::filesystem::path folder = pictures_folder(pictures_environment());
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    const std::filesystem::path file = unused_picture_name(folder, std::time(nullptr));
    const UiLanguage ui = ui_language(language_);
    if (auto error = geo::write_rgba_image(file, picture.width, picture.height, picture.pixels, std::nullopt)) {
        err_ << "diplomap: " << *error << '\n';
        set_notice(formatted_text(tr(UiText::picture_failed, ui), error->c_str()), true);
        return;
    }
    report_.saved_picture = file.string();
    set_notice(formatted_text(tr(UiText::picture_saved, ui), file.string().c_str()));
}

void ViewerCore::set_notice(std::string text, bool failed) {
    notice_ = std::move(text);
    notice_failed_ = failed;
    notice_time_ = now_;
}

std::string_view ViewerCore::notice() const {
    constexpr double kNoticeSeconds = 8.0;
    return now_ - notice_time_ < kNoticeSeconds ? std::string_view(notice_) : std::string_view();
}

std::optional<RgbaImage> ViewerCore::take_capture() {
    std::optional<RgbaImage> out = std::move(capture_);
    capture_.reset();
    return out;
}

std::optional<RgbaImage> ViewerCore::read_back() {
    RgbaImage image{view_.camera.width, view_.camera.height, {}};
    image.pixels.resize(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, image.width, image.height, GL_RGBA, GL_UNSIGNED_BYTE, image.pixels.data());
    const std::size_t row = static_cast<std::size_t>(image.width) * 4;
    for (int y = 0; y < image.height / 2; ++y)
        std::swap_ranges(image.pixels.begin() + static_cast<std::ptrdiff_t>(y * row),
                         image.pixels.begin() + static_cast<std::ptrdiff_t>((y + 1) * row),
                         image.pixels.begin() + static_cast<std::ptrdiff_t>((image.height - 1 - y) * row));
    for (std::size_t i = 3; i < image.pixels.size(); i += 4) image.pixels[i] = 255;  // the window is opaque
    return image;
}

void ViewerCore::fill_report() {
    if (!options_.test_report) return;
    TestReport& r = report_;
    r.width = view_.camera.width;
    r.height = view_.camera.height;
    r.free = free_rect_;
    r.language = language_;
    r.projection = view_.spec.name;
    r.zoom = view_.camera.zoom(world_);
    r.animation_seconds = animation_.seconds;
    r.flying = flying();
    if (!story_view_.has_story()) return;
    const geo::Story& story = story_view_.story();
    const float ratio = window_.pixel_ratio();
    const auto radii = story_view_.overlay().marker_radii_px();
    const geo::StoryGeometry& geometry = story_view_.geometry();
    for (std::size_t i = 0; i < radii.size() && i < geometry.places.size(); ++i) {
        if (radii[i] <= 0 || !geometry.places[i]) continue;
        const geo::XY p = view_.camera.metres_to_pixel(*geometry.places[i]);
        r.markers.push_back({story.places[i].id, p.x - radii[i], p.y - radii[i], p.x + radii[i], p.y + radii[i]});
    }
    for (const DrawnLabel& label : story_view_.overlay().labels())
        r.labels.push_back({story.places[label.place].id, label.box.min_x * ratio, label.box.min_y * ratio,
                            label.box.max_x * ratio, label.box.max_y * ratio});
}

// [SECTION] Clock, story and scenes

void ViewerCore::advance_clock() {
    const double wall = std::chrono::duration<double>(Clock::now() - start_time_).count();
    // A test's clock stops at its last frame: the frames after it only wait for a scene still being built (see
    // finish_loop_if_done), and a loaded machine must not see flights end or slides move on in them.
    const int clock_frames =
        options_.quit_after_frames ? std::max(0, std::min(frames_, *options_.quit_after_frames - 1)) : frames_;
    now_ = options_.test_clock_step ? clock_frames * *options_.test_clock_step : wall;
    const double dt = now_ - last_tick_;
    last_tick_ = now_;
    if (!animation_.paused) animation_.seconds += dt * animation_.speed;
}

void ViewerCore::poll_story() {
    if (!watcher_ || !watcher_->take_changes()) return;
    if (story_held_) {
        file_changed_ = true;
        return;
    }
    take_story();
}

void ViewerCore::hold_story(bool held) {
    if (story_held_ == held) return;
    story_held_ = held;
    file_changed_ = false;
    if (!held && watcher_) take_story();
}

void ViewerCore::show_story(const geo::Story& story) { apply_story(story); }

std::optional<ImVec2> ViewerCore::place_point(std::string_view id) const {
    if (!story_view_.has_story()) return std::nullopt;
    const auto index = story_view_.story().find_place(id);
    const geo::StoryGeometry& geometry = story_view_.geometry();
    if (!index || *index >= geometry.places.size() || !geometry.places[*index]) return std::nullopt;
    const geo::XY p = view_.camera.metres_to_pixel(*geometry.places[*index]);
    const float ratio = window_.pixel_ratio();
    return ImVec2(static_cast<float>(p.x / ratio), static_cast<float>(p.y / ratio));
}

// A new version of the story replaces the old one in place: camera, time and layers stay as they are, and the
// selection survives when its item still exists.
void ViewerCore::take_story() {
    if (const auto& story = watcher_->story()) apply_story(*story);
}

void ViewerCore::apply_story(const geo::Story& story) {
    if (!story_view_.has_story()) {
        const std::string own = story.meta.language.empty() ? "de" : story.meta.language;
        language_ = settings_.language.empty() ? own : settings_.language;
    }
    story_view_.set_story(story);
    home_group_ = geo::home_group(story_view_.story());
    ++story_version_;
    selection_.story_replaced(story_view_.story());
    animation_.length = std::max(story_view_.play_seconds(), 1.0);
}

void ViewerCore::open_story(const std::filesystem::path& path) {
    watcher_.emplace(path);
    selection_.clear();
    as_of_ = {};
    story_view_.clear_story();
    story_view_.set_focus(std::nullopt);
    if (watcher_->story()) {
        remember_story(settings_, path);
        take_story();
        language_ = settings_.language.empty() ? story_language() : settings_.language;
        fly_home();
    } else {
        ++story_version_;
    }
}

StoryFrame ViewerCore::story_frame() const {
    StoryFrame frame;
    frame.seconds = animation_.seconds;
    frame.layers = settings_.layers;
    frame.relation_kinds = settings_.relation_kinds;
    frame.selection = selection_.selection();
    frame.language = language_;
    frame.ui_scale = settings_.ui_scale;
    frame.pixel_ratio = window_.pixel_ratio();
    frame.as_of = as_of_.as_of;
    frame.previous_as_of = as_of_.previous;
    frame.as_of_changed_seconds = as_of_.changed_seconds;
    return frame;
}

std::string ViewerCore::story_language() const {
    return story_view_.has_story() && !story_view_.story().meta.language.empty() ? story_view_.story().meta.language
                                                                                 : "de";
}

void ViewerCore::set_language(const std::string& language) {
    language_ = language;
    settings_.language = language == story_language() ? std::string() : language;
}

SceneRequest ViewerCore::wanted_scene() const {
    const double metres_per_pixel = 1.0 / view_.camera.pixels_per_metre;
    geo::Detail detail = options_.view.detail ? *options_.view.detail : geo::detail_for_scale(metres_per_pixel);
    SceneRequest request{view_.spec, detail, visible_cap_radius_deg(view_)};
    // A turning globe needs a new scene for every step: a coarser one, with only the levels drawn now, keeps up with
    // the hand. Flat maps keep their scene and only draw a coarser level.
    if (turns_globe(view_.spec) && view_moving()) {
        request.detail = geo::coarser(detail);
        request.finest_level = geo::fill_level_for_scale(metres_per_pixel, geo::kMovingSimplifyPixels);
        request.coarsest_level = geo::level_for_scale(metres_per_pixel, geo::kMovingSimplifyPixels);
    }
    return request;
}

void ViewerCore::request_scene_if_needed() {
    const SceneRequest wanted = wanted_scene();
    if (wanted == requested_) return;
    requested_ = wanted;
    builder_.request(wanted);
}

void ViewerCore::receive_scene() {
    auto result = builder_.take_finished();
    if (!result) return;
    if (!result->mesh) {
        status_error_ = result->error;
        return;
    }
    status_error_.clear();
    const bool new_projection = !same_projection(result->mesh->spec, renderer_.scene_spec());
    if (new_projection) start_cross_fade();
    renderer_.upload(*result->mesh);
    uploaded_request_ = result->request;
    last_build_ms_ = result->build_ms;
    if (new_projection) {
        // Keep looking at the same place at the same relative zoom in the new projection.
        const double zoom = view_.camera.zoom(world_);
        world_ = result->mesh->world;
        auto projection = geo::Projection::create(result->mesh->spec);
        if (auto* p = std::get_if<geo::Projection>(&projection)) projection_.emplace(std::move(*p));
        geo::XY center{0.5 * (world_.min_x + world_.max_x), 0.5 * (world_.min_y + world_.max_y)};
        if (zoom > 0.5)
            if (auto c = projection_->forward(fade_anchor_)) center = *c;
        view_.camera = Camera::fit(world_, view_.camera.width, view_.camera.height, zoom, center);
        // A flight that changed projection at its middle flies on to its target in the new one.
        if (landing_after_switch_) {
            const geo::ViewPose from{view_.spec.center, {view_.camera.center, view_.camera.pixels_per_metre}};
            // The second half takes what is left of the flight's time (at least a moment, if the scene was slow).
            const double left = std::max(switch_flight_end_ - now_, 0.3);
            flight_ = Flight{geo::ViewFlight(from, *landing_after_switch_, free_rect_.width(), turns_globe(view_.spec),
                                             {1.4, 0, left, left}),
                             now_, view_.spec, std::nullopt, std::nullopt};
            landing_after_switch_.reset();
        }
    } else if (result->mesh->spec.center.lon != projection_->spec().center.lon ||
               result->mesh->spec.center.lat != projection_->spec().center.lat) {
        auto projection = geo::Projection::create(result->mesh->spec);
        if (auto* p = std::get_if<geo::Projection>(&projection)) projection_.emplace(std::move(*p));
    }
    // The story follows the basemap on screen, so arcs and coasts always share one projection.
    story_view_.set_projection(*projection_);
}

void ViewerCore::start_cross_fade() {
    auto target = OffscreenTarget::create(view_.camera.width, view_.camera.height);
    if (auto* t = std::get_if<OffscreenTarget>(&target)) {
        t->bind();
        renderer_.draw(view_.camera, settings_.layers, style_, window_.pixel_ratio());
        story_view_.draw_lines(view_.camera, story_frame());
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        snapshot_.emplace(std::move(*t));
        fade_start_ = now_;
    }
}

void ViewerCore::switch_projection(const std::string& name) {
    geo::ProjectionSpec spec = view_.spec;
    spec.name = name;
    // The new projection centres on what the user looks at now.
    const geo::XY middle = view_.camera.center;
    if (auto ll = projection_->inverse(middle)) {
        fade_anchor_ = *ll;
        spec.center = *ll;
    } else {
        fade_anchor_ = spec.center;
    }
    if (is_world_map(spec)) spec.center.lat = 0;
    view_.spec = spec;
}

void ViewerCore::reset_view() {
    if (story_view_.has_story() && !options_.view.center_given) {
        fly_home();
        return;
    }
    flight_.reset();
    view_.spec = options_.view.projection;
    if (auto p = geo::Projection::create(view_.spec); std::holds_alternative<geo::Projection>(p))
        view_.camera =
            initial_camera(std::get<geo::Projection>(p), options_.view, view_.camera.width, view_.camera.height);
}

// [SECTION] Fitting and flights

std::optional<geo::ViewPose> ViewerCore::fit(const geo::FitTarget& target,
                                             const std::optional<geo::ProjectionSpec>& spec) const {
    if (!story_view_.has_story()) return std::nullopt;
    const geo::ProjectionSpec& on = spec ? *spec : view_.spec;
    const float scale = window_.pixel_ratio() * settings_.ui_scale;
    geo::StoryFitOptions fit_options;
    fit_options.margin_px = 24.0 * scale;
    fit_options.label_width_px = 110.0 * scale;
    fit_options.label_height_px = 22.0 * scale;
    return geo::fit_story_view(story_view_.story(), target, on, turns_globe(on), view_.camera.width,
                               view_.camera.height, free_rect_, fit_options);
}

void ViewerCore::fly_to(const geo::ViewPose& to, const geo::ProjectionSpec& spec) {
    landing_after_switch_.reset();
    const geo::ViewPose from{view_.spec.center, {view_.camera.center, view_.camera.pixels_per_metre}};
    if (same_projection(spec, view_.spec)) {
        const bool moves_centre = !turns_globe(spec) && !(spec.center == view_.spec.center);
        if (moves_centre) {
            // A flat map centred elsewhere is another projection for the scene: switch with a fade, then land.
            flight_ = Flight{geo::ViewFlight(from, from, free_rect_.width(), false), now_, view_.spec, spec, to};
            return;
        }
        flight_ = Flight{geo::ViewFlight(from, to, free_rect_.width(), turns_globe(spec)), now_, view_.spec,
                         std::nullopt, std::nullopt};
        return;
    }
    // Another projection: the first half flies towards the target on the projection on screen, the switch comes
    // at the middle with a cross-fade, and the second half lands on the target in the new projection.
    geo::ViewPose towards = from;
    auto created = geo::Projection::create(spec);
    if (const auto* target_projection = std::get_if<geo::Projection>(&created))
        if (const auto centre = target_projection->inverse(to.camera.center)) {
            if (turns_globe(view_.spec)) {
                towards.center = *centre;
            } else if (const auto xy = projection_->forward(*centre)) {
                towards.camera.center = *xy;
            }
        }
    flight_ =
        Flight{geo::ViewFlight(from, towards, free_rect_.width(), turns_globe(view_.spec)), now_, view_.spec, spec, to};
}

void ViewerCore::fly_to_target(const geo::FitTarget& target) {
    if (const auto to = fit(target)) fly_to(*to, view_.spec);
}

void ViewerCore::fly_home() {
    if (!story_view_.has_story()) return;
    fly_to_target(geo::home_target(story_view_.story(), home_group_));
}

void ViewerCore::frame_home_if_pending() {
    if (!home_pending_ || !story_view_.has_story()) return;
    home_pending_ = false;
    if (const auto to = fit(geo::home_target(story_view_.story(), home_group_))) jump_to(*to, view_.spec);
}

void ViewerCore::jump_to(const geo::ViewPose& to, const geo::ProjectionSpec& spec) {
    flight_.reset();
    landing_after_switch_.reset();
    if (!same_projection(spec, view_.spec) || (!turns_globe(spec) && !(spec.center == view_.spec.center))) {
        geo::ProjectionSpec target = spec;
        if (turns_globe(spec)) target.center = to.center;
        view_.spec = target;
        if (auto p = geo::Projection::create(target); std::holds_alternative<geo::Projection>(p)) {
            // The first frame of a new projection needs its scene at once: build it here, no fade.
            const SceneRequest request = wanted_scene();
            SceneResult built = builder_.build_now(request);
            if (built.mesh) {
                renderer_.upload(*built.mesh);
                uploaded_request_ = built.request;
                requested_ = request;
                world_ = built.mesh->world;
                projection_.emplace(std::move(std::get<geo::Projection>(p)));
                story_view_.set_projection(*projection_);
            }
        }
    }
    if (turns_globe(view_.spec)) view_.spec.center = to.center;
    view_.camera.center = to.camera.center;
    view_.camera.pixels_per_metre = to.camera.pixels_per_metre;
}

void ViewerCore::finish_flight() {
    if (!flight_) return;
    Flight f = *flight_;
    flight_.reset();
    if (f.next_spec && f.next_to) {
        jump_to(*f.next_to, *f.next_spec);
        return;
    }
    if (landing_after_switch_) {
        jump_to(*landing_after_switch_, view_.spec);
        landing_after_switch_.reset();
        return;
    }
    jump_to(f.path.to(), f.spec);
}

void ViewerCore::advance_flight() {
    if (!flight_) return;
    const double t = now_ - flight_->start;
    Flight& f = *flight_;
    if (f.next_spec && t >= 0.5 * f.path.duration_seconds()) {
        // The middle of a flight to another projection: the new projection's scene is asked for, and the flight
        // lands once it is on screen (receive_scene).
        geo::ProjectionSpec next = *f.next_spec;
        if (turns_globe(next)) next.center = f.next_to->center;
        if (auto ll = projection_->inverse(view_.camera.center)) fade_anchor_ = *ll;
        landing_after_switch_ = f.next_to;
        switch_flight_end_ = f.start + f.path.duration_seconds();
        view_.spec = next;
        flight_.reset();
        return;
    }
    const geo::ViewPose pose = f.path.at(t);
    if (turns_globe(view_.spec)) view_.spec.center = pose.center;
    view_.camera.center = pose.camera.center;
    view_.camera.pixels_per_metre = pose.camera.pixels_per_metre;
    if (t >= f.path.duration_seconds()) flight_.reset();
}

// [SECTION] Input that both modes share

void ViewerCore::set_dragging(bool dragging) {
    if (dragging) cancel_flight();
    dragging_ = dragging;
    moved_while_dragging_ = false;
}

void ViewerCore::drag_by(double dx, double dy) {
    cancel_flight();
    drag_view(view_, dx, dy);
}

void ViewerCore::update_hover() {
    if (dragging_ || ImGui::GetIO().WantCaptureMouse) {
        selection_.set_hovered({});
        return;
    }
    // Picking walks every line: only when the pointer, the view or the animation moved since the last pick.
    const bool view_changed = hover_camera_.center.x != view_.camera.center.x ||
                              hover_camera_.center.y != view_.camera.center.y ||
                              hover_camera_.pixels_per_metre != view_.camera.pixels_per_metre ||
                              !(hover_spec_.center == view_.spec.center) || hover_spec_.name != view_.spec.name;
    const bool clock_moved = hover_seconds_ != animation_.seconds;
    if (!mouse_moved_ && !view_changed && !clock_moved) return;
    hover_camera_ = view_.camera;
    hover_spec_ = view_.spec;
    hover_seconds_ = animation_.seconds;
    selection_.set_hovered(story_view_.pick(view_.camera, mouse_x_, mouse_y_, story_frame()));
}

// Benchmarks (--drag-frames): from frame 20, a steady drag of 12 pixels a frame to the left, then a release.
void ViewerCore::simulate_drag() {
    constexpr int kFirst = 20;
    const int frame = frames_;
    if (options_.drag_frames <= 0 || frame < kFirst || frame > kFirst + options_.drag_frames) return;
    if (frame == kFirst + options_.drag_frames) {
        dragging_ = false;
        moved_while_dragging_ = false;
        released_ = Clock::now();
        return;
    }
    dragging_ = true;
    moved_while_dragging_ = true;
    drag_view(view_, -12.0 * window_.pixel_ratio(), 0.0);
}

// [SECTION] Settings and the interface's scale

void ViewerCore::step_ui_scale(int direction) {
    const auto current =
        std::find_if(kUiScales.begin(), kUiScales.end(), [&](float s) { return s >= settings_.ui_scale - 1e-3F; });
    const auto i = static_cast<int>(current - kUiScales.begin());
    const int next = std::clamp(i + direction, 0, static_cast<int>(kUiScales.size()) - 1);
    settings_.ui_scale = kUiScales[static_cast<std::size_t>(next)];
}

void ViewerCore::apply_ui_scale() {
    if (settings_.ui_scale == applied_ui_scale_) return;
    settings_.ui_scale = std::clamp(settings_.ui_scale, Settings::kMinUiScale, Settings::kMaxUiScale);
    applied_ui_scale_ = settings_.ui_scale;
    ImGuiIO& io = ImGui::GetIO();
    const float ratio = window_.pixel_ratio();
    // The atlas is rebuilt at the new size rather than scaled, so text stays sharp on projectors and HiDPI.
    io.Fonts->Clear();
    add_ui_font(*io.Fonts, 16.0F * ratio * settings_.ui_scale);
    io.FontGlobalScale = 1.0F / ratio;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ImGui::GetStyle() = base_style_;
    ImGui::GetStyle().ScaleAllSizes(settings_.ui_scale);
}

void ViewerCore::save_settings_if_changed(bool at_exit) {
    if (options_.quit_after_frames || settings_ == saved_settings_) return;
    if (!(settings_ == pending_settings_)) {
        pending_settings_ = settings_;
        settings_changed_ = now_;
    }
    // A slider dragged across ten values writes once, after it rests.
    if (!at_exit && now_ - settings_changed_ < kSettingsSaveDelaySeconds) return;
    if (auto error = save_settings(config_dir_, settings_)) err_ << "diplomap: settings not saved: " << *error << '\n';
    saved_settings_ = settings_;
}

// [SECTION] Frame statistics for benchmarks

void ViewerCore::record_frame_stats(Clock::time_point frame_start) {
    if (!options_.frame_stats) return;
    glFinish();
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - frame_start).count();
    frame_ms_.push_back(ms);
    if (view_moving()) moving_frame_ms_.push_back(ms);
    // The first frame after the hand lets go that shows the full scene again.
    if (released_ && !view_moving() && uploaded_request_ == wanted_scene()) {
        settle_ms_ = std::chrono::duration<double, std::milli>(Clock::now() - *released_).count();
        released_.reset();
    }
}

// The first frames pay for shader compiles and the first scene; the figures are of the frames after them. Frames
// while the view moves (a drag or a flight) are also reported on their own.
void ViewerCore::print_frame_stats() {
    constexpr std::size_t kWarmUp = 10;
    if (frame_ms_.size() <= kWarmUp) return;
    const auto print = [](const char* what, std::vector<double> ms) {
        std::sort(ms.begin(), ms.end());
        const double median = ms[ms.size() / 2];
        const double p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
        std::printf("%s median %.2f p95 %.2f frames %zu\n", what, median, p95, ms.size());
    };
    print("frame-ms", std::vector<double>(frame_ms_.begin() + kWarmUp, frame_ms_.end()));
    if (!moving_frame_ms_.empty()) print("moving-frame-ms", moving_frame_ms_);
    if (settle_ms_) std::printf("settle-ms %.1f\n", *settle_ms_);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak-rss-mb %ld\n", usage.ru_maxrss / 1024);
}

}  // namespace diplomap

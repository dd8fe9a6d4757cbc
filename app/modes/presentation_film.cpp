#include "app/modes/presentation_film.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "app/modes/headless_map.hpp"
#include "app/modes/present_mode.hpp"
#include "app/modes/slide_export.hpp"
#include "geo/story/presentation_timeline.hpp"

namespace diplomap {
namespace {

// As the presenting window cross-fades a change of projection (viewer_core.cpp).
constexpr double kCrossFadeSeconds = 0.45;
// The least the second half of a flight to another projection takes there.
constexpr double kLeastLandingSeconds = 0.3;

bool same_projection(const geo::ProjectionSpec& a, const geo::ProjectionSpec& b) {
    return a.name == b.name && a.custom == b.custom;
}

std::optional<geo::Projection> make_projection(const geo::ProjectionSpec& spec) {
    auto created = geo::Projection::create(spec);
    if (auto* projection = std::get_if<geo::Projection>(&created)) return std::move(*projection);
    return std::nullopt;
}

// The spec a pose is drawn in: on the globe the projection's centre is the pose's.
geo::ProjectionSpec drawn_in(geo::ProjectionSpec spec, const geo::ViewPose& pose) {
    if (geo::turns_globe(spec)) spec.center = pose.center;
    return spec;
}

}  // namespace

std::variant<PresentationFilm, std::string> PresentationFilm::plan(const ExportOptions& base, bool caption) {
    if (!base.story) return std::string("--presentation needs a story");
    PresentationFilm film;
    film.caption_ = caption;
    film.story_slides_ = presentation_slides(*base.story);
    if (film.story_slides_.empty()) return std::string("the story has no slides and no relations to present");
    const double width = base.width;
    for (std::size_t i = 0; i < film.story_slides_.size(); ++i) {
        auto options = slide_export_options(base, i, caption);
        if (!options || !options->camera)
            return "slide " + std::to_string(i + 1) + ": its view cannot be shown in this projection";
        Slide slide;
        slide.options = std::move(*options);
        slide.projection = slide.options.view.projection;
        slide.pose = {slide.projection.center, {slide.options.camera->center, slide.options.camera->pixels_per_metre}};
        if (caption) slide.caption = caption_text(*base.story, film.story_slides_[i], base.language);
        slide.duration = std::max(0.0, film.story_slides_[i].duration_seconds);
        if (i > 0) {
            // The flight the window flies from the previous slide's view (ViewerCore::fly_to), seen in the whole
            // width: the caption is a band along the bottom.
            const Slide& previous = film.slides_.back();
            const geo::ViewPose& from = previous.pose;
            slide.first_projection = previous.projection;
            const bool globe = geo::turns_globe(previous.projection);
            if (same_projection(previous.projection, slide.projection) &&
                (geo::turns_globe(slide.projection) || previous.projection.center == slide.projection.center)) {
                slide.first.emplace(from, slide.pose, width, globe);
                slide.flight_seconds = slide.first->duration_seconds();
            } else {
                // Another projection (a flat map centred elsewhere is one too): the first half flies towards the
                // target on the old projection, the switch comes at its middle, and the second half lands from the
                // same place at the same relative zoom on the new one.
                geo::ViewPose towards = from;
                const auto old_projection = make_projection(previous.projection);
                const auto new_projection = make_projection(slide.projection);
                if (!old_projection || !new_projection)
                    return "slide " + std::to_string(i + 1) + ": its view cannot be shown in this projection";
                if (!same_projection(previous.projection, slide.projection))
                    if (const auto centre = new_projection->inverse(slide.pose.camera.center)) {
                        if (globe) {
                            towards.center = *centre;
                        } else if (const auto xy = old_projection->forward(*centre)) {
                            towards.camera.center = *xy;
                        }
                    }
                slide.first.emplace(from, towards, width, globe);
                slide.switch_seconds = 0.5 * slide.first->duration_seconds();
                const geo::ViewPose at_switch = slide.first->at(slide.switch_seconds);
                const auto switched_from = make_projection(drawn_in(previous.projection, at_switch));
                const Camera old_camera{at_switch.camera.center, at_switch.camera.pixels_per_metre, base.width,
                                        base.height};
                const geo::Bounds& old_world =
                    switched_from ? switched_from->world_bounds() : old_projection->world_bounds();
                const double zoom = old_camera.zoom(old_world);
                const geo::Bounds& world = new_projection->world_bounds();
                geo::XY centre{0.5 * (world.min_x + world.max_x), 0.5 * (world.min_y + world.max_y)};
                if (zoom > 0.5 && switched_from)
                    if (const auto anchor = switched_from->inverse(at_switch.camera.center))
                        if (const auto xy = new_projection->forward(*anchor)) centre = *xy;
                const Camera landing = Camera::fit(world, base.width, base.height, zoom, centre);
                const double left = std::max(slide.switch_seconds, kLeastLandingSeconds);
                slide.second.emplace(geo::ViewPose{slide.projection.center, {landing.center, landing.pixels_per_metre}},
                                     slide.pose, width, geo::turns_globe(slide.projection),
                                     geo::FlightParameters{1.4, 0, left, left});
                slide.flight_seconds = slide.switch_seconds + left;
            }
        }
        film.flights_.push_back(slide.flight_seconds);
        film.slides_.push_back(std::move(slide));
    }
    film.seconds_ = geo::presentation_seconds(film.story_slides_);
    if (film.seconds_ <= 0) return std::string("the presentation's slides last no time");
    return film;
}

double PresentationFilm::slide_start(std::size_t index) const {
    double start = 0;
    for (std::size_t i = 0; i < index && i < slides_.size(); ++i) start += slides_[i].duration;
    return start;
}

FilmShot PresentationFilm::flying(const Slide& slide, FilmShot shot, double flight_seconds) const {
    if (!slide.second || flight_seconds < slide.switch_seconds) {
        const geo::ViewPose pose = slide.first->at(flight_seconds);
        shot.projection = drawn_in(slide.first_projection, pose);
        shot.camera = pose.camera;
    } else {
        const double landing = flight_seconds - slide.switch_seconds;
        const geo::ViewPose pose = slide.second->at(landing);
        shot.projection = drawn_in(slide.projection, pose);
        shot.camera = pose.camera;
    }
    shot.moving = true;
    return shot;
}

FilmShot PresentationFilm::shot_at(double seconds) const {
    const geo::PresentationMoment moment = geo::presentation_moment(story_slides_, flights_, seconds);
    const Slide& slide = slides_[moment.slide];
    FilmShot shot;
    shot.slide = moment.slide;
    shot.animation_seconds = moment.animation_seconds;
    // As the window draws the bar: the slides before, and the share of this one's duration gone by.
    const double within = slide.duration > 0 ? std::clamp(moment.slide_seconds / slide.duration, 0.0, 1.0) : 1.0;
    shot.progress =
        static_cast<float>((static_cast<double>(moment.slide) + within) / static_cast<double>(slides_.size()));
    if (slide.second && moment.slide_seconds >= slide.switch_seconds) {
        const double t = (moment.slide_seconds - slide.switch_seconds) / kCrossFadeSeconds;
        if (t < 1.0) shot.fade = 1.0 - geo::ease_in_out(std::max(t, 0.0));
    }
    if (moment.in_flight) return flying(slide, shot, moment.flight_seconds);
    shot.projection = slide.projection;
    shot.camera = slide.pose.camera;
    return shot;
}

FilmShot PresentationFilm::switch_shot(std::size_t index) const {
    const Slide& slide = slides_[index];
    FilmShot shot = shot_at(slide_start(index) + slide.switch_seconds);
    shot.fade = 0;
    // Just before the switch: the old projection's last picture.
    if (slide.first) {
        const geo::ViewPose pose = slide.first->at(slide.switch_seconds);
        shot.projection = drawn_in(slide.first_projection, pose);
        shot.camera = pose.camera;
        shot.moving = true;
    }
    return shot;
}

std::function<void(ImDrawList& list, float width, float height)> PresentationFilm::caption(const FilmShot& shot) const {
    if (!caption_) return {};
    const CaptionText text = slides_[shot.slide].caption;
    const int number = static_cast<int>(shot.slide) + 1, count = static_cast<int>(slides_.size());
    const float progress = shot.progress;
    // Laid out as the slide stills lay it out, so that a held slide is its still.
    return [text, number, count, progress](ImDrawList& list, float w, float h) {
        draw_caption(list, text, layout_caption(text, w, h, estimated_text_height), w, h, number, count, progress);
    };
}

namespace {

// The film's renderer, the frame it draws into, and the picture a change of projection fades out from.
struct FilmedPresentation {
    PresentationFilm film;
    std::unique_ptr<HeadlessMap> map;
    RgbaImage frame, faded;
    std::optional<std::size_t> faded_slide;

    void draw(const FilmShot& shot, RgbaImage& into) const {
        Camera camera = map->camera();
        camera.center = shot.camera.center;
        camera.pixels_per_metre = shot.camera.pixels_per_metre;
        map->set_camera(camera);
        if (auto error = map->set_projection(shot.projection, shot.moving)) throw FrameError(*error);
        const ExportOptions& still = film.still_options(shot.slide);
        map->set_focus(still.focus);
        map->set_overlay(film.caption(shot));
        if (auto error = map->render_into(shot.animation_seconds, into.pixels)) throw FrameError(*error);
    }
};

// out = out * (1 - a) + over * a, per channel, rounded.
void blend_over(RgbaImage& out, const RgbaImage& over, double opacity) {
    const auto a = static_cast<unsigned>(std::lround(std::clamp(opacity, 0.0, 1.0) * 256.0));
    for (std::size_t i = 0; i < out.pixels.size(); ++i)
        out.pixels[i] = static_cast<std::uint8_t>((out.pixels[i] * (256U - a) + over.pixels[i] * a + 128U) >> 8U);
}

RgbaImage image_of(int width, int height) {
    RgbaImage image;
    image.width = width;
    image.height = height;
    image.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    return image;
}

}  // namespace

std::variant<FrameSource, std::string> presentation_frames(const ExportOptions& base, bool caption,
                                                           std::optional<double> from, std::optional<double> to) {
    auto planned = PresentationFilm::plan(base, caption);
    if (auto* error = std::get_if<std::string>(&planned)) return *error;
    const double length = std::get<PresentationFilm>(planned).seconds();
    const double start = from.value_or(0.0);
    const double end = std::min(to.value_or(length), length);
    if (end <= start) {
        char text[160];
        std::snprintf(text, sizeof text, "nothing to film: the presentation ends at %.2f s", length);
        return std::string(text);
    }
    auto filmed = std::make_shared<FilmedPresentation>(FilmedPresentation{
        std::move(std::get<PresentationFilm>(planned)), nullptr, image_of(base.width, base.height), {}, {}});
    // The renderer starts on the first slide's view, as its still does.
    auto created = HeadlessMap::create(filmed->film.still_options(0));
    if (auto* error = std::get_if<std::string>(&created)) return *error;
    filmed->map = std::move(std::get<std::unique_ptr<HeadlessMap>>(created));
    FrameSource source;
    source.width = base.width;
    source.height = base.height;
    source.seconds = end - start;
    source.frame_at = [filmed, start](double seconds) -> const RgbaImage& {
        const FilmShot shot = filmed->film.shot_at(start + seconds);
        if (shot.fade > 0 && filmed->faded_slide != shot.slide) {
            if (filmed->faded.pixels.empty()) filmed->faded = image_of(filmed->frame.width, filmed->frame.height);
            filmed->draw(filmed->film.switch_shot(shot.slide), filmed->faded);
            filmed->faded_slide = shot.slide;
        }
        filmed->draw(shot, filmed->frame);
        if (shot.fade > 0) blend_over(filmed->frame, filmed->faded, shot.fade);
        return filmed->frame;
    };
    return source;
}

}  // namespace diplomap

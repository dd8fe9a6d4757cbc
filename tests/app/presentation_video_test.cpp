// `diplomap export --video FILE --presentation`: the frame handed to the encoder while a slide holds is that slide's
// still (`export --slide N`), flights move between them, the film lasts the slides' durations at the frame rate, and
// a view that stays put draws its basemap once.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <map>
#include <sstream>

#include "../bundled_story.hpp"
#include "app/modes/headless_map.hpp"
#include "app/modes/present_mode.hpp"
#include "app/modes/presentation_film.hpp"
#include "app/modes/video_export.hpp"
#include "bad_input_support.hpp"
#include "geo/story/presentation_timeline.hpp"
#include "video_decoder.hpp"

namespace fs = std::filesystem;
using namespace diplomap;
using namespace diplomap::test;

namespace {

// Three slides of the bundled story, shortened: Korea on the globe (no play range), the flight across the Pacific to
// Washington (the globe turns; the arc plays 1.5 s), and the Security Council on a world map (another projection:
// the flight switches at its middle and cross-fades).
ExportOptions short_presentation() {
    ExportOptions o;
    // Large enough for H.264 to keep labels and the caption readable.
    o.width = 640;
    o.height = 360;
    o.view.assets = assets_folder();
    o.view.detail = geo::Detail::Coarse110m;
    geo::Story story = bundled_story();
    const std::vector<geo::Slide> all = presentation_slides(story);
    REQUIRE(all.size() == 11);
    geo::Slide korea = all[1], washington = all[4], council = all[10];
    REQUIRE(washington.id == "white-house");
    REQUIRE(council.camera.projection == "eqearth");
    korea.from_seconds = korea.to_seconds;
    korea.duration_seconds = 1.0;
    washington.duration_seconds = 3.0 + (washington.to_seconds - washington.from_seconds) + 0.5;
    council.from_seconds = council.to_seconds;
    council.duration_seconds = 3.5;
    story.slides = {korea, washington, council};
    o.story = std::move(story);
    center_on_story(o.view, *o.story);
    return o;
}

RgbaImage render(const ExportOptions& options) {
    auto rendered = render_map(options);
    if (auto* error = std::get_if<std::string>(&rendered)) FAIL(*error);
    return std::get<RenderedMap>(rendered).image;
}

std::size_t differing_pixels(const RgbaImage& a, const RgbaImage& b, int below_row = 0) {
    std::size_t n = 0;
    for (int y = 0; y < std::min(a.height, below_row > 0 ? below_row : a.height); ++y)
        for (int x = 0; x < a.width; ++x)
            if (std::memcmp(a.at(x, y), b.at(x, y), 4) != 0) ++n;
    return n;
}

// The frame index of the last frame within a slide (its held moment, the flight and play range over).
int last_frame_of(const PresentationFilm& film, std::size_t slide, int fps) {
    const double end = film.slide_start(slide + 1);
    return static_cast<int>(std::ceil(end * fps)) - 1;
}

}  // namespace

TEST_CASE("a filmed presentation holds each slide as its still and flies between them", "[video][presentation]") {
    const ExportOptions base = short_presentation();
    auto planned = PresentationFilm::plan(base, true);
    if (auto* error = std::get_if<std::string>(&planned)) FAIL(*error);
    const PresentationFilm& film = std::get<PresentationFilm>(planned);
    REQUIRE(film.slide_count() == 3);
    CHECK(film.seconds() == Approx(1.0 + 5.0 + 3.5));
    CHECK(film.flight_seconds(0) == 0.0);
    // Flights last what the window's take: 0.6-3 s, a change of projection at least its half plus 0.3 s.
    CHECK(film.flight_seconds(1) >= 0.6);
    CHECK(film.flight_seconds(1) <= 3.0);
    CHECK(film.flight_seconds(2) >= 0.6);
    CHECK(film.flight_seconds(2) <= 3.5);

    auto created = presentation_frames(base, true);
    if (auto* error = std::get_if<std::string>(&created)) FAIL(*error);
    const FrameSource& source = std::get<FrameSource>(created);
    CHECK(source.seconds == Approx(film.seconds()));
    constexpr int kFps = 10;
    const int held[] = {last_frame_of(film, 0, kFps), last_frame_of(film, 1, kFps), last_frame_of(film, 2, kFps)};
    CHECK(held[2] == frame_count(film.seconds(), kFps) - 1);
    // Half way through the flight to Washington; and just after the switch to the world map, still fading.
    const int mid_flight = static_cast<int>((film.slide_start(1) + 0.5 * film.flight_seconds(1)) * kFps);
    std::map<int, RgbaImage> handed;
    FrameSource watched = source;
    watched.frame_at = [&](double seconds) -> const RgbaImage& {
        const RgbaImage& frame = source.frame_at(seconds);
        for (int index : {held[0], held[1], held[2], mid_flight})
            if (seconds == frame_seconds(index, kFps)) handed[index] = frame;
        return frame;
    };
    TempDir dir;
    VideoOptions video;
    video.file = dir / "slides.mp4";
    video.fps = kFps;
    video.progress = false;
    video.presentation = true;
    std::ostringstream err;
    REQUIRE(diplomap::film(watched, video, err) == 0);
    CHECK(err.str().empty());
    REQUIRE(handed.size() == 4);

    const DecodedVideo decoded = decode_video(video.file, {held[0], held[1], held[2], mid_flight});
    CHECK(decoded.error.empty());
    CHECK(decoded.frames == static_cast<int>(std::lround(film.seconds() * kFps)));
    CHECK(decoded.frame_rate == Approx(kFps));
    REQUIRE(decoded.kept.size() == 4);
    std::map<int, RgbaImage> decoded_frames(decoded.kept.begin(), decoded.kept.end());

    for (std::size_t slide = 0; slide < 3; ++slide) {
        const int index = held[slide];
        INFO("slide " << slide + 1 << ", frame " << index);
        const RgbaImage& frame = handed.at(index);
        // The map, the story and the caption's words are exactly `export --slide N`; the caption's progress bar
        // (the bottom rows) moves through the slide as the window's does, where the still shows it at the slide's end.
        const ExportOptions& still_options = film.still_options(slide);
        const RgbaImage still = render(still_options);
        const int bar_rows = 4;
        CHECK(differing_pixels(frame, still, frame.height - bar_rows) == 0);
        CHECK(differing_pixels(frame, still) <= static_cast<std::size_t>(bar_rows * frame.width / 10));
        // With the film's own bar the still is the frame to the last pixel.
        ExportOptions same_bar = still_options;
        same_bar.overlay = film.caption(film.shot_at(frame_seconds(index, kFps)));
        CHECK(differing_pixels(frame, render(same_bar)) == 0);
        const double db = psnr(decoded_frames.at(index), still);
        INFO("PSNR " << db << " dB");
        CHECK(db >= 35.0);
    }
    // In flight the view is neither slide's.
    const RgbaImage& flying = handed.at(mid_flight);
    CHECK(differing_pixels(flying, handed.at(held[0]), flying.height - 80) > 5000);
    CHECK(differing_pixels(flying, handed.at(held[1]), flying.height - 80) > 5000);
    const FilmShot mid = film.shot_at(frame_seconds(mid_flight, kFps));
    CHECK(mid.slide == 1);
    CHECK(mid.moving);
    CHECK(film.shot_at(frame_seconds(held[1], kFps)).animation_seconds ==
          Approx(film.still_options(1).seconds.value()));
}

TEST_CASE("the flight to another projection switches at its middle and cross-fades", "[video][presentation]") {
    const ExportOptions base = short_presentation();
    auto planned = PresentationFilm::plan(base, true);
    if (auto* error = std::get_if<std::string>(&planned)) FAIL(*error);
    const PresentationFilm& film = std::get<PresentationFilm>(planned);
    const double start = film.slide_start(2);
    const double flight = film.flight_seconds(2);
    const FilmShot before = film.shot_at(start + 0.25 * flight);
    CHECK(before.projection.name == "ortho");
    CHECK(before.moving);
    CHECK(before.fade == 0.0);
    const FilmShot switch_shot = film.switch_shot(2);
    CHECK(switch_shot.projection.name == "ortho");
    // Just after the middle: the world map, with the globe's last picture over it, fading.
    const FilmShot after = film.shot_at(start + 0.5 * flight + 0.05);
    CHECK(after.projection.name == "eqearth");
    CHECK(after.fade > 0.5);
    CHECK(after.fade < 1.0);
    const FilmShot landed = film.shot_at(start + flight + 0.5);
    CHECK(landed.projection == film.still_options(2).view.projection);
    CHECK(landed.fade == 0.0);
    CHECK_FALSE(landed.moving);
    CHECK(landed.camera.pixels_per_metre == film.still_options(2).camera->pixels_per_metre);
}

TEST_CASE("a video of a view that stays put draws its basemap once and copies it", "[video][export]") {
    ExportOptions options = short_presentation();
    options.story.reset();
    options.width = 320;
    options.height = 180;
    auto created = HeadlessMap::create(options);
    if (auto* error = std::get_if<std::string>(&created)) FAIL(*error);
    HeadlessMap& map = *std::get<std::unique_ptr<HeadlessMap>>(created);
    std::vector<RgbaImage> frames(3, RgbaImage{320, 180, std::vector<std::uint8_t>(320 * 180 * 4)});
    std::vector<bool> reused;
    for (RgbaImage& frame : frames) {
        REQUIRE_FALSE(map.render_into(std::nullopt, frame.pixels));
        reused.push_back(map.basemap_reused());
    }
    CHECK(reused == std::vector<bool>{false, true, true});
    CHECK(differing_pixels(frames[0], frames[1]) == 0);
    CHECK(differing_pixels(frames[0], frames[2]) == 0);
    // Moved, it draws again.
    Camera moved = map.camera();
    moved.pixels_per_metre *= 1.5;
    map.set_camera(moved);
    REQUIRE_FALSE(map.render_into(std::nullopt, frames[1].pixels));
    CHECK_FALSE(map.basemap_reused());
    CHECK(differing_pixels(frames[0], frames[1]) > 1000);
}

TEST_CASE("a headless map switches projection and keeps the meshes of resting views", "[video][presentation]") {
    const ExportOptions base = short_presentation();
    auto planned = PresentationFilm::plan(base, false);
    if (auto* error = std::get_if<std::string>(&planned)) FAIL(*error);
    const PresentationFilm& film = std::get<PresentationFilm>(planned);
    auto created = HeadlessMap::create(film.still_options(0));
    if (auto* error = std::get_if<std::string>(&created)) FAIL(*error);
    HeadlessMap& map = *std::get<std::unique_ptr<HeadlessMap>>(created);
    const auto show = [&](std::size_t slide) {
        const ExportOptions& still = film.still_options(slide);
        map.set_camera(*still.camera);
        REQUIRE_FALSE(map.set_projection(still.view.projection, false));
        map.set_focus(still.focus);
        RgbaImage frame{base.width, base.height, std::vector<std::uint8_t>(std::size_t{640} * 360 * 4)};
        REQUIRE_FALSE(map.render_into(still.seconds, frame.pixels));
        return frame;
    };
    // The first slide's view is the one it was made with: nothing to build.
    const RgbaImage korea = show(0);
    CHECK(map.meshes_built() == 0);
    CHECK(differing_pixels(korea, show(0)) == 0);
    CHECK(map.meshes_built() == 0);
    CHECK(map.basemap_reused());
    // The world map is another projection: built once, then held without building again.
    const RgbaImage world = show(2);
    CHECK(map.meshes_built() == 1);
    CHECK(differing_pixels(world, render(film.still_options(2))) == 0);
    show(2);
    CHECK(map.meshes_built() == 1);
    // The globe over Washington, then the world map again: that one was kept.
    show(1);
    CHECK(map.meshes_built() == 2);
    CHECK(differing_pixels(show(2), world) == 0);
    CHECK(map.meshes_built() == 2);
}

TEST_CASE("export --presentation films every slide for its duration, as MP4 and GIF", "[video][presentation][cli]") {
    TempDir dir;
    const std::vector<geo::Slide> slides = presentation_slides(bundled_story());
    const int expected = static_cast<int>(std::lround(geo::presentation_seconds(slides)));
    for (const char* name : {"slides.mp4", "slides.gif"}) {
        INFO(name);
        const auto result = run_diplomap_in(
            dir.path(), std::string("export --detail 110m --size 96x54 --fps 1 --presentation --video ") + name);
        CHECK(result.exit_code == 0);
        CHECK(result.output.empty());
        const DecodedVideo decoded = decode_video(dir / name);
        CHECK(decoded.error.empty());
        CHECK(decoded.frames == expected);
        CHECK(decoded.width == 96);
        CHECK(decoded.height == 54);
        CHECK(decoded.frame_rate == Approx(1.0));
    }
    CHECK(entries_below(dir.path()) == std::vector<std::string>{"slides.gif", "slides.mp4"});

    // A stretch of it, by the presentation's clock: the end of the first slide and the flight into the second.
    const auto stretch = run_diplomap_in(
        dir.path(), "export --detail 110m --size 96x54 --fps 10 --presentation --from 8 --to 11 --video part.webm");
    CHECK(stretch.exit_code == 0);
    CHECK(decode_video(dir / "part.webm").frames == 30);
    const auto after_end =
        run_diplomap_in(dir.path(), "export --detail 110m --size 96x54 --presentation --from 200 --video late.mp4");
    CHECK(after_end.exit_code == 1);
    CHECK(after_end.output ==
          "diplomap: nothing to film: the presentation ends at " + std::to_string(expected) + ".00 s\n");
    CHECK_FALSE(fs::exists(dir / "late.mp4"));
}

TEST_CASE("bad --presentation arguments exit 2 with one message and write nothing", "[video][presentation][cli]") {
    TempDir dir;
    const std::pair<std::string, std::string> cases[] = {
        {"--presentation --out x.png", "diplomap export: --presentation goes with --video FILE"},
        {"--presentation --video p.mp4 --slide 2",
         "diplomap export: --presentation films every slide; leave out --slide"},
    };
    for (const auto& [arguments, message] : cases) {
        INFO(arguments);
        const auto result = run_diplomap_in(dir.path(), "export " + arguments);
        CHECK(result.exit_code == 2);
        CHECK(result.output == message + "\n");
        CHECK(entries_below(dir.path()).empty());
    }
}

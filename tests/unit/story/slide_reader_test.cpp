// Slides as the story file writes them: one bad slide file per kind of problem (tests/data/stories/bad-slides), each
// with its exact message and position; the fixtures' and the bundled story's slides read back field by field; the
// nominal views and flights `check` measures; and the presentation of a story without slides.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "bundled_story.hpp"
#include "geo/story/automatic_slides.hpp"
#include "geo/story/slide_reader.hpp"
#include "geo/story/slide_timing.hpp"
#include "geo/story/slide_view.hpp"
#include "geo/story/story_animation.hpp"
#include "geo/story/story_fit.hpp"
#include "geo/story/story_loader.hpp"
#include "test_files.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path slides_dir = fs::path(DIPLOMAP_TEST_DATA) / "stories" / "bad-slides";

std::string all_problems(const geo::StoryLoad& load) {
    std::string text;
    for (const geo::Diagnostic& problem : load.problems) text += problem.to_string() + "\n";
    return text;
}

geo::Story load_or_fail(const fs::path& folder) {
    geo::StoryLoad load = geo::load_story(folder);
    INFO(all_problems(load));
    REQUIRE(load.problems.empty());
    return std::move(*load.story);
}

struct BadSlide {
    const char* folder;
    int line;
    int column;
    const char* id;
    const char* message;
};

// Each story is a good one (tests/data/stories/bad-slides/good) with its second slide spoiled in one way, so each
// must give exactly this one problem: nothing may cascade.
const BadSlide bad_slides[] = {
    {"unknown-place-in-fit", 33, 52, "warn",
     "the camera of slide 'warn' refers to unknown place 'vladiwostok' in \"fit\""},
    {"unknown-relation-in-highlight", 33, 48, "warn",
     "the highlight of slide 'warn' refers to unknown relation 'warnung' in \"relations\""},
    {"unknown-route-in-highlight", 33, 45, "warn",
     "the highlight of slide 'warn' refers to unknown route 'zug' in \"routes\""},
    {"unknown-excerpt-in-caption", 33, 84, "warn",
     "the caption of slide 'warn' refers to unknown excerpt 'warnte' in \"excerpt\""},
    {"wrong-kind-in-highlight", 33, 45, "warn",
     "the highlight of slide 'warn' refers to 'kirby' in \"places\", which is a person, not a place"},
    {"no-id-unknown-place", 33, 31, "", "the highlight of slide #2 refers to unknown place 'seoul' in \"places\""},
    {"zoom-out-of-range", 33, 62, "warn", "\"zoom\" of the camera of slide 'warn' is 14, out of range 0..12"},
    {"zoom-negative", 33, 39, "warn", "\"zoom\" of the camera of slide 'warn' is -1, out of range 0..12"},
    {"center-out-of-range", 33, 47, "warn", "latitude 95 is out of range -90..90"},
    {"unknown-projection", 33, 45, "warn",
     "\"projection\" of the camera of slide 'warn': unknown projection 'globus'; valid: ortho, eqearth, laea, aeqd, "
     "webmerc, natearth, a PROJ string (+proj=...) or a projected CRS code (EPSG:3035)"},
    {"fit-with-zoom", 33, 54, "warn",
     "the camera of slide 'warn' has both \"fit\" and \"zoom\": a fitted camera chooses its own centre and zoom"},
    {"camera-shows-nothing", 33, 20, "warn", "the camera of slide 'warn' shows nothing of what it frames"},
    {"unknown-key-in-camera", 33, 56, "warn",
     "unknown key \"zom\" in the camera of slide 'warn' (did you mean \"zoom\"?)"},
    {"caption-missing", 33, 5, "warn", "slide 'warn' is missing required field \"caption\""},
    {"caption-empty", 33, 72, "warn",
     "the caption of slide 'warn' is empty: it needs \"excerpt\" (an excerpt id) or \"text\""},
    {"caption-both", 33, 53, "warn", "the caption of slide 'warn' has both \"excerpt\" and \"text\"; give one of them"},
    {"caption-text-empty", 33, 47, "warn", "\"text\" of the caption of slide 'warn' is empty in 'de'"},
    {"caption-text-empty-string", 33, 40, "warn", "\"text\" of the caption of slide 'warn' is empty"},
    {"caption-text-lacks-language", 33, 40, "warn",
     "\"text\" of the caption of slide 'warn' lacks 'en' (the story's languages are de, en)"},
    {"caption-text-foreign-language", 33, 83, "warn",
     "'fr' in \"text\" of the caption of slide 'warn' is not one of the story's languages (de, en)"},
    {"notes-wrong-type", 33, 63, "warn",
     "\"notes\" of slide 'warn' must be a string or an object of language -> text, not a number"},
    // The animation of this story lasts 14 s: the train's 12 s journey and its 2 s rest at the end.
    {"play-after-end", 33, 68, "warn", "\"play\" of slide 'warn' ends at 20 s, after the animation's end at 14 s"},
    {"play-before-start", 33, 63, "warn",
     "\"play\" of slide 'warn' starts at -0.5 s, before the animation's start at 0 s"},
    {"play-backwards", 33, 62, "warn", "\"play\" of slide 'warn' runs backwards, from 3.1 s to 1.6 s"},
    {"play-not-a-range", 33, 62, "warn",
     "\"play\" of slide 'warn' must be [from, to]: two numbers of seconds of the animation"},
    {"duration-too-short", 34, 18, "warn",
     "\"duration\" of slide 'warn' is 2 s, shorter than the flight into it (1.82 s) plus its play range (1.5 s): at "
     "least 3.32 s"},
    {"duration-not-positive", 33, 66, "warn",
     "\"duration\" of slide 'warn' must be a positive number of seconds, not 0"},
    {"unknown-key-in-slide", 33, 54, "warn", "unknown key \"durration\" in slide 'warn' (did you mean \"duration\"?)"},
    {"duplicate-slide-id", 33, 12, "start", "duplicate slide id 'start' (first defined at 31:12)"},
    {"slide-not-object", 33, 5, "", "slide #2 must be an object, not a string"},
    {"slides-not-array", 30, 13, "", "\"slides\" must be an array of slides, not an object"},
};

}  // namespace

TEST_CASE("each bad slide gives its one specific problem at the offending value", "[story][slides]") {
    for (const BadSlide& bad : bad_slides) {
        const fs::path folder = slides_dir / bad.folder;
        INFO("case " << bad.folder);
        REQUIRE(fs::exists(folder / "story.json"));
        const geo::StoryLoad load = geo::load_story(folder);
        INFO(all_problems(load));
        CHECK_FALSE(load.story.has_value());
        REQUIRE(load.problems.size() == 1);
        const geo::Diagnostic& problem = load.problems.front();
        CHECK(problem.file == (folder / "story.json").string());
        CHECK(problem.line == bad.line);
        CHECK(problem.column == bad.column);
        CHECK(problem.id == bad.id);
        CHECK(problem.message == bad.message);
    }
}

TEST_CASE("every bad slide folder is in the table", "[story][slides]") {
    std::size_t folders = 0;
    for (const fs::directory_entry& entry : fs::directory_iterator(slides_dir)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_directory() || name == "good" || name == "several") continue;
        ++folders;
        INFO("bad slide folder " << name << " is not in the table");
        CHECK(std::any_of(std::begin(bad_slides), std::end(bad_slides),
                          [&](const BadSlide& bad) { return name == bad.folder; }));
    }
    CHECK(folders == std::size(bad_slides));
}

TEST_CASE("slides with several problems report each of them, in file order", "[story][slides]") {
    const geo::StoryLoad load = geo::load_story(slides_dir / "several");
    CHECK_FALSE(load.story.has_value());
    std::vector<std::string> got;
    for (const geo::Diagnostic& d : load.problems)
        got.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message);
    const std::vector<std::string> wanted = {
        "33:48 the highlight of slide 'warn' refers to unknown relation 'warnung' in \"relations\"",
        "33:109 \"play\" of slide 'warn' ends at 20 s, after the animation's end at 14 s",
        "34:39 \"zoom\" of the camera of slide 'zoom' is 13, out of range 0..12",
        "34:64 \"text\" of the caption of slide 'zoom' lacks 'en' (the story's languages are de, en)",
        "35:32 the caption of slide 'empty' is empty: it needs \"excerpt\" (an excerpt id) or \"text\"",
    };
    CHECK(got == wanted);
}

TEST_CASE("a good slide file reads back field by field", "[story][slides]") {
    const geo::Story story = load_or_fail(slides_dir / "good");
    REQUIRE(story.slides.size() == 2);
    const geo::Slide& start = story.slides[0];
    CHECK(start.id == "start");
    CHECK(start.line == 31);
    CHECK(start.column == 5);
    CHECK(start.camera.fit);
    CHECK(start.camera.fit_places == std::vector<std::size_t>{story.find_place("pyongyang").value()});
    CHECK(start.highlight.empty());
    REQUIRE(start.caption_text.has_value());
    CHECK(start.caption_text->get("en") == "Departure");
    CHECK(start.caption_text->get("de") == "Abfahrt");
    CHECK_FALSE(start.caption_excerpt.has_value());
    CHECK(start.from_seconds == 0);
    CHECK(start.to_seconds == 2);
    CHECK(start.duration_seconds == 8);

    // Without "camera" the slide fits what it highlights; without "duration" it lasts the flight, the range and the
    // caption's reading time.
    const geo::Slide& warn = story.slides[1];
    CHECK(warn.camera.fit);
    CHECK(warn.camera.fit_places.empty());
    CHECK(warn.highlight.relations == std::vector<std::size_t>{story.find_relation("warning").value()});
    CHECK(warn.caption_excerpt == story.find_excerpt("warned"));
    CHECK(warn.from_seconds == 1.6);
    CHECK(warn.to_seconds == 3.1);
    const std::vector<double> flights = geo::nominal_flight_seconds(story, story.slides);
    REQUIRE(flights.size() == 2);
    // Five words of German, five of English: below the 3 s floor.
    CHECK(geo::caption_reading_seconds(story, warn) == geo::kMinReadingSeconds);
    CHECK(warn.duration_seconds == Approx(flights[1] + 1.5 + 3.0).epsilon(1e-12));
    // The flight from Pyongyang to the warning across the Pacific is the one duration-too-short's message measures.
    CHECK(flights[1] == Approx(1.82).margin(0.005));
}

TEST_CASE("the good-minimal fixture's slides: explicit camera, settled default, notes in one language",
          "[story][slides]") {
    const geo::Story story = load_or_fail(fs::path(DIPLOMAP_TEST_DATA) / "stories" / "good-minimal");
    REQUIRE(story.slides.size() == 3);
    const geo::Slide& departure = story.slides[0];
    REQUIRE(departure.notes.has_value());
    CHECK(departure.notes->get("de") == "The train is the story.");  // only English given: it is the fallback
    CHECK(departure.highlight.routes == std::vector<std::size_t>{story.find_route("kim-train").value()});
    const geo::Slide& world = story.slides[2];
    CHECK(world.id.empty());
    CHECK_FALSE(world.camera.fit);
    CHECK(world.camera.projection == "eqearth");
    REQUIRE(world.camera.center.has_value());
    CHECK(world.camera.center->lon == 150);
    CHECK(world.camera.center->lat == 10);
    CHECK(world.camera.zoom == 1);
    CHECK(world.notes->get("en") == "Zum Schluss");  // a plain string is in the story's language
    // No "play": the settled story, as an export without --time.
    CHECK(world.from_seconds == geo::story_play_seconds(story));
    CHECK(world.to_seconds == geo::story_play_seconds(story));
}

TEST_CASE("an explicit slide camera is placed as the command line places it, in the free rectangle",
          "[story][slides]") {
    const geo::Story story = load_or_fail(fs::path(DIPLOMAP_TEST_DATA) / "stories" / "good-minimal");
    const geo::Slide& world = story.slides[2];
    const geo::PixelRect free{0, 0, 1600, 800};  // a caption covers the bottom 200 px of a 1600x1000 view
    const auto view = geo::slide_view(story, world, geo::ProjectionSpec{}, 1600, 1000, free);
    REQUIRE(view.has_value());
    CHECK(view->projection.name == "eqearth");
    CHECK(view->projection.center.lon == 150);
    CHECK(view->projection.center.lat == 0);  // a world map takes only the longitude, as on the command line
    auto created = geo::Projection::create(view->projection);
    REQUIRE(std::holds_alternative<geo::Projection>(created));
    const geo::Projection& projection = std::get<geo::Projection>(created);
    const geo::Bounds& w = projection.world_bounds();
    // Zoom 1: twice the scale that fits the world into the free rectangle with the command line's margin.
    CHECK(view->pose.camera.pixels_per_metre ==
          Approx(2 * 0.96 * std::min(1600 / w.width(), 800 / w.height())).epsilon(1e-12));
    // The centre (150E on the equator) lands at the middle of the free rectangle: 100 px above the image's middle.
    const geo::XY centre = projection.forward(geo::LonLat{150, 0}).value();
    const double px = 800 + (centre.x - view->pose.camera.center.x) * view->pose.camera.pixels_per_metre;
    const double py = 500 - (centre.y - view->pose.camera.center.y) * view->pose.camera.pixels_per_metre;
    CHECK(px == Approx(800).margin(1e-6));
    CHECK(py == Approx(400).margin(1e-6));
}

TEST_CASE("a fitted slide view frames its places inside the free rectangle", "[story][slides]") {
    const geo::Story& story = diplomap::test::bundled_story();
    const geo::PixelRect free = geo::nominal_slide_free();
    for (const geo::Slide& slide : story.slides) {
        if (!slide.camera.fit) continue;
        INFO("slide " << slide.id);
        const auto view = geo::slide_view(story, slide, geo::ProjectionSpec{}, geo::kNominalSlideWidth,
                                          geo::kNominalSlideHeight, free);
        REQUIRE(view.has_value());
        // A fitted slide keeps the projection it names (the closing slide's world map), else the globe, which turns.
        CHECK(view->projection.name == (slide.camera.projection.empty() ? "ortho" : slide.camera.projection));
        if (view->projection.name == "ortho") CHECK(view->projection.center == view->pose.center);
        auto created = geo::Projection::create(view->projection);
        const geo::Projection& projection = std::get<geo::Projection>(created);
        geo::FitTarget target;
        target.places = slide.camera.fit_places;
        if (target.empty()) target = slide.highlight;
        for (const geo::LonLat& point : geo::target_points(story, target)) {
            const auto xy = projection.forward(point);
            REQUIRE(xy.has_value());
            const double px = 960 + (xy->x - view->pose.camera.center.x) * view->pose.camera.pixels_per_metre;
            const double py = 540 - (xy->y - view->pose.camera.center.y) * view->pose.camera.pixels_per_metre;
            CHECK(px > 0);
            CHECK(px < 1920);
            CHECK(py > 0);
            CHECK(py < 1080);
        }
    }
}

TEST_CASE("the bundled presentation tells the article from Kim's departure to the Security Council",
          "[story][slides][bundled]") {
    const geo::Story& story = diplomap::test::bundled_story();
    REQUIRE(story.slides.size() >= 8);
    REQUIRE(story.slides.size() <= 12);
    const double animation = geo::story_play_seconds(story);
    CHECK(animation == 15.5);  // the train's journey, its stop at the border and its rest outlast the last arc
    const std::vector<double> flights = geo::nominal_flight_seconds(story, story.slides);

    // It opens on Pyongyang with the train, then the route to the border.
    const geo::Slide& first = story.slides[0];
    CHECK(first.camera.fit_places == std::vector<std::size_t>{story.find_place("pyongyang").value()});
    CHECK(first.highlight.routes == std::vector<std::size_t>{story.find_route("train-2023").value()});
    CHECK(first.from_seconds == 0);
    REQUIRE(first.caption_text.has_value());
    CHECK(first.caption_text->get("en").find("Pyongyang") != std::string::npos);
    const geo::Slide& route = story.slides[1];
    REQUIRE(route.caption_text.has_value());
    for (const char* station : {"Hamhung", "Chongjin", "Tumangang"})
        CHECK(route.caption_text->get("de").find(station) != std::string::npos);
    CHECK(route.highlight.places == std::vector<std::size_t>{story.find_place("tumangang-khasan").value()});

    std::vector<std::string> quoted;
    std::size_t previous_begin = 0;
    for (std::size_t i = 0; i < story.slides.size(); ++i) {
        const geo::Slide& slide = story.slides[i];
        INFO("slide " << slide.id);
        CHECK_FALSE(slide.id.empty());
        CHECK(slide.caption_excerpt.has_value() != slide.caption_text.has_value());
        CHECK(slide.notes.has_value());
        CHECK(slide.notes->has("en"));
        CHECK(0 <= slide.from_seconds);
        CHECK(slide.from_seconds <= slide.to_seconds);
        CHECK(slide.to_seconds <= animation);
        CHECK(slide.duration_seconds >= flights[i] + slide.to_seconds - slide.from_seconds);
        if (!slide.caption_excerpt) continue;
        // Quotation captions follow the article's order, each with its English translation.
        const geo::Excerpt& excerpt = story.excerpts[*slide.caption_excerpt];
        CHECK(excerpt.article_begin >= previous_begin);
        previous_begin = excerpt.article_begin;
        CHECK(excerpt.translation.has("en"));
        quoted.push_back(excerpt.id);
    }
    const std::vector<std::string> wanted = {"ex-peskov-arrival",  "ex-eef-weapons",   "ex-jean-pierre",
                                             "ex-kirby",           "ex-peskov-rebuff", "ex-seiler-desperate",
                                             "ex-ballbach-winwin", "ex-yoon",          "ex-ballbach-unsc"};
    CHECK(quoted == wanted);
    // The last slide quotes the article's last paragraph, to its last word.
    const geo::Excerpt& last = story.excerpts[story.slides.back().caption_excerpt.value()];
    CHECK(story.article_text.find_first_not_of(" \n", last.article_end) == std::string::npos);
    CHECK(last.speaker == story.find_person("ballbach"));
}

TEST_CASE("a story without slides is presented one relation per slide, in date order", "[story][slides]") {
    const geo::Story& story = diplomap::test::bundled_story();
    const std::vector<geo::Slide> slides = geo::automatic_slides(story);
    REQUIRE(slides.size() == story.relations.size());
    const geo::StoryAnimation animation(story);
    const std::vector<double> flights = geo::nominal_flight_seconds(story, slides);
    std::vector<std::size_t> seen;
    bool undated_seen = false;
    for (std::size_t i = 0; i < slides.size(); ++i) {
        const geo::Slide& slide = slides[i];
        INFO("slide " << i << " " << slide.id);
        REQUIRE(slide.highlight.relations.size() == 1);
        const std::size_t r = slide.highlight.relations.front();
        const geo::Relation& relation = story.relations[r];
        seen.push_back(r);
        CHECK(slide.id == relation.id);
        CHECK(slide.camera.fit);
        CHECK(slide.camera.fit_places.empty());
        if (!relation.excerpts.empty()) {
            CHECK(slide.caption_excerpt == relation.excerpts.front());
        } else {
            REQUIRE(slide.caption_text.has_value());
            CHECK(slide.caption_text->get("en") == relation.label.get("en"));
        }
        CHECK(slide.from_seconds == animation.appear_seconds(r));
        CHECK(slide.to_seconds == animation.appear_seconds(r) + geo::StoryAnimation::kDrawInSeconds);
        CHECK(slide.duration_seconds ==
              Approx(flights[i] + geo::StoryAnimation::kDrawInSeconds + geo::caption_reading_seconds(story, slide))
                  .epsilon(1e-12));
        if (!relation.date) {
            undated_seen = true;
        } else {
            CHECK_FALSE(undated_seen);  // undated relations come last
        }
        if (i == 0) continue;
        const geo::Relation& before = story.relations[slides[i - 1].highlight.relations.front()];
        if (relation.date && before.date) {
            CHECK(before.date->first <= relation.date->first);
            if (before.date->first == relation.date->first) CHECK(seen[i - 1] < r);  // stable
        }
        if (!relation.date && !before.date) CHECK(seen[i - 1] < r);
    }
    std::sort(seen.begin(), seen.end());
    CHECK(std::adjacent_find(seen.begin(), seen.end()) == seen.end());  // each relation once
    // The bundled story's earliest relation is the 2019 journey.
    CHECK(slides.front().id == "travel-2019");
    CHECK(story.relations[story.find_relation(slides.front().id).value()].date.has_value());
}

TEST_CASE("a presentation of more than 200 slides is refused at its array", "[story][slides]") {
    std::string json = diplomap::test::read_file(slides_dir / "good" / "story.json");
    const std::string article = diplomap::test::read_file(slides_dir / "article.txt");
    const std::string slide = R"({"caption": {"excerpt": "warned"}},)";
    const std::size_t at = json.find("{\"id\": \"warn\"");
    REQUIRE(at != std::string::npos);
    std::string many;
    for (std::size_t i = 0; i < geo::kMaxSlides - 2; ++i) many += slide;
    // 200 slides (two written, 198 more) load; one more is refused.
    geo::StoryLoad load = geo::load_story_from_text(std::string(json).insert(at, many), article, "story.json");
    INFO(all_problems(load));
    REQUIRE(load.story.has_value());
    CHECK(load.story->slides.size() == geo::kMaxSlides);
    load = geo::load_story_from_text(json.insert(at, many + slide), article, "story.json");
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].line == 30);
    CHECK(load.problems[0].column == 13);
    CHECK(load.problems[0].message == "\"slides\" holds 201 slides, more than the 200 a presentation may have");
}

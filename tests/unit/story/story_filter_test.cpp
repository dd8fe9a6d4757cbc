// The "as of" rule: which dated relations and routes show on a given day, and how a change of that day plays out
// on the animation clock (drawing in, fading out), independently of any drawing.
#include <catch2/catch.hpp>

#include "geo/story/story_animation.hpp"
#include "geo/story/story_filter.hpp"

using std::chrono::year;

namespace {

std::optional<geo::DateRange> dated(const char* text) {
    geo::DateParse parsed = geo::parse_date_range(text);
    REQUIRE(parsed.range);
    return parsed.range;
}

constexpr double kChanged = 100.0;
constexpr double kDrawIn = geo::StoryAnimation::kDrawInSeconds;

}  // namespace

TEST_CASE("as of a day, what has begun by then shows, and undated items always do", "[story][as-of]") {
    const auto september = dated("2023-09");
    const auto twelfth_on = dated("2023-09-12/2023-09-13");
    CHECK(geo::shown_as_of(std::nullopt, year{2000} / 1 / 1));
    CHECK(geo::shown_as_of(september, std::nullopt));
    CHECK_FALSE(geo::shown_as_of(september, year{2023} / 8 / 31));
    CHECK(geo::shown_as_of(september, year{2023} / 9 / 1));  // a month has begun on its first day
    CHECK(geo::shown_as_of(september, year{2024} / 1 / 1));
    CHECK_FALSE(geo::shown_as_of(twelfth_on, year{2023} / 9 / 11));
    CHECK(geo::shown_as_of(twelfth_on, year{2023} / 9 / 12));
    CHECK(geo::shown_as_of(twelfth_on, year{2023} / 9 / 20));  // begun, and over: still known
}

TEST_CASE("without a change of date, items are shown or hidden at once", "[story][as-of]") {
    const auto date = dated("2023-09-12");
    for (const std::optional<double> seconds :
         {std::optional<double>(), std::optional<double>(0.0), std::optional<double>(kChanged + 0.1)}) {
        geo::AsOf as_of{year{2023} / 9 / 12, year{2023} / 9 / 12, kChanged};
        geo::Presence p = geo::presence_as_of(date, as_of, seconds);
        CHECK(p.drawn == 1.0);
        CHECK(p.opacity == 1.0);
        CHECK(p.visible());
        as_of = {year{2023} / 9 / 11, year{2023} / 9 / 11, kChanged};
        p = geo::presence_as_of(date, as_of, seconds);
        CHECK_FALSE(p.visible());
        // No date at all: everything, as before there was a filter.
        CHECK(geo::presence_as_of(date, geo::AsOf{}, seconds).visible());
        CHECK(geo::presence_as_of(std::nullopt, as_of, seconds).visible());
    }
}

TEST_CASE("an item the new date shows draws itself in from the change, as arcs do at the start", "[story][as-of]") {
    const auto date = dated("2023-09-12");
    const geo::AsOf as_of{year{2023} / 9 / 12, year{2023} / 9 / 11, kChanged};
    CHECK_FALSE(geo::presence_as_of(date, as_of, kChanged - 1.0).visible());  // the clock before the change
    CHECK(geo::presence_as_of(date, as_of, kChanged).drawn == 0.0);
    CHECK(geo::presence_as_of(date, as_of, kChanged + 0.5 * kDrawIn).drawn == Approx(0.5));
    CHECK(geo::presence_as_of(date, as_of, kChanged + 0.5 * kDrawIn).opacity == 1.0);
    CHECK(geo::presence_as_of(date, as_of, kChanged + kDrawIn).drawn == 1.0);
    CHECK(geo::presence_as_of(date, as_of, std::nullopt).drawn == 1.0);  // settled: the change has played out
    // From "everything" to a day the item had begun by: it was shown all along.
    CHECK(geo::presence_as_of(date, geo::AsOf{year{2023} / 9 / 12, std::nullopt, kChanged}, kChanged).drawn == 1.0);
}

TEST_CASE("an item the new date hides fades out over half a second", "[story][as-of]") {
    const auto date = dated("2023-09-12");
    const geo::AsOf as_of{year{2023} / 9 / 11, year{2023} / 9 / 12, kChanged};
    CHECK(geo::presence_as_of(date, as_of, kChanged - 1.0).opacity == 1.0);
    CHECK(geo::presence_as_of(date, as_of, kChanged).opacity == 1.0);
    CHECK(geo::presence_as_of(date, as_of, kChanged + 0.5 * geo::kAsOfFadeOutSeconds).opacity == Approx(0.5));
    CHECK(geo::presence_as_of(date, as_of, kChanged + 0.5 * geo::kAsOfFadeOutSeconds).drawn == 1.0);
    CHECK_FALSE(geo::presence_as_of(date, as_of, kChanged + geo::kAsOfFadeOutSeconds).visible());
    CHECK_FALSE(geo::presence_as_of(date, as_of, std::nullopt).visible());
    // From "everything" to a day before it: hidden the same way.
    const geo::AsOf from_everything{year{2023} / 9 / 11, std::nullopt, kChanged};
    CHECK(geo::presence_as_of(date, from_everything, kChanged + 0.25).opacity == Approx(0.5));
    // Undated items never fade.
    CHECK(geo::presence_as_of(std::nullopt, as_of, kChanged + 0.25).opacity == 1.0);
}

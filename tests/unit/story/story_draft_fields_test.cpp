// The fields a draft uses: an excerpt's "start"/"end" byte offsets (checked against its text), "draft" on any
// object, and empty fields still to fill in. Drafts give warnings, not errors; wrong offsets are errors.
#include <catch2/catch.hpp>

#include <string>

#include "geo/story/story_loader.hpp"

namespace {

const std::string article = "Er sagte: „Ja.“ Sie sagte: „Ja.“ Dann\ngingen beide.";

// A story of one place and one excerpt, with `excerpt_fields` added to the excerpt and `meta_fields` replacing
// the meta's title, date and source.
std::string story(const std::string& excerpt_fields,
                  const std::string& meta_fields = R"("title": "T", "date": "2024-01-02", "source": "S")") {
    return R"({"format": "diplomap-story/1",
 "meta": {)" +
           meta_fields + R"(, "language": "de", "article": "a.txt"},
 "places": [{"id": "p", "names": "P", "lon": 1, "lat": 2, "role": "city"}],
 "excerpts": [{"id": "q", "translation": {"en": "Yes."})" +
           excerpt_fields + "}]}";
}

std::string messages(const geo::Diagnostics& list) {
    std::string text;
    for (const geo::Diagnostic& d : list) text += d.to_string() + "\n";
    return text;
}

}  // namespace

TEST_CASE("start and end choose among repeated quotations", "[story][draft]") {
    const std::size_t second = article.find("„Ja.“", 12);
    const std::string fields = R"(, "text": "„Ja.“", "start": )" + std::to_string(second) + R"(, "end": )" +
                               std::to_string(second + std::string("„Ja.“").size());
    const geo::StoryLoad load = geo::load_story_from_text(story(fields), article, "s/story.json");
    INFO(messages(load.problems));
    REQUIRE(load.story);
    CHECK(load.story->excerpts[0].occurrence == 2);
    CHECK(load.story->excerpts[0].article_begin == second);
    CHECK(load.warnings.empty());
}

TEST_CASE("start and end across a line break hold the text with its whitespace collapsed", "[story][draft]") {
    const std::size_t begin = article.find("Dann");
    const std::string fields = R"(, "text": "Dann gingen", "start": )" + std::to_string(begin) + R"(, "end": )" +
                               std::to_string(begin + std::string("Dann\ngingen").size());
    const geo::StoryLoad load = geo::load_story_from_text(story(fields), article, "s/story.json");
    INFO(messages(load.problems));
    CHECK(load.story);
}

TEST_CASE("wrong start and end are errors with the position", "[story][draft]") {
    const auto problems = [](const std::string& fields) {
        return messages(geo::load_story_from_text(story(fields), article, "s/story.json").problems);
    };
    CHECK(problems(R"(, "text": "„Ja.“", "start": 0, "end": 8)") ==
          "s/story.json:4:88: error: bytes 0..8 of the article (s/a.txt:1:1) hold 'Er sagte', not the text of "
          "excerpt 'q' [q]\n");
    CHECK(problems(R"(, "text": "„Ja.“", "start": 10, "end": 9999)") ==
          "s/story.json:4:99: error: \"end\" of excerpt 'q' is 9999, beyond the end of the " +
              std::to_string(article.size()) + "-byte article [q]\n");
    CHECK(problems(R"(, "text": "„Ja.“", "start": 10)") ==
          "s/story.json:4:88: error: excerpt 'q' has \"start\" but no \"end\"; give both or neither [q]\n");
    CHECK(problems(R"(, "text": "„Ja.“", "start": 12, "end": 10)") ==
          "s/story.json:4:88: error: \"start\" of excerpt 'q' is 12, not before \"end\" (10) [q]\n");
    CHECK(problems(R"(, "text": "„Ja.“", "start": -1, "end": 1.5)") ==
          "s/story.json:4:88: error: \"start\" of excerpt 'q' must be a whole number >= 0, not -1 [q]\n"
          "s/story.json:4:99: error: \"end\" of excerpt 'q' must be a whole number >= 0, not 1.5 [q]\n");
    const std::size_t second = article.find("„Ja.“", 12);
    CHECK(problems(R"(, "text": "„Ja.“", "occurrence": 1, "start": )" + std::to_string(second) + R"(, "end": )" +
                   std::to_string(second + std::string("„Ja.“").size())) ==
          "s/story.json:4:93: error: \"occurrence\" of excerpt 'q' is 1, but \"start\" and \"end\" hold occurrence 2 "
          "[q]\n");
}

TEST_CASE("drafts and empty fields are warnings, which the story loads with", "[story][draft]") {
    const std::string fields = R"(, "text": "„Ja.“", "occurrence": 1, "draft": true, "translation": {"en": ""})";
    std::string json = story(fields, R"("title": "", "date": "", "source": "")");
    // The translation given twice would be a duplicate key: keep only the empty one.
    json.replace(json.find(R"("translation": {"en": "Yes."})"), std::string(R"("translation": {"en": "Yes."})").size(),
                 R"("_": 0)");
    const geo::StoryLoad load = geo::load_story_from_text(json, article, "s/story.json");
    INFO(messages(load.problems));
    REQUIRE(load.story);
    CHECK(load.story->excerpts[0].draft);
    CHECK(messages(load.warnings) ==
          "s/story.json:2:20: warning: \"title\" of meta is empty: still to fill in\n"
          "s/story.json:2:32: warning: \"date\" of meta is empty: still to fill in (a date such as 2023-09-12)\n"
          "s/story.json:2:46: warning: \"source\" of meta is empty: still to fill in\n"
          "s/story.json:4:82: warning: excerpt 'q' is a draft: review it, then remove \"draft\" [q]\n"
          "s/story.json:4:110: warning: 'en' in \"translation\" of excerpt 'q' is empty: still to fill in [q]\n");
}

TEST_CASE("a draft place and person say so; draft false says nothing", "[story][draft]") {
    std::string json = story(R"(, "text": "„Ja.“", "occurrence": 2)");
    json.replace(
        json.find(R"("role": "city"})"), std::string(R"("role": "city"})").size(),
        R"("role": "city", "draft": true, "source": "GeoNames"}], "people": [{"id": "x", "name": "X", "draft": false})");
    const geo::StoryLoad load = geo::load_story_from_text(json, article, "s/story.json");
    INFO(messages(load.problems));
    REQUIRE(load.story);
    CHECK(load.story->places[0].draft);
    CHECK(load.story->places[0].source == "GeoNames");
    CHECK_FALSE(load.story->people[0].draft);
    REQUIRE(load.warnings.size() == 1);
    CHECK(load.warnings[0].message == "place 'p' is a draft: review it, then remove \"draft\"");
    CHECK(load.warnings[0].to_string().find(": warning: ") != std::string::npos);
}

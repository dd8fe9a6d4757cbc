// A load and save changes no byte of a file already in the canonical style: the bundled story, and a fixture with
// unknown fields, comments, odd key order and numbers written in unusual ways.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "bundled_story.hpp"
#include "geo/edit/story_document.hpp"
#include "temp_dir.hpp"
#include "test_files.hpp"

namespace fs = std::filesystem;
using diplomap::test::read_file;

namespace {

std::string problems_of(const geo::DocumentOpen& opened) {
    std::string text;
    for (const geo::Diagnostic& problem : opened.problems) text += problem.to_string() + "\n";
    return text;
}

// Copies a story folder into `into` and returns the copied story.json.
fs::path copy_story(const fs::path& folder, const fs::path& into) {
    fs::copy(folder, into, fs::copy_options::recursive);
    return into / "story.json";
}

}  // namespace

TEST_CASE("the bundled story is in the canonical style: open and save change no byte", "[edit]") {
    const diplomap::test::TempDir temp;
    const fs::path story_json =
        copy_story(diplomap::test::assets_folder() / "stories" / "kim-train-2023", temp / "kim");
    const std::string before = read_file(story_json);
    geo::DocumentOpen opened = geo::StoryDocument::open(story_json);
    INFO(problems_of(opened));
    REQUIRE(opened.document);
    geo::StoryDocument& document = *opened.document;
    CHECK(document.text() == before);
    CHECK_FALSE(document.dirty());
    CHECK(document.story().places.size() == diplomap::test::bundled_story().places.size());
    const geo::DocumentSave saved = document.save();
    CHECK(saved.ok());
    CHECK(read_file(story_json) == before);
}

TEST_CASE("unknown fields, comments, key order and number spellings survive a round trip", "[edit]") {
    const fs::path fixture = fs::path(DIPLOMAP_SOURCE_DIR) / "tests" / "data" / "stories" / "edit-unusual";
    const diplomap::test::TempDir temp;
    const fs::path story_json = copy_story(fixture, temp / "unusual");
    const std::string before = read_file(story_json);
    geo::DocumentOpen opened = geo::StoryDocument::open(story_json);
    INFO(problems_of(opened));
    REQUIRE(opened.document);
    CHECK(opened.document->text() == before);
    REQUIRE(opened.document->save().ok());
    CHECK(read_file(story_json) == before);
}

TEST_CASE("a file not in the canonical style is written in it, with the same content", "[edit]") {
    const fs::path fixture = fs::path(DIPLOMAP_SOURCE_DIR) / "tests" / "data" / "stories" / "edit-unusual";
    const std::string canonical = read_file(fixture / "story.json");
    const std::string article = read_file(fixture / "article.txt");
    // The same story squeezed onto few lines, with escapes where the canonical style writes characters.
    const std::string squeezed =
        R"({"format":"diplomap-story/1","_comment":"first","meta":{"article":"article.txt","language":"de",)"
        R"("title":"Ein Titel","date":"2024-03-04","source":"Erfunden","_x":[1,{"a":null}]},)"
        R"("places":[{"role":"capital","id":"berlin","lat":52.5251e0,"lon":13.3694,"names":"Berl\u0069n"}]})";
    geo::DocumentOpen opened = geo::StoryDocument::from_text(squeezed, article, "/nonexistent/story.json");
    INFO(problems_of(opened));
    REQUIRE(opened.document);
    CHECK(opened.document->text() ==
          "{\n"
          "  \"format\": \"diplomap-story/1\",\n"
          "  \"_comment\": \"first\",\n"
          "  \"meta\": {\n"
          "    \"article\": \"article.txt\",\n"
          "    \"language\": \"de\",\n"
          "    \"title\": \"Ein Titel\",\n"
          "    \"date\": \"2024-03-04\",\n"
          "    \"source\": \"Erfunden\",\n"
          "    \"_x\": [\n"
          "      1,\n"
          "      {\n"
          "        \"a\": null\n"
          "      }\n"
          "    ]\n"
          "  },\n"
          "  \"places\": [\n"
          "    {\n"
          "      \"role\": \"capital\",\n"
          "      \"id\": \"berlin\",\n"
          "      \"lat\": 52.5251e0,\n"
          "      \"lon\": 13.3694,\n"
          "      \"names\": \"Berlin\"\n"
          "    }\n"
          "  ]\n"
          "}\n");
    CHECK_FALSE(canonical.empty());
}

// The story loader against the good fixture, one bad story per kind of problem, and inputs generated at test time
// (too large or too deep to commit).
#include <catch2/catch.hpp>

#include "temp_dir.hpp"

#include <unistd.h>
#include <atomic>
#include <filesystem>
#include <string>

#include "geo/story/story_loader.hpp"
#include "geo/text/text_collapsed.hpp"
#include "test_files.hpp"

namespace fs = std::filesystem;
using diplomap::test::read_file;
using diplomap::test::write_file;

namespace {

const fs::path stories_dir = fs::path(DIPLOMAP_TEST_DATA) / "stories";

// A fresh directory, removed with everything in it when the test ends.
using diplomap::test::TempDir;

std::string all_problems(const geo::StoryLoad& load) {
    std::string text;
    for (const geo::Diagnostic& problem : load.problems) text += problem.to_string() + "\n";
    return text;
}

}  // namespace

TEST_CASE("good-minimal fixture loads with every reference resolved", "[story]") {
    const geo::StoryLoad load = geo::load_story(stories_dir / "good-minimal");
    INFO(all_problems(load));
    REQUIRE(load.problems.empty());
    REQUIRE(load.story.has_value());
    const geo::Story& story = *load.story;

    CHECK(story.source_file == stories_dir / "good-minimal" / "story.json");
    CHECK(story.article_file == stories_dir / "good-minimal" / "article.txt");
    CHECK(story.article_text == read_file(stories_dir / "good-minimal" / "article.txt"));
    CHECK(story.meta.language == "de");
    CHECK(story.meta.title.get("en") == "Kim travels to Russia");
    CHECK(story.meta.title.get("fr") == "Kim reist nach Russland");  // falls back to the story language
    CHECK(story.meta.datelines == std::vector<std::string>{"Tokio", "Washington"});
    CHECK(story.meta.languages == std::vector<std::string>{"de", "en"});
    CHECK(story.meta.date.first == std::chrono::year{2023} / 9 / 12);

    REQUIRE(story.places.size() == 6);
    const std::size_t pyongyang = story.find_place("pyongyang").value();
    const std::size_t vladivostok = story.find_place("vladivostok").value();
    const std::size_t moscow = story.find_place("moscow").value();
    const std::size_t khasan = story.find_place("khasan").value();
    CHECK_FALSE(story.find_place("peskov").has_value());  // a person, not a place
    CHECK(story.places[pyongyang].names.get("ko") == "평양");
    CHECK(story.places[pyongyang].role == geo::PlaceRole::capital);
    CHECK(story.places[pyongyang].main);
    CHECK(story.places[khasan].role == geo::PlaceRole::border_crossing);
    CHECK(story.places[moscow].names.get("en") == "Moskau");  // a plain string is in the story language
    CHECK(story.places[moscow].lon == Approx(37.6173));
    CHECK(story.places[moscow].lat == Approx(55.7558));
    const geo::Place& vostochny = story.places[story.find_place("vostochny").value()];
    CHECK(vostochny.added);
    REQUIRE(vostochny.note.has_value());
    CHECK(vostochny.note->get("en") == "Where the meeting took place, known after the article");

    const std::size_t peskov = story.find_person("peskov").value();
    CHECK(story.people[peskov].place == moscow);
    CHECK(story.people[peskov].role->get("en") == "Kremlin spokesman");
    CHECK(story.people[peskov].affiliation->get("de") == "Kreml");
    CHECK_FALSE(story.people[story.find_person("kim").value()].place.has_value());

    const geo::Route& train = story.routes[story.find_route("kim-train").value()];
    CHECK(train.mode == geo::RouteMode::train);
    REQUIRE(train.waypoints.size() == 4);
    CHECK(train.waypoints[0].place == pyongyang);
    CHECK(train.waypoints[0].lon == story.places[pyongyang].lon);  // lies at its place
    CHECK(train.waypoints[1].stop);
    CHECK(train.waypoints[1].name == "Chasan");
    CHECK_FALSE(train.waypoints[2].place.has_value());
    CHECK(train.waypoints[2].lon == Approx(131.5));
    CHECK(train.date->first == std::chrono::year{2023} / 9 / 10);
    CHECK(train.date->last == std::chrono::year{2023} / 9 / 12);
    const geo::Route& old_train = story.routes[story.find_route("kim-train-2019").value()];
    CHECK(old_train.historic);
    CHECK(old_train.date->last == std::chrono::year{2019} / 4 / 30);

    const geo::Relation& travel = story.relations[story.find_relation("kim-travel").value()];
    CHECK(travel.kind == geo::RelationKind::travel);
    CHECK(travel.from_place == pyongyang);
    CHECK(travel.to_place == vladivostok);
    CHECK(travel.speaker == peskov);
    CHECK(travel.route == story.find_route("kim-train"));
    REQUIRE(travel.excerpts.size() == 1);
    CHECK(travel.excerpts[0] == story.find_excerpt("peskov-arrived").value());
    const geo::Relation& statement = story.relations[story.find_relation("peskov-statement").value()];
    CHECK(statement.from_place == statement.to_place);
    CHECK(story.relations[story.find_relation("summit").value()].added);

    // Excerpts are located in the article with the article's own whitespace (a line break, a double space).
    const geo::Excerpt& arrived = story.excerpts[story.find_excerpt("peskov-arrived").value()];
    CHECK(story.article_text.substr(arrived.article_begin, arrived.article_end - arrived.article_begin) ==
          "Kim sei mit seinem\ngepanzerten Zug in Russland eingetroffen");
    CHECK(arrived.translation.get("de") == "Kim had arrived in Russia in his armoured train");  // English fallback
    CHECK(arrived.occurrence == 1);
    const geo::Excerpt& warned = story.excerpts[story.find_excerpt("us-warned").value()];
    CHECK(story.article_text.substr(warned.article_begin, warned.article_end - warned.article_begin) ==
          "Die USA reagierten  umgehend und warnten Nordkorea");
    CHECK(warned.translation.get("de") == "Die USA warnten");
    const geo::Excerpt& second = story.excerpts[story.find_excerpt("second-meeting").value()];
    CHECK(second.occurrence == 2);
    CHECK(second.article_begin == story.article_text.find("das Treffen genau"));
    CHECK(second.article_end == second.article_begin + std::string_view("das Treffen").size());

    REQUIRE(story.timeline.size() == 3);
    CHECK(story.timeline[1].place == khasan);
    CHECK(story.timeline[2].added);
}

TEST_CASE("a story can be named by its story.json as well as by its folder", "[story]") {
    const geo::StoryLoad load = geo::load_story(stories_dir / "good-minimal" / "story.json");
    CHECK(load.problems.empty());
    CHECK(load.story.has_value());
}

namespace {

struct BadCase {
    const char* folder;
    const char* file;  // which file the problem is in
    int line;
    int column;
    const char* id;
    const char* message;  // "{dir}" stands for the case's folder, "{bad}" for the folder of all bad cases
};

// One story per kind of problem; each must give exactly this one problem, so that nothing cascades.
const BadCase bad_cases[] = {
    {"malformed-missing-comma", "story.json", 11, 76, "", "malformed JSON: unexpected string literal; expected '}'"},
    {"malformed-trailing-comma", "story.json", 13, 3, "",
     "malformed JSON: unexpected ']'; expected '[', '{', or a literal"},
    {"malformed-raw-newline-in-string", "story.json", 7, 18, "",
     "malformed JSON: invalid string: control character U+000A (LF) must be escaped to \\u000A or \\n"},
    {"malformed-trailing-garbage", "story.json", 25, 1, "", "malformed JSON: unexpected '}'; expected end of file"},
    {"truncated", "story.json", 22, 1, "", "malformed JSON: unexpected end of file; expected '[', '{', or a literal"},
    {"truncated-in-string", "story.json", 19, 46, "", "malformed JSON: invalid string: missing closing quote"},
    {"empty", "story.json", 0, 0, "", "file is empty"},
    {"only-whitespace", "story.json", 0, 0, "", "file holds only whitespace"},
    {"not-utf8-story", "story.json", 7, 19, "", "the story file is not valid UTF-8 (byte 0xE9)"},
    {"not-utf8-article", "article.txt", 2, 2, "", "the article is not valid UTF-8 (byte 0xFC)"},
    {"missing-article", "story.json", 8, 16, "",
     "cannot read article file '{dir}/artikel.txt': No such file or directory"},
    {"number-overflow", "story.json", 11, 84, "", "number 1e400 is too large: it does not fit in a double"},
    {"top-level-not-object", "story.json", 1, 1, "", "a story must be a JSON object at the top level, not an array"},
    {"wrong-format", "story.json", 2, 13, "", "unsupported format 'diplomap-story/2', expected 'diplomap-story/1'"},
    {"missing-required-field", "story.json", 11, 5, "seoul", "place 'seoul' is missing required field \"lat\""},
    {"missing-meta-field", "story.json", 3, 3, "", "meta is missing required field \"source\""},
    {"wrong-type", "story.json", 11, 84, "seoul", "\"lat\" of place 'seoul' must be a number, not a string"},
    {"unknown-key", "story.json", 12, 64, "washington", "unknown key \"lattitude\" in place 'washington'"},
    {"unknown-top-level-key", "story.json", 4, 3, "", "unknown key \"place\" in the story (did you mean \"places\"?)"},
    {"invalid-id", "story.json", 11, 12, "",
     "invalid id 'Seoul': ids are lower-case letters a-z, digits, '_' and '-', starting with a letter or digit"},
    {"duplicate-id", "story.json", 13, 12, "seoul", "duplicate id 'seoul' (first defined at 11:12)"},
    {"duplicate-key", "story.json", 11, 110, "", "duplicate key \"lon\" (first at 11:62)"},
    {"unknown-reference", "story.json", 18, 56, "kirby-warning",
     "relation 'kirby-warning' refers to unknown place 'washingtn' in \"from\""},
    {"reference-to-wrong-kind", "story.json", 18, 76, "kirby-warning",
     "relation 'kirby-warning' refers to 'kirby' in \"to\", which is a person, not a place"},
    {"longitude-out-of-range", "story.json", 11, 69, "seoul", "longitude 206.98 is out of range -180..180"},
    {"latitude-out-of-range", "story.json", 11, 84, "seoul", "latitude 95 is out of range -90..90"},
    {"route-one-waypoint", "story.json", 18, 67, "train", "route 'train' needs at least two waypoints, has 1"},
    {"route-no-waypoints", "story.json", 18, 67, "train", "route 'train' needs at least two waypoints, has 0"},
    {"waypoint-without-coordinates", "story.json", 19, 7, "train",
     "waypoint 1 of route 'train' is missing required field \"lat\""},
    {"date-impossible-day", "story.json", 5, 13, "", "date '2023-02-30' does not exist: February 2023 has 28 days"},
    {"date-impossible-month", "story.json", 5, 13, "", "date '2023-13' has month 13, not 1..12"},
    {"date-unparseable", "story.json", 5, 13, "",
     "date '12. September 2023' is not of the form YYYY, YYYY-MM or YYYY-MM-DD"},
    {"date-range-reversed", "story.json", 18, 113, "kirby-warning",
     "date range '2023-09-13/2023-09-12' ends before it starts"},
    {"excerpt-not-verbatim", "story.json", 22, 30, "warned",
     "excerpt 'warned' does not occur verbatim in the article; the longest part that does is 'Die USA warnten Nord' "
     "at {bad}/article.txt:1:1"},
    {"excerpt-ambiguous", "story.json", 22, 30, "warned",
     "excerpt 'warned' occurs 2 times in the article; add \"occurrence\" (1..2) to say which one is meant"},
    {"excerpt-occurrence-out-of-range", "story.json", 22, 59, "warned",
     "\"occurrence\" of excerpt 'warned' is 3, out of range: the text occurs 2 times in the article"},
    {"excerpt-occurrence-not-integer", "story.json", 22, 59, "warned",
     "\"occurrence\" of excerpt 'warned' must be a whole number, not 1.5"},
    {"text-lacks-story-language", "story.json", 11, 30, "seoul",
     "\"names\" of place 'seoul' lacks the story language 'de'"},
    {"translation-lacks-english", "story.json", 22, 74, "warned",
     "\"translation\" of excerpt 'warned' lacks English ('en')"},
    {"relation-to-itself", "story.json", 18, 76, "kirby-warning",
     "relation 'kirby-warning' of kind 'warning' goes from 'washington' to itself; only 'meeting' and 'statement' "
     "relations may have \"to\" equal to \"from\""},
    {"unknown-relation-kind", "story.json", 18, 37, "kirby-warning",
     "kind 'threat' of relation 'kirby-warning' is not one of travel, meeting, warning, rebuff, appeal, supply, "
     "skepticism, obstruction, analysis, statement"},
    {"unknown-place-role", "story.json", 11, 99, "seoul",
     "role 'capitol' of place 'seoul' is not one of capital, city, venue, border_crossing, station, institution"},
    {"invalid-language", "story.json", 6, 17, "", "language 'German' is not a language code such as 'de' or 'en'"},
    {"added-without-note", "story.json", 11, 119, "seoul",
     "place 'seoul' is marked \"added\" but has no \"note\" saying what was added and from where"},
    {"places-empty", "story.json", 10, 13, "", "\"places\" is empty; a story needs at least one place"},
    {"element-not-object", "story.json", 19, 51, "", "relation #2 must be an object, not a string"},
};

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

}  // namespace

TEST_CASE("each bad story gives its one specific problem at the offending value", "[story]") {
    const fs::path bad_dir = stories_dir / "bad";
    for (const BadCase& bad : bad_cases) {
        const fs::path folder = bad_dir / bad.folder;
        INFO("case " << bad.folder);
        REQUIRE(fs::exists(folder));
        const geo::StoryLoad load = geo::load_story(folder);
        INFO(all_problems(load));
        CHECK_FALSE(load.story.has_value());
        REQUIRE(load.problems.size() == 1);
        const geo::Diagnostic& problem = load.problems.front();
        CHECK(problem.file == (folder / bad.file).lexically_normal().string());
        CHECK(problem.line == bad.line);
        CHECK(problem.column == bad.column);
        CHECK(problem.id == bad.id);
        CHECK(problem.message ==
              replace_all(replace_all(bad.message, "{dir}", folder.string()), "{bad}", bad_dir.string()));
    }
}

TEST_CASE("every folder of a bad story is covered by the table", "[story]") {
    std::size_t folders = 0;
    for (const fs::directory_entry& entry : fs::directory_iterator(stories_dir / "bad")) {
        if (!entry.is_directory()) continue;
        const std::string name = entry.path().filename().string();
        if (name == "multi-error") continue;  // has its own test
        ++folders;
        const bool listed = std::any_of(std::begin(bad_cases), std::end(bad_cases),
                                        [&](const BadCase& bad) { return name == bad.folder; });
        INFO("bad story folder " << name << " is not in the table");
        CHECK(listed);
    }
    CHECK(folders == std::size(bad_cases));
    CHECK(folders >= 25);
}

TEST_CASE("a story with many problems reports all of them, in file order", "[story]") {
    const geo::StoryLoad load = geo::load_story(stories_dir / "bad" / "multi-error");
    CHECK_FALSE(load.story.has_value());
    std::vector<std::string> got;
    for (const geo::Diagnostic& problem : load.problems) {
        got.push_back(std::to_string(problem.line) + ":" + std::to_string(problem.column) + " " + problem.message +
                      (problem.id.empty() ? "" : " [" + problem.id + "]"));
    }
    const std::string article = (stories_dir / "bad" / "article.txt").string();
    const std::vector<std::string> expected = {
        "4:14 \"title\" of meta lacks the story language 'de'",
        "5:13 date '2023-13' has month 13, not 1..12",
        "9:5 unknown key \"autor\" in meta",
        "12:61 latitude 95 is out of range -90..90 [seoul]",
        "13:12 duplicate id 'seoul' (first defined at 12:12) [seoul]",
        "13:46 longitude 226.98 is out of range -180..180 [seoul]",
        "14:5 place 'washington' is missing required field \"lon\" [washington]",
        "17:56 relation 'kirby-warning' refers to unknown place 'washingtn' in \"from\" [kirby-warning]",
        "18:29 relation 'kirby-warning' refers to unknown excerpt 'nothing' in \"excerpts\" [kirby-warning]",
        "21:30 excerpt 'warned' does not occur verbatim in the article; the longest part that does is "
        "'Die USA warnten ' at " +
            article + ":1:1 [warned]",
    };
    CHECK(got == expected);
}

TEST_CASE("a missing story folder is reported, naming the file", "[story]") {
    const fs::path missing = stories_dir / "bad" / "no-such-story";
    const geo::StoryLoad load = geo::load_story(missing);
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].file == (missing).string());
    CHECK(load.problems[0].line == 0);
    CHECK(load.problems[0].message == "cannot read story file: No such file or directory");
    CHECK(load.problems[0].to_string() ==
          missing.string() + ": error: cannot read story file: No such file or directory");
}

namespace {

// The good fixture's story.json with `change` applied, written next to a copy of its article.
fs::path write_variant(const TempDir& dir, const std::string& story_json) {
    write_file(dir.path() / "story.json", story_json);
    fs::copy_file(stories_dir / "good-minimal" / "article.txt", dir.path() / "article.txt",
                  fs::copy_options::overwrite_existing);
    return dir.path();
}

std::string good_story_json() { return read_file(stories_dir / "good-minimal" / "story.json"); }

}  // namespace

TEST_CASE("a 10 MB string is reported at its position and the rest is still checked", "[story]") {
    TempDir dir;
    std::string json = good_story_json();
    const std::string source = "\"source\": \"diplomap test fixture\"";
    const std::size_t at = json.find(source);
    REQUIRE(at != std::string::npos);
    json.replace(at, source.size(), "\"source\": \"" + std::string(10 * 1024 * 1024, 'x') + "\"");
    json.replace(json.find("\"lat\": 39.0392"), 14, "\"lat\": 99.0392");
    const geo::StoryLoad load = geo::load_story(write_variant(dir, json));
    INFO(all_problems(load).substr(0, 2000));
    REQUIRE(load.problems.size() == 2);
    CHECK(load.problems[0].line == 9);
    CHECK(load.problems[0].column == 15);
    CHECK(load.problems[0].message == "string of 10485760 bytes is longer than the limit of 1048576 bytes");
    CHECK(load.problems[1].message == "latitude 99.0392 is out of range -90..90");
    CHECK(load.problems[1].id == "pyongyang");
}

TEST_CASE("deeply nested input is refused without recursion", "[story]") {
    TempDir dir;
    SECTION("100000 nested arrays") {
        write_file(dir.path() / "story.json", std::string(100000, '[') + std::string(100000, ']'));
    }
    SECTION("100000 nested objects, unterminated") {
        std::string json;
        for (int i = 0; i < 100000; ++i) json += "{\"a\":";
        write_file(dir.path() / "story.json", json);
    }
    const geo::StoryLoad load = geo::load_story(dir.path());
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].line == 1);
    CHECK((load.problems[0].column == 65 || load.problems[0].column == 64 * 5 + 1));
    CHECK(load.problems[0].message == "JSON nests deeper than 64 levels");
}

TEST_CASE("files over the size limit are refused unread", "[story]") {
    TempDir dir;
    const fs::path story = dir.path() / "story.json";
    write_file(story, "");
    fs::resize_file(story, geo::max_story_file_bytes + 1);  // sparse: costs no disk
    SECTION("story.json") {
        const geo::StoryLoad load = geo::load_story(dir.path());
        REQUIRE(load.problems.size() == 1);
        CHECK(load.problems[0].message ==
              "cannot read story file: it is 33554433 bytes, more than the limit of 33554432 bytes");
    }
    SECTION("the article") {
        write_variant(dir, good_story_json());
        fs::resize_file(dir.path() / "article.txt", geo::max_story_file_bytes + 1);
        const geo::StoryLoad load = geo::load_story(dir.path());
        REQUIRE(load.problems.size() == 1);
        CHECK(load.problems[0].line == 10);
        CHECK(load.problems[0].message == "cannot read article file '" + (dir.path() / "article.txt").string() +
                                              "': it is 33554433 bytes, more than the limit of 33554432 bytes");
    }
}

TEST_CASE("an article that is a directory is reported", "[story]") {
    TempDir dir;
    write_file(dir.path() / "story.json", good_story_json());
    fs::create_directory(dir.path() / "article.txt");
    const geo::StoryLoad load = geo::load_story(dir.path());
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].message ==
          "cannot read article file '" + (dir.path() / "article.txt").string() + "': it is a directory");
}

TEST_CASE("load_story_from_text checks text in memory", "[story]") {
    const std::string json = good_story_json();
    const std::string article = read_file(stories_dir / "good-minimal" / "article.txt");
    const geo::StoryLoad good = geo::load_story_from_text(json, article, "memory/story.json");
    INFO(all_problems(good));
    REQUIRE(good.story.has_value());
    CHECK(good.story->article_text == article);
    CHECK(good.article_file == fs::path("memory/article.txt"));

    const geo::StoryLoad not_verbatim = geo::load_story_from_text(json, "Nichts davon.", "memory/story.json");
    CHECK_FALSE(not_verbatim.story.has_value());
    CHECK(not_verbatim.problems.size() == 3);  // one per excerpt
    CHECK(not_verbatim.problems[0].file == "memory/story.json");
}

TEST_CASE("a story cut off anywhere is reported, never crashes", "[story]") {
    const std::string json = good_story_json();
    const std::string article = read_file(stories_dir / "good-minimal" / "article.txt");
    for (std::size_t length = 0; length < json.size(); length += 7) {
        const geo::StoryLoad load = geo::load_story_from_text(json.substr(0, length), article, "cut.json");
        INFO("cut at " << length);
        REQUIRE_FALSE(load.story.has_value());
        REQUIRE_FALSE(load.problems.empty());
    }
}

TEST_CASE("every single-byte corruption of a story is handled", "[story]") {
    const std::string json = good_story_json();
    const std::string article = read_file(stories_dir / "good-minimal" / "article.txt");
    const char replacements[] = {'\0', '"', '{', ']', ',', '\xff', '9', '\n'};
    std::size_t rejected = 0;
    for (std::size_t at = 0; at < json.size(); at += 5) {
        std::string corrupted = json;
        corrupted[at] = replacements[at % std::size(replacements)];
        const geo::StoryLoad load = geo::load_story_from_text(corrupted, article, "corrupt.json");
        CHECK(load.story.has_value() == load.problems.empty());
        if (!load.story) ++rejected;
    }
    CHECK(rejected > 0);
}

TEST_CASE("excerpt ranges survive Unicode whitespace in the article", "[story]") {
    std::string json = good_story_json();
    // The fixture's article has a no-break space before "bleibt".
    const std::string excerpt = R"({"id": "second-meeting", "text": "das Treffen", "occurrence": 2,)";
    const std::size_t at = json.find(excerpt);
    REQUIRE(at != std::string::npos);
    json.replace(at, excerpt.size(), R"({"id": "second-meeting", "text": "stattfindet, bleibt offen",)");
    const std::string article = read_file(stories_dir / "good-minimal" / "article.txt");
    const geo::StoryLoad load = geo::load_story_from_text(json, article, "story.json");
    INFO(all_problems(load));
    REQUIRE(load.story.has_value());
    const geo::Excerpt& found = load.story->excerpts[load.story->find_excerpt("second-meeting").value()];
    CHECK(article.substr(found.article_begin, found.article_end - found.article_begin) ==
          "stattfindet,\xC2\xA0"
          "bleibt offen");
}

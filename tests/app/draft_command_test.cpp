// `diplomap draft` end to end with the real executable: the bundled article drafted into a folder, refused over an
// existing story.json without --force, accepted by `check` with warnings and refused by `check --strict`; bad
// input leaves no file behind.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "../test_files.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using diplomap::test::read_file;
using diplomap::test::run_diplomap;
using diplomap::test::TempDir;

const fs::path article = fs::path(DIPLOMAP_SOURCE_DIR) / "assets" / "stories" / "kim-train-2023" / "article.de.txt";

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("draft writes story.json and the article, and check accepts the draft with warnings", "[cli][draft]") {
    const TempDir dir;
    const fs::path out = dir / "kim";
    const auto drafted = run_diplomap("draft '" + article.string() + "' --out '" + out.string() + "'");
    INFO(drafted.output);
    REQUIRE(drafted.exit_code == 0);
    CHECK(drafted.output.find("drafted 9 excerpts, 6 places, 8 people (de)") != std::string::npos);
    CHECK(read_file(out / "article.de.txt") == read_file(article));
    const std::string story = read_file(out / "story.json");
    CHECK(story.find("\"format\": \"diplomap-story/1\"") != std::string::npos);
    CHECK(count(story, "\"draft\": true") == 6 + 8 + 9);
    CHECK_FALSE(fs::exists(out / "story.json.tmp"));

    const auto checked = run_diplomap("check '" + out.string() + "'");
    INFO(checked.output);
    CHECK(checked.exit_code == 0);
    CHECK(checked.output.find(": error: ") == std::string::npos);
    CHECK(count(checked.output, ": warning: ") == 3 + 6 + 8 + 9 + 9);
    CHECK(checked.output.find("story.json:5:14: warning: \"title\" of meta is empty: still to fill in") !=
          std::string::npos);
    CHECK(checked.output.find("ok: 6 places, 8 people, 0 routes, 0 relations, 9 excerpts, 0 timeline events, 0 slides; 35 "
                              "warnings: still to review or fill in") != std::string::npos);

    const auto strict = run_diplomap("check --strict '" + out.string() + "'");
    CHECK(strict.exit_code == 1);
    CHECK(strict.output.find("35 warnings in " + out.string() +
                             "; --strict refuses a draft and anything still to fill in") != std::string::npos);
}

TEST_CASE("draft refuses an existing story.json without --force and replaces it with", "[cli][draft]") {
    const TempDir dir;
    const fs::path out = dir / "kim";
    fs::create_directories(out);
    diplomap::test::write_file(out / "story.json", "{\"mine\": true}\n");
    const auto refused = run_diplomap("draft '" + article.string() + "' --out '" + out.string() + "'");
    CHECK(refused.exit_code == 1);
    CHECK(refused.output.find((out / "story.json").string() + " exists; pass --force to replace it") !=
          std::string::npos);
    CHECK(read_file(out / "story.json") == "{\"mine\": true}\n");
    CHECK_FALSE(fs::exists(out / "article.de.txt"));

    const auto forced = run_diplomap("draft --force '" + article.string() + "' --out '" + out.string() + "'");
    CHECK(forced.exit_code == 0);
    CHECK(read_file(out / "story.json").find("\"excerpts\"") != std::string::npos);
}

TEST_CASE("draft of an unreadable or bad article writes nothing", "[cli][draft]") {
    const TempDir dir;
    const auto missing =
        run_diplomap("draft '" + (dir / "nope.txt").string() + "' --out '" + (dir / "a").string() + "'");
    CHECK(missing.exit_code == 1);
    CHECK(missing.output.find("cannot read article") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "a"));

    diplomap::test::write_file(dir / "bad.txt", "Er sagte \xff\xfe.");
    const auto bad = run_diplomap("draft '" + (dir / "bad.txt").string() + "' --out '" + (dir / "b").string() + "'");
    CHECK(bad.exit_code == 1);
    CHECK(bad.output.find("not valid UTF-8") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "b"));

    const auto language =
        run_diplomap("draft '" + article.string() + "' --out '" + (dir / "c").string() + "' --language Deutsch");
    CHECK(language.exit_code == 2);
    CHECK_FALSE(fs::exists(dir / "c"));
}

TEST_CASE("draft of an English article with --language en", "[cli][draft]") {
    const TempDir dir;
    diplomap::test::write_file(dir / "article.en.txt",
                               "Kremlin spokesman Dmitry Peskov said Kim Jong Un's train had reached Vladivostok. "
                               "\"We are not interested in warnings from Washington,\" said Peskov.\n");
    const auto drafted = run_diplomap("draft '" + (dir / "article.en.txt").string() + "' --language en --out '" +
                                      (dir / "s").string() + "'");
    INFO(drafted.output);
    REQUIRE(drafted.exit_code == 0);
    CHECK(drafted.output.find("drafted 1 excerpts, 2 places, 2 people (en)") != std::string::npos);
    CHECK(drafted.output.find("place Vladivostok at 43.1") != std::string::npos);
    // GeoNames calls it "Washington D.C."; the capital is the most populous Washington.
    CHECK(drafted.output.find("place Washington at 38.89") != std::string::npos);
    const std::string story = read_file(dir / "s" / "story.json");
    CHECK(story.find("\"speaker\": \"dmitry-peskov\"") != std::string::npos);
    CHECK(story.find("\"name\": \"Kim Jong Un\"") != std::string::npos);  // not "Kim Jong Un's"
    CHECK(run_diplomap("check '" + (dir / "s").string() + "'").exit_code == 0);
}

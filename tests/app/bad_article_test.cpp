// The bad-input catalogue, article files: the good fixture's story.json next to a broken article (committed under
// tests/data/articles/bad, or made here where a file cannot be committed: a folder, a link, a pipe, 33 MB). Each
// must make `diplomap check` and `diplomap export` exit 1 with exactly these problems, and export nothing.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <functional>

#include "bad_input_support.hpp"

namespace fs = std::filesystem;
using namespace diplomap::test;

namespace {

const fs::path good_story = fs::path(DIPLOMAP_TEST_DATA) / "stories" / "good-minimal";
const fs::path bad_articles = fs::path(DIPLOMAP_TEST_DATA) / "articles" / "bad";

// "{dir}" stands for the story's folder.
const char* const kNotVerbatimAll =
    "{dir}/story.json:56:38: error: excerpt 'peskov-arrived' does not occur verbatim in the article [peskov-arrived]\n"
    "{dir}/story.json:58:33: error: excerpt 'us-warned' does not occur verbatim in the article [us-warned]\n"
    "{dir}/story.json:60:38: error: excerpt 'second-meeting' does not occur verbatim in the article [second-meeting]\n"
    "diplomap: 3 problems in {dir}\n";

std::string one_problem(const std::string& line) { return line + "\ndiplomap: 1 problem in {dir}\n"; }

struct ArticleCase {
    const char* file;  // in tests/data/articles/bad
    std::string expected;
};

const ArticleCase committed_cases[] = {
    {"empty.txt", kNotVerbatimAll},
    {"only-whitespace.txt", kNotVerbatimAll},
    {"latin1.txt", one_problem("{dir}/article.txt:1:35: error: the article is not valid UTF-8 (byte 0xE4)")},
    {"utf16-bom.txt", one_problem("{dir}/article.txt:1:1: error: the article is not valid UTF-8 (byte 0xFF)")},
    {"truncated-multibyte.txt",
     one_problem("{dir}/article.txt:7:75: error: the article is not valid UTF-8 (byte 0xC3)")},
    {"overlong-utf8.txt", one_problem("{dir}/article.txt:1:76: error: the article is not valid UTF-8 (byte 0xC0)")},
    {"surrogate-utf8.txt", one_problem("{dir}/article.txt:2:14: error: the article is not valid UTF-8 (byte 0xED)")},
    {"unpaired-continuation.txt",
     one_problem("{dir}/article.txt:1:1: error: the article is not valid UTF-8 (byte 0x80)")},
    {"five-byte-sequence.txt", one_problem("{dir}/article.txt:1:1: error: the article is not valid UTF-8 (byte 0xF8)")},
    {"beyond-unicode.txt", one_problem("{dir}/article.txt:1:1: error: the article is not valid UTF-8 (byte 0xF4)")},
    {"nul-byte.txt", one_problem("{dir}/story.json:56:38: error: excerpt 'peskov-arrived' does not occur verbatim in "
                                 "the article [peskov-arrived]")},
    {"word-edited.txt",
     one_problem(
         "{dir}/story.json:56:38: error: excerpt 'peskov-arrived' does not occur verbatim in the article; the "
         "longest part that does is 'Kim sei mit seinem gepanzerte' at {dir}/article.txt:1:73 [peskov-arrived]")},
    {"excerpt-hyphenated.txt",
     one_problem(
         "{dir}/story.json:58:33: error: excerpt 'us-warned' does not occur verbatim in the article; the longest "
         "part that does is 'Die USA reagierten umge' at {dir}/article.txt:7:1 [us-warned]")},
    {"excerpt-case-changed.txt",
     one_problem("{dir}/story.json:58:33: error: excerpt 'us-warned' does not occur verbatim "
                 "in the article [us-warned]")},
    {"excerpt-deleted.txt", one_problem("{dir}/story.json:58:33: error: excerpt 'us-warned' does not occur verbatim in "
                                        "the article [us-warned]")},
    {"excerpt-now-ambiguous.txt",
     one_problem("{dir}/story.json:56:38: error: excerpt 'peskov-arrived' occurs 2 times in the article; add "
                 "\"occurrence\" (1..2) to say which one is meant [peskov-arrived]")},
    {"occurrence-gone.txt",
     one_problem(
         "{dir}/story.json:60:67: error: \"occurrence\" of excerpt 'second-meeting' is 2, out of range: the text "
         "occurs 1 time in the article [second-meeting]")},
};

// A story folder: the good story.json (with "article" renamed where `article_name` is given) and nothing else.
fs::path story_folder(const TempDir& dir, const std::string& article_name = "article.txt") {
    fs::path folder = dir / "story";
    fs::create_directories(folder);
    write_file(folder / "story.json", replace_all(read_file(good_story / "story.json"), "\"article\": \"article.txt\"",
                                                  "\"article\": \"" + article_name + "\""));
    return folder;
}

// `check` and `export` both exit 1 with exactly `expected` and leave the output folder empty.
void check_rejected(const TempDir& dir, const fs::path& folder, const std::string& expected) {
    check_and_export_refuse(dir.path(), quoted(folder), replace_all(expected, "{dir}", folder.string()), dir / "out");
}

}  // namespace

TEST_CASE("each committed bad article gives its specific problems from check and export", "[article][bad-input]") {
    for (const ArticleCase& c : committed_cases) {
        INFO("article " << c.file);
        TempDir dir;
        const fs::path folder = story_folder(dir);
        REQUIRE(fs::exists(bad_articles / c.file));
        fs::copy_file(bad_articles / c.file, folder / "article.txt");
        check_rejected(dir, folder, c.expected);
    }
}

TEST_CASE("every committed bad article is in the table", "[article][bad-input]") {
    std::size_t files = 0;
    for (const fs::directory_entry& entry : fs::directory_iterator(bad_articles)) {
        if (entry.path().extension() != ".txt") continue;
        ++files;
        INFO(entry.path().filename().string() << " is not in the table");
        CHECK(std::any_of(std::begin(committed_cases), std::end(committed_cases),
                          [&](const ArticleCase& c) { return entry.path().filename() == c.file; }));
    }
    CHECK(files == std::size(committed_cases));
}

TEST_CASE("articles that cannot be committed as files are reported too", "[article][bad-input]") {
    struct MadeCase {
        const char* name;
        const char* article_name;  // what story.json names
        std::function<void(const fs::path& folder)> make;
        std::string expected;
    };
    const MadeCase cases[] = {
        {"missing", "article.txt", [](const fs::path&) {},
         one_problem("{dir}/story.json:10:16: error: cannot read article file '{dir}/article.txt': No such file or "
                     "directory")},
        {"a folder", "article.txt", [](const fs::path& f) { fs::create_directory(f / "article.txt"); },
         one_problem("{dir}/story.json:10:16: error: cannot read article file '{dir}/article.txt': it is a directory")},
        {"a dangling link", "article.txt",
         [](const fs::path& f) { fs::create_symlink(f / "gone.txt", f / "article.txt"); },
         one_problem("{dir}/story.json:10:16: error: cannot read article file '{dir}/article.txt': No such file or "
                     "directory")},
        {"under a file", "story.json/article.txt", [](const fs::path&) {},
         one_problem("{dir}/story.json:10:16: error: cannot read article file '{dir}/story.json/article.txt': Not a "
                     "directory")},
        {"33 MB", "article.txt",
         [](const fs::path& f) {
             write_file(f / "article.txt", "");
             fs::resize_file(f / "article.txt", 32U * 1024U * 1024U + 1);  // sparse: costs no disk
         },
         one_problem(
             "{dir}/story.json:10:16: error: cannot read article file '{dir}/article.txt': it is 33554433 bytes, "
             "more than the limit of 33554432 bytes")},
        {"a device without end", "/dev/zero", [](const fs::path&) {},
         one_problem("{dir}/story.json:10:16: error: cannot read article file '/dev/zero': it is not a regular file")},
        {"named empty", "", [](const fs::path&) {},
         one_problem("{dir}/story.json:10:16: error: \"article\" of meta is empty; it names the article text file")},
    };
    for (const MadeCase& c : cases) {
        INFO("article " << c.name);
        TempDir dir;
        const fs::path folder = story_folder(dir, c.article_name);
        c.make(folder);
        check_rejected(dir, folder, c.expected);
    }
}

TEST_CASE("an unreadable article is reported", "[article][bad-input]") {
    TempDir dir;
    const fs::path folder = story_folder(dir);
    fs::copy_file(good_story / "article.txt", folder / "article.txt");
    fs::permissions(folder / "article.txt", fs::perms::none);
    const std::string wanted = replace_all(
        one_problem("{dir}/story.json:10:16: error: cannot read article file '{dir}/article.txt': Permission denied"),
        "{dir}", folder.string());
    if (!running_as_root()) {
        check_rejected(dir, folder, wanted);
        return;
    }
    // Root reads through mode 000, so the program runs as nobody; it needs to get into the folders for that.
    fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    fs::permissions(folder, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    fs::permissions(folder / "story.json", fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const auto check = run_diplomap_in(dir.path(), "check " + quoted(folder), "",
                                       "setpriv --reuid=65534 --regid=65534 --clear-groups");
    CHECK(check.exit_code == 1);
    CHECK(check.output == wanted);
}

// A pipe has no end until its writer closes it: the loader must refuse it rather than wait for ever (the viewer's
// live reload would freeze).
TEST_CASE("an article that is a pipe is refused without waiting", "[article][bad-input]") {
    TempDir dir;
    const fs::path folder = story_folder(dir);
    REQUIRE(::mkfifo((folder / "article.txt").c_str(), 0600) == 0);
    const auto check = run_diplomap_in(dir.path(), "check " + quoted(folder), "", "timeout 5");
    CHECK(check.exit_code == 1);
    CHECK(check.output == replace_all(one_problem("{dir}/story.json:10:16: error: cannot read article file "
                                                  "'{dir}/article.txt': it is not a regular file"),
                                      "{dir}", folder.string()));
}

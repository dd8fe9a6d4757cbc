#pragma once
// Live reload of a story while its author edits it: the viewer polls a few times per second; a broken save keeps
// the last good story on screen next to the errors, and the next good save replaces both.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "geo/story/story.hpp"
#include "geo/text/diagnostic.hpp"

namespace geo {

class StoryWatcher {
public:
    // Loads the story at once. A file that disappears is reported only after it has stayed away for
    // `missing_grace`: editors delete or rename the old file for a moment while saving.
    explicit StoryWatcher(std::filesystem::path folder_or_story_json,
                          std::chrono::milliseconds missing_grace = std::chrono::seconds(1));

    // Checks story.json and the article for changes (normally a stat of each), reloads when one changed, and
    // returns whether the held story was replaced. Problems may change without the story changing (a broken save).
    bool poll();
    // The same with an explicit clock, for tests.
    bool poll(std::chrono::steady_clock::time_point now);

    // The last story that loaded without problems; empty until one has.
    [[nodiscard]] const std::optional<Story>& story() const { return story_; }
    // The problems of the latest load; empty when the held story is current.
    [[nodiscard]] const Diagnostics& problems() const { return problems_; }
    // How many times the files were loaded (the first load included).
    [[nodiscard]] std::uint64_t load_count() const { return load_count_; }

    // The editor's own save: when a poll finds exactly `content` in `file` (one of the watched files), that is no
    // change to reload; the editor already holds that story. Call it before writing. An expectation is used once,
    // and one that never comes true (the write failed) does nothing but wait for the same content.
    void expect_own_write(const std::filesystem::path& file, std::string_view content);

private:
    // What a stat says about a file. Size and inode catch what a coarse mtime misses, and a new inode catches
    // editors that write a new file and rename it over the old one.
    struct FileStamp {
        bool exists = false;
        std::int64_t mtime_ns = 0;
        std::uintmax_t size = 0;
        std::uint64_t device = 0;
        std::uint64_t inode = 0;

        friend bool operator==(const FileStamp&, const FileStamp&) = default;
    };
    struct WatchedFile {
        std::filesystem::path path;
        FileStamp stamp;
        std::optional<std::uint64_t> content_hash;  // empty when the file could not be read
    };

    static FileStamp stamp_of(const std::filesystem::path& path);
    static std::optional<std::uint64_t> hash_of(const std::filesystem::path& path);
    static bool is_racy(const FileStamp& stamp);
    static WatchedFile observe(const std::filesystem::path& path);
    bool reload();

    std::filesystem::path folder_or_story_json_;
    std::chrono::milliseconds missing_grace_;
    std::vector<WatchedFile> watched_;  // story.json, then the article when known; as at the last load
    struct ExpectedWrite {
        std::filesystem::path file;
        std::uint64_t content_hash = 0;
    };
    std::vector<ExpectedWrite> expected_writes_;
    // Whether `observed` is an expected own write to `file`; the expectation is then used up.
    bool take_expected_write(const std::filesystem::path& file, const std::optional<std::uint64_t>& observed);
    std::optional<std::chrono::steady_clock::time_point> missing_since_;
    std::optional<Story> story_;
    Diagnostics problems_;
    std::uint64_t load_count_ = 0;
};

}  // namespace geo

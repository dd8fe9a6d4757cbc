#include "geo/story/story_watch.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <string_view>

#include "geo/story/story_loader.hpp"

namespace geo {

namespace {

namespace fs = std::filesystem;

// A file modified this recently may be modified again within the same mtime tick (coarse on many file systems)
// without its stamp changing, so its content is compared too, as git does for "racily clean" entries.
constexpr std::int64_t racy_window_ns = 2'000'000'000;

}  // namespace

StoryWatcher::StoryWatcher(fs::path folder_or_story_json, std::chrono::milliseconds missing_grace)
    : folder_or_story_json_(std::move(folder_or_story_json)), missing_grace_(missing_grace) {
    reload();
}

StoryWatcher::FileStamp StoryWatcher::stamp_of(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return {};
    return FileStamp{true, static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec,
                     static_cast<std::uintmax_t>(info.st_size), static_cast<std::uint64_t>(info.st_dev),
                     static_cast<std::uint64_t>(info.st_ino)};
}

std::optional<std::uint64_t> StoryWatcher::hash_of(const fs::path& path) {
    std::error_code error;
    if (!fs::is_regular_file(path, error)) return std::nullopt;  // a pipe would block the window's poll
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string content;
    char buffer[64 * 1024];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        content.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (content.size() > max_story_file_bytes) break;  // the loader refuses it anyway
    }
    return std::hash<std::string_view>{}(content);
}

bool StoryWatcher::is_racy(const FileStamp& stamp) {
    if (!stamp.exists) return false;
    const std::int64_t now_ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    return stamp.mtime_ns > now_ns - racy_window_ns;
}

StoryWatcher::WatchedFile StoryWatcher::observe(const fs::path& path) {
    // Stamp before content: a change after the stamp then shows up as a different stamp at the next poll.
    WatchedFile file{path, stamp_of(path), std::nullopt};
    if (file.stamp.exists) file.content_hash = hash_of(path);
    return file;
}

bool StoryWatcher::reload() {
    // Observed before loading, so that a save during the load is seen at the next poll rather than lost.
    std::vector<WatchedFile> observed;
    observed.reserve(watched_.size());
    for (const WatchedFile& file : watched_) observed.push_back(observe(file.path));

    StoryLoad load = load_story(folder_or_story_json_);
    ++load_count_;
    std::vector<WatchedFile> now_watched;
    for (const fs::path& path : {load.story_file, load.article_file}) {
        if (path.empty()) continue;
        const auto seen =
            std::find_if(observed.begin(), observed.end(), [&](const WatchedFile& file) { return file.path == path; });
        // A file named for the first time (a new article) is observed after the load; that leaves a window of a
        // few milliseconds in which a save would be missed, once, when story.json starts naming another article.
        now_watched.push_back(seen != observed.end() ? *seen : observe(path));
    }
    watched_ = std::move(now_watched);
    missing_since_.reset();

    if (!load.story) {
        problems_ = std::move(load.problems);
        return false;
    }
    story_ = std::move(load.story);
    problems_.clear();
    return true;
}

void StoryWatcher::expect_own_write(const fs::path& file, std::string_view content) {
    expected_writes_.push_back(ExpectedWrite{file, std::hash<std::string_view>{}(content)});
}

bool StoryWatcher::take_expected_write(const fs::path& file, const std::optional<std::uint64_t>& observed) {
    if (!observed) return false;
    const auto expected = std::find_if(expected_writes_.begin(), expected_writes_.end(), [&](const ExpectedWrite& e) {
        std::error_code error;
        return e.content_hash == *observed && (e.file == file || fs::equivalent(e.file, file, error));
    });
    if (expected == expected_writes_.end()) return false;
    expected_writes_.erase(expected);
    return true;
}

bool StoryWatcher::poll() { return poll(std::chrono::steady_clock::now()); }

bool StoryWatcher::poll(std::chrono::steady_clock::time_point now) {
    std::vector<FileStamp> stamps;
    bool vanished = false;  // a file that was there at the last load is gone
    for (const WatchedFile& file : watched_) {
        stamps.push_back(stamp_of(file.path));
        if (file.stamp.exists && !stamps.back().exists) vanished = true;
    }
    if (vanished) {
        if (!missing_since_) missing_since_ = now;
        if (now - *missing_since_ < missing_grace_) return false;  // probably an editor mid-save; look again later
    } else {
        missing_since_.reset();
    }

    bool stamps_changed = false;
    bool racy = false;
    for (std::size_t i = 0; i < watched_.size(); ++i) {
        stamps_changed = stamps_changed || !(stamps[i] == watched_[i].stamp);
        racy = racy || is_racy(stamps[i]);
    }
    if (!stamps_changed && !racy) return false;

    // A new stamp does not always mean new content (touch, an editor saving unchanged text): compare before
    // paying for a reload.
    std::vector<WatchedFile> observed;
    observed.reserve(watched_.size());
    for (const WatchedFile& file : watched_) observed.push_back(observe(file.path));
    bool content_changed = false;
    for (std::size_t i = 0; i < watched_.size(); ++i) {
        const bool changed = observed[i].content_hash != watched_[i].content_hash ||
                             observed[i].stamp.exists != watched_[i].stamp.exists;
        if (changed && !take_expected_write(watched_[i].path, observed[i].content_hash)) content_changed = true;
    }
    if (!content_changed) {
        watched_ = std::move(observed);
        return false;
    }
    return reload();
}

}  // namespace geo

#pragma once
// Live reload without stalling the window: a StoryWatcher polls on its own thread (a stat of each file a few times
// per second, and a full load and check when one changed), and the viewer only picks up what it found, once per
// frame, for the price of an atomic load.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "geo/story/story.hpp"
#include "geo/text/diagnostic.hpp"

namespace geo {

class StoryWatchThread {
public:
    // Loads the story at once on the caller's thread, so that story() and problems() are known on return, then
    // starts polling every `poll_interval`. `missing_grace` is as for StoryWatcher.
    explicit StoryWatchThread(std::filesystem::path folder_or_story_json,
                              std::chrono::milliseconds poll_interval = std::chrono::milliseconds(250),
                              std::chrono::milliseconds missing_grace = std::chrono::seconds(1));
    ~StoryWatchThread();
    StoryWatchThread(const StoryWatchThread&) = delete;
    StoryWatchThread& operator=(const StoryWatchThread&) = delete;

    // Takes over whatever the thread loaded since the last call and returns whether the story was replaced
    // (problems may change alone, after a broken save). Without news it costs one atomic load: call it every frame.
    bool take_changes();

    // The editor's own save, as StoryWatcher::expect_own_write: call it before writing `content` to `file`.
    void expect_own_write(const std::filesystem::path& file, std::string_view content);

    // As of the last take_changes(): the last story that loaded without problems, and the latest load's problems.
    [[nodiscard]] const std::optional<Story>& story() const { return story_; }
    [[nodiscard]] const Diagnostics& problems() const { return problems_; }
    // How many loads the frame side has taken over (the first load included).
    [[nodiscard]] std::uint64_t load_count() const { return load_count_; }

private:
    void run(std::filesystem::path folder_or_story_json, std::chrono::milliseconds missing_grace);

    std::chrono::milliseconds poll_interval_;
    // The frame side's copies, touched only by the thread that calls take_changes().
    std::optional<Story> story_;
    Diagnostics problems_;
    std::uint64_t load_count_ = 0;

    // Handed over from the polling thread under `mutex_`; `news_` says there is something to take.
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::optional<Story> pending_story_;
    std::optional<Diagnostics> pending_problems_;
    std::uint64_t pending_load_count_ = 0;
    std::vector<std::pair<std::filesystem::path, std::string>> pending_expected_writes_;
    std::atomic<bool> news_{false};
    std::thread worker_;
};

}  // namespace geo

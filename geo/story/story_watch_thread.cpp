#include "geo/story/story_watch_thread.hpp"

#include <memory>
#include <utility>

#include "geo/story/story_watch.hpp"

namespace geo {

StoryWatchThread::StoryWatchThread(std::filesystem::path folder_or_story_json, std::chrono::milliseconds poll_interval,
                                   std::chrono::milliseconds missing_grace)
    : poll_interval_(poll_interval) {
    // The first load happens here rather than on the thread: the viewer wants the story in its first frame.
    auto watcher = std::make_unique<StoryWatcher>(std::move(folder_or_story_json), missing_grace);
    story_ = watcher->story();
    problems_ = watcher->problems();
    load_count_ = watcher->load_count();
    pending_load_count_ = load_count_;
    worker_ = std::thread([this, w = std::move(watcher)]() mutable {
        std::unique_lock lock(mutex_);
        while (!wake_.wait_for(lock, poll_interval_, [this] { return stopping_; })) {
            for (const auto& [file, content] : pending_expected_writes_) w->expect_own_write(file, content);
            pending_expected_writes_.clear();
            lock.unlock();
            // The stat, reload and checks run without the lock: take_changes() never waits for a load.
            const bool replaced = w->poll();
            lock.lock();
            if (w->load_count() == pending_load_count_) continue;
            pending_load_count_ = w->load_count();
            if (replaced) pending_story_ = w->story();
            pending_problems_ = w->problems();
            news_.store(true, std::memory_order_release);
        }
    });
}

StoryWatchThread::~StoryWatchThread() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void StoryWatchThread::expect_own_write(const std::filesystem::path& file, std::string_view content) {
    const std::lock_guard lock(mutex_);
    pending_expected_writes_.emplace_back(file, std::string(content));
}

bool StoryWatchThread::take_changes() {
    if (!news_.load(std::memory_order_acquire)) return false;
    const std::lock_guard lock(mutex_);
    news_.store(false, std::memory_order_relaxed);
    const bool replaced = pending_story_.has_value();
    if (replaced) story_ = std::exchange(pending_story_, std::nullopt);
    if (pending_problems_) problems_ = std::move(*std::exchange(pending_problems_, std::nullopt));
    load_count_ = pending_load_count_;
    return replaced;
}

}  // namespace geo

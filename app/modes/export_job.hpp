#pragma once
// An export started from the viewer, on a worker thread of its own: its own headless GL context (HeadlessMap), the
// same code as `diplomap export`, so the window keeps drawing while it runs. It reports how far it is and stops
// when cancelled; a cancelled or failed export leaves no file (the writers' temporary files go with them). ImGui,
// which the export uses for text and panels, is shared with the window through turns (app/ui/ui_turns.hpp): the
// viewer serves them between frames.
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "app/modes/export_mode.hpp"
#include "app/modes/video_export.hpp"

namespace diplomap {

struct ExportRequest {
    ExportOptions still;                // the view, size and look; `still.out` is the file for a still
    std::optional<VideoOptions> video;  // a video instead of a still: `video->file`
    [[nodiscard]] const std::filesystem::path& file() const { return video ? video->file : still.out; }
};

class ExportJob {
public:
    explicit ExportJob(ExportRequest request);
    // Cancels and waits for the worker, serving it the ImGui turns it waits for meanwhile (call on the thread that
    // owns ImGui).
    ~ExportJob();
    ExportJob(const ExportJob&) = delete;
    ExportJob& operator=(const ExportJob&) = delete;

    void cancel() { cancel_ = true; }
    [[nodiscard]] bool cancelled() const { return cancel_; }
    [[nodiscard]] bool finished() const { return finished_; }
    // 0 to 1; 0 while the map is being prepared.
    [[nodiscard]] double share() const { return share_; }
    // Estimated from the time taken so far; empty until there is enough to go on.
    [[nodiscard]] std::optional<double> seconds_left() const;
    [[nodiscard]] double seconds_taken() const;
    // Once finished: the exit code as on the command line (0: the file is written) and the error's one line.
    [[nodiscard]] int exit_code() const { return exit_code_; }
    [[nodiscard]] std::string error() const;
    [[nodiscard]] const ExportRequest& request() const { return request_; }

private:
    void run();

    using Clock = std::chrono::steady_clock;
    ExportRequest request_;
    Clock::time_point start_ = Clock::now();
    std::atomic<double> share_{0.0};
    std::atomic<Clock::rep> first_progress_{0};  // when drawing began (after preparing), as Clock ticks
    std::atomic<double> first_share_{0.0};       // and how far it was then
    std::atomic<bool> cancel_{false};
    std::atomic<bool> finished_{false};
    int exit_code_ = 0;  // written before finished_ is set
    mutable std::mutex mutex_;
    std::string error_;
    std::thread thread_;  // last: starts once everything above is there
};

}  // namespace diplomap

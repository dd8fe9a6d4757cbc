#include "app/modes/export_job.hpp"

#include <sstream>

#include "app/ui/ui_turns.hpp"

namespace diplomap {

ExportJob::ExportJob(ExportRequest request) : request_(std::move(request)), thread_([this] { run(); }) {}

ExportJob::~ExportJob() {
    cancel_ = true;
    // The worker may wait for an ImGui turn (drawing its text, or closing its offscreen context) before it can see
    // the cancellation.
    while (!finished_) serve_ui_turns(std::chrono::milliseconds(5));
    if (thread_.joinable()) thread_.join();
}

void ExportJob::run() {
    const auto progress = [this](double share) {
        share_ = share;
        if (first_progress_ == 0) {
            first_share_ = share;
            first_progress_ = std::max<Clock::rep>(Clock::now().time_since_epoch().count(), 1);
        }
        return !cancel_;
    };
    std::ostringstream err;
    int code = 0;
    if (request_.video) {
        VideoOptions video = *request_.video;
        video.progress = false;  // no terminal bar: the window shows its own
        video.on_progress = progress;
        code = run_video_export(request_.still, video, err);
    } else {
        ExportOptions still = request_.still;
        still.on_progress = progress;
        code = run_export(still, err);
    }
    {
        const std::lock_guard lock(mutex_);
        error_ = err.str();
        // One line, without the program's name: the window says whose it is.
        if (error_.starts_with("diplomap: ")) error_.erase(0, 10);
        while (!error_.empty() && error_.back() == '\n') error_.pop_back();
    }
    exit_code_ = code;
    if (code == 0) share_ = 1.0;
    finished_ = true;
}

std::optional<double> ExportJob::seconds_left() const {
    // From the pace since drawing began: preparing the map takes its own time, once.
    const double share = share_;
    const Clock::rep began = first_progress_;
    const double done = share - first_share_;
    if (began == 0 || done < 0.02 || share >= 1.0) return std::nullopt;
    const double drawing =
        std::chrono::duration<double>(Clock::now().time_since_epoch() - Clock::duration(began)).count();
    return drawing / done * (1.0 - share);
}

double ExportJob::seconds_taken() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

std::string ExportJob::error() const {
    const std::lock_guard lock(mutex_);
    return error_;
}

}  // namespace diplomap

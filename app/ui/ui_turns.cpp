#include "app/ui/ui_turns.hpp"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace diplomap {
namespace {

struct Turns {
    std::mutex mutex;
    std::condition_variable changed;
    std::optional<std::thread::id> owner;
    int waiting = 0;
    bool serving = false;  // the owner waits between frames
    bool taken = false;    // a turn is being held
};

Turns& turns() {
    static Turns t;
    return t;
}

thread_local int held = 0;  // turns this thread holds, nested

}  // namespace

void own_imgui(bool owned) {
    Turns& t = turns();
    const std::lock_guard lock(t.mutex);
    t.owner = owned ? std::optional<std::thread::id>(std::this_thread::get_id()) : std::nullopt;
    t.changed.notify_all();
}

void serve_ui_turns(std::chrono::milliseconds wait) {
    Turns& t = turns();
    std::unique_lock lock(t.mutex);
    if (wait.count() > 0) t.changed.wait_for(lock, wait, [&] { return t.waiting > 0; });
    if (t.waiting == 0) return;
    t.serving = true;
    t.changed.notify_all();
    t.changed.wait(lock, [&] { return t.waiting == 0 && !t.taken; });
    t.serving = false;
}

ImGuiTurn::ImGuiTurn() {
    if (held++ > 0) return;
    Turns& t = turns();
    std::unique_lock lock(t.mutex);
    if (!t.owner || *t.owner == std::this_thread::get_id()) return;
    waited_ = true;
    ++t.waiting;
    t.changed.notify_all();
    // Once the owner stops owning (the viewer closes), the turn is free as on the command line.
    t.changed.wait(lock, [&] { return (t.serving && !t.taken) || !t.owner; });
    --t.waiting;
    t.taken = true;
}

ImGuiTurn::~ImGuiTurn() {
    --held;
    if (!waited_) return;
    Turns& t = turns();
    {
        const std::lock_guard lock(t.mutex);
        t.taken = false;
    }
    t.changed.notify_all();
}

}  // namespace diplomap

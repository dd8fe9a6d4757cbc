// ImGui turns: a thread other than ImGui's owner runs ImGui only while the owner waits between frames.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "app/ui/ui_turns.hpp"

using namespace diplomap;

TEST_CASE("a worker's ImGui turn waits for the owner to serve it, and the owner waits for the turn to end",
          "[ui][threads]") {
    SECTION("without an owner (the command line), turns are free") {
        std::atomic<bool> ran{false};
        std::thread worker([&] {
            const ImGuiTurn turn;
            ran = true;
        });
        worker.join();
        CHECK(ran);
    }
    SECTION("with an owner, only between its frames") {
        own_imgui(true);
        std::atomic<int> stage{0};
        std::thread worker([&] {
            const ImGuiTurn turn;
            stage = 1;
            // Nested turns need no second grant.
            const ImGuiTurn inner;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            stage = 2;
        });
        // However long the owner draws, the worker does not get in.
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        CHECK(stage == 0);
        // Serving returns only once the turn is over.
        while (stage == 0) serve_ui_turns(std::chrono::milliseconds(10));
        CHECK(stage == 2);
        worker.join();
        // The owner's own turns never wait.
        {
            const ImGuiTurn mine;
            CHECK(stage == 2);
        }
        own_imgui(false);
    }
}

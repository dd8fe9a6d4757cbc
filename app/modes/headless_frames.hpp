#pragma once
// One export view rendered headless again and again at different animation times: the EGL context, shaders,
// basemap mesh, story geometry and font atlas are made once, so that a frame costs only its drawing and read-back
// (a still export makes them all for its one frame), and the basemap, which does not change with the clock, is
// drawn once and copied under each frame. Each frame equals what render_map draws for a still at that time.
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "app/modes/export_mode.hpp"

namespace diplomap {

class HeadlessFrames {
public:
    // The view, size, story, language and date of `options`; options.seconds is replaced by each render()'s.
    static std::variant<std::unique_ptr<HeadlessFrames>, std::string> create(const ExportOptions& options);
    ~HeadlessFrames();
    HeadlessFrames(const HeadlessFrames&) = delete;
    HeadlessFrames& operator=(const HeadlessFrames&) = delete;

    // The frame at animation time `seconds` (empty: the settled story); valid until the next call.
    const RgbaImage& render(std::optional<double> seconds);

    // How long the story's animation plays (0 without a story).
    [[nodiscard]] double play_seconds() const;

    struct Parts;

private:
    explicit HeadlessFrames(std::unique_ptr<Parts> parts);
    std::unique_ptr<Parts> parts_;
};

}  // namespace diplomap

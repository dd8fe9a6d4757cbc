#pragma once
// What the presenter sees and the room does not: where the talk stands (slide, elapsed time, clock), the caption on
// screen now, the speaker notes, and the next slide as a picture with its caption. Drawn into the current ImGui
// window, so the same view serves the overlay on one screen (S) and the presenter window on a second one.
#include <imgui.h>

#include <optional>
#include <string>

#include "app/style/translations.hpp"
#include "app/ui/slide_caption.hpp"

namespace diplomap {

struct PresenterThumbnail {
    ImTextureID texture = nullptr;
    int width = 0, height = 0;  // pixels of the picture
};

struct PresenterViewContent {
    int slide = 0, slide_count = 0;  // 1-based
    int elapsed_seconds = 0;         // since the presentation started
    std::string clock;               // the wall clock, "14:05"
    CaptionText current;
    std::string notes;                               // of the current slide; empty: none
    std::optional<CaptionText> next;                 // empty on the last slide
    std::optional<PresenterThumbnail> next_picture;  // empty while it is being drawn
    UiLanguage language = UiLanguage::en;
};

// Fills the current window's width; the picture keeps its aspect ratio.
void draw_presenter_view(const PresenterViewContent& content);

}  // namespace diplomap

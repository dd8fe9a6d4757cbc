#include "app/modes/present_mode.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>

#include "app/style/translations.hpp"
#include "app/ui/slide_caption.hpp"
#include "geo/story/automatic_slides.hpp"
#include "geo/story/slide_view.hpp"

namespace diplomap {
namespace {

constexpr double kHideCursorSeconds = 2.0;
// The next slide's picture in the presenter view: about the width the view gives it, in pixels.
constexpr int kThumbnailWidth = 560;
// The picture is drawn once the slide has rested this long, so the hitch of drawing it never shows in a flight.
constexpr double kThumbnailAfterSeconds = 0.4;

}  // namespace

std::vector<geo::Slide> presentation_slides(const geo::Story& story) {
    return story.slides.empty() ? geo::automatic_slides(story) : story.slides;
}

PresentMode::PresentMode(ViewerCore& core) : core_(core), thumbnails_(kThumbnailWidth, core.options().test_thumbnails) {
    current_ = static_cast<std::size_t>(std::max(core.options().slide, 1) - 1);
}

void PresentMode::open_presenter_window() {
    presenter_window_tried_ = true;
    const ViewerOptions& options = core_.options();
    // Two screens: the presenter view gets a window of its own on the screen the slides are not on. One screen: an
    // overlay over the slide, toggled with S (--presenter-window asks for the window anyway).
    const int displays = SDL_GetNumVideoDisplays();
    const bool own_window = options.presenter_window || (options.presenter && displays > 1);
    if (!own_window) {
        presenter_overlay_ = options.presenter;
        return;
    }
    const int main_display = std::max(0, SDL_GetWindowDisplayIndex(core_.window().handle()));
    const int display = displays > 1 ? (main_display == 0 ? 1 : 0) : main_display;
    const std::string title = tr(UiText::present_presenter_view, ui_language(core_.language()));
    auto opened = PresenterWindow::open(core_.window(), display, "diplomap – " + title);
    if (auto* error = std::get_if<std::string>(&opened)) {
        std::fprintf(stderr, "diplomap: %s; the presenter view is an overlay (S)\n", error->c_str());
        presenter_overlay_ = true;
        return;
    }
    presenter_window_ = std::move(std::get<std::unique_ptr<PresenterWindow>>(opened));
}

void PresentMode::presenter_window_event(const SDL_Event& event) {
    if (!presenter_window_) return;
    if (presenter_window_->process(event)) {
        presenter_window_.reset();  // closed: the slides go on without it
        return;
    }
    // A clicker or the laptop's keyboard may well be typing into the presenter's window: its keys drive the slides.
    if (event.type == SDL_KEYDOWN) handle_event(event);
}

PresenterViewContent PresentMode::presenter_content() const {
    PresenterViewContent content;
    if (slides_.empty() || !core_.has_story()) return content;
    const std::string& language = core_.language();
    const geo::Story& story = core_.story();
    content.language = ui_language(language);
    content.slide = static_cast<int>(current_) + 1;
    content.slide_count = static_cast<int>(slides_.size());
    content.elapsed_seconds = static_cast<int>(core_.now() - presentation_start_);
    const std::time_t now = std::time(nullptr);
    char clock[16];
    std::strftime(clock, sizeof clock, "%H:%M", std::localtime(&now));
    content.clock = clock;
    const geo::Slide& slide = slides_[current_];
    content.current = caption_text(story, slide, language);
    if (slide.notes) content.notes = slide.notes->get(language);
    if (current_ + 1 < slides_.size()) {
        content.next = caption_text(story, slides_[current_ + 1], language);
        if (auto picture = thumbnails_.get(current_ + 1)) {
            // ImGui's OpenGL backend takes the GL texture name itself as the ImTextureID.
            const auto texture = reinterpret_cast<ImTextureID>(  // NOLINT(performance-no-int-to-ptr)
                static_cast<std::uintptr_t>(picture->texture));
            content.next_picture = PresenterThumbnail{texture, picture->width, picture->height};
        }
    }
    return content;
}

void PresentMode::draw_next_thumbnail_when_resting() {
    if (!presenter_view_shown() || !arrived_ || core_.flying() || slide_elapsed() < kThumbnailAfterSeconds ||
        current_ + 1 >= slides_.size())
        return;
    thumbnails_.draw(core_, current_ + 1);
}

void PresentMode::draw_presenter_window() {
    if (!presenter_window_) return;
    const PresenterViewContent content = presenter_content();
    const std::string title = window_title(UiText::present_presenter_view, "presenter", content.language);
    presenter_window_->frame(title, [&content] { draw_presenter_view(content); });
    TestReport& report = core_.report();
    report.presenter_window = true;
    report.presenter_picture = content.next_picture ? std::optional<int>(content.slide + 1) : std::nullopt;
}

void PresentMode::refresh_story() {
    if (seen_story_version_ == core_.story_version()) return;
    seen_story_version_ = core_.story_version();
    slides_ = core_.has_story() ? presentation_slides(core_.story()) : std::vector<geo::Slide>{};
    if (!slides_.empty()) current_ = std::min(current_, slides_.size() - 1);
}

void PresentMode::enter() {
    refresh_story();
    if (!presenter_window_tried_) open_presenter_window();
    presentation_start_ = core_.now();
    last_motion_ = core_.now();
    if (last_shown_) current_ = *last_shown_;
    // The first slide of a run is where the window opens: no flight from wherever exploring left the view, unless
    // exploring handed over (then the flight shows where the story goes).
    go_to(current_, last_shown_.has_value() || core_.frame_count() > 0);
}

void PresentMode::go_to(std::size_t index, bool fly) {
    if (slides_.empty()) return;
    current_ = std::min(index, slides_.size() - 1);
    last_shown_ = current_;
    const geo::Slide& slide = slides_[current_];
    core_.story_view().set_focus(slide.highlight.empty() ? std::nullopt
                                                         : std::optional<geo::SlideHighlight>(slide.highlight));
    slide_start_ = core_.now();
    arrived_ = false;
    core_.selection().clear();
    AnimationControls& animation = core_.animation();
    animation.paused = true;
    animation.speed = 1.0;
    animation.seconds = slide.from_seconds;
    // The caption's band is known from the last frame; the first frame assumes the whole view minus a typical band.
    const Camera& camera = core_.view().camera;
    geo::PixelRect free = core_.free_rect();
    if (caption_top_ <= 0) free.bottom = 0.78 * camera.height;
    const auto to = geo::slide_view(core_.story(), slide, core_.view().spec, camera.width, camera.height, free);
    if (!to) return;
    if (fly) {
        core_.fly_to(to->pose, to->projection);
    } else {
        core_.jump_to(to->pose, to->projection);
    }
}

void PresentMode::forward() {
    // Forward mid-flight lands the flight on its target; the next press moves on.
    if (core_.flying()) {
        core_.finish_flight();
        return;
    }
    if (current_ + 1 < slides_.size()) go_to(current_ + 1, true);
}

void PresentMode::back() {
    if (current_ > 0) go_to(current_ - 1, true);
}

void PresentMode::update() {
    refresh_story();
    if (slides_.empty()) return;
    const geo::Slide& slide = slides_[current_];
    AnimationControls& animation = core_.animation();
    // On arrival the slide's stretch of the animation plays once at 1x and holds its end.
    if (!arrived_ && !core_.flying()) {
        arrived_ = true;
        animation.seconds = slide.from_seconds;
        animation.paused = slide.to_seconds <= slide.from_seconds;
    }
    if (arrived_ && animation.seconds >= slide.to_seconds) {
        animation.seconds = slide.to_seconds;
        animation.paused = true;
    }
    draw_next_thumbnail_when_resting();
    if (autoplay_ && slide.duration_seconds > 0 && slide_elapsed() >= slide.duration_seconds &&
        current_ + 1 < slides_.size())
        go_to(current_ + 1, true);
    // The cursor hides after a while without motion: nothing moves over the map while the room reads.
    const bool show = core_.now() - last_motion_ < kHideCursorSeconds;
    if (show != cursor_shown_) {
        SDL_ShowCursor(show ? SDL_ENABLE : SDL_DISABLE);
        cursor_shown_ = show;
    }
}

void PresentMode::handle_event(const SDL_Event& e) {
    switch (e.type) {
        case SDL_MOUSEMOTION: last_motion_ = core_.now(); break;
        case SDL_MOUSEBUTTONDOWN:
            last_motion_ = core_.now();
            if (e.button.button == SDL_BUTTON_LEFT && !ImGui::GetIO().WantCaptureMouse) forward();
            if (e.button.button == SDL_BUTTON_RIGHT) back();
            break;
        case SDL_KEYDOWN: handle_key(e.key.keysym.sym); break;
        default: break;
    }
}

void PresentMode::handle_key(SDL_Keycode key) {
    if (key >= SDLK_0 && key <= SDLK_9) {
        typed_number_ += static_cast<char>('0' + (key - SDLK_0));
        return;
    }
    if (key >= SDLK_KP_1 && key <= SDLK_KP_0) {
        typed_number_ += static_cast<char>(key == SDLK_KP_0 ? '0' : '1' + (key - SDLK_KP_1));
        return;
    }
    if ((key == SDLK_RETURN || key == SDLK_KP_ENTER) && !typed_number_.empty()) {
        const int number = std::stoi(typed_number_.substr(0, 6));
        typed_number_.clear();
        if (number >= 1 && static_cast<std::size_t>(number) <= slides_.size())
            go_to(static_cast<std::size_t>(number - 1), true);
        return;
    }
    typed_number_.clear();
    switch (key) {
        case SDLK_RIGHT:
        case SDLK_SPACE:
        case SDLK_PAGEDOWN:
        case SDLK_RETURN:
        case SDLK_KP_ENTER: forward(); break;
        case SDLK_LEFT:
        case SDLK_PAGEUP:
        case SDLK_BACKSPACE: back(); break;
        case SDLK_HOME: go_to(0, true); break;
        case SDLK_END:
            if (!slides_.empty()) go_to(slides_.size() - 1, true);
            break;
        case SDLK_a:
            autoplay_ = !autoplay_;
            // Autoplay counts from the slide's start; switched on late, it gives the slide its time from now.
            if (autoplay_) slide_start_ = core_.now();
            break;
        case SDLK_f: {
            SDL_Window* window = core_.window().handle();
            const bool full = (SDL_GetWindowFlags(window) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0;
            SDL_SetWindowFullscreen(window, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
            break;
        }
        case SDLK_b:
        case SDLK_PERIOD: blank_ = !blank_; break;
        case SDLK_l: core_.toggle_language(); break;
        case SDLK_s: presenter_overlay_ = !presenter_overlay_; break;
        case SDLK_F1: help_open_ = !help_open_; break;
        case SDLK_F12: core_.request_picture(); break;
        case SDLK_ESCAPE:
            // Esc first closes what is open over the slide; then it leaves to exploring at the same view.
            if (help_open_ || blank_) {
                help_open_ = blank_ = false;
            } else {
                core_.finish_flight();
                core_.story_view().set_focus(std::nullopt);
                SDL_ShowCursor(SDL_ENABLE);
                cursor_shown_ = true;
                wants_explore_ = true;
            }
            break;
        default: break;
    }
}

void PresentMode::draw_ui() {
    const Camera& camera = core_.view().camera;
    geo::PixelRect free{0, 0, static_cast<double>(camera.width), static_cast<double>(camera.height)};
    if (caption_top_ > 0) free.bottom = caption_top_;
    core_.set_free_rect(free);
    TestReport& report = core_.report();
    report.mode = "present";
    report.slide = slides_.empty() ? std::nullopt : std::optional<int>(static_cast<int>(current_) + 1);
    report.slide_count = static_cast<int>(slides_.size());
    report.autoplay = autoplay_;
    report.blank = blank_;
    report.presenter_view = presenter_overlay_;
    if (presenter_overlay_) draw_presenter_overlay();
    if (help_open_) draw_help();
}

void PresentMode::draw_overlay() {
    const Camera& camera = core_.view().camera;
    const float ratio = core_.pixel_ratio();
    const auto width = static_cast<float>(camera.width) / ratio, height = static_cast<float>(camera.height) / ratio;
    ImDrawList& list = *ImGui::GetForegroundDrawList();
    if (slides_.empty() || !core_.has_story()) {
        caption_top_ = 0;
        return;
    }
    const geo::Slide& slide = slides_[current_];
    const CaptionText text = caption_text(core_.story(), slide, core_.language());
    const CaptionLayout layout = layout_caption(text, width, height);
    const float within = slide.duration_seconds > 0
                             ? std::clamp(static_cast<float>(slide_elapsed() / slide.duration_seconds), 0.0F, 1.0F)
                             : 1.0F;
    const float progress = (static_cast<float>(current_) + within) / static_cast<float>(slides_.size());
    draw_caption(list, text, layout, width, height, static_cast<int>(current_) + 1, static_cast<int>(slides_.size()),
                 progress);
    caption_top_ = layout.top * ratio;
    TestReport& report = core_.report();
    report.captions.push_back(
        {"caption", 0, caption_top_, static_cast<double>(camera.width), static_cast<double>(camera.height)});
    report.note_string(text.quote);
    report.note_string(text.speaker);
    report.note_string(text.source);
    if (blank_) list.AddRectFilled(ImVec2(0, 0), ImVec2(width, height), IM_COL32(0, 0, 0, 255));
    if (!typed_number_.empty()) {
        const std::string typed = "→ " + typed_number_;
        list.AddText(ImGui::GetFont(), height / 20.0F, ImVec2(height / 40.0F, height / 40.0F),
                     IM_COL32(255, 255, 255, 230), typed.c_str(), typed.c_str() + typed.size());
    }
    // F12 saved the slide as the room sees it: where it went, briefly, in the corner rather than over the caption.
    if (const std::string_view notice = core_.notice(); !notice.empty()) {
        const float size = ImGui::GetFontSize();
        const ImVec2 at(size * 0.8F, size * 0.8F);
        const ImVec2 text = ImGui::CalcTextSize(notice.data(), notice.data() + notice.size());
        list.AddRectFilled(ImVec2(at.x - size * 0.4F, at.y - size * 0.25F),
                           ImVec2(at.x + text.x + size * 0.4F, at.y + text.y + size * 0.25F), IM_COL32(0, 0, 0, 170),
                           size * 0.3F);
        list.AddText(at, core_.notice_failed() ? IM_COL32(255, 120, 90, 255) : IM_COL32(255, 255, 255, 235),
                     notice.data(), notice.data() + notice.size());
        core_.report().note_string(notice);
    }
}

void PresentMode::draw_presenter_overlay() {
    if (slides_.empty()) return;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 20, 20), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x * 0.32F, 0), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.92F);
    const PresenterViewContent content = presenter_content();
    const std::string title = window_title(UiText::present_presenter_view, "presenter", content.language);
    if (ImGui::Begin(title.c_str(), nullptr,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                         ImGuiWindowFlags_NoSavedSettings))
        draw_presenter_view(content);
    ImGui::End();
    core_.report().presenter_picture = content.next_picture ? std::optional<int>(content.slide + 1) : std::nullopt;
}

void PresentMode::draw_help() {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5F, io.DisplaySize.y * 0.4F), ImGuiCond_Always,
                            ImVec2(0.5F, 0.5F));
    const std::string title = window_title(UiText::present_keys_title, "present-keys", ui_language(core_.language()));
    if (!ImGui::Begin(title.c_str(), &help_open_,
                      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    const std::string& language = core_.language();
    const std::pair<const char*, UiText> rows[] = {
        {"Right, Space, PageDown, Enter, click", UiText::help_present_next},
        {"Left, PageUp, Backspace", UiText::help_present_previous},
        {"Home / End", UiText::help_present_first_last},
        {"1 2 ... Enter", UiText::help_present_jump},
        {"A", UiText::help_present_autoplay},
        {"F", UiText::help_present_fullscreen},
        {"B", UiText::help_present_blank},
        {"L", UiText::help_present_language},
        {"S", UiText::help_present_notes},
        {"F12", UiText::help_present_save},
        {"Esc", UiText::help_present_explore},
    };
    if (ImGui::BeginTable("keys", 2)) {
        for (const auto& row : rows) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.first);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(row.second, language));
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace diplomap

// The viewer's one frame loop: the window and ImGui are set up once, the core holds the map and the story, and the
// mode in charge (exploring, presenting or editing) adds its input and what it draws around the map. Esc in a
// presentation and P in exploring hand over between the two at the same view; E enters and leaves editing.
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <array>
#include <charconv>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

#include "app/modes/assets.hpp"
#include "app/modes/edit_mode.hpp"
#include "app/modes/explore_mode.hpp"
#include "app/modes/present_mode.hpp"
#include "app/modes/viewer_core.hpp"
#include "app/modes/viewer_options.hpp"
#include "app/ui/fonts.hpp"
#include "app/ui/ui_turns.hpp"

namespace diplomap {
namespace {

// "10:Right 20:Escape 30:p 31:Ctrl+z 40:Shift+F12": a key name (SDL's), with Ctrl+, Shift+ and Alt+ if held, pressed at a frame and
// let go at the next (so that ImGui, which looks at keys held in a frame, sees it too), for window tests.
// A number of a test script, or nothing when the text is none: a typo in a script is reported, never a crash.
template <typename T>
std::optional<T> script_number(std::string_view text) {
    T value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

struct ScriptedKey {
    int frame = 0;
    SDL_Keycode key = SDLK_UNKNOWN;
    Uint16 mod = KMOD_NONE;
};

std::vector<ScriptedKey> parse_test_keys(const std::string& text, std::ostream& err) {
    std::vector<ScriptedKey> keys;
    std::istringstream in(text);
    std::string item;
    while (in >> item) {
        const auto colon = item.find(':');
        if (colon == std::string::npos) {
            err << "diplomap: --test-keys " << item << ": expected FRAME:KEY\n";
            continue;
        }
        std::string name = item.substr(colon + 1);
        Uint16 mod = KMOD_NONE;
        for (bool more = true; more;) {
            more = false;
            for (const auto& [prefix, bit] : {std::pair<std::string_view, Uint16>{"Ctrl+", KMOD_LCTRL},
                                              {"Shift+", KMOD_LSHIFT},
                                              {"Alt+", KMOD_LALT}})
                if (name.size() > prefix.size() && name.starts_with(prefix)) {
                    mod = static_cast<Uint16>(mod | bit);
                    name.erase(0, prefix.size());
                    more = true;
                }
        }
        const SDL_Keycode key = SDL_GetKeyFromName(name.c_str());
        const auto frame = script_number<int>(std::string_view(item).substr(0, colon));
        if (key == SDLK_UNKNOWN || !frame) {
            err << "diplomap: --test-keys " << item << ": expected FRAME:KEY with a key name of SDL's\n";
            continue;
        }
        keys.push_back({*frame, key, mod});
    }
    return keys;
}

void push_key(const ScriptedKey& k, bool down) {
    SDL_Event e{};
    e.type = down ? SDL_KEYDOWN : SDL_KEYUP;
    e.key.keysym.sym = k.key;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(k.key);
    e.key.keysym.mod = k.mod;
    e.key.state = down ? SDL_PRESSED : SDL_RELEASED;
    SDL_PushEvent(&e);
}

// "10:move@place:pyongyang 12:down 15:move@400,300 16:move@+20,-5 17:up 20:type=Wladi": the pointer moved to a
// spot (window points "X,Y", relative "+DX,-DY", a place's marker "place:ID", or a spot the mode names,
// "text:120"), pressed, let go, and text typed, each at a frame, for window tests of the mouse.
struct ScriptedPointerStep {
    int frame = 0;
    enum class Kind { move, down, up, type } kind = Kind::move;
    std::string target;  // move: where; type: the text
};

std::vector<ScriptedPointerStep> parse_test_mouse(const std::string& text, std::ostream& err) {
    std::vector<ScriptedPointerStep> steps;
    std::istringstream in(text);
    std::string item;
    while (in >> item) {
        const auto colon = item.find(':');
        ScriptedPointerStep step;
        std::string action = colon == std::string::npos ? std::string() : item.substr(colon + 1);
        if (action.starts_with("move@")) {
            step.kind = ScriptedPointerStep::Kind::move;
            step.target = action.substr(5);
        } else if (action == "down" || action == "up") {
            step.kind = action == "down" ? ScriptedPointerStep::Kind::down : ScriptedPointerStep::Kind::up;
        } else if (action.starts_with("type=")) {
            step.kind = ScriptedPointerStep::Kind::type;
            step.target = action.substr(5);
        } else {
            err << "diplomap: --test-mouse " << item
                << ": expected FRAME:move@WHERE, FRAME:down, FRAME:up or "
                   "FRAME:type=TEXT\n";
            continue;
        }
        const auto frame = script_number<int>(std::string_view(item).substr(0, colon));
        if (!frame) {
            err << "diplomap: --test-mouse " << item << ": expected a frame number before the colon\n";
            continue;
        }
        step.frame = *frame;
        steps.push_back(std::move(step));
    }
    return steps;
}

std::optional<ImVec2> resolve_target(const std::string& target, const ViewerCore& core, const ViewerMode& mode,
                                     ImVec2 from) {
    if (target.starts_with("place:")) return core.place_point(std::string_view(target).substr(6));
    if (const auto comma = target.find(','); comma != std::string::npos) {
        // "+40,-20": relative to where the pointer is; "400,300": window points.
        const bool relative = target[0] == '+' || target[0] == '-';
        const std::string_view x_text = std::string_view(target).substr(relative && target[0] == '+' ? 1 : 0,
                                                                        comma - (relative && target[0] == '+' ? 1 : 0));
        std::string_view y_text = std::string_view(target).substr(comma + 1);
        if (y_text.starts_with('+')) y_text.remove_prefix(1);
        const auto x = script_number<float>(x_text), y = script_number<float>(y_text);
        if (!x || !y) return std::nullopt;
        return relative ? ImVec2(from.x + *x, from.y + *y) : ImVec2(*x, *y);
    }
    return mode.test_target(target);
}

// Marks the pointer events a script pushed, as SDL's `which` marks a touch screen's: a script owns the pointer, and
// the real one must not join in. The X server reports where its pointer sits (Xvfb: the middle of the screen) when
// the window is mapped, entered or focused, at a moment that depends on the machine's load, and one such motion in
// the middle of a scripted drag would move a marker to the middle of the screen.
constexpr Uint32 kScriptedPointerId = 0x5C21;

bool is_real_pointer_event(const SDL_Event& e) {
    switch (e.type) {
        case SDL_MOUSEMOTION: return e.motion.which != kScriptedPointerId;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP: return e.button.which != kScriptedPointerId;
        case SDL_MOUSEWHEEL: return e.wheel.which != kScriptedPointerId;
        default: return false;
    }
}

// The scripted pointer as SDL events (for the modes) and as the position ImGui sees (through the core).
class PointerScript {
public:
    // `scripted_run`: a run that ends by itself (--quit-after-frames), as every window test is. Its pointer is the
    // script's, or none at all, so that neither the X server's pointer nor another test's window mapped over this
    // one under a parallel ctest changes what it does.
    PointerScript(std::vector<ScriptedPointerStep> steps, bool scripted_run, std::ostream& err)
        : steps_(std::move(steps)), owns_pointer_(scripted_run || !steps_.empty()), err_(err) {}

    [[nodiscard]] bool owns_pointer() const { return owns_pointer_; }

    void run(int frame, ViewerCore& core, const ViewerMode& mode) {
        // Until the script's first move, ImGui sees no pointer at all rather than the X server's.
        if (frame == 0 && owns_pointer_) core.set_scripted_pointer(-FLT_MAX, -FLT_MAX, false);
        for (const ScriptedPointerStep& step : steps_) {
            if (step.frame != frame) continue;
            SDL_Event e{};
            switch (step.kind) {
                case ScriptedPointerStep::Kind::move: {
                    const auto to =
                        resolve_target(step.target, core, mode, ImVec2(static_cast<float>(x_), static_cast<float>(y_)));
                    if (!to) {
                        err_ << "diplomap: --test-mouse: frame " << frame << ": nothing at " << step.target << '\n';
                        continue;
                    }
                    e.type = SDL_MOUSEMOTION;
                    e.motion.x = static_cast<Sint32>(std::lround(to->x));
                    e.motion.y = static_cast<Sint32>(std::lround(to->y));
                    e.motion.xrel = e.motion.x - x_;
                    e.motion.yrel = e.motion.y - y_;
                    e.motion.state = down_ ? SDL_BUTTON_LMASK : 0;
                    e.motion.which = kScriptedPointerId;
                    x_ = e.motion.x;
                    y_ = e.motion.y;
                    break;
                }
                case ScriptedPointerStep::Kind::down:
                case ScriptedPointerStep::Kind::up:
                    down_ = step.kind == ScriptedPointerStep::Kind::down;
                    e.type = down_ ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
                    e.button.button = SDL_BUTTON_LEFT;
                    e.button.state = down_ ? SDL_PRESSED : SDL_RELEASED;
                    e.button.clicks = 1;
                    e.button.which = kScriptedPointerId;
                    e.button.x = x_;
                    e.button.y = y_;
                    break;
                case ScriptedPointerStep::Kind::type:
                    e.type = SDL_TEXTINPUT;
                    std::snprintf(e.text.text, sizeof e.text.text, "%s", step.target.c_str());
                    break;
            }
            SDL_PushEvent(&e);
            core.set_scripted_pointer(static_cast<float>(x_), static_cast<float>(y_), down_);
        }
    }

private:
    std::vector<ScriptedPointerStep> steps_;
    bool owns_pointer_;
    std::ostream& err_;
    Sint32 x_ = 0, y_ = 0;
    bool down_ = false;
};

int run_loop(ViewerCore& core, const std::array<ViewerMode*, 3>& modes, PresentMode& present, std::ostream& err) {
    const ViewerOptions& options = core.options();
    ViewerMode* mode = modes[static_cast<std::size_t>(options.edit      ? ModeKind::edit
                                                      : options.present ? ModeKind::present
                                                                        : ModeKind::explore)];
    mode->enter();
    const std::vector<ScriptedKey> keys = parse_test_keys(options.test_keys, err);
    PointerScript pointer(parse_test_mouse(options.test_mouse, err), options.quit_after_frames.has_value(), err);
    while (core.running()) {
        core.begin_frame();
        for (const ScriptedKey& k : keys) {
            if (k.frame == core.frame_count()) push_key(k, true);
            if (k.frame + 1 == core.frame_count()) push_key(k, false);
        }
        pointer.run(core.frame_count(), core, *mode);
        SDL_Event e;
        while (SDL_PollEvent(&e)) {
            if (pointer.owns_pointer() && is_real_pointer_event(e)) continue;
            if (present.owns_event(e)) {
                present.presenter_window_event(e);
                continue;
            }
            ImGui_ImplSDL2_ProcessEvent(&e);
            core.handle_event(e);
            mode->handle_event(e);
        }
        if (core.take_quit_request() && mode->confirm_quit()) core.quit();
        mode->update();
        // Between frames, where this thread runs no ImGui: an export on its worker thread may draw its text now.
        serve_ui_turns();
        core.new_ui_frame();
        mode->draw_ui();
        core.draw_story_marks();
        mode->draw_overlay();
        // Before the main window's frame ends, so that the test report of the last frame holds what it drew too.
        present.draw_presenter_window();
        core.end_frame();
        for (std::size_t k = 0; k < modes.size(); ++k)
            if (modes[k] != mode && mode->wants(static_cast<ModeKind>(k))) {
                mode->clear_request();
                mode = modes[k];
                mode->enter();
                break;
            }
    }
    return core.exit_code();
}

}  // namespace

int run_viewer(const ViewerOptions& options, std::ostream& err) {
    if (!display_available()) {
        err << "diplomap: no display to open a window on (DISPLAY is not set); export instead: "
               "diplomap export --out map.png --size 1920x1080\n";
        return 1;
    }
    auto assets = find_assets(options.view.assets);
    if (auto* error = std::get_if<std::string>(&assets)) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    const std::filesystem::path config = config_dir();
    Settings settings = load_settings(config);
    const bool fullscreen = options.present && options.fullscreen && !options.quit_after_frames;
    // Without --window-size: most of the screen the window opens on, or the size it had when last closed.
    const std::optional<WindowSize> remembered = settings.window.width > 0 && settings.window.height > 0
                                                     ? std::optional<WindowSize>(settings.window)
                                                     : std::nullopt;
    auto window = options.width && options.height ? SdlWindow::create("diplomap", *options.width, *options.height)
                                                  : SdlWindow::create_fitting("diplomap", remembered);
    if (auto* error = std::get_if<std::string>(&window)) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    SdlWindow& win = *std::get<std::unique_ptr<SdlWindow>>(window);
    if (fullscreen) SDL_SetWindowFullscreen(win.handle(), SDL_WINDOW_FULLSCREEN_DESKTOP);

    // ImGui keeps the window layout beside our settings; the string outlives the context, as ImGui requires.
    // Test and benchmark runs neither read nor write it, so their layout is always the default one.
    const std::string ini_file =
        config.empty() || options.quit_after_frames ? std::string() : (config / "imgui.ini").string();
    if (!ini_file.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(config, ec);
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = ini_file.empty() ? nullptr : ini_file.c_str();
    // Keyboard navigation of the panels, without taking the keys from the map: a focused panel would otherwise
    // swallow every shortcut until the reader clicks the map. Text fields still keep their keys.
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard | ImGuiConfigFlags_NavNoCaptureKeyboard;
    add_ui_font(*io.Fonts, 16.0F * win.pixel_ratio());
    io.FontGlobalScale = 1.0F / win.pixel_ratio();
    ImGui::StyleColorsDark();
    ImGui_ImplSDL2_InitForOpenGL(win.handle(), win.gl_context());
    ImGui_ImplOpenGL3_Init("#version 330 core");

    int code = 1;
    {
        auto renderer = MapRenderer::create();
        auto blit = TextureBlit::create();
        auto story_view = StoryView::create();
        if (auto* error = std::get_if<std::string>(&renderer)) {
            err << "diplomap: " << *error << '\n';
        } else if (auto* blit_error = std::get_if<std::string>(&blit)) {
            err << "diplomap: " << *blit_error << '\n';
        } else if (auto* story_error = std::get_if<std::string>(&story_view)) {
            err << "diplomap: " << *story_error << '\n';
        } else {
            ViewerCore core(win, std::move(std::get<MapRenderer>(renderer)), std::move(std::get<TextureBlit>(blit)),
                            std::move(std::get<StoryView>(story_view)),
                            std::get<std::filesystem::path>(assets) / "basemap", options, std::move(settings), config,
                            err);
            if (auto error = core.start()) {
                err << "diplomap: " << *error << '\n';
            } else {
                // Exports run beside the window and use ImGui only in turns this thread grants (ui_turns.hpp).
                own_imgui(true);
                {
                    ExploreMode explore(core);
                    PresentMode present(core);
                    EditMode edit(core);
                    code = run_loop(core, {&explore, &present, &edit}, present, err);
                }
                own_imgui(false);
            }
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    return code;
}

}  // namespace diplomap

// The viewer's one frame loop: the window and ImGui are set up once, the core holds the map and the story, and the
// mode in charge (exploring or presenting) adds its input and what it draws around the map. Esc in a presentation
// and P in exploring hand over between the two at the same view.
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <memory>
#include <ostream>
#include <sstream>
#include <vector>

#include "app/modes/assets.hpp"
#include "app/modes/explore_mode.hpp"
#include "app/modes/present_mode.hpp"
#include "app/modes/viewer_core.hpp"
#include "app/modes/viewer_options.hpp"
#include "app/ui/fonts.hpp"
#include "app/ui/imgui_turns.hpp"

namespace diplomap {
namespace {

// "10:Right 20:Escape 30:p 31:3 40:Shift+F12": a key name (SDL's), after Shift+, Ctrl+ or Alt+ where held, pressed at
// a frame, for window tests of the keyboard.
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
        for (const auto& [prefix, bit] :
             {std::pair<std::string_view, Uint16>{"Shift+", KMOD_LSHIFT}, {"Ctrl+", KMOD_LCTRL}, {"Alt+", KMOD_LALT}})
            if (name.size() > prefix.size() && name.starts_with(prefix)) {
                mod |= bit;
                name.erase(0, prefix.size());
            }
        const SDL_Keycode key = SDL_GetKeyFromName(name.c_str());
        if (key == SDLK_UNKNOWN) err << "diplomap: --test-keys " << item << ": unknown key name\n";
        keys.push_back({std::stoi(item.substr(0, colon)), key, mod});
    }
    return keys;
}

void push_key(SDL_Keycode key, Uint16 mod) {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = key;
    e.key.keysym.mod = mod;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(key);
    e.key.state = SDL_PRESSED;
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
}

int run_loop(ViewerCore& core, ExploreMode& explore, PresentMode& present, std::ostream& err) {
    ViewerMode* mode = core.options().present ? static_cast<ViewerMode*>(&present) : &explore;
    mode->enter();
    const std::vector<ScriptedKey> keys = parse_test_keys(core.options().test_keys, err);
    while (core.running()) {
        core.begin_frame();
        for (const ScriptedKey& k : keys)
            if (k.frame == core.frame_count()) push_key(k.key, k.mod);
        SDL_Event e;
        while (SDL_PollEvent(&e)) {
            if (present.owns_event(e)) {
                present.presenter_window_event(e);
                continue;
            }
            ImGui_ImplSDL2_ProcessEvent(&e);
            core.handle_event(e);
            mode->handle_event(e);
        }
        mode->update();
        // Between frames, where this thread runs no ImGui: an export on its worker thread may draw its text now.
        serve_imgui_turns();
        core.new_ui_frame();
        mode->draw_ui();
        core.draw_story_marks();
        mode->draw_overlay();
        // Before the main window's frame ends, so that the test report of the last frame holds what it drew too.
        present.draw_presenter_window();
        core.end_frame();
        for (auto [from, to, kind] :
             {std::tuple<ViewerMode*, ViewerMode*, ModeKind>{&explore, &present, ModeKind::present},
              {&present, &explore, ModeKind::explore}})
            if (mode == from && from->wants(kind)) {
                from->clear_request();
                mode = to;
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
                // Exports run beside the window and use ImGui only in turns this thread grants (imgui_turns.hpp).
                own_imgui(true);
                {
                    ExploreMode explore(core);
                    PresentMode present(core);
                    code = run_loop(core, explore, present, err);
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

#include "app/modes/presenter_window.hpp"

#include <epoxy/gl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <algorithm>

#include "app/ui/fonts.hpp"

namespace diplomap {

Uint32 event_window_id(const SDL_Event& event) {
    switch (event.type) {
        case SDL_WINDOWEVENT: return event.window.windowID;
        case SDL_KEYDOWN:
        case SDL_KEYUP: return event.key.windowID;
        case SDL_TEXTINPUT: return event.text.windowID;
        case SDL_TEXTEDITING: return event.edit.windowID;
        case SDL_MOUSEMOTION: return event.motion.windowID;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP: return event.button.windowID;
        case SDL_MOUSEWHEEL: return event.wheel.windowID;
        default: return 0;
    }
}

std::variant<std::unique_ptr<PresenterWindow>, std::string> PresenterWindow::open(SdlWindow& main, int display,
                                                                                  const std::string& title) {
    int x = static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(display));
    int y = x;
    int width = 960, height = 720;
    SDL_Rect usable;
    if (SDL_GetDisplayUsableBounds(display, &usable) == 0) {
        width = std::min(width, usable.w * 9 / 10);
        height = std::min(height, usable.h * 9 / 10);
        // On the slides' own screen: in its lower right corner, covering as little of the slide as it can.
        if (display == SDL_GetWindowDisplayIndex(main.handle())) {
            x = usable.x + usable.w - width;
            y = usable.y + usable.h - height;
        }
    }
    // The main window's GL attributes (core 3.3, stencil) are still set: this window gets the same pixel format,
    // so the one context draws into both.
    SDL_Window* window = SDL_CreateWindow(title.c_str(), x, y, width, height,
                                          SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!window) return std::string("cannot open the presenter window: ") + SDL_GetError();
    return std::unique_ptr<PresenterWindow>(new PresenterWindow(main, window));
}

PresenterWindow::PresenterWindow(SdlWindow& main, SDL_Window* window) : main_(main), window_(window) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    add_ui_font(*io.Fonts, 17.0F * main.pixel_ratio());
    io.FontGlobalScale = 1.0F / main.pixel_ratio();
    ImGui::StyleColorsDark();
    SDL_GL_MakeCurrent(window_, main.gl_context());
    ImGui_ImplSDL2_InitForOpenGL(window_, main.gl_context());
    ImGui_ImplOpenGL3_Init("#version 330 core");
    main_.make_current();
    ImGui::SetCurrentContext(previous);
}

PresenterWindow::~PresenterWindow() {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(context_);
    SDL_GL_MakeCurrent(window_, main_.gl_context());
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext(context_);
    main_.make_current();
    ImGui::SetCurrentContext(previous == context_ ? nullptr : previous);
    SDL_DestroyWindow(window_);
}

bool PresenterWindow::owns(const SDL_Event& event) const {
    const Uint32 id = event_window_id(event);
    return id != 0 && id == SDL_GetWindowID(window_);
}

bool PresenterWindow::process(const SDL_Event& event) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(context_);
    ImGui_ImplSDL2_ProcessEvent(&event);
    ImGui::SetCurrentContext(previous);
    return event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE;
}

int PresenterWindow::width() const {
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window_, &w, &h);
    return w;
}

int PresenterWindow::height() const {
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window_, &w, &h);
    return h;
}

void PresenterWindow::frame(const std::string& title, const std::function<void()>& draw) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(context_);
    SDL_GL_MakeCurrent(window_, main_.gl_context());
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    if (ImGui::Begin(title.c_str(), nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings))
        draw();
    ImGui::End();
    ImGui::Render();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, width(), height());
    glClearColor(0.08F, 0.08F, 0.1F, 1.0F);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(window_);
    main_.make_current();
    ImGui::SetCurrentContext(previous);
}

}  // namespace diplomap

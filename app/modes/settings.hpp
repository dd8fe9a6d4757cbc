#pragma once
// What the viewer remembers between runs: UI scale, label language, layers, the relation kinds shown, which panels
// are open and how large, the window's size and the stories opened lately. A small JSON file in $XDG_CONFIG_HOME/diplomap (or ~/.config/diplomap),
// never in the working directory; ImGui keeps its window layout in imgui.ini beside it.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/platform/window_size.hpp"
#include "app/style/layers.hpp"
#include "app/ui/article_language.hpp"
#include "app/ui/panel_layout.hpp"

namespace diplomap {

struct PanelVisibility {
    bool article = true;
    bool people = true;
    bool timeline = true;
    bool layers = true;
    bool search = true;

    bool operator==(const PanelVisibility&) const = default;
};

struct Settings {
    static constexpr float kMinUiScale = 0.75F;
    static constexpr float kMaxUiScale = 3.0F;
    static constexpr std::size_t kMaxRecentStories = 8;

    float ui_scale = 1.0F;
    std::string language;  // of the map's labels; empty: the story's own
    LayerSet layers = LayerSet::all();
    std::uint32_t relation_kinds = ~0U;  // bit per geo::RelationKind
    PanelVisibility panels;
    PanelSizes panel_sizes;  // where the reader dragged the splitters
    WindowSize window;       // as the reader left it; 0 x 0 until a window has closed once
    ArticleLanguage article_language = ArticleLanguage::original;
    std::vector<std::string> recent_stories;  // most recent first, absolute paths

    bool operator==(const Settings&) const = default;
};

// $XDG_CONFIG_HOME/diplomap when XDG_CONFIG_HOME is set to an absolute path, else $HOME/.config/diplomap; empty
// when neither is known (then nothing is saved).
std::filesystem::path config_dir();

// Reads dir/settings.json; a missing or unreadable file gives the defaults, unknown or bad fields are ignored.
Settings load_settings(const std::filesystem::path& dir);
// Writes dir/settings.json through a temporary file and a rename, so a crash never leaves half a file; creates the
// folder. Returns the error for the user, if any.
std::optional<std::string> save_settings(const std::filesystem::path& dir, const Settings& settings);

// Moves `story` (made absolute) to the front of the recent stories.
void remember_story(Settings& settings, const std::filesystem::path& story);

}  // namespace diplomap

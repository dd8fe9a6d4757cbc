#include "app/modes/settings.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <system_error>
#include <utility>

namespace diplomap {
namespace {

constexpr const char* kFileName = "settings.json";

std::string layer_list(const LayerSet& layers) {
    std::string out;
    for (std::size_t i = 0; i < kLayerNames.size(); ++i)
        if (layers.has(static_cast<Layer>(i))) out += (out.empty() ? "" : ",") + std::string(kLayerNames[i]);
    return out;
}

std::string_view article_language_name(ArticleLanguage l) {
    switch (l) {
        case ArticleLanguage::original: return "original";
        case ArticleLanguage::translation: return "translation";
        case ArticleLanguage::both: return "both";
    }
    return "original";
}

}  // namespace

std::filesystem::path config_dir() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg == '/')
        return std::filesystem::path(xdg) / "diplomap";
    if (const char* home = std::getenv("HOME"); home && *home == '/')
        return std::filesystem::path(home) / ".config" / "diplomap";
    return {};
}

Settings load_settings(const std::filesystem::path& dir) {
    Settings settings;
    if (dir.empty()) return settings;
    std::ifstream in(dir / kFileName);
    if (!in) return settings;
    const nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
    if (!json.is_object()) return settings;
    // Each field on its own: one bad value must not cost the reader the rest of their settings.
    auto read = [&](const char* key, auto&& apply) {
        const auto it = json.find(key);
        if (it == json.end()) return;
        try {
            apply(*it);
        } catch (const nlohmann::json::exception&) {}
    };
    read("ui_scale", [&](const nlohmann::json& v) {
        const float scale = v.get<float>();
        if (std::isfinite(scale)) settings.ui_scale = std::clamp(scale, Settings::kMinUiScale, Settings::kMaxUiScale);
    });
    read("language", [&](const nlohmann::json& v) { settings.language = v.get<std::string>(); });
    read("layers", [&](const nlohmann::json& v) {
        const std::string list = v.get<std::string>();
        if (list.empty()) {
            settings.layers = LayerSet::none();
        } else if (auto parsed = parse_layers(list); std::holds_alternative<LayerSet>(parsed)) {
            settings.layers = std::get<LayerSet>(parsed);
        }
    });
    read("relation_kinds", [&](const nlohmann::json& v) { settings.relation_kinds = v.get<std::uint32_t>(); });
    read("article_language", [&](const nlohmann::json& v) {
        const std::string name = v.get<std::string>();
        for (ArticleLanguage l : {ArticleLanguage::original, ArticleLanguage::translation, ArticleLanguage::both})
            if (name == article_language_name(l)) settings.article_language = l;
    });
    read("panels", [&](const nlohmann::json& v) {
        PanelVisibility& p = settings.panels;
        p.article = v.value("article", p.article);
        p.people = v.value("people", p.people);
        p.timeline = v.value("timeline", p.timeline);
        p.layers = v.value("layers", p.layers);
        p.search = v.value("search", p.search);
    });
    read("panel_sizes", [&](const nlohmann::json& v) {
        // Out-of-range values are kept: layout_panels and the splitters' limits bring them back into range.
        PanelSizes& p = settings.panel_sizes;
        for (auto [key, field] : {std::pair{"left_width", &p.left_width}, std::pair{"right_width", &p.right_width},
                                  std::pair{"bottom_height", &p.bottom_height}, std::pair{"left_split", &p.left_split},
                                  std::pair{"right_split", &p.right_split}}) {
            const auto it = v.find(key);
            if (it == v.end() || !it->is_number()) continue;
            const float value = it->get<float>();
            if (std::isfinite(value) && value > 0) *field = value;
        }
    });
    read("window", [&](const nlohmann::json& v) {
        const WindowSize size{v.at("width").get<int>(), v.at("height").get<int>()};
        if (size.width > 0 && size.height > 0) settings.window = size;
    });
    read("recent_stories", [&](const nlohmann::json& v) {
        for (const auto& item : v)
            if (item.is_string() && settings.recent_stories.size() < Settings::kMaxRecentStories)
                settings.recent_stories.push_back(item.get<std::string>());
    });
    return settings;
}

std::optional<std::string> save_settings(const std::filesystem::path& dir, const Settings& settings) {
    if (dir.empty()) return std::string("no folder for settings (neither XDG_CONFIG_HOME nor HOME is set)");
    nlohmann::json json = {
        {"ui_scale", settings.ui_scale},
        {"language", settings.language},
        {"layers", layer_list(settings.layers)},
        {"relation_kinds", settings.relation_kinds},
        {"article_language", article_language_name(settings.article_language)},
        {"panels",
         {{"article", settings.panels.article},
          {"people", settings.panels.people},
          {"timeline", settings.panels.timeline},
          {"layers", settings.panels.layers},
          {"search", settings.panels.search}}},
        {"panel_sizes",
         {{"left_width", settings.panel_sizes.left_width},
          {"right_width", settings.panel_sizes.right_width},
          {"bottom_height", settings.panel_sizes.bottom_height},
          {"left_split", settings.panel_sizes.left_split},
          {"right_split", settings.panel_sizes.right_split}}},
        {"recent_stories", settings.recent_stories},
    };
    if (settings.window.width > 0 && settings.window.height > 0)
        json["window"] = {{"width", settings.window.width}, {"height", settings.window.height}};
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return "cannot create " + dir.string() + ": " + ec.message();
    const std::filesystem::path file = dir / kFileName;
    const std::filesystem::path temporary = dir / (std::string(kFileName) + ".tmp");
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << json.dump(2) << '\n';
        if (!out.flush()) {
            std::filesystem::remove(temporary, ec);
            return "cannot write " + temporary.string();
        }
    }
    std::filesystem::rename(temporary, file, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        return "cannot replace " + file.string() + ": " + ec.message();
    }
    return std::nullopt;
}

void remember_story(Settings& settings, const std::filesystem::path& story) {
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(story, ec);
    if (ec) absolute = story;
    const std::string path = absolute.lexically_normal().string();
    auto& recent = settings.recent_stories;
    recent.erase(std::remove(recent.begin(), recent.end(), path), recent.end());
    recent.insert(recent.begin(), path);
    if (recent.size() > Settings::kMaxRecentStories) recent.resize(Settings::kMaxRecentStories);
}

}  // namespace diplomap

// Settings live in $XDG_CONFIG_HOME/diplomap (or ~/.config/diplomap) and survive bad files. Every test points
// XDG_CONFIG_HOME at a temporary folder, so that no test touches the real home.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "app/modes/settings.hpp"
#include "test_support.hpp"

using namespace diplomap;

namespace {

// Sets an environment variable for the test's lifetime and puts the old value back.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) {
            ::setenv(name, value, 1);
        } else {
            ::unsetenv(name);
        }
    }
    ~ScopedEnv() {
        if (old_) {
            ::setenv(name_, old_->c_str(), 1);
        } else {
            ::unsetenv(name_);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("settings go to XDG_CONFIG_HOME, else to ~/.config", "[ui][settings]") {
    test::TempDir dir;
    {
        ScopedEnv xdg("XDG_CONFIG_HOME", dir.path().c_str());
        CHECK(config_dir() == dir.path() / "diplomap");
    }
    {
        ScopedEnv xdg("XDG_CONFIG_HOME", nullptr);
        ScopedEnv home("HOME", dir.path().c_str());
        CHECK(config_dir() == dir.path() / ".config" / "diplomap");
    }
    {
        // A relative XDG_CONFIG_HOME is invalid by the spec and would land in the working directory.
        ScopedEnv xdg("XDG_CONFIG_HOME", "relative/config");
        ScopedEnv home("HOME", dir.path().c_str());
        CHECK(config_dir() == dir.path() / ".config" / "diplomap");
    }
}

TEST_CASE("settings round-trip through the file", "[ui][settings]") {
    test::TempDir dir;
    ScopedEnv xdg("XDG_CONFIG_HOME", dir.path().c_str());
    Settings s;
    s.ui_scale = 2.0F;
    s.language = "en";
    s.layers.set(Layer::Graticule, false);
    s.layers.set(Layer::Legend, true);
    s.relation_kinds = 0x3F5U;
    s.panels.people = false;
    s.article_language = ArticleLanguage::both;
    s.panel_sizes.left_width = 412.5F;
    s.panel_sizes.bottom_height = 230.0F;
    s.panel_sizes.right_split = 0.25F;
    s.window = {1500, 900};
    remember_story(s, dir.path() / "a");
    remember_story(s, dir.path() / "b");
    remember_story(s, dir.path() / "a");
    REQUIRE(s.recent_stories.size() == 2);
    CHECK(s.recent_stories.front() == (dir.path() / "a").string());

    REQUIRE_FALSE(save_settings(config_dir(), s));
    CHECK(std::filesystem::exists(dir.path() / "diplomap" / "settings.json"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "diplomap" / "settings.json.tmp"));
    CHECK(load_settings(config_dir()) == s);
}

TEST_CASE("a missing or broken settings file gives the defaults, field by field", "[ui][settings]") {
    test::TempDir dir;
    CHECK(load_settings(dir.path() / "nowhere") == Settings{});
    std::filesystem::create_directories(dir.path() / "diplomap");
    {
        std::ofstream out(dir.path() / "diplomap" / "settings.json");
        out << "{ not json";
    }
    CHECK(load_settings(dir.path() / "diplomap") == Settings{});
    {
        std::ofstream out(dir.path() / "diplomap" / "settings.json");
        out << R"({"ui_scale": "huge", "language": "de", "layers": "land,sea", "panels": {"article": false},
                  "recent_stories": ["/x", 3], "article_language": "klingon"})";
    }
    const Settings s = load_settings(dir.path() / "diplomap");
    CHECK(s.ui_scale == 1.0F);
    CHECK(s.language == "de");
    CHECK(s.layers == LayerSet::all());
    CHECK_FALSE(s.panels.article);
    CHECK(s.panels.people);
    CHECK(s.recent_stories == std::vector<std::string>{"/x"});
    CHECK(s.article_language == ArticleLanguage::original);
    {
        std::ofstream out(dir.path() / "diplomap" / "settings.json");
        out << R"({"ui_scale": 40})";
    }
    CHECK(load_settings(dir.path() / "diplomap").ui_scale == Settings::kMaxUiScale);
    {
        std::ofstream out(dir.path() / "diplomap" / "settings.json");
        out << R"({"panel_sizes": {"left_width": -3, "right_width": "wide", "bottom_height": 250},
                  "window": {"width": 0, "height": 700}})";
    }
    const Settings sizes = load_settings(dir.path() / "diplomap");
    CHECK(sizes.panel_sizes.left_width == PanelSizes{}.left_width);
    CHECK(sizes.panel_sizes.right_width == PanelSizes{}.right_width);
    CHECK(sizes.panel_sizes.bottom_height == 250.0F);
    CHECK(sizes.window == WindowSize{});
}

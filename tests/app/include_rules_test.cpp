// The layering of the source tree, checked on every #include: panels never reach into GL drawers and drawers never
// into panels (both read app/style/), geo/ knows nothing of the program, and within geo/ text comes before the map
// and the map before the story.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace {

struct Rule {
    const char* folder;     // the files this rule applies to, relative to the source root
    const char* forbidden;  // an include path prefix they must not use
};

constexpr Rule kRules[] = {
    {"app/ui/", "app/render/"},
    {"app/render/", "app/ui/"},
    {"app/style/", "app/render/"},
    {"app/style/", "app/ui/"},
    {"app/style/", "app/modes/"},
    {"app/style/", "app/platform/"},
    {"app/render/", "app/modes/"},
    {"app/ui/", "app/modes/"},
    {"geo/", "app/"},
    {"geo/text/", "geo/map/"},
    {"geo/text/", "geo/story/"},
    {"geo/map/", "geo/story/"},
    {"geo/text/", "geo/draft/"},
    {"geo/map/", "geo/draft/"},
    {"geo/story/", "geo/draft/"},
    // The editable document sits above the story: it edits and saves what story/ reads, and nothing below knows it.
    {"geo/text/", "geo/edit/"},
    {"geo/map/", "geo/edit/"},
    {"geo/story/", "geo/edit/"},
    {"geo/draft/", "geo/edit/"},
    {"geo/edit/", "geo/draft/"},
    // The video encoder knows frames as bytes only: no GL, no ImGui, no modes.
    {"app/video/", "app/render/"},
    {"app/video/", "app/ui/"},
    {"app/video/", "app/modes/"},
    {"app/video/", "app/platform/"},
};

// Every rule broken by `source`, a file at `path` (relative to the source root), as "path includes what".
std::vector<std::string> broken_rules(const std::string& path, const std::string& source) {
    static const std::regex include(R"re(^\s*#\s*include\s*"([^"]+)")re", std::regex::multiline);
    std::vector<std::string> broken;
    for (auto it = std::sregex_iterator(source.begin(), source.end(), include); it != std::sregex_iterator(); ++it) {
        const std::string target = (*it)[1].str();
        for (const Rule& rule : kRules)
            if (path.starts_with(rule.folder) && target.starts_with(rule.forbidden)) {
                std::string crossing = path;
                crossing += " includes ";
                crossing += target;
                broken.push_back(std::move(crossing));
            }
    }
    return broken;
}

}  // namespace

TEST_CASE("the include rules catch a crossing", "[layout]") {
    CHECK(broken_rules("app/ui/layers_panel.hpp", "#include \"app/render/layers.hpp\"\n").size() == 1);
    CHECK(broken_rules("app/render/x.cpp", "  #  include \"app/ui/fonts.hpp\"\n").size() == 1);
    CHECK(broken_rules("geo/map/clip.cpp", "#include \"geo/story/story.hpp\"\n").size() == 1);
    CHECK(broken_rules("geo/story/story.cpp", "#include \"geo/map/clip.hpp\"\n").empty());
    CHECK(broken_rules("geo/story/story_watch.cpp", "#include \"geo/edit/story_document.hpp\"\n").size() == 1);
    CHECK(broken_rules("geo/edit/story_document.cpp", "#include \"geo/story/story_loader.hpp\"\n").empty());
    CHECK(broken_rules("app/ui/layers_panel.hpp", "#include \"app/style/layers.hpp\"\n").empty());
}

TEST_CASE("no file includes across the layers", "[layout]") {
    const std::filesystem::path root = DIPLOMAP_SOURCE_DIR;
    std::vector<std::string> broken;
    std::size_t files = 0;
    for (const char* top : {"app", "geo"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(root / top)) {
            const auto ext = entry.path().extension();
            if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
            std::ifstream in(entry.path(), std::ios::binary);
            const std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            const std::string relative = entry.path().lexically_relative(root).generic_string();
            for (std::string& b : broken_rules(relative, source)) broken.push_back(std::move(b));
            ++files;
        }
    }
    CHECK(files > 100);
    for (const std::string& b : broken) UNSCOPED_INFO(b);
    CHECK(broken.empty());
}

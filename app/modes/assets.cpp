#include "app/modes/assets.hpp"

#include <cstdlib>
#include <vector>

namespace diplomap {
namespace {

bool looks_like_assets(const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::is_regular_file(dir / "basemap" / "land-110m.fgb", ec);
}

std::filesystem::path executable_dir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : exe.parent_path();
}

}  // namespace

std::variant<std::filesystem::path, std::string> find_assets(const std::optional<std::filesystem::path>& flag) {
    if (flag) {
        if (looks_like_assets(*flag)) return *flag;
        return "--assets " + flag->string() + ": no basemap/land-110m.fgb there";
    }
    std::vector<std::filesystem::path> candidates;
    if (const char* env = std::getenv("DIPLOMAP_ASSETS"); env && *env) {
        if (looks_like_assets(env)) return std::filesystem::path(env);
        return std::string("DIPLOMAP_ASSETS=") + env + ": no basemap/land-110m.fgb there";
    }
    const auto exe = executable_dir();
    if (!exe.empty()) {
        candidates.push_back(exe / "assets");
        candidates.push_back(exe / ".." / "share" / "diplomap" / "assets");
        // The programs the `diplomap` launcher starts live in libexec/diplomap/ (app/CMakeLists.txt).
        candidates.push_back(exe / ".." / ".." / "share" / "diplomap" / "assets");
    }
#ifdef DIPLOMAP_SOURCE_ASSETS
    candidates.emplace_back(DIPLOMAP_SOURCE_ASSETS);
#endif
    candidates.emplace_back(DIPLOMAP_INSTALL_ASSETS);
    std::string looked;
    for (const auto& c : candidates) {
        if (looks_like_assets(c)) return std::filesystem::weakly_canonical(c);
        looked += (looked.empty() ? "" : ", ") + c.string();
    }
    return "cannot find the assets folder (looked in " + looked + "); pass --assets DIR or set DIPLOMAP_ASSETS";
}

}  // namespace diplomap

#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <variant>

namespace diplomap {

// Finds the assets folder in a fixed order: --assets, $DIPLOMAP_ASSETS, next to the executable (assets/ or
// ../share/diplomap/assets), the source tree the program was built from, the install prefix. The error lists
// where it looked.
std::variant<std::filesystem::path, std::string> find_assets(const std::optional<std::filesystem::path>& flag);

}  // namespace diplomap

#pragma once
// A whole file as bytes, for the small text files the program reads at once (a story, a table).
#include <filesystem>
#include <optional>
#include <string>

namespace geo {

// The file's bytes, or nullopt when it cannot be opened or read.
std::optional<std::string> read_whole_file(const std::filesystem::path& path);

}  // namespace geo

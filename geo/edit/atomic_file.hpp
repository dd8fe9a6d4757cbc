#pragma once
// Replacing a file so that readers see either the old content or the new, never a part: the new content goes to
// a temporary file beside the target, is flushed to the disk, and is renamed over the target.
#include <filesystem>
#include <string>
#include <string_view>

namespace geo {

// Returns an empty string on success, else why it failed (the target is then untouched and no temporary file is
// left behind).
[[nodiscard]] std::string write_file_atomically(const std::filesystem::path& target, std::string_view content);

}  // namespace geo

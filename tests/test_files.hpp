#pragma once
// Reading and writing whole files in tests, shared by the unit and program tests.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

namespace diplomap::test {

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Writes in place (the same inode), as some editors and tools do.
inline void write_file(const std::filesystem::path& path, std::string_view content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

// How vim and most editors save: a new file renamed over the old one (a new inode).
inline void save_by_rename(const std::filesystem::path& path, std::string_view content) {
    const std::filesystem::path temporary = path.string() + ".swp";
    write_file(temporary, content);
    std::filesystem::rename(temporary, path);
}

}  // namespace diplomap::test

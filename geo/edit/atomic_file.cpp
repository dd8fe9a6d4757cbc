#include "geo/edit/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace geo {

namespace {

namespace fs = std::filesystem;

std::string describe_errno(const std::string& what, const fs::path& path) {
    return what + " '" + path.string() + "': " + std::strerror(errno);
}

}  // namespace

std::string write_file_atomically(const fs::path& target, std::string_view content) {
    const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    // A name mkstemp makes unique, hidden, and in the same folder so that the rename stays on one file system.
    std::string pattern = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) return describe_errno("cannot create a temporary file beside", target);
    const fs::path temporary = pattern;
    const auto fail = [&](const std::string& what) {
        std::string message = describe_errno(what, temporary);
        ::close(fd);
        ::unlink(temporary.c_str());
        return message;
    };
    // mkstemp makes the file 0600; a story is an ordinary document, readable as the umask allows.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd, static_cast<mode_t>(0666U & ~static_cast<unsigned>(mask))) != 0) return fail("cannot chmod");
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("cannot write");
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) return fail("cannot flush");
    if (::close(fd) != 0) {
        std::string message = describe_errno("cannot close", temporary);
        ::unlink(temporary.c_str());
        return message;
    }
    if (::rename(temporary.c_str(), target.c_str()) != 0) {
        std::string message = describe_errno("cannot rename the temporary file to", target);
        ::unlink(temporary.c_str());
        return message;
    }
    // The rename itself is durable once the folder is flushed too.
    const int folder_fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (folder_fd >= 0) {
        ::fsync(folder_fd);
        ::close(folder_fd);
    }
    return {};
}

}  // namespace geo

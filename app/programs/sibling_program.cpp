#include "app/programs/sibling_program.hpp"

#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>

namespace diplomap {

int exec_sibling(const char* name, char** argv) {
    char self[PATH_MAX];
    const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
    if (length <= 0) {
        std::fprintf(stderr, "diplomap: cannot find this program's folder (/proc/self/exe): %s\n",
                     std::strerror(errno));
        return 1;
    }
    self[length] = '\0';
    char* slash = std::strrchr(self, '/');
    if (slash) *slash = '\0';
    char path[PATH_MAX + 64];
    int tried_errno = ENOENT;
    const char* const folders[] = {"", "/../libexec/diplomap"};
    for (const char* folder : folders) {
        std::snprintf(path, sizeof path, "%s%s/%s", self, folder, name);
        ::execv(path, argv);  // returns only on failure
        if (errno != ENOENT) tried_errno = errno;
    }
    std::fprintf(stderr, "diplomap: cannot start %s (looked in %s and %s/../libexec/diplomap): %s\n", name, self, self,
                 std::strerror(tried_errno));
    return 1;
}

}  // namespace diplomap

// diplomap: the command users run. It starts diplomap-export for a still image and diplomap-full for everything
// else, by looking at the arguments only. The split is for speed: a process maps and relocates every shared library
// it links before main() runs, and the viewer, the video encoder and GeoTIFF need about 250 libraries (SDL2, FFmpeg's
// codecs, GDAL's formats) that a PNG still never calls; with them a 1920x1080 still spent a third of its time in the
// dynamic linker (docs/PERFORMANCE.md). This launcher links libc only, so going through it costs a fraction of a
// millisecond.
//
// The test is deliberately loose: diplomap-export parses the whole command line itself and hands anything that is
// not a still PNG (a GeoTIFF, a slide, a video, a mistake it cannot tell) on to diplomap-full, so a wrong guess here
// costs time, never behaviour.
#include <strings.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>

#include "app/programs/sibling_program.hpp"

namespace {

bool starts_with(const char* text, const char* prefix) { return std::strncmp(text, prefix, std::strlen(prefix)) == 0; }

bool ends_with_tiff(const char* text) {
    const std::size_t length = std::strlen(text);
    for (const char* extension : {".tif", ".tiff"}) {
        const std::size_t n = std::strlen(extension);
        if (length >= n && strcasecmp(text + length - n, extension) == 0) return true;
    }
    return false;
}

bool looks_like_still_png_export(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "export") != 0) return false;
    for (int i = 2; i < argc; ++i)
        if (starts_with(argv[i], "--video") || starts_with(argv[i], "--slide") || ends_with_tiff(argv[i])) return false;
    return true;
}

// How many pixels the export draws (--size, default 1920x1080, times --supersample squared); 0 when the arguments
// do not say it plainly (diplomap-export will judge them).
double drawn_pixels(int argc, char** argv) {
    const char* size = "1920x1080";
    const char* supersample = "1";
    for (int i = 2; i < argc; ++i) {
        const char* a = argv[i];
        const char* next = i + 1 < argc ? argv[i + 1] : "";
        if (std::strcmp(a, "--size") == 0 || std::strcmp(a, "-s") == 0) size = next;
        if (starts_with(a, "--size=")) size = a + 7;
        if (std::strcmp(a, "--supersample") == 0) supersample = next;
        if (starts_with(a, "--supersample=")) supersample = a + 14;
    }
    int width = 0, height = 0, k = 0;
    if (std::sscanf(size, "%dx%d", &width, &height) != 2 || std::sscanf(supersample, "%d", &k) != 1) return 0;
    if (width <= 0 || height <= 0 || k <= 0) return 0;
    return static_cast<double>(width) * height * k * k;
}

// Up to 3840x2160 drawn pixels a still's time goes mostly to start-up: libraries, shaders and buffers touched once.
// With glibc's malloc asking for transparent huge pages (madvise) a 1920x1080 export takes half the page faults
// (21.5k -> 10.1k) and half the system time, a 3840x2160 one a quarter of them (44k -> 11k). Larger images are
// drawn in bands whose buffers come and go, and there huge pages cost more to clear than they save (7680x4320: 0.3 s
// of system time became 0.5-1.0 s), so those keep ordinary pages. An allocator setting of that process only, made
// the one way glibc offers (its tunables, read at start-up), unless the user set it already.
void ask_for_huge_pages(int argc, char** argv) {
    const double pixels = drawn_pixels(argc, argv);
    if (pixels <= 0 || pixels > 3840.0 * 2160.0) return;
    constexpr const char* kHugePages = "glibc.malloc.hugetlb=1";
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    if (!tunables || !*tunables) {
        ::setenv("GLIBC_TUNABLES", kHugePages, 1);
        return;
    }
    if (std::strstr(tunables, "glibc.malloc.hugetlb=")) return;
    char combined[4096];
    if (std::snprintf(combined, sizeof combined, "%s:%s", tunables, kHugePages) < static_cast<int>(sizeof combined))
        ::setenv("GLIBC_TUNABLES", combined, 1);
}

}  // namespace

int main(int argc, char** argv) {
    // The program the user ran, for `diplomap bench`, which must time what users run, launcher included.
    char self[4096];
    if (const char* exe = ::realpath("/proc/self/exe", self)) ::setenv("DIPLOMAP_PROGRAM", exe, 1);
    if (!looks_like_still_png_export(argc, argv)) return diplomap::exec_sibling("diplomap-full", argv);
    ask_for_huge_pages(argc, argv);
    return diplomap::exec_sibling("diplomap-export", argv);
}

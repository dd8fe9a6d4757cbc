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

}  // namespace

int main(int argc, char** argv) {
    // The program the user ran, for `diplomap bench`, which must time what users run, launcher included.
    char self[4096];
    if (const char* exe = ::realpath("/proc/self/exe", self)) ::setenv("DIPLOMAP_PROGRAM", exe, 1);
    return diplomap::exec_sibling(looks_like_still_png_export(argc, argv) ? "diplomap-export" : "diplomap-full", argv);
}

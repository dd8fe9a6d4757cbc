#include "app/ui/fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <imgui.h>
#include <unistd.h>

namespace diplomap {

std::string find_ui_font() {
    // The font asked for below is DejaVu Sans from fonts-dejavu-core, which the program depends on; where Debian
    // puts it, it is taken without asking. Reading fontconfig's configuration costs a still export 5 ms of its
    // ~180 (docs/PERFORMANCE.md), and the answer would be this file.
    constexpr const char* kDebianDejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    if (::access(kDebianDejaVuSans, R_OK) == 0) return kDebianDejaVuSans;
    if (!FcInit()) return {};
    std::string path;
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>("DejaVu Sans:style=Book"));
    // Insist on the glyphs we need rather than on a family name: any font covering them will do.
    FcCharSet* needed = FcCharSetCreate();
    for (FcChar32 c : {0x00E4U, 0x00DFU, 0x201EU, 0x201CU, 0x2013U, 0x0416U}) FcCharSetAddChar(needed, c);
    FcPatternAddCharSet(pattern, FC_CHARSET, needed);
    FcPatternAddString(pattern, FC_FONTFORMAT, reinterpret_cast<const FcChar8*>("TrueType"));
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    if (FcPattern* match = FcFontMatch(nullptr, pattern, &result)) {
        FcChar8* file = nullptr;
        FcCharSet* has = nullptr;
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
            FcPatternGetCharSet(match, FC_CHARSET, 0, &has) == FcResultMatch && FcCharSetIsSubset(needed, has))
            path = reinterpret_cast<const char*>(file);
        FcPatternDestroy(match);
    }
    FcCharSetDestroy(needed);
    FcPatternDestroy(pattern);
    return path;
}

bool add_ui_font(ImFontAtlas& atlas, float size_px) {
    static const ImWchar kRanges[] = {
        0x0020, 0x00FF,  // Basic Latin, Latin-1 Supplement
        0x0100, 0x017F,  // Latin Extended-A
        0x0400, 0x04FF,  // Cyrillic
        0x2010, 0x205E,  // General Punctuation: dashes, quotes, ellipsis
        0x20AC, 0x20AC,  // euro sign
        0x2190, 0x21FF,  // arrows
        0,
    };
    static const std::string path = find_ui_font();
    if (!path.empty()) {
        ImFontConfig config;
        config.OversampleH = 2;
        config.OversampleV = 1;
        if (atlas.AddFontFromFileTTF(path.c_str(), size_px, &config, kRanges)) return true;
    }
    ImFontConfig config;
    config.SizePixels = size_px;
    atlas.AddFontDefault(&config);
    return false;
}

}  // namespace diplomap

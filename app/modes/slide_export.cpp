#include "app/modes/slide_export.hpp"

#include <imgui.h>

#include <cstdio>
#include <ostream>

#include "app/modes/present_mode.hpp"
#include "app/ui/slide_caption.hpp"
#include "geo/story/slide_view.hpp"

namespace diplomap {

std::optional<ExportOptions> slide_export_options(const ExportOptions& base, std::size_t index, bool caption) {
    if (!base.story) return std::nullopt;
    const geo::Story& story = *base.story;
    const std::vector<geo::Slide> slides = presentation_slides(story);
    if (index >= slides.size()) return std::nullopt;
    const geo::Slide& slide = slides[index];
    ExportOptions options = base;
    // The room sees no title or legend over a slide: the caption says what it is about.
    options.view.layers.set(Layer::Title, false);
    options.view.layers.set(Layer::Legend, false);
    const double width = base.width, height = base.height;
    geo::PixelRect free{0, 0, width, height};
    CaptionText text;
    if (caption) {
        text = caption_text(story, slide, base.language);
        // The view is fitted before any text can be measured: the band is laid out with an estimate that errs on the
        // tall side, and drawn at that size, so the caption covers exactly what the fit left out.
        free.bottom =
            layout_caption(text, static_cast<float>(width), static_cast<float>(height), estimated_text_height).top;
    }
    const auto view = geo::slide_view(story, slide, base.view.projection, base.width, base.height, free);
    if (!view) return std::nullopt;
    options.view.projection = view->projection;
    Camera camera;
    camera.center = view->pose.camera.center;
    camera.pixels_per_metre = view->pose.camera.pixels_per_metre;
    camera.width = base.width;
    camera.height = base.height;
    options.camera = camera;
    options.seconds = slide.to_seconds;
    options.focus = slide.highlight.empty() ? std::nullopt : std::optional<geo::SlideHighlight>(slide.highlight);
    if (caption) {
        options.credit = false;  // drawn on the caption's band
        const int number = static_cast<int>(index) + 1, count = static_cast<int>(slides.size());
        options.overlay = [text, number, count](ImDrawList& list, float w, float h) {
            draw_caption(list, text, layout_caption(text, w, h, estimated_text_height), w, h, number, count,
                         static_cast<float>(number) / static_cast<float>(count));
        };
    }
    return options;
}

int run_slide_export(const ExportOptions& base, const SlideExport& request, std::ostream& err) {
    if (!base.story) return 1;
    const std::size_t count = presentation_slides(*base.story).size();
    const auto one = [&](std::size_t index, const std::filesystem::path& out) {
        auto options = slide_export_options(base, index, request.caption);
        if (!options) {
            err << "diplomap: slide " << index + 1 << ": its view cannot be shown in this projection\n";
            return 1;
        }
        options->out = out;
        return run_export(*options, err);
    };
    if (request.slide) {
        if (static_cast<std::size_t>(*request.slide) > count) {
            err << "diplomap: --slide " << *request.slide << ": the presentation has " << count << " slides\n";
            return 1;
        }
        return one(static_cast<std::size_t>(*request.slide - 1), base.out);
    }
    if (!request.folder) return 1;
    std::error_code ec;
    std::filesystem::create_directories(*request.folder, ec);
    if (ec) {
        err << "diplomap: " << request.folder->string() << ": " << ec.message() << '\n';
        return 1;
    }
    for (std::size_t i = 0; i < count; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "slide-%02zu.%s", i + 1, request.format.c_str());
        if (const int code = one(i, *request.folder / name); code != 0) return code;
    }
    return 0;
}

}  // namespace diplomap

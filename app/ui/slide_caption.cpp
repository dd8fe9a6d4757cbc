#include "app/ui/slide_caption.hpp"

#include <algorithm>
#include <cstdio>

#include "app/style/translations.hpp"
#include "app/ui/map_overlay.hpp"

namespace diplomap {
namespace {

constexpr ImU32 kBand = IM_COL32(16, 22, 30, 230);
constexpr ImU32 kQuote = IM_COL32(250, 250, 245, 255);
constexpr ImU32 kSpeaker = IM_COL32(255, 196, 92, 255);
constexpr ImU32 kSource = IM_COL32(170, 182, 196, 255);
constexpr ImU32 kBar = IM_COL32(255, 176, 0, 255);
constexpr ImU32 kBarTrack = IM_COL32(255, 255, 255, 40);

// The back row reads text of 1/30 of the screen's height; the speaker and source lines are a little smaller but
// still at that floor.
constexpr float kQuoteShare = 1.0F / 24.0F;
constexpr float kMinShare = 1.0F / 30.0F;
constexpr float kMaxBandShare = 0.4F;

float padding(float height) { return height / 45.0F; }

ImVec2 measure(const std::string& text, float size, float wrap) {
    if (text.empty()) return {0, 0};
    return ImGui::GetFont()->CalcTextSizeA(size, 1e9F, wrap, text.c_str(), text.c_str() + text.size());
}

}  // namespace

CaptionText caption_text(const geo::Story& story, const geo::Slide& slide, const std::string& language) {
    CaptionText out;
    const bool original = language == story.meta.language;
    if (slide.caption_excerpt && *slide.caption_excerpt < story.excerpts.size()) {
        const geo::Excerpt& excerpt = story.excerpts[*slide.caption_excerpt];
        const std::string& words = original ? excerpt.text : excerpt.translation.get(language);
        // A quotation that opens with its own marks (a quote within the article's quote) keeps just those.
        const bool marked = words.starts_with("„") || words.starts_with("“") || words.starts_with("\"") ||
                            words.starts_with("»") || words.starts_with("‚");
        out.quote = marked ? words : (language == "de" ? "„" : "“") + words + (language == "de" ? "“" : "”");
        if (excerpt.speaker && *excerpt.speaker < story.people.size()) {
            const geo::Person& person = story.people[*excerpt.speaker];
            out.speaker = "— " + person.name;
            if (person.role) out.speaker += ", " + person.role->get(language);
        }
        if (!original)
            out.speaker += (out.speaker.empty() ? "" : "  ") + std::string(tr(UiText::caption_translated, language));
    } else if (slide.caption_text) {
        out.quote = slide.caption_text->get(language);
    }
    if (!story.meta.source.empty()) {
        char line[512];
        std::snprintf(line, sizeof line, tr(UiText::caption_source, language), story.meta.source.c_str());
        out.source = line;
    }
    return out;
}

CaptionLayout layout_caption(const CaptionText& text, float width, float height) {
    return layout_caption(text, width, height,
                          [](const std::string& t, float size, float wrap) { return measure(t, size, wrap).y; });
}

// DejaVu Sans, the UI font, averages about 0.55 em per character of running text; 0.62 leaves room for wide words.
float estimated_text_height(const std::string& text, float size, float wrap) {
    if (text.empty()) return 0;
    constexpr float kAdvanceEm = 0.62F, kLineHeightEm = 1.17F;
    const float per_line = std::max(1.0F, wrap / (kAdvanceEm * size));
    int lines = 1;
    float used = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = text.find(' ', i);
        if (end == std::string::npos) end = text.size();
        float word = 0;
        for (std::size_t b = i; b < end; ++b)
            if ((static_cast<unsigned char>(text[b]) & 0xC0U) != 0x80U) word += 1;  // count code points
        if (used > 0 && used + 1 + word > per_line) {
            ++lines;
            used = word;
        } else {
            used += (used > 0 ? 1 : 0) + word;
        }
        i = end + 1;
    }
    return static_cast<float>(lines) * kLineHeightEm * size;
}

CaptionLayout layout_caption(const CaptionText& text, float width, float height, const TextHeight& text_height) {
    CaptionLayout layout;
    const float pad = padding(height);
    const float wrap = std::max(width - 2 * pad, 100.0F);
    // Largest first; smaller only when a long quotation would take more than the band may.
    for (float share = kQuoteShare; share >= kMinShare - 1e-6F; share -= 1.0F / 240.0F) {
        layout.text_size = height * share;
        const float small = std::max(height * kMinShare, layout.text_size * 0.8F);
        const float band = pad + text_height(text.quote, layout.text_size, wrap) +
                           (text.speaker.empty() ? 0 : 0.3F * pad + text_height(text.speaker, small, wrap)) +
                           (text.source.empty() ? 0 : 0.3F * pad + small) + 1.5F * pad;
        layout.top = height - band;
        if (band <= kMaxBandShare * height) break;
    }
    layout.top = std::max(layout.top, (1 - kMaxBandShare) * height);
    return layout;
}

void draw_caption(ImDrawList& list, const CaptionText& text, const CaptionLayout& layout, float width, float height,
                  int slide_number, int slide_count, float progress) {
    ImFont* font = ImGui::GetFont();
    const float pad = padding(height);
    const float wrap = std::max(width - 2 * pad, 100.0F);
    const float small = std::max(height * kMinShare, layout.text_size * 0.8F);
    list.AddRectFilled(ImVec2(0, layout.top), ImVec2(width, height), kBand);
    // The map's credit stands on the band's top edge: in the image's corner the band and its counter would cover it.
    draw_map_credit(list, width, layout.top, 1.0F);
    float y = layout.top + pad;
    if (!text.quote.empty()) {
        list.AddText(font, layout.text_size, ImVec2(pad, y), kQuote, text.quote.c_str(),
                     text.quote.c_str() + text.quote.size(), wrap);
        y += measure(text.quote, layout.text_size, wrap).y + 0.3F * pad;
    }
    if (!text.speaker.empty()) {
        list.AddText(font, small, ImVec2(pad, y), kSpeaker, text.speaker.c_str(),
                     text.speaker.c_str() + text.speaker.size(), wrap);
        y += measure(text.speaker, small, wrap).y + 0.3F * pad;
    }
    if (!text.source.empty()) {
        // The source line is as tall as the floor allows but kept quiet in colour.
        list.AddText(font, small * 0.75F > height * kMinShare ? small * 0.75F : height * kMinShare, ImVec2(pad, y),
                     kSource, text.source.c_str(), text.source.c_str() + text.source.size());
    }
    if (slide_number <= 0) return;
    const std::string counter = std::to_string(slide_number) + " / " + std::to_string(slide_count);
    const float counter_size = height * kMinShare;
    const ImVec2 extent = measure(counter, counter_size, 0);
    list.AddText(font, counter_size, ImVec2(width - pad - extent.x, height - pad - extent.y), kSource, counter.c_str(),
                 counter.c_str() + counter.size());
    const float bar = std::max(2.0F, height / 270.0F);
    list.AddRectFilled(ImVec2(0, height - bar), ImVec2(width, height), kBarTrack);
    list.AddRectFilled(ImVec2(0, height - bar), ImVec2(width * std::clamp(progress, 0.0F, 1.0F), height), kBar);
}

}  // namespace diplomap

#include "geo/story/slide_timing.hpp"

#include <algorithm>
#include <string_view>

namespace geo {

namespace {

std::size_t count_words(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

std::size_t most_words(const Text& text) {
    std::size_t most = 0;
    for (const auto& [language, words] : text.by_language) most = std::max(most, count_words(words));
    return most;
}

}  // namespace

double caption_reading_seconds(const Story& story, const Slide& slide) {
    std::size_t words = 0;
    if (slide.caption_excerpt && *slide.caption_excerpt < story.excerpts.size()) {
        const Excerpt& excerpt = story.excerpts[*slide.caption_excerpt];
        words = std::max(count_words(excerpt.text), most_words(excerpt.translation));
    } else if (slide.caption_text) {
        words = most_words(*slide.caption_text);
    }
    return std::max(kMinReadingSeconds, static_cast<double>(words) * kReadingSecondsPerWord);
}

double default_slide_duration(const Story& story, const Slide& slide, double flight_seconds) {
    return flight_seconds + std::max(0.0, slide.to_seconds - slide.from_seconds) +
           caption_reading_seconds(story, slide);
}

}  // namespace geo

#include "app/ui/timeline_labels.hpp"

#include <algorithm>
#include <numeric>

namespace diplomap {
namespace {

constexpr std::string_view kEllipsis = "\u2026";

}  // namespace

std::string cut_at_word(std::string_view text, float width, const MeasureText& measure) {
    if (measure(text) <= width) return std::string(text);
    // Ends of words, longest first: the position of each space that follows a word.
    for (std::size_t end = text.rfind(' '); end != std::string_view::npos && end > 0; end = text.rfind(' ', end - 1)) {
        std::string_view head = text.substr(0, end);
        // Punctuation left hanging before the ellipsis reads badly ("Kim,…").
        while (!head.empty() && (head.back() == ' ' || head.back() == ',' || head.back() == ';' || head.back() == ':' ||
                                 head.back() == '-'))
            head.remove_suffix(1);
        if (head.empty()) continue;
        std::string candidate = std::string(head) + std::string(kEllipsis);
        if (measure(candidate) <= width) return candidate;
    }
    return {};
}

std::vector<TimelineLabel> layout_timeline_labels(const std::vector<float>& markers,
                                                  const std::vector<std::string>& texts,
                                                  const TimelineLabelOptions& options, const MeasureText& measure) {
    const std::size_t n = std::min(markers.size(), texts.size());
    std::vector<TimelineLabel> labels(n);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return markers[a] < markers[b]; });

    const int rows = std::max(options.rows, 1);
    const auto row_count = static_cast<std::size_t>(rows);
    std::vector<float> row_end(row_count, -1e30F);  // right edge of the last label in each row
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = order[k];
        TimelineLabel& label = labels[i];
        label.event = i;
        const float start = markers[i] - options.lead;
        // A label may reach as far as the label that staggering would put next into its row, `rows` events on;
        // so each of the next rows-1 events still finds a free row at its own marker.
        float limit = options.axis_right;
        if (k + row_count < n) limit = std::min(limit, markers[order[k + row_count]] - options.lead - options.gap);
        for (int r = 0; r < rows; ++r) {
            if (row_end[static_cast<std::size_t>(r)] + options.gap > start) continue;  // the row is taken here
            std::string shown = cut_at_word(texts[i], limit - start, measure);
            if (shown.empty()) break;  // no row offers more room than this one
            label.cut = shown.size() != texts[i].size();
            label.row = r;
            label.left = start;
            label.right = start + measure(shown);
            label.text = std::move(shown);
            row_end[static_cast<std::size_t>(r)] = label.right;
            break;
        }
    }
    return labels;
}

}  // namespace diplomap

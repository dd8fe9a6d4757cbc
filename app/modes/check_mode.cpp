#include "app/modes/check_mode.hpp"

#include <ostream>

#include "geo/story/story_loader.hpp"

namespace diplomap {

std::filesystem::path default_story(const std::filesystem::path& assets) {
    return assets / "stories" / "kim-train-2023";
}

std::optional<geo::Story> load_story_or_report(const std::filesystem::path& story, std::ostream& err) {
    geo::StoryLoad load = geo::load_story(story);
    for (const geo::Diagnostic& d : load.problems) err << d.to_string() << '\n';
    if (!load.problems.empty()) {
        err << "diplomap: " << load.problems.size() << (load.problems.size() == 1 ? " problem" : " problems") << " in "
            << story.string() << '\n';
        return std::nullopt;
    }
    return std::move(load.story);
}

int run_check(const std::filesystem::path& story, std::ostream& out, std::ostream& err) {
    const auto loaded = load_story_or_report(story, err);
    if (!loaded) return 1;
    out << story.string() << ": ok: " << loaded->places.size() << " places, " << loaded->people.size() << " people, "
        << loaded->routes.size() << " routes, " << loaded->relations.size() << " relations, " << loaded->excerpts.size()
        << " excerpts, " << loaded->timeline.size() << " timeline events, " << loaded->slides.size() << " slides\n";
    return 0;
}

}  // namespace diplomap

#include "app/modes/check_mode.hpp"

#include <ostream>

#include "geo/story/story_loader.hpp"

namespace diplomap {

namespace {

std::string counted(std::size_t count, const char* one, const char* many) {
    return std::to_string(count) + ' ' + (count == 1 ? one : many);
}

}  // namespace

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
    // A draft is shown as it is, so that its author sees it on the map; its warnings say what is left to do.
    for (const geo::Diagnostic& d : load.warnings) err << d.to_string() << '\n';
    return std::move(load.story);
}

int run_check(const std::filesystem::path& story, bool strict, std::ostream& out, std::ostream& err) {
    geo::StoryLoad load = geo::load_story(story);
    for (const geo::Diagnostic& d : load.problems) err << d.to_string() << '\n';
    for (const geo::Diagnostic& d : load.warnings) err << d.to_string() << '\n';
    if (!load.problems.empty()) {
        err << "diplomap: " << counted(load.problems.size(), "problem", "problems") << " in " << story.string();
        if (!load.warnings.empty()) err << " (and " << counted(load.warnings.size(), "warning", "warnings") << ')';
        err << '\n';
        return 1;
    }
    if (strict && !load.warnings.empty()) {
        err << "diplomap: " << counted(load.warnings.size(), "warning", "warnings") << " in " << story.string()
            << "; --strict refuses a draft and anything still to fill in\n";
        return 1;
    }
    const geo::Story& loaded = *load.story;
    out << story.string() << ": ok: " << loaded.places.size() << " places, " << loaded.people.size() << " people, "
        << loaded.routes.size() << " routes, " << loaded.relations.size() << " relations, " << loaded.excerpts.size()
        << " excerpts, " << loaded.timeline.size() << " timeline events, " << loaded.slides.size() << " slides";
    if (!load.warnings.empty()) {
        out << "; " << counted(load.warnings.size(), "warning", "warnings") << ": still to review or fill in";
    }
    out << '\n';
    return 0;
}

}  // namespace diplomap

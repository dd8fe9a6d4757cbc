#include "app/cli/export_command.hpp"

#include <ostream>

#include "app/modes/assets.hpp"
#include "app/modes/check_mode.hpp"

namespace diplomap {

std::optional<std::filesystem::path> story_path(const std::string& story,
                                                const std::optional<std::filesystem::path>& assets_flag,
                                                std::ostream& err) {
    if (!story.empty()) return std::filesystem::path(story);
    auto assets = find_assets(assets_flag);
    if (auto* error = std::get_if<std::string>(&assets)) {
        err << "diplomap: " << *error << '\n';
        return std::nullopt;
    }
    return default_story(std::get<std::filesystem::path>(assets));
}

bool projection_usable(const MapViewOptions& view, const char* where, std::ostream& err) {
    auto projection = geo::Projection::create(view.projection);
    if (auto* error = std::get_if<std::string>(&projection)) {
        const geo::ProjectionSpec& spec = view.projection;
        err << where << ": --projection " << (spec.name == "custom" ? spec.custom : spec.name) << ": " << *error
            << '\n';
        return false;
    }
    return true;
}

std::variant<ExportOptions, int> prepare_export(const ExportCommand& command, std::ostream& err) {
    ExportOptions options = command.options;
    if (!projection_usable(options.view, "diplomap export", err)) return kExitBadArguments;
    // An export refuses a bad story: it would be a picture nobody can trust.
    const auto path = story_path(command.story, options.view.assets, err);
    if (!path) return kExitFailure;
    options.story = load_story_or_report(*path, err);
    if (!options.story) return kExitFailure;
    options.story_file = path->string();
    center_on_story(options.view, *options.story);
    return options;
}

bool is_still_export(const ExportCommand& command) { return !command.slides && !command.video; }

}  // namespace diplomap

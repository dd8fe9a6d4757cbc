#pragma once
// Loading and checking a story folder (docs/story-format.md). Every problem found is reported, each with the file,
// line:column of the offending value and the id concerned; a story is returned only when there are none.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "geo/story/story.hpp"
#include "geo/text/diagnostic.hpp"

namespace geo {

// Files larger than this are refused unread: a story file or an article is a few kilobytes.
inline constexpr std::uintmax_t max_story_file_bytes = 32U * 1024U * 1024U;

struct StoryLoad {
    std::optional<Story> story;  // only when `problems` is empty
    Diagnostics problems;        // errors
    Diagnostics warnings;        // what is still to review or fill in (a draft); the story loads all the same
    // The files the load read or tried to read (the article is empty when story.json did not name one); a
    // watcher polls these.
    std::filesystem::path story_file;
    std::filesystem::path article_file;
};

// `folder_or_story_json` is a story folder (holding story.json) or the story.json file itself.
[[nodiscard]] StoryLoad load_story(const std::filesystem::path& folder_or_story_json);

// The same checks on text in memory, for tests and fuzzing. `file_label` names story.json in messages; the article
// is labelled with meta.article resolved against the label's folder.
[[nodiscard]] StoryLoad load_story_from_text(std::string_view json, std::string_view article_text,
                                             std::string file_label);

}  // namespace geo

#include "geo/story/story_loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <tuple>

#include "geo/story/story_reader.hpp"
#include "geo/text/json_object_reader.hpp"
#include "geo/text/json_positions.hpp"
#include "geo/text/text_utf8.hpp"

namespace geo {

namespace {

namespace fs = std::filesystem;

struct FileRead {
    std::optional<std::string> content;
    std::string error;  // why there is no content, e.g. "No such file or directory"
};

FileRead read_file_limited(const fs::path& path) {
    FileRead read;
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error) {
        read.error = error.message();
        return read;
    }
    if (fs::is_directory(status)) {
        read.error = "it is a directory";
        return read;
    }
    // A pipe or a device would make the read wait for a writer (or never end): only plain files are stories.
    if (!fs::is_regular_file(status)) {
        read.error = "it is not a regular file";
        return read;
    }
    // Checked before reading so that a huge file costs nothing; checked again while reading, because the file may
    // grow in between or not report a size at all (a pipe).
    const std::uintmax_t size = fs::file_size(path, error);
    const auto too_large = [](std::uintmax_t bytes) {
        return "it is " + std::to_string(bytes) + " bytes, more than the limit of " +
               std::to_string(max_story_file_bytes) + " bytes";
    };
    if (!error && size > max_story_file_bytes) {
        read.error = too_large(size);
        return read;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        read.error = std::strerror(errno);
        return read;
    }
    std::string content;
    char buffer[64 * 1024];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        content.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (content.size() > max_story_file_bytes) {
            read.error = too_large(content.size());
            return read;
        }
    }
    if (in.bad()) {
        read.error = "reading failed";
        return read;
    }
    read.content = std::move(content);
    return read;
}

std::string byte_in_hex(char byte) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(byte)));
    return text;
}

// Fetches the article named in story.json, given its resolved path.
using ArticleSource = std::function<FileRead(const fs::path&)>;

StoryLoad check_story(std::string_view json, const fs::path& story_file, const ArticleSource& article_source) {
    StoryLoad load;
    load.story_file = story_file;
    const std::string label = story_file.string();
    const DiagnosticSink sink{label, &load.problems, &load.warnings};

    if (const auto bad = find_invalid_utf8(json)) {
        sink.report(LineIndex(json).position_of(*bad), "",
                    "the story file is not valid UTF-8 (byte " + byte_in_hex(json[*bad]) + ")");
        return load;
    }
    JsonParse parse = parse_json_with_positions(json, label);
    load.problems = std::move(parse.problems);
    if (!parse.root) return load;

    StoryReader reader(*parse.root, sink);
    std::optional<std::string> article;
    std::string article_label;
    if (const auto reference = reader.read_header()) {
        load.article_file = (story_file.parent_path() / reference->path).lexically_normal();
        article_label = load.article_file.string();
        FileRead read = article_source(load.article_file);
        if (!read.content) {
            sink.report(reference->position, "", "cannot read article file '" + article_label + "': " + read.error);
        } else if (const auto bad = find_invalid_utf8(*read.content)) {
            const TextPosition at = LineIndex(*read.content).position_of(*bad);
            load.problems.push_back(
                Diagnostic{article_label, at.line, at.column, "",
                           "the article is not valid UTF-8 (byte " + byte_in_hex((*read.content)[*bad]) + ")"});
        } else {
            article = std::move(read.content);
        }
    }
    reader.read_body(article ? std::optional<std::string_view>(*article) : std::nullopt, article_label);

    // Story file first, then the article; within a file in reading order.
    const auto in_reading_order = [&](const Diagnostic& a, const Diagnostic& b) {
        return std::tuple(a.file != label, a.line, a.column) < std::tuple(b.file != label, b.line, b.column);
    };
    std::stable_sort(load.problems.begin(), load.problems.end(), in_reading_order);
    std::stable_sort(load.warnings.begin(), load.warnings.end(), in_reading_order);
    if (load.problems.empty()) {
        load.story = std::move(reader).take_story();
        load.story->source_file = load.story_file;
        load.story->article_file = load.article_file;
    }
    return load;
}

}  // namespace

StoryLoad load_story(const fs::path& folder_or_story_json) {
    std::error_code error;
    const fs::path story_file =
        fs::is_directory(folder_or_story_json, error) ? folder_or_story_json / "story.json" : folder_or_story_json;
    FileRead read = read_file_limited(story_file);
    if (!read.content) {
        StoryLoad load;
        load.story_file = story_file;
        load.problems.push_back(Diagnostic{story_file.string(), 0, 0, "", "cannot read story file: " + read.error});
        return load;
    }
    return check_story(*read.content, story_file, read_file_limited);
}

StoryLoad load_story_from_text(std::string_view json, std::string_view article_text, std::string file_label) {
    const ArticleSource given_text = [article_text](const fs::path&) {
        return FileRead{std::string(article_text), {}};
    };
    return check_story(json, fs::path(std::move(file_label)), given_text);
}

}  // namespace geo

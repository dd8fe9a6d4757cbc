#include "app/modes/draft_mode.hpp"

#include <fstream>
#include <iterator>
#include <ostream>
#include <system_error>

#include "app/modes/assets.hpp"
#include "geo/draft/exonym_table.hpp"
#include "geo/draft/geonames_gazetteer.hpp"
#include "geo/draft/language_words.hpp"
#include "geo/draft/story_draft.hpp"
#include "geo/story/story_loader.hpp"
#include "geo/text/text_utf8.hpp"

namespace diplomap {

namespace {

namespace fs = std::filesystem;

std::optional<std::string> read_text_file(const fs::path& path, std::string& error) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        error = ec ? ec.message() : (fs::exists(path, ec) ? "it is not a regular file" : "No such file or directory");
        return std::nullopt;
    }
    if (fs::file_size(path, ec) > geo::max_story_file_bytes) {
        error = "it is larger than " + std::to_string(geo::max_story_file_bytes) + " bytes";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) {
        error = "reading failed";
        return std::nullopt;
    }
    return text;
}

// Written beside the target and renamed over it, so that no half-written file is ever seen.
bool write_by_rename(const fs::path& path, const std::string& content, std::string& error) {
    const fs::path temporary = path.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.close();
        if (!out) {
            std::error_code ignored;
            fs::remove(temporary, ignored);
            error = "cannot write " + temporary.string();
            return false;
        }
    }
    std::error_code ec;
    fs::rename(temporary, path, ec);
    if (ec) {
        fs::remove(temporary, ec);
        error = "cannot write " + path.string() + ": " + ec.message();
        return false;
    }
    return true;
}

}  // namespace

int run_draft(const DraftOptions& options, std::ostream& out, std::ostream& err) {
    const std::string where = "diplomap draft";
    std::string error;
    const auto article = read_text_file(options.article, error);
    if (!article) {
        err << where << ": cannot read article '" << options.article.string() << "': " << error << '\n';
        return 1;
    }
    if (const auto bad = geo::find_invalid_utf8(*article)) {
        err << where << ": " << options.article.string() << ": not valid UTF-8 (byte " << *bad << ")\n";
        return 1;
    }
    std::string language = options.language;
    if (language.empty()) language = std::string(geo::guess_language(*article));
    if (language.empty()) {
        err << where << ": cannot tell the language of " << options.article.string()
            << "; pass --language (e.g. de or en)\n";
        return 1;
    }

    const fs::path story_file = options.out / "story.json";
    const fs::path article_copy = options.out / options.article.filename();
    std::error_code ec;
    if (fs::exists(story_file, ec) && !options.force) {
        err << where << ": " << story_file.string() << " exists; pass --force to replace it\n";
        return 1;
    }
    const bool same_article = fs::exists(article_copy, ec) && fs::equivalent(article_copy, options.article, ec);
    if (!same_article && fs::exists(article_copy, ec) && !options.force) {
        std::string existing_error;
        const auto existing = read_text_file(article_copy, existing_error);
        if (!existing || *existing != *article) {
            err << where << ": " << article_copy.string() << " exists and differs from the article; pass --force to "
                << "replace it\n";
            return 1;
        }
    }

    // The exonym table fills gaps of the gazetteer's catalogues; without the assets the draft still works.
    geo::GeonamesGazetteer geonames;
    std::vector<geo::Exonym> exonyms;
    std::string exonym_label = "assets/gazetteer/exonyms.tsv";
    auto assets = find_assets(options.assets);
    if (auto* assets_error = std::get_if<std::string>(&assets)) {
        err << where << ": warning: no exonym table (" << *assets_error << ")\n";
    } else {
        const fs::path table = std::get<fs::path>(assets) / "gazetteer" / "exonyms.tsv";
        std::string table_error;
        const auto text = read_text_file(table, table_error);
        if (!text) {
            err << where << ": cannot read the exonym table " << table.string() << ": " << table_error << '\n';
            return 1;
        }
        geo::ExonymTableParse parse = geo::parse_exonym_table(*text, table.string());
        for (const geo::Diagnostic& d : parse.problems) err << d.to_string() << '\n';
        if (!parse.problems.empty()) return 1;
        exonyms = std::move(parse.rows);
    }
    geo::ExonymGazetteer gazetteer(geonames, std::move(exonyms), exonym_label);
    const geo::StoryDraft draft = geo::draft_story(*article, options.article.filename().string(), language, gazetteer);

    fs::create_directories(options.out, ec);
    if (ec) {
        err << where << ": cannot create " << options.out.string() << ": " << ec.message() << '\n';
        return 1;
    }
    if (!same_article && !write_by_rename(article_copy, *article, error)) {
        err << where << ": " << error << '\n';
        return 1;
    }
    if (!write_by_rename(story_file, draft.story.dump(2) + "\n", error)) {
        err << where << ": " << error << '\n';
        return 1;
    }
    out << story_file.string() << ": drafted " << draft.quotations.quotations.size() << " excerpts, "
        << draft.places.places.size() << " places, " << draft.people.people.size() << " people (" << language << ")\n";
    for (const geo::FoundPlace& place : draft.places.places) {
        out << "  place " << place.name << " at " << place.city.lat << ", " << place.city.lon;
        if (!place.others.empty()) out << " (" << place.others.size() + 1 << " cities of this name)";
        out << '\n';
    }
    for (const geo::FoundCountry& country : draft.places.countries) out << "  country " << country.name << '\n';
    for (const geo::PassedOver& passed : draft.places.passed_over)
        out << "  not a place: " << passed.name << " (" << passed.reason << ")\n";
    out << "Every drafted item is marked \"draft\": `diplomap check " << options.out.string()
        << "` lists what is still to review and fill in.\n";
    return 0;
}

}  // namespace diplomap

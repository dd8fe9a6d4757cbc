// The way a journalist uses the editor: a draft of the bundled article opens with its warnings (everything still to
// review or fill in), and the document's edits alone take it to a story that `check --strict` accepts.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "geo/draft/exonym_table.hpp"
#include "geo/draft/geonames_gazetteer.hpp"
#include "geo/draft/story_draft.hpp"
#include "geo/edit/story_document.hpp"
#include "test_files.hpp"

namespace fs = std::filesystem;

TEST_CASE("a draft opens for editing, and reviewing and filling it in through edits clears every warning",
          "[edit][draft]") {
    const fs::path source_dir = DIPLOMAP_SOURCE_DIR;
    geo::GeonamesGazetteer geonames;
    const geo::ExonymTableParse table = geo::parse_exonym_table(
        diplomap::test::read_file(source_dir / "assets" / "gazetteer" / "exonyms.tsv"), "exonyms.tsv");
    geo::ExonymGazetteer gazetteer(geonames, table.rows, "exonyms.tsv");
    const std::string article =
        diplomap::test::read_file(source_dir / "assets" / "stories" / "kim-train-2023" / "article.de.txt");
    const geo::StoryDraft draft = geo::draft_story(article, "article.de.txt", "de", gazetteer);

    // As `diplomap draft` writes it.
    geo::DocumentOpen opened =
        geo::StoryDocument::from_text(draft.story.dump(2) + "\n", article, "/nonexistent/draft/story.json");
    REQUIRE(opened.problems.empty());
    REQUIRE(opened.document);
    geo::StoryDocument& document = *opened.document;
    CHECK(document.warnings().size() > 20);

    REQUIRE(document.set_title("de", "Kim im Panzerzug nach Russland").ok());
    REQUIRE(document.set_title("en", "Kim's armoured train to Russia").ok());
    REQUIRE(document.set_date("2023-09-12").ok());
    REQUIRE(document.set_source("Zeitungsartikel").ok());
    const geo::Story drafted = document.story();
    for (const geo::Place& place : drafted.places) REQUIRE(document.mark_reviewed(geo::ItemKind::place, place.id).ok());
    for (const geo::Person& person : drafted.people)
        REQUIRE(document.mark_reviewed(geo::ItemKind::person, person.id).ok());
    for (const geo::Excerpt& excerpt : drafted.excerpts) {
        REQUIRE(document.set_translation(excerpt.id, "en", "(translated)").ok());
        REQUIRE(document.mark_reviewed(geo::ItemKind::excerpt, excerpt.id).ok());
    }
    std::string left;
    for (const geo::Diagnostic& warning : document.warnings()) left += warning.to_string() + "\n";
    INFO(left);
    CHECK(document.warnings().empty());
    CHECK(document.problems().empty());
    // Each of those edits is a step of its own.
    CHECK(document.undo_description() == "Mark " + drafted.excerpts.back().id + " reviewed");
}

// The editor's history in the interface's language: every kind of step has its words in German and English, and the
// English ones are geo::describe()'s, which the document's own tests read.
#include <catch2/catch.hpp>

#include "app/style/edit_step_text.hpp"

using namespace diplomap;

TEST_CASE("every step reads in English as the document describes it", "[edit][translations]") {
    for (int k = 0; k <= static_cast<int>(geo::EditStepKind::remove); ++k) {
        const geo::EditStep step{static_cast<geo::EditStepKind>(k), "Pjöngjang", "label"};
        INFO("kind " << k);
        CHECK(edit_step_text(step, UiLanguage::en) == geo::describe(step));
        const std::string german = edit_step_text(step, UiLanguage::de);
        CHECK_FALSE(german.empty());
        CHECK(german != geo::describe(step));
    }
}

TEST_CASE("steps read in German with the story's names as they are", "[edit][translations]") {
    CHECK(edit_step_text({geo::EditStepKind::move_place, "Pjöngjang", {}}, UiLanguage::de) == "Pjöngjang verschieben");
    CHECK(edit_step_text({geo::EditStepKind::add_excerpt_to, "ex-doch", "statement-busan"}, UiLanguage::de) ==
          "ex-doch zu statement-busan hinzufügen");
    CHECK(edit_step_text({geo::EditStepKind::edit_text, "ex-doch", "translation"}, UiLanguage::de) ==
          "Übersetzung von ex-doch bearbeiten");
    CHECK(edit_step_text({geo::EditStepKind::edit_text, "ex-doch", "translation"}, UiLanguage::en) ==
          "Edit the translation of ex-doch");
    CHECK(edit_step_text({geo::EditStepKind::edit_title, {}, {}}, UiLanguage::de) == "Titel bearbeiten");
}

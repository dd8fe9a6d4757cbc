#pragma once
// One step of the editor's history in the interface's language: "Pjöngjang verschieben" where geo::describe()
// says "Move Pjöngjang". The names in it are the story's own and stay as they are.
#include <string>

#include "app/style/translations.hpp"
#include "geo/edit/story_document.hpp"

namespace diplomap {

[[nodiscard]] std::string edit_step_text(const geo::EditStep& step, UiLanguage language);

}  // namespace diplomap

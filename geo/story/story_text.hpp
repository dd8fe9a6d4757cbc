#pragma once
// Text in several languages. `get` falls back to `fallback_language` (the story's language; English for
// translations), so a panel can ask for the UI language without checking what the story offers.
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace geo {

struct Text {
    std::string fallback_language;
    std::map<std::string, std::string, std::less<>> by_language;

    [[nodiscard]] const std::string& get(std::string_view language) const;
    [[nodiscard]] bool has(std::string_view language) const { return by_language.find(language) != by_language.end(); }
};

}  // namespace geo

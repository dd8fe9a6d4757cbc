// The interface's words: every key has a German and an English text, each table names each key once, and a text
// with printf arguments takes the same ones in both languages.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "app/style/translations.hpp"

using namespace diplomap;

namespace {

// The printf conversions of a text, in order ("%d", "%s", "%zu", "%.1f"); "%%" is no conversion.
std::vector<std::string> conversions(std::string_view text) {
    std::vector<std::string> found;
    for (std::size_t i = text.find('%'); i != std::string_view::npos; i = text.find('%', i + 1)) {
        if (i + 1 < text.size() && text[i + 1] == '%') {
            ++i;
            continue;
        }
        const std::size_t end = text.find_first_of("dsfzu", i + 1);
        if (end == std::string_view::npos) break;
        const std::size_t last = text[end] == 'z' ? end + 1 : end;
        found.emplace_back(text.substr(i, last - i + 1));
        i = last;
    }
    return found;
}

void check_table(const TextEntry* entries, std::size_t count, const char* language) {
    INFO(language);
    std::set<std::size_t> keys;
    for (std::size_t i = 0; i < count; ++i) {
        const auto key = static_cast<std::size_t>(entries[i].key);
        INFO("key number " << key);
        CHECK(key < kTextCount);
        CHECK(keys.insert(key).second);  // named once
        REQUIRE(entries[i].text != nullptr);
        CHECK(std::string(entries[i].text).find_first_not_of(' ') != std::string::npos);
    }
    CHECK(keys.size() == kTextCount);
    for (std::size_t k = 0; k < kTextCount; ++k)
        if (!keys.count(k)) FAIL_CHECK(language << " lacks the text of key number " << k);
}

}  // namespace

TEST_CASE("every interface text has a German and an English translation", "[ui][translations]") {
    std::size_t count = 0;
    const TextEntry* english = english_texts(count);
    check_table(english, count, "English");
    const TextEntry* german = german_texts(count);
    check_table(german, count, "German");
    for (std::size_t k = 0; k < kTextCount; ++k) {
        const auto key = static_cast<UiText>(k);
        INFO(tr(key, UiLanguage::en) << " / " << tr(key, UiLanguage::de));
        CHECK(conversions(tr(key, UiLanguage::en)) == conversions(tr(key, UiLanguage::de)));
    }
}

TEST_CASE("the language setting picks the table", "[ui][translations]") {
    CHECK(std::string(tr(UiText::menu_file, UiLanguage::de)) == "Datei");
    CHECK(std::string(tr(UiText::menu_file, UiLanguage::en)) == "File");
    CHECK(std::string(tr(UiText::panel_article, "de")) == "Artikel");
    CHECK(std::string(tr(UiText::panel_article, "ru")) == "Article");
    CHECK(window_title(UiText::panel_people, "people", UiLanguage::de) == "Personen###people");
    CHECK(std::string(tr(UiText::count, UiLanguage::de)).empty());
    // The story's language decides the first one: German or English, else English.
    CHECK(default_ui_language("de") == UiLanguage::de);
    CHECK(default_ui_language("en") == UiLanguage::en);
    CHECK(default_ui_language("ru") == UiLanguage::en);
    CHECK(default_ui_language("") == UiLanguage::en);
    CHECK(language_code(UiLanguage::de) == "de");
    CHECK(ui_language(language_code(UiLanguage::en)) == UiLanguage::en);
}

TEST_CASE("German and English texts differ where the words do", "[ui][translations]") {
    // A German screen showing an English word is the failure this catches: keys whose two texts are the same must
    // be names, symbols or words both languages share.
    const std::set<std::string> shared{"Pause", "Land",    "Original", "Person: ", "Institution", "+ / -", "0",
                                       "[ / ]", "L",       "F1",       "F2",       "F3",          "F4",    "F5",
                                       "F6",    "Deutsch", "English",  "B",        "A",           "N",     "F11"};
    // The export dialog's key, word and screen sizes read the same in both.
    const std::set<std::string> export_names{"F12", "Format", "1920 × 1080 (Full HD)", "3840 × 2160 (4K)"};
    for (std::size_t k = 0; k < kTextCount; ++k) {
        const auto key = static_cast<UiText>(k);
        const std::string en = tr(key, UiLanguage::en), de = tr(key, UiLanguage::de);
        INFO(en);
        if (en == de) CHECK(shared.count(en) + export_names.count(en) == 1);
    }
}

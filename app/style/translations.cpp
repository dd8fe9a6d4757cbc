#include "app/style/translations.hpp"

#include <array>

namespace diplomap {
namespace {

using Table = std::array<const char*, kTextCount>;

// The tables list entries by key, so a text cannot slip to a neighbour's slot when keys are added; indexed once.
Table index(const TextEntry* entries, std::size_t count) {
    Table table;
    table.fill("");
    for (std::size_t i = 0; i < count; ++i) table[static_cast<std::size_t>(entries[i].key)] = entries[i].text;
    return table;
}

const Table& table_of(UiLanguage language) {
    static const Table english = [] {
        std::size_t count = 0;
        const TextEntry* entries = english_texts(count);
        return index(entries, count);
    }();
    static const Table german = [] {
        std::size_t count = 0;
        const TextEntry* entries = german_texts(count);
        return index(entries, count);
    }();
    return language == UiLanguage::de ? german : english;
}

// Where tr() notes the texts it hands out while a test report is being written: one frame's interface strings.
thread_local TextSink sink = nullptr;
thread_local void* sink_context = nullptr;

}  // namespace

void set_text_sink(TextSink note, void* context) {
    sink = note;
    sink_context = context;
}

UiLanguage ui_language(std::string_view code) { return code == "de" ? UiLanguage::de : UiLanguage::en; }

std::string_view language_code(UiLanguage language) { return language == UiLanguage::de ? "de" : "en"; }

UiLanguage default_ui_language(std::string_view story_language) { return ui_language(story_language); }

const char* tr(UiText key, UiLanguage language) {
    const auto i = static_cast<std::size_t>(key);
    const char* text = i < kTextCount ? table_of(language)[i] : "";
    if (sink != nullptr) sink(sink_context, text);
    return text;
}

const char* tr(UiText key, std::string_view language_code) { return tr(key, ui_language(language_code)); }

std::string window_title(UiText key, std::string_view id, UiLanguage language) {
    return std::string(tr(key, language)) + "###" + std::string(id);
}

}  // namespace diplomap

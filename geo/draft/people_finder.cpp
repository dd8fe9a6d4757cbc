#include "geo/draft/people_finder.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace geo {

namespace {

struct Span {
    std::size_t first = 0;
    std::size_t last = 0;  // inclusive
};

class Finder {
public:
    Finder(const ArticleWords& article, const LanguageWords& language) : words_(article.words), language_(language) {}

    PeopleFound run() {
        for (std::size_t i = 0; i < words_.size(); ++i) {
            const std::string lower = lower_case(words_[i].text);
            if (language_.is_title(lower) && (words_[i].capitalised || language_.code != "de")) {
                if (const auto name = name_after(i + 1)) {
                    add(*name, role_before(i));
                } else {
                    apposition_after_title(i);
                }
            } else if (LanguageWords::has(language_.speech_verbs, lower)) {
                // "sagte Scholz" names the speaker; in "sagte: „China ist bereit …“" the next word opens the
                // quotation, so only a name right after the verb, a blank between, counts.
                const auto name = name_after(i + 1);
                if (name && words_[i + 1].gap_before == " ") add(*name, {});
            } else {
                apposition_before_title(i);
            }
        }
        extend_single_names();
        find_mentions();
        return std::move(found_);
    }

private:
    // A word that may be part of a name: capitalised, and no title, determiner or function word.
    [[nodiscard]] bool name_word(std::size_t i) const {
        if (i >= words_.size() || !words_[i].capitalised) return false;
        const std::string lower = lower_case(words_[i].text);
        return !language_.is_title(lower) && !LanguageWords::has(language_.determiners, lower) &&
               !LanguageWords::has(language_.function_words, lower) &&
               !LanguageWords::has(language_.prepositions, lower);
    }

    // One to four name words from `i`, separated by single blanks.
    [[nodiscard]] std::optional<Span> name_after(std::size_t i) const {
        if (!name_word(i)) return std::nullopt;
        Span span{i, i};
        while (span.last + 1 < words_.size() && span.last - span.first < 3 && words_[span.last + 1].gap_before == " " &&
               words_[span.last + 1].sentence == words_[i].sentence && name_word(span.last + 1)) {
            ++span.last;
        }
        return span;
    }

    // "Russlands Präsident": the role as written, with a genitive before the title where the language has one.
    [[nodiscard]] std::string role_before(std::size_t title) const {
        std::size_t first = title;
        if (language_.genitive_s && title > 0 && words_[title - 1].capitalised &&
            words_[title - 1].text.ends_with('s') && words_[title].gap_before == " " &&
            words_[title - 1].sentence == words_[title].sentence &&
            !LanguageWords::has(language_.determiners, lower_case(words_[title - 1].text))) {
            first = title - 1;
        }
        return text_of({first, title});
    }

    // "die Sprecherin des Weißen Hauses, Karine Jean-Pierre.": the title's phrase up to a comma, then a name of two
    // or more words that ends the sentence or the clause.
    void apposition_after_title(std::size_t title) {
        for (std::size_t j = title + 1; j < words_.size() && words_[j].sentence == words_[title].sentence; ++j) {
            if (words_[j].gap_before.find_first_of(".;:!?") != std::string::npos) return;
            if (words_[j].gap_before.find(',') == std::string::npos) continue;
            const auto name = name_after(j);
            if (!name || name->last == name->first) return;
            const std::size_t after = name->last + 1;
            const bool ends = after >= words_.size() || words_[after].sentence != words_[title].sentence ||
                              words_[after].gap_before.find(',') != std::string::npos;
            if (ends) add(*name, text_of({title, j - 1}));
            return;
        }
    }

    // "John Kirby, Sprecher des Nationalen Sicherheitsrats im Weißen Haus, legte nach": a name of two or more words,
    // a comma, and a title whose phrase runs to the next comma.
    void apposition_before_title(std::size_t i) {
        if (i > 0 && words_[i].gap_before == " " && name_word(i - 1)) return;  // not the start of a name
        const auto name = name_after(i);
        if (!name || name->last == name->first) return;
        const std::size_t title = name->last + 1;
        if (title >= words_.size() || words_[title].gap_before.find(',') == std::string::npos ||
            !language_.is_title(lower_case(words_[title].text))) {
            return;
        }
        std::size_t end = title;
        while (end + 1 < words_.size() && words_[end + 1].sentence == words_[title].sentence &&
               words_[end + 1].gap_before.find_first_of(",.;:!?") == std::string::npos) {
            ++end;
        }
        add(*name, text_of({title, end}));
    }

    [[nodiscard]] std::string text_of(Span span) const {
        std::string text = words_[span.first].text;
        for (std::size_t i = span.first + 1; i <= span.last; ++i) text += words_[i].gap_before + words_[i].text;
        return text;
    }

    void add(Span span, std::string role) {
        const std::string name = text_of(span);
        const std::string& last = words_[span.last].text;
        // The same person when the last words agree (Dimitri Peskow, Dmitri Peskow, Putin) or one name is a word
        // of the other (Kim, Kim Jong Un).
        for (FoundPerson& person : found_.people) {
            const std::string person_last = person.name.substr(person.name.rfind(' ') + 1);
            const bool same = person_last == last || person.name.starts_with(name + " ") ||
                              name.ends_with(" " + person.name) || name.starts_with(person.name + " ");
            if (!same) continue;
            if (name.size() > person.name.size() && name.find(' ') != std::string::npos &&
                person.name.find(' ') == std::string::npos) {
                person.name = name;  // the fuller form
            } else if (name != person.name && name.find(' ') != std::string::npos &&
                       std::find(person.variants.begin(), person.variants.end(), name) == person.variants.end()) {
                person.variants.push_back(name);
            }
            if (person.role.empty()) person.role = std::move(role);
            return;
        }
        found_.people.push_back(FoundPerson{name, std::move(role), {}});
    }

    // "US-Experte Seiler" and, elsewhere, "Für Sidney Seiler": the name in full.
    void extend_single_names() {
        for (FoundPerson& person : found_.people) {
            if (person.name.find(' ') != std::string::npos) continue;
            for (std::size_t i = 1; i < words_.size(); ++i) {
                if (words_[i].text != person.name || words_[i].gap_before != " ") continue;
                std::size_t first = i;
                while (first > 0 && i - first < 2 && words_[first].gap_before == " " && name_word(first - 1)) --first;
                if (first < i) {
                    person.name = text_of({first, i});
                    break;
                }
            }
        }
    }

    void find_mentions() {
        // Each word of a full name stands for its person alone, unless two people share it.
        std::map<std::string, std::optional<std::size_t>, std::less<>> by_word;
        for (std::size_t p = 0; p < found_.people.size(); ++p) {
            std::vector<std::string> forms = found_.people[p].variants;
            forms.push_back(found_.people[p].name);
            for (const std::string& form : forms) {
                std::size_t start = 0;
                while (start <= form.size()) {
                    const std::size_t end = std::min(form.find(' ', start), form.size());
                    const std::string word = form.substr(start, end - start);
                    const auto [entry, inserted] = by_word.try_emplace(word, p);
                    if (!inserted && entry->second != p) entry->second.reset();
                    start = end + 1;
                }
            }
        }
        for (std::size_t i = 0; i < words_.size(); ++i) {
            if (!words_[i].capitalised) continue;
            const std::string& word = words_[i].text;
            auto found = by_word.find(word);
            bool genitive = false;
            if (found == by_word.end() && language_.genitive_s && word.ends_with('s')) {
                found = by_word.find(std::string_view(word).substr(0, word.size() - 1));
                genitive = found != by_word.end();
            }
            if (found == by_word.end() || !found->second) continue;
            // Runs of name words belong to one mention (Kim Jong Un).
            Span span{i, i};
            while (span.last + 1 < words_.size() && words_[span.last + 1].gap_before == " ") {
                const auto next = by_word.find(words_[span.last + 1].text);
                if (next == by_word.end() || next->second != found->second) break;
                ++span.last;
            }
            found_.mentions.push_back(PersonMention{*found->second, span.first, span.last, genitive});
            i = span.last;
        }
    }

    const std::vector<ArticleWord>& words_;
    const LanguageWords& language_;
    PeopleFound found_;
};

}  // namespace

PeopleFound find_people(const ArticleWords& article, const LanguageWords& language) {
    return Finder(article, language).run();
}

}  // namespace geo

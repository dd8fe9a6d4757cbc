#include "geo/draft/geonames_gazetteer.hpp"

#include <geonames.h>
#include <libintl.h>

#include <algorithm>
#include <clocale>
#include <cstdlib>
#include <optional>

#include "geo/text/text_fold.hpp"

namespace geo {

namespace {

constexpr const char* source_name = "GeoNames (CC BY 4.0) as libgeonames 0.3.0 ships it (Debian)";

// Sets LANGUAGE for gettext while it lives, and LC_MESSAGES to a locale in which gettext translates at all.
class MessageLanguage {
public:
    explicit MessageLanguage(const std::string& code) {
        if (const char* old = std::getenv("LANGUAGE")) old_language_ = old;
        const char* messages = std::setlocale(LC_MESSAGES, nullptr);
        old_messages_ = messages != nullptr ? messages : "C";
        if (old_messages_ == "C" || old_messages_ == "POSIX") std::setlocale(LC_MESSAGES, "C.UTF-8");
        ::setenv("LANGUAGE", code.c_str(), 1);
        // gettext converts translations to the locale's character set, ASCII in the "C" locale the program runs
        // in ("Pj?ngjang"); the names are wanted as UTF-8 whatever the locale.
        bind_textdomain_codeset("geonames", "UTF-8");
        refresh();
    }
    MessageLanguage(const MessageLanguage&) = delete;
    MessageLanguage& operator=(const MessageLanguage&) = delete;
    ~MessageLanguage() {
        if (old_language_) {
            ::setenv("LANGUAGE", old_language_->c_str(), 1);
        } else {
            ::unsetenv("LANGUAGE");
        }
        std::setlocale(LC_MESSAGES, old_messages_.c_str());
        refresh();
    }

private:
    // gettext caches translations; setting the text domain again is the documented way to make it look anew.
    static void refresh() { textdomain(textdomain(nullptr)); }

    std::optional<std::string> old_language_;
    std::string old_messages_;
};

}  // namespace

std::vector<GeonamesGazetteer::City> GeonamesGazetteer::read_cities(const std::string& code) {
    const MessageLanguage scope{code};
    const gint count = geonames_get_n_cities();
    std::vector<City> cities;
    cities.reserve(static_cast<std::size_t>(std::max(count, 0)));
    for (gint i = 0; i < count; ++i) {
        GeonamesCity* city = geonames_get_city(i);
        if (city == nullptr) {
            cities.emplace_back();
            continue;
        }
        const auto text = [](const gchar* value) { return value != nullptr ? std::string(value) : std::string(); };
        cities.push_back(City{text(geonames_city_get_name(city)), text(geonames_city_get_state(city)),
                              text(geonames_city_get_country(city)), text(geonames_city_get_country_code(city)),
                              geonames_city_get_longitude(city), geonames_city_get_latitude(city),
                              geonames_city_get_population(city)});
        geonames_city_free(city);
    }
    return cities;
}

const GeonamesGazetteer::Language& GeonamesGazetteer::load(std::string_view code) {
    if (const auto found = languages_.find(code); found != languages_.end()) return found->second;
    Language& language = languages_[std::string(code)];
    language.cities = read_cities(std::string(code));
    for (std::size_t i = 0; i < language.cities.size(); ++i) {
        const City& city = language.cities[i];
        if (city.name.empty()) continue;
        language.by_name.emplace(city.name, i);
        // Some names carry what tells them apart, which a text leaves out: "Washington D.C." is "Washington",
        // "Des Moines (Washington)" is "Des Moines".
        std::string_view plain = city.name;
        if (plain.ends_with(')') && plain.find(" (") != std::string_view::npos) {
            plain = plain.substr(0, plain.rfind(" ("));
        } else if (const std::size_t space = plain.rfind(' ');
                   space != std::string_view::npos && plain.ends_with('.') && plain.substr(space).size() <= 6) {
            plain = plain.substr(0, space);
        }
        if (plain.size() != city.name.size() && !plain.empty()) language.by_name.emplace(std::string(plain), i);
        if (!city.country.empty()) language.countries.emplace(city.country, city.country_code);
        language.by_folded.emplace_back(fold_for_search(city.name), i);
    }
    std::sort(language.by_folded.begin(), language.by_folded.end());
    return language;
}

std::vector<GazetteerCity> GeonamesGazetteer::cities_named(std::string_view name, std::string_view language) {
    const Language& in_language = load(language);
    const Language& english = load("en");
    std::vector<GazetteerCity> found;
    const auto [first, last] = in_language.by_name.equal_range(name);
    for (auto it = first; it != last; ++it) {
        const City& city = in_language.cities[it->second];
        const std::string& english_name =
            it->second < english.cities.size() ? english.cities[it->second].name : city.name;
        found.push_back(GazetteerCity{std::string(name), english_name, city.region, city.country, city.country_code,
                                      city.lon, city.lat, city.population, source_name});
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const GazetteerCity& a, const GazetteerCity& b) { return a.population > b.population; });
    return found;
}

GazetteerCity GeonamesGazetteer::city_of(std::size_t index, const std::string& name, std::string_view language) {
    const City& city = load(language).cities[index];
    const Language& english = load("en");
    const std::string& english_name = index < english.cities.size() ? english.cities[index].name : city.name;
    return GazetteerCity{name,     english_name, city.region,     city.country, city.country_code,
                         city.lon, city.lat,     city.population, source_name};
}

std::vector<GazetteerCity> GeonamesGazetteer::cities_starting_with(std::string_view prefix, std::string_view language,
                                                                   std::size_t limit) {
    const std::string folded = fold_for_search(prefix);
    if (folded.empty() || limit == 0) return {};
    const Language& in_language = load(language);
    std::vector<std::size_t> matches;
    for (auto it = std::lower_bound(in_language.by_folded.begin(), in_language.by_folded.end(),
                                    std::pair<std::string, std::size_t>(folded, 0));
         it != in_language.by_folded.end() && it->first.starts_with(folded); ++it)
        matches.push_back(it->second);
    std::sort(matches.begin(), matches.end(), [&](std::size_t a, std::size_t b) {
        const auto pa = in_language.cities[a].population, pb = in_language.cities[b].population;
        return pa != pb ? pa > pb : a < b;
    });
    if (matches.size() > limit) matches.resize(limit);
    std::vector<GazetteerCity> found;
    found.reserve(matches.size());
    for (std::size_t i : matches) found.push_back(city_of(i, in_language.cities[i].name, language));
    return found;
}

std::map<std::string, std::string, std::less<>> GeonamesGazetteer::countries(std::string_view language) {
    return load(language).countries;
}

}  // namespace geo

#pragma once
// The cities of GeoNames (about 24,000, the larger towns of the world) as Debian's libgeonames ships them, with names
// in other languages from its gettext catalogues (package libgeonames-common).
//
// The library translates through gettext, which follows the process's language: to read the names in one
// language this sets LANGUAGE to it (and LC_MESSAGES to C.UTF-8 where it was "C", for which gettext translates
// nothing), reads every city once, and puts both back; the names are read as UTF-8 whatever the locale. Not
// thread-safe, like the environment it changes.
#include <map>
#include <string>
#include <vector>

#include "geo/draft/gazetteer.hpp"

namespace geo {

class GeonamesGazetteer final : public Gazetteer {
public:
    [[nodiscard]] std::vector<GazetteerCity> cities_named(std::string_view name, std::string_view language) override;
    [[nodiscard]] std::vector<GazetteerCity> cities_starting_with(std::string_view prefix, std::string_view language,
                                                                  std::size_t limit) override;
    [[nodiscard]] std::map<std::string, std::string, std::less<>> countries(std::string_view language) override;

private:
    struct City {
        std::string name;
        std::string region;
        std::string country;
        std::string country_code;
        double lon = 0.0;
        double lat = 0.0;
        std::uint64_t population = 0;
    };
    struct Language {
        std::vector<City> cities;                                      // by the library's index
        std::multimap<std::string, std::size_t, std::less<>> by_name;  // also without "(...)" or " D.C."
        std::vector<std::pair<std::string, std::size_t>> by_folded;    // folded names, sorted, for prefixes
        std::map<std::string, std::string, std::less<>> countries;
    };
    const Language& load(std::string_view code);
    [[nodiscard]] GazetteerCity city_of(std::size_t index, const std::string& name, std::string_view language);
    // Every city with its names in `code`, by the library's index.
    static std::vector<City> read_cities(const std::string& code);

    std::map<std::string, Language, std::less<>> languages_;
};

}  // namespace geo

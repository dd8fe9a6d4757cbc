#pragma once
// Looking up cities by name, offline: the interface the draft and the editor use, so that tests can give it a table and the
// program gives it GeoNames (geonames_gazetteer.hpp) with the exonym table in front (exonym_table.hpp).
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

struct GazetteerCity {
    std::string name;          // in the language asked for, exactly as matched
    std::string english;       // the English name (for ids and the story's "en" name)
    std::string region;        // state or province, as the gazetteer writes it
    std::string country;       // in the language asked for
    std::string country_code;  // ISO 3166-1 alpha-2
    double lon = 0.0;
    double lat = 0.0;
    std::uint64_t population = 0;
    std::string source;  // where the name and the coordinates come from
};

class Gazetteer {
public:
    Gazetteer() = default;
    Gazetteer(const Gazetteer&) = delete;
    Gazetteer& operator=(const Gazetteer&) = delete;
    virtual ~Gazetteer() = default;

    // Cities whose name in `language` (a code such as "de") is exactly `name` (no prefixes, case as written), the
    // most populous first.
    [[nodiscard]] virtual std::vector<GazetteerCity> cities_named(std::string_view name, std::string_view language) = 0;
    // Cities whose name in `language` begins with `prefix`, ignoring case and accents (geo/text/text_fold.hpp), the
    // most populous first, at most `limit`: what an author's type-ahead lists. An empty prefix finds nothing.
    [[nodiscard]] virtual std::vector<GazetteerCity> cities_starting_with(std::string_view prefix,
                                                                          std::string_view language,
                                                                          std::size_t limit) = 0;
    // Every country name in `language` -> its ISO code.
    [[nodiscard]] virtual std::map<std::string, std::string, std::less<>> countries(std::string_view language) = 0;
};

}  // namespace geo

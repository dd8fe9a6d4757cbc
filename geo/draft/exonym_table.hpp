#pragma once
// Names of cities in a language that the gazetteer's catalogue lacks (German "Peking", "Kiew"): a small table in
// the project's data (assets/gazetteer/exonyms.tsv), each row with its source, put in front of a gazetteer.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "geo/draft/gazetteer.hpp"
#include "geo/text/diagnostic.hpp"

namespace geo {

struct Exonym {
    std::string language;
    std::string name;              // as written in that language
    std::string geonames_english;  // the city's English name in the gazetteer
    std::string country_code;
    std::string source;
    int line = 0;  // in the table, for the places' "source"
};

struct ExonymTableParse {
    std::vector<Exonym> rows;
    Diagnostics problems;  // each with the table's line
};

// `file_label` names the table in messages and in the sources of the cities it supplies.
[[nodiscard]] ExonymTableParse parse_exonym_table(std::string_view tsv, const std::string& file_label);

// A gazetteer that asks `base` first and, where it knows no city of that name in that language, the table: the
// city is then the base's city of the table's English name in the table's country.
class ExonymGazetteer final : public Gazetteer {
public:
    ExonymGazetteer(Gazetteer& base, std::vector<Exonym> rows, std::string file_label);

    [[nodiscard]] std::vector<GazetteerCity> cities_named(std::string_view name, std::string_view language) override;
    // The base's cities and the table's names that begin with `prefix`, together by population.
    [[nodiscard]] std::vector<GazetteerCity> cities_starting_with(std::string_view prefix, std::string_view language,
                                                                  std::size_t limit) override;
    [[nodiscard]] std::map<std::string, std::string, std::less<>> countries(std::string_view language) override;

private:
    [[nodiscard]] std::vector<GazetteerCity> cities_of_row(const Exonym& row);
    Gazetteer& base_;
    std::vector<Exonym> rows_;
    std::string file_label_;
};

}  // namespace geo

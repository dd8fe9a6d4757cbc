#include "geo/draft/exonym_table.hpp"

#include "geo/text/text_fold.hpp"

#include <algorithm>
#include <array>

namespace geo {

namespace {

std::vector<std::string_view> split(std::string_view line, char separator) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = line.find(separator, start);
        fields.push_back(line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return fields;
        start = end + 1;
    }
}

constexpr std::array<std::string_view, 5> columns = {"language", "exonym", "geonames_english", "country", "source"};

}  // namespace

ExonymTableParse parse_exonym_table(std::string_view tsv, const std::string& file_label) {
    ExonymTableParse parse;
    bool header_seen = false;
    int line_number = 0;
    std::size_t start = 0;
    while (start < tsv.size()) {
        const std::size_t end = std::min(tsv.find('\n', start), tsv.size());
        std::string_view line = tsv.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        const std::vector<std::string_view> fields = split(line, '\t');
        const auto problem = [&](std::string message) {
            parse.problems.push_back(Diagnostic{file_label, line_number, 0, "", std::move(message)});
        };
        if (!header_seen) {
            header_seen = true;
            if (fields.size() != columns.size() || !std::equal(fields.begin(), fields.end(), columns.begin())) {
                problem(
                    "the header must be the tab-separated columns language, exonym, geonames_english, country, "
                    "source");
                return parse;
            }
            continue;
        }
        if (fields.size() != columns.size()) {
            problem("expected " + std::to_string(columns.size()) + " tab-separated fields, found " +
                    std::to_string(fields.size()));
            continue;
        }
        bool empty = false;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (fields[i].empty()) {
                problem("the field \"" + std::string(columns[i]) + "\" is empty");
                empty = true;
            }
        }
        if (empty) continue;
        if (fields[3].size() != 2) {
            problem("the country must be a two-letter ISO code, not '" + std::string(fields[3]) + "'");
            continue;
        }
        parse.rows.push_back(Exonym{std::string(fields[0]), std::string(fields[1]), std::string(fields[2]),
                                    std::string(fields[3]), std::string(fields[4]), line_number});
    }
    if (!header_seen) parse.problems.push_back(Diagnostic{file_label, 0, 0, "", "the table has no header"});
    return parse;
}

ExonymGazetteer::ExonymGazetteer(Gazetteer& base, std::vector<Exonym> rows, std::string file_label)
    : base_(base), rows_(std::move(rows)), file_label_(std::move(file_label)) {}

std::vector<GazetteerCity> ExonymGazetteer::cities_named(std::string_view name, std::string_view language) {
    std::vector<GazetteerCity> found = base_.cities_named(name, language);
    if (!found.empty()) return found;
    for (const Exonym& row : rows_) {
        if (row.language != language || row.name != name) continue;
        for (GazetteerCity& city : cities_of_row(row)) found.push_back(std::move(city));
    }
    return found;
}

std::vector<GazetteerCity> ExonymGazetteer::cities_of_row(const Exonym& row) {
    std::vector<GazetteerCity> found;
    for (GazetteerCity& city : base_.cities_named(row.geonames_english, "en")) {
        if (city.country_code != row.country_code) continue;
        city.name = row.name;
        city.source += "; the name '" + row.name + "' from " + file_label_ + ":" + std::to_string(row.line) + " (" +
                       row.source + ")";
        found.push_back(std::move(city));
    }
    return found;
}

std::vector<GazetteerCity> ExonymGazetteer::cities_starting_with(std::string_view prefix, std::string_view language,
                                                                 std::size_t limit) {
    std::vector<GazetteerCity> found = base_.cities_starting_with(prefix, language, limit);
    const std::string folded = fold_for_search(prefix);
    if (folded.empty()) return found;
    for (const Exonym& row : rows_) {
        if (row.language != language || !fold_for_search(row.name).starts_with(folded)) continue;
        for (GazetteerCity& city : cities_of_row(row)) {
            // The table's name replaces the catalogue's for the same city, which the reader did not type.
            std::erase_if(found, [&](const GazetteerCity& c) { return c.lon == city.lon && c.lat == city.lat; });
            found.push_back(std::move(city));
        }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const GazetteerCity& a, const GazetteerCity& b) { return a.population > b.population; });
    if (found.size() > limit) found.resize(limit);
    return found;
}

std::map<std::string, std::string, std::less<>> ExonymGazetteer::countries(std::string_view language) {
    return base_.countries(language);
}

}  // namespace geo

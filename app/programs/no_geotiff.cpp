// diplomap-export's stand-in for geo/map/geotiff_rows.cpp: linked ahead of the geo library, it keeps GDAL and its
// ~110 libraries out of the still-export program. That program hands every GeoTIFF export to diplomap-full before
// it draws (export_main.cpp), so these only answer if that check is ever bypassed.
#include "geo/map/geotiff_rows.hpp"

namespace geo {

struct GeoTiffRows {};

void GeoTiffRowsCloser::operator()(GeoTiffRows* tiff) const { delete tiff; }

std::variant<GeoTiffRowsPtr, std::string> create_geotiff(const std::filesystem::path&, const ImageSpec&) {
    return std::string("internal error: this program (diplomap-export) writes PNG only; run diplomap");
}

std::optional<std::string> describe_geotiff(GeoTiffRows&, const ImageSpec&) { return std::nullopt; }

std::optional<std::string> write_geotiff_rows(GeoTiffRows&, int, const RgbaRows&) { return std::nullopt; }

std::optional<std::string> close_geotiff(GeoTiffRowsPtr) { return std::nullopt; }

}  // namespace geo

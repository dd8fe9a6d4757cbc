#include "geo/map/geotiff_rows.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal.h>

#include <array>
#include <cstdint>

#include "geo/map/gdal_handles.hpp"

namespace geo {
namespace {

std::string gdal_error(const std::string& fallback) {
    const char* msg = CPLGetLastErrorMsg();
    return (msg && *msg) ? std::string(msg) : fallback;
}

}  // namespace

struct GeoTiffRows {
    GdalDatasetPtr dataset;
    int width = 0;
    bool alpha = true;
};

void GeoTiffRowsCloser::operator()(GeoTiffRows* tiff) const { delete tiff; }

std::variant<GeoTiffRowsPtr, std::string> create_geotiff(const std::filesystem::path& temp, const ImageSpec& spec) {
    register_gdal_drivers();
    CPLErrorReset();
    const std::string threads = "NUM_THREADS=ALL_CPUS";
    const char* options[] = {
        "COMPRESS=DEFLATE", "ZLEVEL=1", "PREDICTOR=2", "PHOTOMETRIC=RGB", spec.alpha ? "ALPHA=YES" : "ALPHA=NO",
        threads.c_str(),    nullptr};
    GeoTiffRowsPtr tiff(new GeoTiffRows);
    tiff->width = spec.width;
    tiff->alpha = spec.alpha;
    tiff->dataset.reset(GDALCreate(GDALGetDriverByName("GTiff"), temp.c_str(), spec.width, spec.height,
                                   spec.alpha ? 4 : 3, GDT_Byte, const_cast<char**>(options)));
    if (!tiff->dataset) {
        std::error_code ec;
        std::filesystem::remove(temp, ec);
        return gdal_error("GDAL could not create the file");
    }
    return tiff;
}

std::optional<std::string> describe_geotiff(GeoTiffRows& tiff, const ImageSpec& spec) {
    GDALDatasetH ds = tiff.dataset.get();
    bool ok = true;
    if (spec.georeference) {
        std::array<double, 6> gt = spec.georeference->geotransform;
        ok = GDALSetGeoTransform(ds, gt.data()) == CE_None &&
             GDALSetProjection(ds, spec.georeference->crs_wkt.c_str()) == CE_None;
    }
    const std::string dpi = std::to_string(spec.dots_per_inch);
    GDALSetMetadataItem(ds, "TIFFTAG_XRESOLUTION", dpi.c_str(), nullptr);
    GDALSetMetadataItem(ds, "TIFFTAG_YRESOLUTION", dpi.c_str(), nullptr);
    GDALSetMetadataItem(ds, "TIFFTAG_RESOLUTIONUNIT", "2", nullptr);  // inches
    for (const auto& [key, value] : spec.text) {
        if (key == "Title")
            GDALSetMetadataItem(ds, "TIFFTAG_DOCUMENTNAME", value.c_str(), nullptr);
        else if (key == "Software")
            GDALSetMetadataItem(ds, "TIFFTAG_SOFTWARE", value.c_str(), nullptr);
        else if (key == "Source")
            GDALSetMetadataItem(ds, "TIFFTAG_COPYRIGHT", value.c_str(), nullptr);
        else
            GDALSetMetadataItem(ds, key.c_str(), value.c_str(), nullptr);
    }
    if (!ok) return gdal_error("GDAL could not write the georeference");
    return std::nullopt;
}

std::optional<std::string> write_geotiff_rows(GeoTiffRows& tiff, int first_row, const RgbaRows& rows) {
    int bands[] = {1, 2, 3, 4};
    CPLErrorReset();
    // Row by row where the rows run bottom up in memory; GTiff gathers them into its strips all the same.
    const bool top_down = rows.stride > 0;
    const int per_call = top_down ? rows.count : 1;
    for (int y = 0; y < rows.count; y += per_call)
        if (GDALDatasetRasterIO(tiff.dataset.get(), GF_Write, 0, first_row + y, tiff.width, per_call,
                                const_cast<std::uint8_t*>(rows.row(y)), tiff.width, per_call, GDT_Byte,
                                tiff.alpha ? 4 : 3, bands, 4, static_cast<GSpacing>(tiff.width) * 4, 1) != CE_None)
            return gdal_error("GDAL could not write the file");
    return std::nullopt;
}

std::optional<std::string> close_geotiff(GeoTiffRowsPtr tiff) {
    CPLErrorReset();
    GDALFlushCache(tiff->dataset.get());
    tiff.reset();
    if (CPLGetLastErrorType() >= CE_Failure) return gdal_error("GDAL could not write the file");
    return std::nullopt;
}

}  // namespace geo

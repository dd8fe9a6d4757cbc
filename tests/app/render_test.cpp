// Exports rendered headless and read back: the pixels must show the map where it belongs.
#include <gdal_alg.h>
#include <gdal_utils.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <ogrsf_frmts.h>
#include <catch2/catch.hpp>

#include <sstream>

#include <cmath>
#include <numbers>
#include <vector>

#include "app/modes/export_mode.hpp"
#include "app/style/map_style.hpp"
#include "geo/map/gdal_handles.hpp"
#include "test_support.hpp"

using namespace diplomap;

namespace {

ExportOptions globe_options(int size) {
    ExportOptions o;
    o.width = size;
    o.height = size;
    o.view.projection = std::get<geo::ProjectionSpec>(geo::parse_projection("ortho", {127.5, 38.5}));
    o.view.assets = std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets";
    o.view.detail = geo::Detail::Medium50m;
    return o;
}

bool same_colour(const std::uint8_t* px, const Rgba& c, int tolerance = 3) {
    for (int i = 0; i < 3; ++i)
        if (std::abs(static_cast<int>(px[i]) - static_cast<int>(std::lround(c[static_cast<std::size_t>(i)] * 255))) >
            tolerance)
            return false;
    return true;
}

// Pixel of a geographic point in a rendered export.
std::pair<int, int> pixel_of(const ExportOptions& o, const RenderedMap& map, geo::LonLat p) {
    auto projection = std::get<geo::Projection>(geo::Projection::create(o.view.projection));
    const auto xy = projection.forward(p);
    REQUIRE(xy);
    const auto& gt = map.georeference.geotransform;
    return {static_cast<int>(std::floor((xy->x - gt[0]) / gt[1])),
            static_cast<int>(std::floor((xy->y - gt[3]) / gt[5]))};
}

}  // namespace

TEST_CASE("globe export: land at Pyongyang, sea in the Sea of Japan, nothing beyond the rim", "[render]") {
    const ExportOptions o = globe_options(600);
    auto rendered = render_map(o);
    REQUIRE(std::holds_alternative<RenderedMap>(rendered));
    const RenderedMap& map = std::get<RenderedMap>(rendered);
    const MapStyle style;

    const auto [px, py] = pixel_of(o, map, {125.7625, 39.0392});  // Pyongyang
    CHECK(same_colour(map.image.at(px, py), style.land));
    const auto [sx, sy] = pixel_of(o, map, {135.5, 41.3});  // Sea of Japan, off the graticule
    CHECK(same_colour(map.image.at(sx, sy), style.ocean));
    const auto [tx, ty] = pixel_of(o, map, {138.2, 36.3});  // inland Honshu
    CHECK(same_colour(map.image.at(tx, ty), style.land));

    // The rim: the globe's disk has radius R in projected metres, centred on the image.
    const double radius_px = geo::kEarthRadiusMetres / map.georeference.geotransform[1];
    int outside = 0, wrong = 0;
    for (int y = 0; y < map.image.height; ++y)
        for (int x = 0; x < map.image.width; ++x) {
            const double d = std::hypot(x + 0.5 - 0.5 * map.image.width, y + 0.5 - 0.5 * map.image.height);
            if (d < radius_px + 2.0) continue;
            if (x > map.image.width - 130 && y > map.image.height - 30) continue;  // the credit box
            ++outside;
            if (!same_colour(map.image.at(x, y), style.background, 1)) ++wrong;
        }
    CHECK(outside > 1000);
    CHECK(wrong == 0);
}

namespace {

// Land rings as plain lon/lat polygons made continuous across the antimeridian (rings that go round a pole are
// closed over it): an independent reading of the data for the reference raster.
GDALDatasetH reference_land_layer(const std::filesystem::path& fgb) {
    geo::register_gdal_drivers();
    RegisterOGRMEM();
    GDALDatasetH src = GDALOpenEx(fgb.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    REQUIRE(src);
    GDALDatasetH mem = GDALCreate(GDALGetDriverByName("Memory"), "ref", 0, 0, 0, GDT_Unknown, nullptr);
    OGRLayerH out = GDALDatasetCreateLayer(mem, "land", nullptr, wkbPolygon, nullptr);
    OGRLayerH in = GDALDatasetGetLayer(src, 0);
    OGR_L_ResetReading(in);
    while (OGRFeatureH f = OGR_L_GetNextFeature(in)) {
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        for (int p = 0; p < OGR_G_GetGeometryCount(g); ++p) {
            OGRGeometryH poly = OGR_G_GetGeometryRef(g, p);
            for (int r = 0; r < OGR_G_GetGeometryCount(poly); ++r) {
                OGRGeometryH ring = OGR_G_GetGeometryRef(poly, r);
                OGRGeometryH fixed = OGR_G_CreateGeometry(wkbLinearRing);
                double shift = 0, prev = 0;
                const int n = OGR_G_GetPointCount(ring);
                for (int i = 0; i < n; ++i) {
                    double lon = OGR_G_GetX(ring, i) + shift;
                    if (i > 0 && lon - prev > 180) shift -= 360, lon -= 360;
                    if (i > 0 && lon - prev < -180) shift += 360, lon += 360;
                    OGR_G_AddPoint_2D(fixed, lon, OGR_G_GetY(ring, i));
                    prev = lon;
                }
                const double start = OGR_G_GetX(fixed, 0), end = OGR_G_GetX(fixed, n - 1);
                if (std::abs(end - start) > 180) {  // round a pole: close over it
                    const double pole = OGR_G_GetY(fixed, 0) < 0 ? -90 : 90;
                    OGR_G_AddPoint_2D(fixed, end, pole);
                    OGR_G_AddPoint_2D(fixed, start, pole);
                    OGR_G_AddPoint_2D(fixed, start, OGR_G_GetY(fixed, 0));
                }
                OGRGeometryH polygon = OGR_G_CreateGeometry(wkbPolygon);
                OGR_G_AddGeometryDirectly(polygon, fixed);
                OGRFeatureH nf = OGR_F_Create(OGR_L_GetLayerDefn(out));
                OGR_F_SetGeometryDirectly(nf, polygon);
                REQUIRE(OGR_L_CreateFeature(out, nf) == OGRERR_NONE);
                OGR_F_Destroy(nf);
            }
        }
        OGR_F_Destroy(f);
    }
    GDALClose(src);
    return mem;
}

// gdal_rasterize of the reference polygons into lon/lat (three world widths, folded into one so that rings made
// continuous past +-180 land where they belong), then gdalwarp into the export's own grid and CRS.
std::vector<std::uint8_t> reference_raster(GDALDatasetH land, const geo::Georeference& georef, int width, int height) {
    constexpr double kRes = 0.1;
    const int cols = static_cast<int>(360 / kRes), rows = static_cast<int>(180 / kRes);
    const char* sphere = "+proj=longlat +R=6371008.8 +no_defs +type=crs";
    GDALDatasetH wide = GDALCreate(GDALGetDriverByName("MEM"), "", 3 * cols, rows, 1, GDT_Byte, nullptr);
    double gt_wide[6] = {-540, kRes, 0, 90, 0, -kRes};
    GDALSetGeoTransform(wide, gt_wide);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRSetFromUserInput(srs, sphere);
    OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
    GDALSetSpatialRef(wide, srs);
    const char* rasterize_args[] = {"-burn", "255", "-l", "land", nullptr};
    GDALRasterizeOptions* ropt = GDALRasterizeOptionsNew(const_cast<char**>(rasterize_args), nullptr);
    int usage_error = 0;
    REQUIRE(GDALRasterize(nullptr, wide, land, ropt, &usage_error) != nullptr);
    GDALRasterizeOptionsFree(ropt);

    std::vector<std::uint8_t> wide_pixels(static_cast<std::size_t>(3 * cols) * static_cast<std::size_t>(rows));
    REQUIRE(GDALRasterIO(GDALGetRasterBand(wide, 1), GF_Read, 0, 0, 3 * cols, rows, wide_pixels.data(), 3 * cols, rows,
                         GDT_Byte, 0, 0) == CE_None);
    GDALDatasetH world = GDALCreate(GDALGetDriverByName("MEM"), "", cols, rows, 1, GDT_Byte, nullptr);
    double gt_world[6] = {-180, kRes, 0, 90, 0, -kRes};
    GDALSetGeoTransform(world, gt_world);
    GDALSetSpatialRef(world, srs);
    std::vector<std::uint8_t> folded(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows));
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < cols; ++x) {
            const std::size_t row = static_cast<std::size_t>(y) * static_cast<std::size_t>(3 * cols);
            folded[static_cast<std::size_t>(y) * cols + x] =
                wide_pixels[row + x] | wide_pixels[row + cols + x] | wide_pixels[row + 2 * cols + x];
        }
    REQUIRE(GDALRasterIO(GDALGetRasterBand(world, 1), GF_Write, 0, 0, cols, rows, folded.data(), cols, rows, GDT_Byte,
                         0, 0) == CE_None);

    GDALDatasetH target = GDALCreate(GDALGetDriverByName("MEM"), "", width, height, 1, GDT_Byte, nullptr);
    double gt[6];
    std::copy(georef.geotransform.begin(), georef.geotransform.end(), gt);
    GDALSetGeoTransform(target, gt);
    GDALSetProjection(target, georef.crs_wkt.c_str());
    // Outside a world map's outline PROJ's inverse still answers (with a wrapped longitude); GDAL's round-trip
    // check turns those pixels into no data, as they are.
    CPLSetConfigOption("CHECK_WITH_INVERT_PROJ", "YES");
    const char* warp_args[] = {"-r", "near", nullptr};
    GDALWarpAppOptions* wopt = GDALWarpAppOptionsNew(const_cast<char**>(warp_args), nullptr);
    REQUIRE(GDALWarp(nullptr, target, 1, &world, wopt, &usage_error) != nullptr);
    GDALWarpAppOptionsFree(wopt);
    std::vector<std::uint8_t> out(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    REQUIRE(GDALRasterIO(GDALGetRasterBand(target, 1), GF_Read, 0, 0, width, height, out.data(), width, height,
                         GDT_Byte, 0, 0) == CE_None);
    GDALClose(target);
    GDALClose(world);
    GDALClose(wide);
    OSRDestroySpatialReference(srs);
    return out;
}

}  // namespace

TEST_CASE("GeoTIFF land matches gdal_rasterize + gdalwarp of the same data (IoU >= 0.97)", "[render][geotiff]") {
    diplomap::test::TempDir dir;
    const auto land_file = std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets/basemap/land-110m.fgb";
    GDALDatasetH land = reference_land_layer(land_file);
    struct View {
        const char* projection;
        geo::LonLat center;
    };
    const View views[] = {{"ortho", {127.5, 38.5}}, {"ortho", {0, -90}},     {"ortho", {179.5, 10}},
                          {"eqearth", {0, 0}},      {"eqearth", {179.9, 0}}, {"natearth", {150, 0}},
                          {"webmerc", {-170, 0}},   {"laea", {0, 90}},       {"aeqd", {127.5, 38.5}}};
    for (const View& v : views) {
        INFO(v.projection << " centred " << v.center.lon << "," << v.center.lat);
        ExportOptions o;
        o.width = 500;
        o.height = 400;
        o.view.projection = std::get<geo::ProjectionSpec>(geo::parse_projection(v.projection, v.center));
        o.view.assets = std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets";
        o.view.detail = geo::Detail::Coarse110m;
        o.view.layers = std::get<LayerSet>(parse_layers("land"));
        o.out = dir / "map.tif";
        o.force = true;  // one file, written again for every view
        std::ostringstream err;
        REQUIRE(run_export(o, err) == 0);

        // Read the file back: its CRS and geotransform are what the reference is warped into.
        GDALDatasetH tif = GDALOpen(o.out.c_str(), GA_ReadOnly);
        REQUIRE(tif);
        geo::Georeference georef;
        REQUIRE(GDALGetGeoTransform(tif, georef.geotransform.data()) == CE_None);
        georef.crs_wkt = GDALGetProjectionRef(tif);
        CHECK_THAT(georef.crs_wkt, Catch::Contains("6371008.8"));
        std::vector<std::uint8_t> rgba(static_cast<std::size_t>(o.width) * static_cast<std::size_t>(o.height) * 4);
        // An opaque export has no alpha band: RGB into every fourth byte.
        REQUIRE(GDALGetRasterCount(tif) == 3);
        int bands[] = {1, 2, 3};
        REQUIRE(GDALDatasetRasterIO(tif, GF_Read, 0, 0, o.width, o.height, rgba.data(), o.width, o.height, GDT_Byte, 3,
                                    bands, 4, static_cast<GSpacing>(o.width) * 4, 1) == CE_None);
        GDALClose(tif);

        const auto reference = reference_raster(land, georef, o.width, o.height);
        const MapStyle style;
        std::size_t both = 0, either = 0;
        // Web Mercator stops at +-85.05 deg (y = +-pi R) by design; the reference would go on towards the poles.
        const double mercator_limit = std::numbers::pi * geo::kEarthRadiusMetres;
        const bool mercator = std::string(v.projection) == "webmerc";
        for (std::size_t i = 0; i < reference.size(); ++i) {
            const std::size_t pixel_row = i / static_cast<std::size_t>(o.width);
            const double y_m = georef.geotransform[3] + (static_cast<double>(pixel_row) + 0.5) * georef.geotransform[5];
            if (mercator && std::abs(y_m) > mercator_limit) continue;
            const bool ours = same_colour(&rgba[4 * i], style.land);
            const bool theirs = reference[i] != 0;
            both += ours && theirs;
            either += ours || theirs;
        }
        REQUIRE(either > 500);
        const double iou = static_cast<double>(both) / static_cast<double>(either);
        INFO("IoU " << iou);
        CHECK(iou >= 0.97);
    }
    GDALClose(land);
}

#include "geo/map/basemap.hpp"

#include <array>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include <cmath>

#include "geo/map/gdal_handles.hpp"

namespace geo {
namespace {

bool is_cut_edge(LonLat a, LonLat b) {
    constexpr double kPoleCut = -89.99;
    return (std::abs(a.lon) == 180.0 && a.lon == b.lon) || (a.lat <= kPoleCut && b.lat <= kPoleCut);
}

// Appends one OGR curve (ring or line string). Rings drop their closing repeat, since PathSet rings are implicit.
bool append_curve(OGRGeometryH curve, bool ring, LonLatPaths& out, std::vector<double>& xs, std::vector<double>& ys) {
    const int n = OGR_G_GetPointCount(curve);
    if (n <= 0) return true;
    xs.resize(static_cast<std::size_t>(n));
    ys.resize(static_cast<std::size_t>(n));
    OGR_G_GetPoints(curve, xs.data(), sizeof(double), ys.data(), sizeof(double), nullptr, 0);
    std::size_t count = static_cast<std::size_t>(n);
    if (ring && count > 1 && xs[0] == xs[count - 1] && ys[0] == ys[count - 1]) --count;
    for (std::size_t i = 0; i < count; ++i) {
        if (!std::isfinite(xs[i]) || !std::isfinite(ys[i]) || std::abs(xs[i]) > 180.0 || std::abs(ys[i]) > 90.0)
            return false;
        // Natural Earth cuts polygons along the antimeridian and closes Antarctica along the pole; the TopoJSON
        // meshes keep those cuts as "coast". They are not real coast or border, so lines break there.
        if (!ring && i > 0 && is_cut_edge({xs[i - 1], ys[i - 1]}, {xs[i], ys[i]})) out.close_path();
        out.points.push_back({xs[i], ys[i]});
    }
    out.close_path();
    return true;
}

bool append_geometry(OGRGeometryH g, bool rings, LonLatPaths& out, std::vector<double>& xs, std::vector<double>& ys) {
    const OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(g));
    switch (type) {
        case wkbPolygon:
            for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i)
                if (!append_curve(OGR_G_GetGeometryRef(g, i), true, out, xs, ys)) return false;
            return rings;
        case wkbLineString: return !rings && append_curve(g, false, out, xs, ys);
        case wkbMultiPolygon:
        case wkbMultiLineString:
        case wkbGeometryCollection:
            for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i)
                if (!append_geometry(OGR_G_GetGeometryRef(g, i), rings, out, xs, ys)) return false;
            return true;
        default: return false;
    }
}

BasemapLayer with_caps(LonLatPaths paths) {
    BasemapLayer layer{std::move(paths), {}};
    layer.caps = bounding_caps(layer.paths);
    return layer;
}

// Why GDAL's FlatGeobuf driver refused a file, in words that say what to do; GDAL itself often says nothing.
std::string why_not_flatgeobuf(const std::filesystem::path& file) {
    constexpr const char* kFix = "; tools/convert-basemap.sh writes the basemap again";
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) return std::string("is a folder, not a FlatGeobuf file") + kFix;
    if (std::filesystem::file_size(file, ec) == 0 && !ec) return std::string("is empty") + kFix;
    char magic[3] = {};
    std::ifstream in(file, std::ios::binary);
    if (!in.read(magic, sizeof magic) || std::string_view(magic, sizeof magic) != "fgb")
        return std::string("not a FlatGeobuf file (it does not start with FlatGeobuf's signature)") + kFix;
    const std::string gdal = CPLGetLastErrorMsg();
    return "not a readable FlatGeobuf file (" + (gdal.empty() ? std::string("GDAL cannot open it") : gdal) + ")" + kFix;
}

}  // namespace

std::string_view detail_name(Detail d) {
    switch (d) {
        case Detail::Coarse110m: return "110m";
        case Detail::Medium50m: return "50m";
        case Detail::Fine10m: return "10m";
    }
    return "?";
}

std::optional<Detail> parse_detail(std::string_view text) {
    for (Detail d : kAllDetails)
        if (detail_name(d) == text) return d;
    return std::nullopt;
}

std::variant<LonLatPaths, std::string> read_paths(const std::filesystem::path& file, bool rings) {
    register_gdal_drivers();
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return file.string() + ": basemap file not found";
    const char* drivers[] = {"FlatGeobuf", nullptr};
    GdalDatasetPtr ds(GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    if (!ds) return file.string() + ": " + why_not_flatgeobuf(file);
    if (GDALDatasetGetLayerCount(ds.get()) < 1) return file.string() + ": holds no layer";
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
    LonLatPaths out;
    std::vector<double> xs, ys;
    OGR_L_ResetReading(layer);
    std::size_t features = 0;
    while (OgrFeaturePtr f{OGR_L_GetNextFeature(layer)}) {
        ++features;
        OGRGeometryH g = OGR_F_GetGeometryRef(static_cast<OGRFeatureH>(f.get()));
        if (!g) continue;
        if (!append_geometry(g, rings, out, xs, ys))
            return file.string() + ": feature " + std::to_string(OGR_F_GetFID(static_cast<OGRFeatureH>(f.get()))) +
                   (rings ? " is not a polygon" : " is not a line") + " in longitude/latitude degrees";
    }
    if (CPLGetLastErrorType() >= CE_Failure && features == 0)
        return file.string() + ": cannot read features (" + CPLGetLastErrorMsg() + ")";
    if (out.empty()) return file.string() + ": layer has no geometry";
    return out;
}

std::variant<Basemap, std::string> load_basemap(const std::filesystem::path& dir, Detail detail) {
    const std::string res(detail_name(detail));
    Basemap map;
    map.detail = detail;
    struct Part {
        const char* stem;
        bool rings;
        BasemapLayer* target;
    };
    const std::array<Part, 3> parts{Part{"land", true, &map.land}, Part{"borders", false, &map.borders},
                                    Part{"coast", false, &map.coast}};
    // The three files are independent: read them side by side (GDAL is safe with one dataset per thread), which
    // takes the 10m basemap from about 85 to 45 ms on two cores -- start-up time of every export and window.
    register_gdal_drivers();
    std::array<std::optional<std::string>, 3> errors;
    auto read_part = [&](std::size_t i) {
        auto paths = read_paths(dir / (std::string(parts[i].stem) + "-" + res + ".fgb"), parts[i].rings);
        if (auto* error = std::get_if<std::string>(&paths)) {
            errors[i] = std::move(*error);
            return;
        }
        *parts[i].target = with_caps(std::move(std::get<LonLatPaths>(paths)));
    };
    std::thread lines([&] {
        read_part(1);
        read_part(2);
    });
    read_part(0);
    lines.join();
    for (const auto& error : errors)
        if (error) return *error;
    return map;
}

}  // namespace geo

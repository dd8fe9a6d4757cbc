// Stills as files: what GDAL reads back (size, bands, alpha, CRS, geotransform), tiled against untiled pixels, the
// scale of text and markers, PNG metadata, and that a file on disk is always the old one or the new one.
#include <catch2/catch.hpp>

#include <gdal.h>
#include <ogr_srs_api.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include <chrono>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "app/modes/export_mode.hpp"
#include "app/modes/headless_map.hpp"
#include "bundled_story.hpp"
#include "geo/map/gdal_handles.hpp"
#include "test_support.hpp"

using namespace diplomap;
using diplomap::test::bundled_story;
using diplomap::test::run_diplomap;
using diplomap::test::TempDir;

namespace {

ExportOptions story_options(int width, int height) {
    ExportOptions o;
    o.width = width;
    o.height = height;
    o.view.projection = std::get<geo::ProjectionSpec>(geo::parse_projection("ortho", {110, 45}));
    o.view.assets = std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets";
    o.view.detail = geo::Detail::Coarse110m;
    o.story = bundled_story();
    return o;
}

RenderedMap render(const ExportOptions& o) {
    auto rendered = render_map(o);
    if (auto* error = std::get_if<std::string>(&rendered)) FAIL(*error);
    return std::move(std::get<RenderedMap>(rendered));
}

std::string read_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// PNG chunks by type, in file order: the test reads what a PNG reader would, not what GDAL makes of it.
std::vector<std::pair<std::string, std::string>> png_chunks(const std::filesystem::path& file) {
    const std::string bytes = read_bytes(file);
    std::vector<std::pair<std::string, std::string>> chunks;
    auto be32 = [&](std::size_t at) {
        return (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 24U) |
               (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16U) |
               (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8U) |
               static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
    };
    for (std::size_t at = 8; at + 12 <= bytes.size();) {
        const std::uint32_t length = be32(at);
        chunks.emplace_back(bytes.substr(at + 4, 4), bytes.substr(at + 8, length));
        at += 12 + length;
    }
    return chunks;
}

struct OpenedImage {
    int width = 0, height = 0, bands = 0;
    bool alpha = false;
    std::vector<std::uint8_t> rgba;  // 4 bytes per pixel; 255 where the file has no alpha
    std::string wkt;
    std::array<double, 6> geotransform{};
    bool has_geotransform = false;
    std::string x_resolution;  // TIFF resolution tag (GDAL's PNG driver does not report pHYs)
};

OpenedImage open_with_gdal(const std::filesystem::path& file) {
    geo::register_gdal_drivers();
    geo::GdalDatasetPtr ds(GDALOpen(file.c_str(), GA_ReadOnly));
    REQUIRE(ds);
    OpenedImage image;
    image.width = GDALGetRasterXSize(ds.get());
    image.height = GDALGetRasterYSize(ds.get());
    image.bands = GDALGetRasterCount(ds.get());
    image.alpha = GDALGetRasterColorInterpretation(GDALGetRasterBand(ds.get(), image.bands)) == GCI_AlphaBand;
    image.rgba.assign(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4, 255);
    int bands[] = {1, 2, 3, 4};
    REQUIRE(GDALDatasetRasterIO(ds.get(), GF_Read, 0, 0, image.width, image.height, image.rgba.data(), image.width,
                                image.height, GDT_Byte, image.bands, bands, 4, static_cast<GSpacing>(image.width) * 4,
                                1) == CE_None);
    const char* wkt = GDALGetProjectionRef(ds.get());
    image.wkt = wkt ? wkt : "";
    image.has_geotransform = GDALGetGeoTransform(ds.get(), image.geotransform.data()) == CE_None;
    const char* resolution = GDALGetMetadataItem(ds.get(), "TIFFTAG_XRESOLUTION", nullptr);
    image.x_resolution = resolution ? resolution : "";
    return image;
}

bool same_crs(const std::string& a, const std::string& b) {
    OGRSpatialReferenceH sa = OSRNewSpatialReference(a.c_str());
    OGRSpatialReferenceH sb = OSRNewSpatialReference(b.c_str());
    const bool same = sa && sb && OSRIsSame(sa, sb);
    OSRDestroySpatialReference(sa);
    OSRDestroySpatialReference(sb);
    return same;
}

const std::uint8_t* pixel(const OpenedImage& image, double x, double y) {
    const auto px = static_cast<std::size_t>(std::clamp(static_cast<int>(x), 0, image.width - 1));
    const auto py = static_cast<std::size_t>(std::clamp(static_cast<int>(y), 0, image.height - 1));
    return image.rgba.data() + 4 * (py * static_cast<std::size_t>(image.width) + px);
}

// The marker of a place, found through the file's own geotransform and CRS: dark where the land around is light.
void check_marker_at(const OpenedImage& image, geo::LonLat place) {
    auto projection = geo::Projection::create(std::get<geo::ProjectionSpec>(geo::parse_projection("ortho", {110, 45})));
    const auto xy = std::get<geo::Projection>(projection).forward(place);
    REQUIRE(xy);
    const auto& gt = image.geotransform;
    const double px = (xy->x - gt[0]) / gt[1], py = (xy->y - gt[3]) / gt[5];
    INFO("pixel " << px << "," << py);
    const std::uint8_t* centre = pixel(image, px, py);
    CHECK(centre[0] + centre[1] + centre[2] < 3 * 90);  // kMarkerFill is (36, 52, 71)
    CHECK(centre[3] == 255);
}

}  // namespace

TEST_CASE("GDAL opens every still with its size, bands, alpha, CRS and geotransform", "[export][stills]") {
    TempDir dir;
    const std::string common = " --size 640x400 -p ortho -c 110,45 --detail 110m";
    struct Case {
        std::string file, extra;
        int bands;
        bool georeferenced;
    };
    const Case cases[] = {{"opaque.png", "", 3, false},
                          {"clear.png", "--transparent", 4, false},
                          {"placed.png", "--world-file", 3, true},
                          {"opaque.tif", "", 3, true},
                          {"clear.tif", "--transparent", 4, true}};
    auto projection = geo::Projection::create(std::get<geo::ProjectionSpec>(geo::parse_projection("ortho", {110, 45})));
    const std::string expected_wkt = std::get<geo::Projection>(projection).wkt();
    const geo::LonLat pyongyang{125.75, 39.03};
    for (const Case& c : cases) {
        INFO(c.file << " " << c.extra);
        const auto result = run_diplomap("export --out " + (dir / c.file).string() + " " + c.extra + common);
        REQUIRE(result.exit_code == 0);
        const OpenedImage image = open_with_gdal(dir / c.file);
        CHECK(image.width == 640);
        CHECK(image.height == 400);
        CHECK(image.bands == c.bands);
        CHECK(image.alpha == (c.bands == 4));
        if (c.bands == 4) {
            CHECK(pixel(image, 1, 1)[3] == 0);  // no background
            // Nor ocean: the space round the globe is 55% of the image, the oceans on it a good part of the rest.
            std::size_t clear = 0;
            for (std::size_t i = 3; i < image.rgba.size(); i += 4) clear += image.rgba[i] == 0 ? 1 : 0;
            CHECK(static_cast<double>(clear) > 0.65 * 640 * 400);
        }
        if (c.georeferenced) {
            CHECK(same_crs(image.wkt, expected_wkt));
            REQUIRE(image.has_geotransform);
            check_marker_at(image, pyongyang);
        }
    }
    // 96 dpi per screen pixel; the scale at 640x400 is 1.
    CHECK(open_with_gdal(dir / "opaque.tif").x_resolution == "96");
    CHECK(std::filesystem::exists(dir / "placed.pgw"));
    CHECK(std::filesystem::exists(dir / "placed.png.aux.xml"));
    CHECK_FALSE(std::filesystem::exists(dir / "opaque.png.aux.xml"));
}

TEST_CASE("a tiled export equals the untiled one, without seams", "[export][stills]") {
    ExportOptions o = story_options(900, 560);
    o.scale = 1.5;
    const RenderedMap whole = render(o);
    // Tiles of at most 256 pixels a side: 4 across, 3 down, cut through markers, labels, arcs and the coast.
    o.max_tile_side = 256;
    auto created = HeadlessMap::create(o);
    REQUIRE(std::holds_alternative<std::unique_ptr<HeadlessMap>>(created));
    HeadlessMap& map = *std::get<std::unique_ptr<HeadlessMap>>(created);
    std::vector<std::uint8_t> tiled(whole.image.pixels.size());
    REQUIRE_FALSE(map.render_into(o.seconds, tiled));
    CHECK(map.tiles() == std::pair{4, 3});

    // Tolerance: tiles draw the same pixels (measured: identical but for a handful of channels one level apart).
    // Allowed: a mean difference below 0.05 levels a channel, at most 0.01% of channels off by more than 24.
    std::size_t far = 0;
    double total = 0;
    std::vector<double> row_error(static_cast<std::size_t>(o.height), 0.0);
    for (std::size_t i = 0; i < tiled.size(); ++i) {
        const int d = std::abs(static_cast<int>(tiled[i]) - static_cast<int>(whole.image.pixels[i]));
        far += d > 24 ? 1 : 0;
        total += d;
        row_error[i / (static_cast<std::size_t>(o.width) * 4)] += d;
    }
    INFO("channels off by more than 24: " << far << ", mean difference " << total / static_cast<double>(tiled.size()));
    CHECK(far * 10000 <= tiled.size());
    CHECK(total / static_cast<double>(tiled.size()) < 0.05);
    // No seam: the rows on either side of a cut differ from the untiled image by less than 0.25 levels a channel.
    for (const int cut : {255, 256, 511, 512}) {
        INFO("row " << cut << " error " << row_error[static_cast<std::size_t>(cut)]);
        CHECK(row_error[static_cast<std::size_t>(cut)] < 0.25 * o.width * 4);
    }
}

TEST_CASE("markers and text follow the scale and stay in place when supersampled", "[export][stills]") {
    ExportOptions o = story_options(800, 500);
    o.scale = 1.0;
    const RenderedMap one = render(o);
    o.scale = 2.0;
    const RenderedMap two = render(o);
    o.supersample = 2;
    const RenderedMap smooth = render(o);
    REQUIRE(one.markers.size() == two.markers.size());
    REQUIRE(two.markers.size() == smooth.markers.size());
    REQUIRE_FALSE(one.markers.empty());
    for (std::size_t i = 0; i < one.markers.size(); ++i) {
        CHECK(two.markers[i].radius == Approx(2 * one.markers[i].radius));
        CHECK(smooth.markers[i].radius == Approx(two.markers[i].radius));
        CHECK(smooth.markers[i].x == Approx(two.markers[i].x).margin(0.01));
    }
    // Default scale: a 3840x2160 image is drawn as a 1920x1080 screen would be, twice as large.
    ExportOptions uhd = story_options(3840, 2160);
    CHECK(export_scale(uhd) == 2.0);
    CHECK(export_scale(story_options(640, 480)) == 1.0);
    // Supersampled edges are smoother: more distinct colours along them than drawn at once, same picture overall.
    double diff = 0;
    for (std::size_t i = 0; i < two.image.pixels.size(); ++i)
        diff += std::abs(static_cast<int>(two.image.pixels[i]) - static_cast<int>(smooth.image.pixels[i]));
    CHECK(diff / static_cast<double>(two.image.pixels.size()) < 6.0);
    CHECK(two.image.pixels != smooth.image.pixels);
}

TEST_CASE("PNG files carry their text, resolution and the view that drew them", "[export][stills]") {
    TempDir dir;
    ExportOptions o = story_options(320, 200);
    o.out = dir / "map.png";
    o.dpi = 300;
    o.seconds = 4.5;
    o.as_of = std::chrono::year_month_day{std::chrono::year{2023}, std::chrono::month{9}, std::chrono::day{12}};
    o.story_file = "stories/kim/story.json";
    std::ostringstream err;
    REQUIRE(run_export(o, err) == 0);
    std::map<std::string, std::string> text;
    std::string itxt_keys;
    bool phys = false;
    for (const auto& [type, data] : png_chunks(o.out)) {
        if (type == "tEXt") {
            const auto nul = data.find('\0');
            text[data.substr(0, nul)] = data.substr(nul + 1);
        } else if (type == "iTXt") {
            itxt_keys += data.substr(0, data.find('\0')) + " ";
        } else if (type == "pHYs") {
            REQUIRE(data.size() == 9);
            const auto per_metre = (static_cast<std::uint32_t>(static_cast<unsigned char>(data[0])) << 24U) |
                                   (static_cast<std::uint32_t>(static_cast<unsigned char>(data[1])) << 16U) |
                                   (static_cast<std::uint32_t>(static_cast<unsigned char>(data[2])) << 8U) |
                                   static_cast<std::uint32_t>(static_cast<unsigned char>(data[3]));
            CHECK(per_metre == 11811);  // 300 dpi
            CHECK(data[8] == 1);        // metres
            phys = true;
        }
    }
    CHECK(phys);
    CHECK_THAT(text["Software"], Catch::StartsWith("diplomap "));
    CHECK_THAT(text["Source"], Catch::Contains("Natural Earth"));
    // The German title has umlauts (Latin-1: tEXt); none of this story's text needs iTXt.
    CHECK_THAT(text["Title"], Catch::Contains("Kim Jong Un"));
    CHECK(itxt_keys.empty());
    const auto key = nlohmann::json::parse(text["diplomap"]);
    CHECK(key["projection"] == "ortho");
    CHECK(key["center"][0] == 110.0);
    CHECK(key["time"] == 4.5);
    CHECK(key["date"] == "2023-09-12");
    CHECK(key["story"] == "stories/kim/story.json");

    // Text outside Latin-1 goes into iTXt, as UTF-8.
    geo::Story story = bundled_story();
    story.meta.title.by_language["de"] = "Ким в поезде";
    o.story = story;
    o.force = true;
    REQUIRE(run_export(o, err) == 0);
    itxt_keys.clear();
    for (const auto& [type, data] : png_chunks(o.out))
        if (type == "iTXt") itxt_keys += data.substr(0, data.find('\0')) + " ";
    CHECK(itxt_keys == "Title ");
}

TEST_CASE("an existing file is replaced only with --force, and never left broken", "[export][stills]") {
    TempDir dir;
    const auto out = dir / "map.png";
    const std::string old_bytes = "not really a PNG, but someone's file";
    { std::ofstream(out, std::ios::binary) << old_bytes; }
    const std::string args = "export --size 200x120 --detail 110m --out " + out.string();
    const auto refused = run_diplomap(args);
    CHECK(refused.exit_code == 1);
    CHECK_THAT(refused.output, Catch::Contains("exists already; add --force to replace it"));
    CHECK(read_bytes(out) == old_bytes);
    CHECK(diplomap::test::files_in(dir.path()) == 1);

    const auto forced = run_diplomap(args + " --force");
    CHECK(forced.exit_code == 0);
    CHECK(open_with_gdal(out).width == 200);

    // A folder nobody may write in (even root: /proc makes no files).
    const auto unwritable = run_diplomap("export --size 64x64 --detail 110m --out /proc/diplomap-map.png");
    CHECK(unwritable.exit_code == 1);
    CHECK_FALSE(std::filesystem::exists("/proc/diplomap-map.png"));

    // Killed while the rows are being written: the old file stays whole.
    const std::string before = read_bytes(out);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::execl(DIPLOMAP_EXECUTABLE, DIPLOMAP_EXECUTABLE, "export", "--size", "8000x8000", "--detail", "110m",
                "--force", "--out", out.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Writing has begun when the child holds a file in the folder that has bytes in it (named or not: PNGs are
    // written into a file without a name, which /proc still shows).
    bool writing = false;
    const std::string fds = "/proc/" + std::to_string(child) + "/fd";
    for (int i = 0; i < 1000 && !writing; ++i) {
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(fds, ec)) {
            const auto target = std::filesystem::read_symlink(entry.path(), ec).string();
            if (!ec && target.starts_with(dir.path().string()) && std::filesystem::file_size(entry.path(), ec) > 0 &&
                !ec)
                writing = true;
        }
        if (!writing) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(writing);
    CHECK(read_bytes(out) == before);
    // Nothing else: the unfinished image had no name to leave behind (on file systems with O_TMPFILE, as /tmp).
    CHECK(diplomap::test::files_in(dir.path()) == 1);
}

#include "image_compare.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>

#include <algorithm>
#include <cstdlib>
#include <iomanip>
#include <sstream>
#include <string_view>
#include <vector>

#include "geo/map/gdal_handles.hpp"

namespace diplomap::test {
namespace {

constexpr std::uint8_t kRed[4] = {255, 0, 0, 255};
// Differences too small to count still show, so that drift between Mesa versions is visible before it fails.
constexpr std::uint8_t kBelowThreshold[4] = {255, 200, 0, 255};

std::string percent(double share) {
    std::ostringstream out;
    out << std::setprecision(3) << 100.0 * share << '%';
    return out.str();
}

void remove_quietly(const std::filesystem::path& file) {
    std::error_code ec;
    std::filesystem::remove(file, ec);
}

// Expands a paletted band through its colour table, so that PNGs shrunk by an optimiser still read the same.
bool expand_palette(GDALRasterBandH band, const std::vector<std::uint8_t>& index, RgbaImage& image) {
    GDALColorTableH table = GDALGetRasterColorTable(band);
    if (!table) return false;
    const int entries = GDALGetColorEntryCount(table);
    for (std::size_t i = 0; i < index.size(); ++i) {
        GDALColorEntry entry{0, 0, 0, 0};
        if (index[i] < entries) GDALGetColorEntryAsRGB(table, index[i], &entry);
        const short channels[4] = {entry.c1, entry.c2, entry.c3, entry.c4};
        for (std::size_t c = 0; c < 4; ++c) image.pixels[4 * i + c] = static_cast<std::uint8_t>(channels[c]);
    }
    return true;
}

}  // namespace

bool update_requested() {
    const char* value = std::getenv("UPDATE");
    return value && std::string_view(value) == "1";
}

ImageDifference compare_images(const RgbaImage& expected, const RgbaImage& actual, int channel_threshold) {
    ImageDifference result;
    result.same_size = expected.width == actual.width && expected.height == actual.height &&
                       expected.pixels.size() == actual.pixels.size();
    if (!result.same_size) return result;
    result.total = static_cast<std::size_t>(expected.width) * static_cast<std::size_t>(expected.height);
    result.diff = RgbaImage{expected.width, expected.height, std::vector<std::uint8_t>(expected.pixels.size())};
    for (std::size_t i = 0; i < result.total; ++i) {
        const std::uint8_t* e = &expected.pixels[4 * i];
        const std::uint8_t* a = &actual.pixels[4 * i];
        int largest = 0;
        for (std::size_t c = 0; c < 4; ++c) largest = std::max(largest, std::abs(int{e[c]} - int{a[c]}));
        std::uint8_t* d = &result.diff.pixels[4 * i];
        if (largest > channel_threshold) {
            ++result.differing;
            std::copy_n(kRed, 4, d);
        } else if (largest > 0) {
            std::copy_n(kBelowThreshold, 4, d);
        } else {
            // Faded towards white: the map stays recognisable without competing with the marks.
            const int luma = (299 * e[0] + 587 * e[1] + 114 * e[2]) / 1000;
            const auto faded = static_cast<std::uint8_t>(192 + luma / 4);
            d[0] = d[1] = d[2] = faded;
            d[3] = 255;
        }
    }
    return result;
}

std::variant<RgbaImage, std::string> read_png(const std::filesystem::path& file) {
    geo::register_gdal_drivers();
    // Reading must not leave .aux.xml files in the source tree.
    CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO");
    const char* drivers[] = {"PNG", nullptr};
    geo::GdalDatasetPtr ds(GDALOpenEx(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", nullptr);
    if (!ds) return file.string() + ": cannot read as PNG";
    RgbaImage image{GDALGetRasterXSize(ds.get()), GDALGetRasterYSize(ds.get()), {}};
    const int bands = GDALGetRasterCount(ds.get());
    if (bands < 1 || bands > 4) return file.string() + ": unexpected band count " + std::to_string(bands);
    const std::size_t count = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
    image.pixels.assign(4 * count, 255);
    std::vector<std::vector<std::uint8_t>> planes(static_cast<std::size_t>(bands), std::vector<std::uint8_t>(count));
    for (int b = 0; b < bands; ++b)
        if (GDALRasterIO(GDALGetRasterBand(ds.get(), b + 1), GF_Read, 0, 0, image.width, image.height,
                         planes[static_cast<std::size_t>(b)].data(), image.width, image.height, GDT_Byte, 0,
                         0) != CE_None)
            return file.string() + ": cannot read band " + std::to_string(b + 1);
    GDALRasterBandH first = GDALGetRasterBand(ds.get(), 1);
    if (GDALGetRasterColorInterpretation(first) == GCI_PaletteIndex) {
        if (bands != 1 || !expand_palette(first, planes[0], image)) return file.string() + ": unsupported palette";
        return image;
    }
    // Grey (+ alpha) fills R, G and B from one band; RGB (+ alpha) maps one to one.
    const bool grey = bands <= 2;
    const bool alpha = bands == 2 || bands == 4;
    for (std::size_t i = 0; i < count; ++i) {
        std::uint8_t* p = &image.pixels[4 * i];
        p[0] = planes[0][i];
        p[1] = grey ? p[0] : planes[1][i];
        p[2] = grey ? p[0] : planes[2][i];
        if (alpha) p[3] = planes.back()[i];
    }
    return image;
}

// Expected images live in the repository: RGB where every pixel is opaque, and the strongest compression, keep
// them about a tenth smaller than the RGBA PNGs that exports write for speed.
std::optional<std::string> write_png(const std::filesystem::path& file, const RgbaImage& image) {
    geo::register_gdal_drivers();
    const std::size_t count = image.pixels.size() / 4;
    bool opaque = true;
    for (std::size_t i = 0; i < count && opaque; ++i) opaque = image.pixels[4 * i + 3] == 255;
    const int bands = opaque ? 3 : 4;
    geo::GdalDatasetPtr mem(
        GDALCreate(GDALGetDriverByName("MEM"), "", image.width, image.height, bands, GDT_Byte, nullptr));
    int band_map[] = {1, 2, 3, 4};
    if (!mem || GDALDatasetRasterIO(mem.get(), GF_Write, 0, 0, image.width, image.height,
                                    const_cast<std::uint8_t*>(image.pixels.data()), image.width, image.height, GDT_Byte,
                                    bands, band_map, 4, static_cast<GSpacing>(image.width) * 4, 1) != CE_None)
        return file.string() + ": cannot prepare the image";

    // Written beside the target and renamed, so that an interrupted UPDATE=1 never leaves half an expectation.
    const std::filesystem::path temp = file.parent_path() / ("." + file.filename().string() + ".tmp.png");
    CPLErrorReset();
    CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO");
    const char* options[] = {"ZLEVEL=9", nullptr};
    geo::GdalDatasetPtr out(GDALCreateCopy(GDALGetDriverByName("PNG"), temp.c_str(), mem.get(), FALSE,
                                           const_cast<char**>(options), nullptr, nullptr));
    const bool written = out != nullptr;
    out.reset();
    CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", nullptr);
    std::error_code ec;
    if (written && CPLGetLastErrorType() < CE_Failure) std::filesystem::rename(temp, file, ec);
    if (!written || CPLGetLastErrorType() >= CE_Failure || ec) {
        const char* message = CPLGetLastErrorMsg();
        remove_quietly(temp);
        return file.string() + ": cannot write (" + (ec ? ec.message() : std::string(message ? message : "")) + ")";
    }
    return std::nullopt;
}

ExpectedImageResult check_expected_image(const std::filesystem::path& case_dir, const RgbaImage& actual,
                                         const ImageTolerance& tolerance, bool update) {
    const std::filesystem::path expected_file = case_dir / "expected.png";
    const std::filesystem::path actual_file = case_dir / "actual.png";
    const std::filesystem::path diff_file = case_dir / "diff.png";
    // Left over from an earlier failure they would describe a render that no longer exists.
    remove_quietly(actual_file);
    remove_quietly(diff_file);

    if (update) {
        std::error_code ec;
        std::filesystem::create_directories(case_dir, ec);
        if (auto error = write_png(expected_file, actual)) return {false, *error};
        return {true, "UPDATE=1: wrote " + expected_file.string() + " (look at it before committing)"};
    }
    if (!std::filesystem::exists(expected_file))
        return {false,
                expected_file.string() + " is missing: run the test with UPDATE=1 to create it, then look at it"};

    auto expected = read_png(expected_file);
    if (auto* error = std::get_if<std::string>(&expected)) return {false, *error};
    const RgbaImage& want = std::get<RgbaImage>(expected);
    const ImageDifference difference = compare_images(want, actual, tolerance.channel_threshold);
    if (difference.within(tolerance)) return {true, {}};

    std::string message;
    if (!difference.same_size) {
        message = case_dir.filename().string() + ": rendered " + std::to_string(actual.width) + "x" +
                  std::to_string(actual.height) + " but expected.png is " + std::to_string(want.width) + "x" +
                  std::to_string(want.height);
    } else {
        message = case_dir.filename().string() + ": " + percent(difference.share()) + " of pixels (" +
                  std::to_string(difference.differing) + ") differ by more than " +
                  std::to_string(tolerance.channel_threshold) + " counts; at most " +
                  percent(tolerance.max_differing_share) + " may";
    }
    if (auto error = write_png(actual_file, actual)) return {false, message + "; and " + *error};
    message += "; wrote " + actual_file.string();
    if (difference.same_size) {
        if (auto error = write_png(diff_file, difference.diff)) return {false, message + "; and " + *error};
        message += " and " + diff_file.string() + " (red: differing pixels)";
    }
    return {false, message};
}

}  // namespace diplomap::test

#include "geo/map/image_file.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "geo/map/gdal_handles.hpp"

namespace geo {
namespace {

std::string lower_extension(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

std::filesystem::path temporary_beside(const std::filesystem::path& file) {
    // Same folder (so the rename is atomic), hidden, unique per process, same extension (GDAL picks by it).
    return file.parent_path() /
           ("." + file.stem().string() + ".tmp-" + std::to_string(::getpid()) + file.extension().string());
}

std::filesystem::path aux_of(const std::filesystem::path& file) { return file.string() + ".aux.xml"; }

void remove_quietly(const std::filesystem::path& file) {
    std::error_code ec;
    std::filesystem::remove(file, ec);
}

std::string gdal_error(const std::string& fallback) {
    const char* msg = CPLGetLastErrorMsg();
    return (msg && *msg) ? std::string(msg) : fallback;
}

// libpng says "Write Error" and libtiff reports its last internal error when the system refuses a write; the
// system's reason is what a user can act on. Called with the partial file still on disk.
std::string write_failure_cause(const std::filesystem::path& partial, const std::string& gdal_said) {
    std::error_code ec;
    const auto written = std::filesystem::file_size(partial, ec);
    if (ec) return gdal_said;  // not even created: the file system refused it, and GDAL's message says so
    rlimit limit{};
    if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && written >= limit.rlim_cur)
        return std::strerror(EFBIG);
    struct statvfs disk {};
    if (::statvfs(partial.parent_path().empty() ? "." : partial.parent_path().c_str(), &disk) == 0 &&
        disk.f_bavail == 0)
        return std::strerror(ENOSPC);
    return gdal_said;
}

// Wraps the caller's pixels in a MEM dataset without copying them.
GdalDatasetPtr memory_dataset(int width, int height, std::span<const std::uint8_t> rgba) {
    GDALDriverH mem = GDALGetDriverByName("MEM");
    GdalDatasetPtr ds(GDALCreate(mem, "", width, height, 0, GDT_Byte, nullptr));
    if (!ds) return ds;
    for (int band = 0; band < 4; ++band) {
        char pointer[64];
        std::snprintf(pointer, sizeof pointer, "DATAPOINTER=%p", static_cast<const void*>(rgba.data() + band));
        const std::string line = "LINEOFFSET=" + std::to_string(static_cast<long long>(width) * 4);
        const char* all[] = {pointer, "PIXELOFFSET=4", line.c_str(), nullptr};
        if (GDALAddBand(ds.get(), GDT_Byte, const_cast<char**>(all)) != CE_None) return GdalDatasetPtr();
    }
    const GDALColorInterp interp[] = {GCI_RedBand, GCI_GreenBand, GCI_BlueBand, GCI_AlphaBand};
    for (int band = 0; band < 4; ++band)
        GDALSetRasterColorInterpretation(GDALGetRasterBand(ds.get(), band + 1), interp[band]);
    return ds;
}

}  // namespace

std::optional<ImageFormat> image_format_for(const std::filesystem::path& file) {
    const std::string ext = lower_extension(file);
    if (ext == ".png") return ImageFormat::Png;
    if (ext == ".tif" || ext == ".tiff") return ImageFormat::GeoTiff;
    return std::nullopt;
}

std::optional<std::string> check_writable(const std::filesystem::path& file) {
    const std::filesystem::path folder = file.parent_path().empty() ? "." : file.parent_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        // The nearest part of the path that is there says what is wrong: a file where a folder should be.
        for (std::filesystem::path part = folder; !part.empty() && part != part.parent_path();
             part = part.parent_path())
            if (std::filesystem::exists(part, ec) && !std::filesystem::is_directory(part, ec))
                return file.string() + ": '" + part.string() + "' is a file, not a folder";
        return file.string() + ": folder '" + folder.string() + "' does not exist";
    }
    if (std::filesystem::is_directory(file, ec)) return file.string() + ": is a folder";
    if (::access(folder.c_str(), W_OK) != 0)
        return file.string() + ": cannot write in '" + folder.string() + "' (" + std::strerror(errno) + ")";
    if (std::filesystem::exists(file, ec) && ::access(file.c_str(), W_OK) != 0)
        return file.string() + ": file is not writable (" + std::strerror(errno) + ")";
    return std::nullopt;
}

std::optional<std::string> write_rgba_image(const std::filesystem::path& file, int width, int height,
                                            std::span<const std::uint8_t> rgba,
                                            const std::optional<Georeference>& georeference) {
    register_gdal_drivers();
    const auto format = image_format_for(file);
    if (!format) return file.string() + ": unknown image format (use .png, .tif or .tiff)";
    if (rgba.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4)
        return file.string() + ": internal error: pixel buffer does not match the image size";
    if (auto error = check_writable(file)) return error;

    const std::filesystem::path temp = temporary_beside(file);
    GdalDatasetPtr source = memory_dataset(width, height, rgba);
    if (!source) return file.string() + ": cannot prepare the image: " + gdal_error("MEM driver failed");

    CPLErrorReset();
    bool ok = false;
    if (*format == ImageFormat::Png) {
        // PNG carries no georeference, so no .aux.xml should appear beside it.
        CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO");
        const char* options[] = {"ZLEVEL=3", nullptr};
        GdalDatasetPtr out(GDALCreateCopy(GDALGetDriverByName("PNG"), temp.c_str(), source.get(), FALSE,
                                          const_cast<char**>(options), nullptr, nullptr));
        CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", nullptr);
        ok = out != nullptr;
        if (ok) GDALFlushCache(out.get());
        out.reset();
        ok = ok && CPLGetLastErrorType() < CE_Failure;
    } else {
        const char* options[] = {"COMPRESS=DEFLATE", "ZLEVEL=3", "PHOTOMETRIC=RGB", "ALPHA=YES", nullptr};
        GdalDatasetPtr out(GDALCreate(GDALGetDriverByName("GTiff"), temp.c_str(), width, height, 4, GDT_Byte,
                                      const_cast<char**>(options)));
        ok = out != nullptr;
        if (ok && georeference) {
            std::array<double, 6> gt = georeference->geotransform;
            ok = GDALSetGeoTransform(out.get(), gt.data()) == CE_None &&
                 GDALSetProjection(out.get(), georeference->crs_wkt.c_str()) == CE_None;
        }
        if (ok) {
            int bands[] = {1, 2, 3, 4};
            ok = GDALDatasetRasterIO(out.get(), GF_Write, 0, 0, width, height, const_cast<std::uint8_t*>(rgba.data()),
                                     width, height, GDT_Byte, 4, bands, 4, static_cast<GSpacing>(width) * 4,
                                     1) == CE_None;
        }
        if (ok) GDALFlushCache(out.get());
        out.reset();
        ok = ok && CPLGetLastErrorType() < CE_Failure;
    }
    if (!ok) {
        const std::string error = write_failure_cause(temp, gdal_error("GDAL could not write the file"));
        remove_quietly(temp);
        remove_quietly(aux_of(temp));
        return file.string() + ": " + error;
    }
    std::error_code ec;
    // A georeference GeoTIFF keys cannot hold goes to .aux.xml; it must travel with the image, and a stale one
    // from an earlier export must not describe the new image.
    if (std::filesystem::exists(aux_of(temp), ec)) {
        std::filesystem::rename(aux_of(temp), aux_of(file), ec);
    } else {
        remove_quietly(aux_of(file));
    }
    if (!ec) std::filesystem::rename(temp, file, ec);
    if (ec) {
        remove_quietly(temp);
        remove_quietly(aux_of(temp));
        return file.string() + ": cannot move the finished image into place (" + ec.message() + ")";
    }
    return std::nullopt;
}

}  // namespace geo

#pragma once
// Owners for GDAL's C handles, and the one place that registers the drivers the program uses.
#include <gdal.h>
#include <ogr_api.h>

#include <memory>

namespace geo {

struct GdalDatasetCloser {
    void operator()(void* ds) const { GDALClose(static_cast<GDALDatasetH>(ds)); }
};
using GdalDatasetPtr = std::unique_ptr<void, GdalDatasetCloser>;

struct OgrFeatureDestroyer {
    void operator()(void* f) const { OGR_F_Destroy(static_cast<OGRFeatureH>(f)); }
};
using OgrFeaturePtr = std::unique_ptr<void, OgrFeatureDestroyer>;

// Registers FlatGeobuf, MEM, PNG and GTiff only: GDALAllRegister() costs tens of milliseconds at start-up, a large
// share of an export's time budget. Safe to call from any thread, any number of times.
void register_gdal_drivers();

}  // namespace geo

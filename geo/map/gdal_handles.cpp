#include "geo/map/gdal_handles.hpp"

#include <cpl_error.h>
#include <gdal_frmts.h>
#include <ogrsf_frmts.h>

#include <mutex>

namespace geo {

void register_gdal_drivers() {
    static std::once_flag once;
    std::call_once(once, [] {
        // GDAL would print "ERROR 1: ..." lines of its own; every failure is reported once, by the caller, from
        // CPLGetLastErrorMsg() and the system's reason.
        CPLSetErrorHandler(CPLQuietErrorHandler);
        RegisterOGRFlatGeobuf();
        GDALRegister_MEM();
        GDALRegister_PNG();
        GDALRegister_GTiff();
    });
}

}  // namespace geo

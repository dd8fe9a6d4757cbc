#include "geo/gdal_handles.hpp"

#include <gdal_frmts.h>
#include <ogrsf_frmts.h>

#include <mutex>

namespace geo {

void register_gdal_drivers() {
    static std::once_flag once;
    std::call_once(once, [] {
        RegisterOGRFlatGeobuf();
        GDALRegister_MEM();
        GDALRegister_PNG();
        GDALRegister_GTiff();
    });
}

}  // namespace geo

#pragma once
// How input moves the view. Flat maps move the camera; the globe turns under the cursor instead, by moving the
// projection's centre. No GL or SDL here, so tests can drive it.
#include "app/render/camera.hpp"
#include "geo/map/projection.hpp"

namespace diplomap {

struct ViewState {
    geo::ProjectionSpec spec;
    Camera camera;
};

using geo::turns_globe;

// Drag by (dx, dy) window pixels (framebuffer pixels, y down).
void drag_view(ViewState& view, double dx, double dy);

// The smallest cap round the projection centre that covers everything the camera sees, in degrees (180: all).
double visible_cap_radius_deg(const ViewState& view);

}  // namespace diplomap

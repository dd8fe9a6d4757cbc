#pragma once
// Camera flights between two views along the zoom-and-pan path of van Wijk and Nuij ("Smooth and efficient zooming
// and panning", InfoVis 2003): the view pulls back while it travels far and closes in again, so the reader keeps
// seeing where it goes, and the path is the shortest in their metric for the given rho. Plain math in projected
// metres (flat maps) or on the sphere (the globe turns: the pan is the great-circle angle between the centres).
#include "geo/map/view_fit.hpp"

namespace geo {

struct FlightParameters {
    double rho = 1.4;  // how much the path trades zooming out for panning (van Wijk-Nuij's rho; sqrt(2) is theirs)
    double speed = 0;  // V: path length per second in their metric; 0 takes kFlightSpeed
    double min_seconds = 0.6, max_seconds = 3.0;
};

// V in duration = clamp(S / V, 0.6 s, 3 s). S has no unit (van Wijk-Nuij measure it in the logarithm of view
// widths): zooming by a factor 2 in place is ln 2 / rho = 0.50, by 8 is 1.49; panning at one scale is
// 2 asinh(rho^2 u / 2w) / rho, 1.24 for one view width and 2.57 for three. At V = 1.1 per second a zoom by 8 takes
// 1.35 s; the clamp keeps tiny moves visible and flights across the world short enough to hold a room.
inline constexpr double kFlightSpeed = 1.1;

class ViewFlight {
public:
    // `width_px` is the width of the view the flight is seen in (the free area's width in pixels), which turns
    // scales into view widths in metres. `on_globe`: the centre moves along the great circle from `from.center` to
    // `to.center` and the pan counts as that arc's length on the sphere; otherwise the camera centre moves in a
    // straight line in projected metres and `center` stays `to.center`.
    ViewFlight(const ViewPose& from, const ViewPose& to, double width_px, bool on_globe,
               const FlightParameters& parameters = {});

    [[nodiscard]] double path_length() const { return path_length_; }  // S, in van Wijk-Nuij's units
    [[nodiscard]] double duration_seconds() const { return duration_; }
    // The view `seconds` after the start; exactly `from` at 0 and exactly `to` at and after duration_seconds().
    [[nodiscard]] ViewPose at(double seconds) const;
    // The share of the pan covered at `seconds` (0..1), e.g. to cross-fade between projections at its middle.
    [[nodiscard]] double pan_fraction(double seconds) const;
    [[nodiscard]] const ViewPose& from() const { return from_; }
    [[nodiscard]] const ViewPose& to() const { return to_; }

private:
    ViewPose from_, to_;
    bool on_globe_ = false;
    double width_px_ = 1;
    double rho_ = 1.4;
    double u1_ = 0;           // pan distance in metres
    double w0_ = 1, w1_ = 1;  // view widths in metres
    double r0_ = 0;
    double path_length_ = 0;
    double duration_ = 0;
};

}  // namespace geo

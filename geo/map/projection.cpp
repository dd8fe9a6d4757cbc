#include "geo/map/projection.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <thread>

namespace geo {
namespace {

constexpr std::array<std::string_view, 6> kNames{"ortho", "eqearth", "laea", "aeqd", "webmerc", "natearth"};

struct Alias {
    std::string_view alias, name;
};
constexpr std::array<Alias, 12> kAliases{{{"globe", "ortho"},
                                          {"orthographic", "ortho"},
                                          {"equal-earth", "eqearth"},
                                          {"equalearth", "eqearth"},
                                          {"lambert", "laea"},
                                          {"azimuthal-equal-area", "laea"},
                                          {"azimuthal-equidistant", "aeqd"},
                                          {"mercator", "webmerc"},
                                          {"web-mercator", "webmerc"},
                                          {"webmercator", "webmerc"},
                                          {"natural-earth", "natearth"},
                                          {"naturalearth", "natearth"}}};

// Web Mercator's square world: the latitude whose Mercator y equals pi.
constexpr double kWebMercatorMaxLat = 85.0511287798066;
// laea and aeqd show the whole world; the antipode itself is a circle, so stop just short of it.
constexpr double kAzimuthalWorldRadius = 179.5;

// The shortest text that reads back as exactly `v`: PROJ must see the very centre the clipper uses, or points on
// the clipped horizon land a hair beyond PROJ's own and fail to project (the globe's disk then loses a slice).
std::string format_number(double v) {
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, v);
    return error == std::errc() ? std::string(buffer, end) : std::string("nan");
}

std::string sphere() { return " +R=" + format_number(kEarthRadiusMetres); }

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::optional<double> proj_parameter(std::string_view definition, std::string_view key) {
    const std::string needle = "+" + std::string(key) + "=";
    const auto at = definition.find(needle);
    if (at == std::string_view::npos) return std::nullopt;
    const std::string value(definition.substr(at + needle.size()));
    char* end = nullptr;
    const double v = std::strtod(value.c_str(), &end);
    if (end == value.c_str()) return std::nullopt;
    return v;
}

std::optional<std::string> proj_name(std::string_view definition) {
    const auto at = definition.find("+proj=");
    if (at == std::string_view::npos) return std::nullopt;
    const auto rest = definition.substr(at + 6);
    return std::string(rest.substr(0, rest.find(' ')));
}

ProjWithContext make_worker(const std::string& definition, std::string* error) {
    ProjWithContext w{ProjContextPtr(proj_context_create()), nullptr};
    proj_log_level(w.context.get(), PJ_LOG_NONE);
    // Errors come back through proj_context_errno. PROJ 9.1 hands some debug lines to the logger whatever the level
    // ("Cannot find proj.db" below), so the worker's logger is a silent one.
    proj_log_func(w.context.get(), nullptr, [](void*, int, const char*) {});
    // A worker runs a PROJ string, never a code: it needs no CRS database. PROJ opens proj.db anyway, to write the
    // string back out (sqlite parsing proj.db's schema: a tenth of a still export's time, docs/PERFORMANCE.md),
    // unless it finds no proj.db where it looks. A search path under /dev/null holds no file at all. Strings that
    // name a code (+init=) or a grid file (+nadgrids=, +geoidgrids=) keep PROJ's own search paths.
    if (definition.find("init=") == std::string::npos && definition.find("grids=") == std::string::npos) {
        const char* nowhere[] = {"/dev/null/proj"};
        proj_context_set_search_paths(w.context.get(), 1, nowhere);
    }
    w.pj.reset(proj_create(w.context.get(), definition.c_str()));
    if (!w.pj && error) *error = proj_context_errno_string(w.context.get(), proj_context_errno(w.context.get()));
    return w;
}

// The same definition with its central meridian moved to 0 (added if absent).
std::string with_lon_0_zero(std::string definition) {
    const auto at = definition.find("+lon_0=");
    if (at == std::string::npos) return definition + " +lon_0=0";
    const auto end = definition.find(' ', at);
    definition.replace(at, (end == std::string::npos ? definition.size() : end) - at, "+lon_0=0");
    return definition;
}

// The clip domain for a CRS given by the user: a horizon for views round a point, a cut meridian otherwise.
ClipDomain custom_domain(const std::string& definition) {
    const std::string name = proj_name(definition).value_or("");
    const LonLat center{proj_parameter(definition, "lon_0").value_or(0.0),
                        proj_parameter(definition, "lat_0").value_or(0.0)};
    if (name == "ortho" || name == "nsper" || name == "tpers") return ClipDomain::horizon(center, 89.9);
    if (name == "gnom") return ClipDomain::horizon(center, 60.0);
    if (name == "stere" || name == "sterea" || name == "ups") return ClipDomain::horizon(center, 120.0);
    if (name == "laea" || name == "aeqd") return ClipDomain::horizon(center, kAzimuthalWorldRadius);
    const bool cylindrical_to_infinity = name == "merc" || name == "webmerc" || name == "mill" || name == "gall";
    return ClipDomain::cut_meridian(center.lon, cylindrical_to_infinity ? kWebMercatorMaxLat : 90.0);
}

// PROJ often answers a code it does not know with "Unknown error (code 4096)"; say what that means here.
std::string why_proj_refused(PJ_CONTEXT* ctx, const std::string& text) {
    const int code = proj_context_errno(ctx);
    std::string said = proj_context_errno_string(ctx, code);
    if (said.rfind("Unknown error", 0) != 0) return said;
    const auto colon = text.find(':');
    const bool looks_like_code = colon != std::string::npos && colon > 0 && colon + 1 < text.size() &&
                                 text.find_first_not_of("0123456789", colon + 1) == std::string::npos;
    if (looks_like_code) return "PROJ's database has no CRS with that code";
    return "PROJ reads it neither as a CRS nor as a PROJ string";
}

}  // namespace

std::span<const std::string_view> projection_names() { return kNames; }

bool turns_globe(const ProjectionSpec& spec) { return spec.name == "ortho"; }

bool is_world_map(const ProjectionSpec& spec) {
    return spec.name == "eqearth" || spec.name == "webmerc" || spec.name == "natearth";
}

std::variant<ProjectionSpec, std::string> parse_projection(std::string_view text, LonLat center) {
    ProjectionSpec spec;
    spec.center = center;
    const std::string key = lower(text);
    if (key.starts_with("+proj=") || key.find(':') != std::string::npos) {
        spec.name = "custom";
        spec.custom = std::string(text);
        return spec;
    }
    for (std::string_view name : kNames)
        if (key == name) {
            spec.name = std::string(name);
            return spec;
        }
    for (const Alias& a : kAliases)
        if (key == a.alias) {
            spec.name = std::string(a.name);
            return spec;
        }
    std::string valid;
    for (std::string_view name : kNames) valid += (valid.empty() ? "" : ", ") + std::string(name);
    return "unknown projection '" + std::string(text) + "'; valid: " + valid +
           ", a PROJ string (+proj=...) or a projected CRS code (EPSG:3035)";
}

std::variant<Projection, std::string> Projection::create(const ProjectionSpec& spec) {
    Projection p;
    p.spec_ = spec;
    const LonLat c = spec.center;
    if (!std::isfinite(c.lon) || !std::isfinite(c.lat) || c.lat < -90 || c.lat > 90)
        return "centre " + format_number(c.lon) + "," + format_number(c.lat) + " is not a longitude,latitude";
    const std::string lon0 = " +lon_0=" + format_number(c.lon), lat0 = " +lat_0=" + format_number(c.lat);
    if (spec.name == "ortho") {
        p.definition_ = "+proj=ortho" + lat0 + lon0 + sphere();
        p.domain_ = ClipDomain::horizon(c, 90.0);
    } else if (spec.name == "laea" || spec.name == "aeqd") {
        p.definition_ = "+proj=" + spec.name + lat0 + lon0 + sphere();
        p.domain_ = ClipDomain::horizon(c, kAzimuthalWorldRadius);
    } else if (spec.name == "eqearth" || spec.name == "natearth") {
        p.definition_ = "+proj=" + spec.name + lon0 + sphere();
        p.domain_ = ClipDomain::cut_meridian(c.lon);
    } else if (spec.name == "webmerc") {
        p.definition_ = "+proj=merc" + lon0 + sphere();
        p.domain_ = ClipDomain::cut_meridian(c.lon, kWebMercatorMaxLat);
    } else if (spec.name == "custom") {
        // Resolve codes and CRS strings to the projection's PROJ string, so every thread runs the same operation.
        ProjContextPtr ctx(proj_context_create());
        proj_log_level(ctx.get(), PJ_LOG_NONE);
        ProjPtr crs(proj_create(ctx.get(), spec.custom.c_str()));
        if (!crs)
            return "cannot use '" + spec.custom + "' as a projection: " + why_proj_refused(ctx.get(), spec.custom);
        const PJ_TYPE type = proj_get_type(crs.get());
        if (type == PJ_TYPE_PROJECTED_CRS) {
            const char* s = proj_as_proj_string(ctx.get(), crs.get(), PJ_PROJ_5, nullptr);
            if (!s) return "cannot use '" + spec.custom + "': PROJ cannot express it as a PROJ string";
            p.definition_ = s;
            // A CRS string carries +type=crs; as an operation it must go.
            if (const auto at = p.definition_.find(" +type=crs"); at != std::string::npos) p.definition_.erase(at, 10);
        } else if (type == PJ_TYPE_CONVERSION || type == PJ_TYPE_OTHER_COORDINATE_OPERATION) {
            p.definition_ = spec.custom;
        } else {
            return "'" + spec.custom + "' is not a projected CRS";
        }
        p.domain_ = custom_domain(p.definition_);
    } else {
        return std::get<std::string>(parse_projection(spec.name, c));
    }

    std::string internal_definition = p.definition_;
    if (p.domain_.kind == ClipKind::CutMeridian) {
        p.input_lon_offset_ = p.domain_.center.lon;
        internal_definition = with_lon_0_zero(internal_definition);
    }
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1U, 8U);
    for (unsigned i = 0; i < threads; ++i) {
        std::string error;
        ProjWithContext w = make_worker(internal_definition, &error);
        if (!w.pj) return "PROJ rejects '" + p.definition_ + "': " + error;
        if (!proj_angular_input(w.pj.get(), PJ_FWD))
            return "'" + p.definition_ + "' does not take geographic coordinates";
        p.workers_.push_back(std::move(w));
    }

    const LonLatPaths outline = domain_outline(p.domain_);
    std::vector<XY> xy(outline.points.size());
    p.forward(outline.points, xy);
    Bounds b{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
             std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    for (const XY& q : xy) {
        if (!std::isfinite(q.x) || !std::isfinite(q.y)) continue;
        b = {std::min(b.min_x, q.x), std::min(b.min_y, q.y), std::max(b.max_x, q.x), std::max(b.max_y, q.y)};
    }
    if (b.min_x >= b.max_x || b.min_y >= b.max_y) return "'" + p.definition_ + "' projects no part of the world";
    p.world_bounds_ = b;
    return p;
}

std::string Projection::wkt() const {
    // A PROJ string alone becomes a CRS once it says so; its geographic base is then our sphere.
    const std::string crs_definition = definition_ + " +type=crs";
    ProjContextPtr ctx(proj_context_create());
    proj_log_level(ctx.get(), PJ_LOG_NONE);
    ProjPtr crs(proj_create(ctx.get(), spec_.name == "custom" && spec_.custom.find(':') != std::string::npos
                                           ? spec_.custom.c_str()
                                           : crs_definition.c_str()));
    if (!crs) return {};
    const char* options[] = {"MULTILINE=NO", nullptr};
    const char* wkt = proj_as_wkt(ctx.get(), crs.get(), PJ_WKT2_2019, options);
    return wkt ? wkt : "";
}

void Projection::forward(std::span<const LonLat> in, std::span<XY> out) const {
    const std::size_t n = std::min(in.size(), out.size());
    auto work = [&](std::size_t worker, std::size_t begin, std::size_t end) {
        const double offset = input_lon_offset_;
        for (std::size_t i = begin; i < end; ++i) out[i] = {(in[i].lon - offset) * kDegToRad, in[i].lat * kDegToRad};
        PJ* pj = workers_[worker].pj.get();
        proj_trans_generic(pj, PJ_FWD, &out[begin].x, sizeof(XY), end - begin, &out[begin].y, sizeof(XY), end - begin,
                           nullptr, 0, 0, nullptr, 0, 0);
        for (std::size_t i = begin; i < end; ++i)
            if (out[i].x == HUGE_VAL || out[i].y == HUGE_VAL) out[i] = {std::nan(""), std::nan("")};
    };
    // Threads only pay off for real batches; small ones (a cursor, a marker) stay on the caller's thread.
    const std::size_t parts = n < 20000 ? 1 : workers_.size();
    std::vector<std::jthread> threads;
    threads.reserve(parts);
    for (std::size_t t = 1; t < parts; ++t) threads.emplace_back(work, t, n * t / parts, n * (t + 1) / parts);
    work(0, 0, n / parts);
}

void Projection::bare_proj_trans(std::span<XY> data) const {
    const std::size_t n = data.size(), parts = workers_.size();
    auto work = [&](std::size_t worker, std::size_t begin, std::size_t end) {
        proj_trans_generic(workers_[worker].pj.get(), PJ_FWD, &data[begin].x, sizeof(XY), end - begin, &data[begin].y,
                           sizeof(XY), end - begin, nullptr, 0, 0, nullptr, 0, 0);
    };
    std::vector<std::jthread> threads;
    for (std::size_t t = 1; t < parts; ++t) threads.emplace_back(work, t, n * t / parts, n * (t + 1) / parts);
    work(0, 0, n / parts);
}

std::optional<XY> Projection::forward(LonLat p) const {
    XY out;
    forward(std::span<const LonLat>(&p, 1), std::span<XY>(&out, 1));
    if (!std::isfinite(out.x) || !std::isfinite(out.y)) return std::nullopt;
    return out;
}

std::optional<LonLat> Projection::inverse(XY p) const {
    PJ* pj = workers_[0].pj.get();
    if (!proj_angular_output(pj, PJ_INV) && !proj_angular_input(pj, PJ_FWD)) return std::nullopt;
    proj_errno_reset(pj);
    const PJ_COORD c = proj_trans(pj, PJ_INV, proj_coord(p.x, p.y, 0, 0));
    if (proj_errno(pj) != 0 || !std::isfinite(c.lp.lam) || !std::isfinite(c.lp.phi) || c.lp.lam == HUGE_VAL)
        return std::nullopt;
    // pi/2 in radians converts to a hair over 90 degrees: clamp, or the poles would fall outside every domain.
    const LonLat ll{wrap_longitude(c.lp.lam * kRadToDeg + input_lon_offset_),
                    std::clamp(c.lp.phi * kRadToDeg, -90.0, 90.0)};
    if (!domain_contains(domain_, ll)) return std::nullopt;
    // Round trip: points outside the map's outline invert to something that does not project back onto them.
    const auto back = forward(ll);
    const double tolerance = 1e-6 * std::max(world_bounds_.width(), world_bounds_.height());
    if (!back || std::abs(back->x - p.x) > tolerance || std::abs(back->y - p.y) > tolerance) return std::nullopt;
    return ll;
}

}  // namespace geo

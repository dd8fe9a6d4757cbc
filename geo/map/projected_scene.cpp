#include "geo/map/projected_scene.hpp"

#include <thread>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

namespace geo {
namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

class PathPacker {
public:
    explicit PathPacker(ProjectedPaths& out) : out_(out) {}

    void add(float x, float y) {
        out_.xy.push_back(x);
        out_.xy.push_back(y);
        bounds_ = {std::min(bounds_.min_x, x), std::min(bounds_.min_y, y), std::max(bounds_.max_x, x),
                   std::max(bounds_.max_y, y)};
    }
    [[nodiscard]] std::size_t open_vertices() const { return out_.xy.size() / 2 - out_.starts.back(); }
    // Ends the current path; paths too short to draw (a ring under 3 points, a line under 2) are dropped.
    void finish(std::size_t min_vertices) {
        if (open_vertices() < min_vertices) {
            out_.xy.resize(2 * out_.starts.back());
        } else {
            out_.starts.push_back(static_cast<std::uint32_t>(out_.xy.size() / 2));
            out_.bounds.push_back(bounds_);
        }
        bounds_ = kEmpty;
    }

private:
    static constexpr FloatBounds kEmpty{std::numeric_limits<float>::max(), std::numeric_limits<float>::max(),
                                        std::numeric_limits<float>::lowest(), std::numeric_limits<float>::lowest()};
    ProjectedPaths& out_;
    FloatBounds bounds_ = kEmpty;
};

// Points PROJ could not project (NaN) split lines and are dropped from rings.
void pack(const LonLatPaths& clipped, std::span<const XY> xy, bool rings, ProjectedPaths& out) {
    out.xy.reserve(2 * xy.size());
    PathPacker packer(out);
    for (std::size_t p = 0; p < clipped.size(); ++p) {
        for (std::size_t i = clipped.starts[p]; i < clipped.starts[p + 1]; ++i) {
            const XY q = xy[i];
            if (!std::isfinite(q.x) || !std::isfinite(q.y)) {
                if (!rings) packer.finish(2);
                continue;
            }
            packer.add(static_cast<float>(q.x), static_cast<float>(q.y));
            if (!rings && packer.open_vertices() == kMaxLinePieceVertices) {
                packer.finish(2);
                packer.add(static_cast<float>(q.x), static_cast<float>(q.y));  // the next piece starts where this ends
            }
        }
        packer.finish(rings ? 3 : 2);
    }
}

}  // namespace

ProjectedPaths project_paths(const Projection& projection, const LonLatPaths& paths, bool rings,
                             std::span<const BoundingCap> caps) {
    LonLatPaths clipped;
    if (rings)
        clip_rings(paths, projection.domain(), clipped, caps);
    else
        clip_lines(paths, projection.domain(), clipped, caps);
    std::vector<XY> xy(clipped.points.size());
    projection.forward(clipped.points, xy);
    ProjectedPaths out;
    pack(clipped, xy, rings, out);
    return out;
}

ProjectedScene build_scene(const Projection& projection, const Basemap& basemap, const LonLatPaths& graticule,
                           double cull_radius_deg) {
    ProjectedScene scene;
    ClipDomain domain = projection.domain();
    if (domain.kind == ClipKind::Horizon) domain.horizon_deg = std::min(domain.horizon_deg, cull_radius_deg);
    scene.cull_radius_deg = domain.horizon_deg;
    scene.spec = projection.spec();
    scene.detail = basemap.detail;
    scene.world = projection.world_bounds();

    struct Job {
        const LonLatPaths* paths;
        std::span<const BoundingCap> caps;
        bool rings;
        ProjectedPaths* out;
        LonLatPaths clipped;
    };
    LonLatPaths outline = domain_outline(projection.domain());
    Job jobs[] = {{&outline, {}, true, &scene.ocean, {}},
                  {&basemap.land.paths, basemap.land.caps, true, &scene.land, {}},
                  {&basemap.borders.paths, basemap.borders.caps, false, &scene.borders, {}},
                  {&basemap.coast.paths, basemap.coast.caps, false, &scene.coast, {}},
                  {&graticule, {}, false, &scene.graticule, {}}};

    auto t = Clock::now();
    auto clip = [&](Job& job) {
        if (job.paths == &outline) {
            job.clipped = outline;  // the outline is the domain's boundary: nothing to clip
        } else if (job.rings) {
            clip_rings(*job.paths, domain, job.clipped, job.caps);
        } else {
            clip_lines(*job.paths, domain, job.clipped, job.caps);
        }
    };
    // Land holds about half of all vertices: clip it beside the other layers (clipping shares no state).
    std::thread land([&] { clip(jobs[1]); });
    for (Job& job : jobs)
        if (&job != &jobs[1]) clip(job);
    land.join();
    scene.timings.clip_ms = ms_since(t);

    // Layer by layer, freeing each layer's clipped points once packed: at 10m a scene built all at once held
    // about 120 MB at its peak, this way about half of that. PROJ still splits each large layer over its threads.
    std::vector<XY> xy;
    for (Job& job : jobs) {
        t = Clock::now();
        xy.resize(job.clipped.points.size());
        projection.forward(job.clipped.points, xy);
        scene.timings.project_ms += ms_since(t);
        t = Clock::now();
        pack(job.clipped, xy, job.rings, *job.out);
        job.clipped = {};
        scene.timings.pack_ms += ms_since(t);
    }
    return scene;
}

}  // namespace geo

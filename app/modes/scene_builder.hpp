#pragma once
// Builds projected scenes on a worker thread so that the window never freezes: the newest request wins, and the
// frame loop picks up finished scenes without waiting.
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "app/render/basemap_mesh.hpp"
#include "geo/map/basemap.hpp"

namespace diplomap {

struct SceneRequest {
    geo::ProjectionSpec spec;
    geo::Detail detail = geo::Detail::Coarse110m;
    double cull_radius_deg = 180.0;
    // Levels of detail to build (geo::kLevelTolerancesMetres); a moving globe asks only for those it draws now.
    std::size_t finest_level = 0, coarsest_level = geo::kLevelCount - 1;
    bool operator==(const SceneRequest&) const = default;
};

struct SceneResult {
    SceneRequest request;
    // The scene's vertex arrays at the requested levels of detail, ready to upload; the projected scene itself is
    // not kept.
    std::optional<BasemapMesh> mesh;
    std::string error;
    double build_ms = 0;
};

class SceneBuilder {
public:
    explicit SceneBuilder(std::filesystem::path basemap_dir);
    ~SceneBuilder();
    SceneBuilder(const SceneBuilder&) = delete;
    SceneBuilder& operator=(const SceneBuilder&) = delete;

    void request(const SceneRequest& request);
    std::optional<SceneResult> take_finished();
    [[nodiscard]] bool busy() const;

    // Builds synchronously on the caller's thread (start-up: the first frame needs a scene anyway).
    SceneResult build_now(const SceneRequest& request);

private:
    void run();
    SceneResult build(const SceneRequest& request);

    std::filesystem::path basemap_dir_;
    std::map<geo::Detail, geo::Basemap> basemaps_;  // loaded on first use, kept: switching back is instant
    geo::LonLatPaths graticule_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<SceneRequest> pending_;
    std::optional<SceneResult> finished_;
    bool working_ = false;
    bool stop_ = false;
    std::mutex build_mutex_;  // basemaps_ is shared by build_now and the worker
    std::thread worker_;
};

}  // namespace diplomap

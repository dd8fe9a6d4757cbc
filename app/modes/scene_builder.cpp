#include "app/modes/scene_builder.hpp"

#include <chrono>

#include "geo/map/graticule.hpp"

namespace diplomap {

SceneBuilder::SceneBuilder(std::filesystem::path basemap_dir)
    : basemap_dir_(std::move(basemap_dir)), graticule_(geo::make_graticule()) {
    worker_ = std::thread([this] { run(); });
}

SceneBuilder::~SceneBuilder() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void SceneBuilder::request(const SceneRequest& request) {
    {
        std::lock_guard lock(mutex_);
        pending_ = request;
    }
    wake_.notify_all();
}

std::optional<SceneResult> SceneBuilder::take_finished() {
    std::lock_guard lock(mutex_);
    std::optional<SceneResult> out = std::move(finished_);
    finished_.reset();
    return out;
}

bool SceneBuilder::busy() const {
    std::lock_guard lock(mutex_);
    return working_ || pending_.has_value();
}

SceneResult SceneBuilder::build_now(const SceneRequest& request) { return build(request); }

SceneResult SceneBuilder::build(const SceneRequest& request) {
    std::lock_guard build_lock(build_mutex_);
    const auto start = std::chrono::steady_clock::now();
    SceneResult result;
    result.request = request;
    auto it = basemaps_.find(request.detail);
    if (it == basemaps_.end()) {
        auto loaded = geo::load_basemap(basemap_dir_, request.detail);
        if (auto* error = std::get_if<std::string>(&loaded)) {
            result.error = *error;
            return result;
        }
        it = basemaps_.emplace(request.detail, std::move(std::get<geo::Basemap>(loaded))).first;
    }
    auto projection = geo::Projection::create(request.spec);
    if (auto* error = std::get_if<std::string>(&projection)) {
        result.error = *error;
        return result;
    }
    result.mesh = make_basemap_mesh(
        geo::build_scene(std::get<geo::Projection>(projection), it->second, graticule_, request.cull_radius_deg),
        request.finest_level, request.coarsest_level);
    result.build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

void SceneBuilder::run() {
    for (;;) {
        SceneRequest request;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stop_ || pending_.has_value(); });
            if (stop_) return;
            request = *pending_;
            pending_.reset();
            working_ = true;
        }
        SceneResult result = build(request);
        std::lock_guard lock(mutex_);
        working_ = false;
        finished_ = std::move(result);
    }
}

}  // namespace diplomap

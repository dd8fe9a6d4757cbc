#include "app/modes/export_mode.hpp"

#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <thread>

#include "app/modes/headless_map.hpp"

namespace diplomap {
namespace {

std::string day_text(const std::chrono::year_month_day& day) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                  static_cast<unsigned>(day.day()));
    return text;
}

// What a reader of the file (or diplomap itself, later) needs to draw the same map again.
std::vector<std::pair<std::string, std::string>> image_text(const ExportOptions& options, const HeadlessMap& map) {
    std::vector<std::pair<std::string, std::string>> text;
    const std::string title = options.story ? options.story->meta.title.get(options.language) : std::string();
    text.emplace_back("Title", title.empty() ? "diplomap map" : title);
    std::string source = "Natural Earth (public domain)";
    if (options.story && !options.story->meta.source.empty()) source = options.story->meta.source + "; " + source;
    text.emplace_back("Source", source);
    text.emplace_back("Software", std::string("diplomap ") + DIPLOMAP_VERSION);
    const geo::ProjectionSpec& spec = options.view.projection;
    nlohmann::json key;
    key["projection"] = spec.name == "custom" ? spec.custom : spec.name;
    key["center"] = {spec.center.lon, spec.center.lat};
    key["zoom"] = options.view.zoom;
    key["size"] = {options.width, options.height};
    key["scale"] = export_scale(options);
    key["supersample"] = options.supersample;
    key["detail"] = geo::detail_name(map.detail());
    key["time"] = options.seconds ? nlohmann::json(*options.seconds) : nlohmann::json();
    key["date"] = options.as_of ? nlohmann::json(day_text(*options.as_of)) : nlohmann::json();
    key["language"] = options.language;
    key["story"] =
        options.story_file.empty() && options.story ? options.story->source_file.string() : options.story_file;
    text.emplace_back("diplomap", key.dump());
    return text;
}

// Compresses and writes one band of rows while the next is drawn: deflating a band takes about as long as drawing
// it. At most two bands wait, so memory stays bounded whatever the image's size.
class BackgroundWriter {
public:
    explicit BackgroundWriter(geo::ImageWriter& out) : out_(out), thread_([this] { run(); }) {}
    ~BackgroundWriter() { static_cast<void>(finish()); }
    BackgroundWriter(const BackgroundWriter&) = delete;
    BackgroundWriter& operator=(const BackgroundWriter&) = delete;

    // Copies the rows (they are valid only during the call); returns a failure of an earlier band.
    std::optional<std::string> push(const geo::RgbaRows& rows, std::size_t row_bytes) {
        std::vector<std::uint8_t> band;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return queue_.size() < 2 || error_; });
            if (error_) return error_;
            if (!spare_.empty()) {
                band = std::move(spare_.back());
                spare_.pop_back();
            }
        }
        band.resize(row_bytes * static_cast<std::size_t>(rows.count));
        for (int y = 0; y < rows.count; ++y)
            std::memcpy(band.data() + static_cast<std::size_t>(y) * row_bytes, rows.row(y), row_bytes);
        {
            const std::lock_guard lock(mutex_);
            queue_.push_back({std::move(band), rows.count});
        }
        changed_.notify_all();
        return std::nullopt;
    }

    // Waits for every band to be written.
    std::optional<std::string> finish() {
        {
            const std::lock_guard lock(mutex_);
            done_ = true;
        }
        changed_.notify_all();
        if (thread_.joinable()) thread_.join();
        return error_;
    }

private:
    struct Band {
        std::vector<std::uint8_t> pixels;
        int rows = 0;
    };

    void run() {
        for (;;) {
            Band band;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return !queue_.empty() || done_; });
                if (queue_.empty()) return;
                band = std::move(queue_.front());
                queue_.pop_front();
            }
            auto error = error_ ? std::nullopt : out_.write_rows(band.pixels, band.rows);
            {
                const std::lock_guard lock(mutex_);
                if (error) error_ = std::move(error);
                spare_.push_back(std::move(band.pixels));
            }
            changed_.notify_all();
        }
    }

    geo::ImageWriter& out_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Band> queue_;
    std::vector<std::vector<std::uint8_t>> spare_;
    std::optional<std::string> error_;
    bool done_ = false;
    std::thread thread_;  // last: it starts running once everything above is there
};

}  // namespace

std::variant<RenderedMap, std::string> render_map(const ExportOptions& options) {
    auto created = HeadlessMap::create(options);
    if (auto* error = std::get_if<std::string>(&created)) return *error;
    HeadlessMap& map = *std::get<std::unique_ptr<HeadlessMap>>(created);
    RenderedMap result{{options.width, options.height, {}}, map.georeference(), map.detail(), {}, {}};
    result.image.pixels.resize(static_cast<std::size_t>(options.width) * static_cast<std::size_t>(options.height) * 4);
    if (auto error = map.render_into(options.seconds, result.image.pixels)) return *error;
    result.markers = map.markers();
    result.labels = map.labels();
    return result;
}

int run_export(const ExportOptions& options, std::ostream& err) {
    // Before the slow part: a refusal costs nothing.
    if (auto error = geo::check_writable(options.out)) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    std::error_code ec;
    if (!options.force && std::filesystem::exists(options.out, ec)) {
        err << "diplomap: " << options.out.string() << ": exists already; add --force to replace it\n";
        return 1;
    }
    auto created = HeadlessMap::create(options);
    if (auto* error = std::get_if<std::string>(&created)) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    HeadlessMap& map = *std::get<std::unique_ptr<HeadlessMap>>(created);

    geo::ImageSpec spec;
    spec.width = options.width;
    spec.height = options.height;
    spec.alpha = options.transparent;
    const bool geotiff = geo::image_format_for(options.out) == geo::ImageFormat::GeoTiff;
    if (geotiff || options.world_file) spec.georeference = map.georeference();
    spec.world_file = options.world_file;
    spec.text = image_text(options, map);
    spec.dots_per_inch = options.dpi.value_or(96.0 * export_scale(options));
    spec.replace_existing = options.force;
    auto writer = geo::ImageWriter::create(options.out, spec);
    if (auto* error = std::get_if<std::string>(&writer)) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    geo::ImageWriter& out = std::get<geo::ImageWriter>(writer);
    std::optional<std::string> error;
    // After each band: how far, and whether to go on (the writer's temporary file goes with it when not).
    const auto went_on = [&](const geo::RgbaRows& rows, int first) -> std::optional<std::string> {
        if (options.on_progress && !options.on_progress(static_cast<double>(first + rows.count) / options.height))
            return options.out.string() + ": cancelled; no file written";
        return std::nullopt;
    };
    if (map.tiles().second == 1) {
        // One band: nothing to overlap, so no copy.
        error = map.render(options.seconds, [&](int first, const geo::RgbaRows& rows) {
            auto failed = out.write_rows(rows);
            return failed ? failed : went_on(rows, first);
        });
    } else {
        BackgroundWriter background(out);
        const std::size_t row_bytes = static_cast<std::size_t>(options.width) * 4;
        error = map.render(options.seconds, [&](int first, const geo::RgbaRows& rows) {
            auto failed = background.push(rows, row_bytes);
            return failed ? failed : went_on(rows, first);
        });
        auto written = background.finish();
        if (!error) error = std::move(written);
    }
    if (!error) error = out.commit();
    if (error) {
        err << "diplomap: " << *error << '\n';
        return 1;
    }
    return 0;
}

}  // namespace diplomap

#include "app/modes/headless_map.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <future>
#include <map>

#include "app/modes/assets.hpp"
#include "app/modes/navigation.hpp"
#include "app/modes/story_view.hpp"
#include "app/platform/gl_context.hpp"
#include "app/render/basemap_cache.hpp"
#include "app/render/map_renderer.hpp"
#include "app/ui/ui_turns.hpp"
#include "app/ui/map_overlay.hpp"
#include "app/ui/offscreen_ui_frame.hpp"
#include "geo/map/graticule.hpp"
#include "geo/map/projected_scene.hpp"

namespace diplomap {
namespace {

// A tile's colour, its depth-stencil and its copy in memory each take this much at most: 64 MiB apiece.
constexpr std::size_t kTilePixelBudget = std::size_t{16} << 20U;
// The font atlas grows with the square of its size; beyond this, larger text is drawn from it scaled up.
constexpr float kMaxFontPixels = 120.0F;
// Resting views whose meshes set_projection() keeps (a 10m mesh holds tens of megabytes).
constexpr std::size_t kKeptMeshes = 3;

// What a basemap mesh was built for.
struct MeshKey {
    geo::ProjectionSpec spec;
    geo::Detail detail = geo::Detail::Coarse110m;
    std::size_t finest = 0, coarsest = 0;
    double cull_radius_deg = 180.0;
    bool operator==(const MeshKey&) const = default;
};

int largest_framebuffer_side() {
    GLint renderbuffer = 0, texture = 0;
    GLint viewport[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &texture);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
    return std::min({renderbuffer, texture, viewport[0], viewport[1]});
}

}  // namespace

double export_scale(const ExportOptions& options) {
    if (options.scale) return *options.scale;
    return std::max(1.0, std::min(options.width / 1920.0, options.height / 1080.0));
}

struct HeadlessMap::State {
    // Declared first so that it goes last: every GL object below needs it current when it is deleted.
    std::unique_ptr<GlContext> context;
    ExportOptions options;
    std::optional<geo::Projection> projection;
    Camera camera;          // output pixels
    int supersample = 1;    // render pixels per output pixel, each way
    float pixel_ratio = 1;  // render pixels per screen pixel: scale x supersample
    geo::Detail detail = geo::Detail::Coarse110m;
    MapStyle style;
    LayerSet layers = LayerSet::all();
    std::optional<OffscreenTarget> target;
    std::optional<MapRenderer> map;
    std::optional<StoryView> story_view;
    std::unique_ptr<ImGuiOffscreen> overlay;
    std::function<void(ImDrawList& list, float width, float height)> overlay_drawing;  // options.overlay at first
    // The basemap of a view that stays put (a video's frames), drawn once and copied; only for images drawn whole.
    BasemapCache basemap_cache;
    bool basemap_reused = false;
    // For set_projection(): the mesh on the GPU, the last resting ones, and the Natural Earth levels loaded so far.
    MeshKey uploaded;
    std::deque<std::pair<MeshKey, BasemapMesh>> kept;
    std::map<geo::Detail, geo::Basemap> basemaps;
    std::optional<geo::LonLatPaths> graticule;
    bool moving = false;
    int meshes_built = 0;
    int tile_width = 0, tile_height = 0;  // render pixels, multiples of the supersampling
    int tiles_across = 1, tiles_down = 1;
    // Left uninitialised (no std::vector): every byte is written before it is read, and zeroing tens of megabytes
    // first costs as much as reading the pixels.
    std::unique_ptr<std::uint8_t[]> tile;  // as read back: bottom row first
    std::unique_ptr<std::uint8_t[]> band;  // output rows, top first, where tiles or supersampling need one
    std::vector<MarkerOnMap> markers;
    std::vector<DrawnLabel> labels;
    std::optional<PanelLayout> panels;  // --ui: where the panels and the map go, in UI points

    [[nodiscard]] Camera render_camera() const {
        Camera c = camera;
        c.pixels_per_metre *= supersample;
        c.width *= supersample;
        c.height *= supersample;
        return c;
    }

    // Averages each k x k block of the tile just read into one output pixel of the band, rows turned top down; a
    // transparent image's colour is premultiplied in GL (blending onto transparent black) and is divided out here.
    void resolve_tile(int width, int height, int out_x) const {
        const int k = supersample;
        const int out_w = width / k, out_h = height / k;
        const std::size_t band_stride = static_cast<std::size_t>(camera.width) * 4;
        const std::size_t tile_stride = static_cast<std::size_t>(width) * 4;
        for (int oy = 0; oy < out_h; ++oy) {
            std::uint8_t* out =
                band.get() + static_cast<std::size_t>(oy) * band_stride + static_cast<std::size_t>(out_x) * 4;
            if (k == 1) {
                const std::uint8_t* in = tile.get() + static_cast<std::size_t>(height - 1 - oy) * tile_stride;
                std::memcpy(out, in, tile_stride);
            } else {
                for (int ox = 0; ox < out_w; ++ox) {
                    unsigned sum[4] = {0, 0, 0, 0};
                    for (int dy = 0; dy < k; ++dy) {
                        const std::uint8_t* in = tile.get() +
                                                 static_cast<std::size_t>(height - 1 - (oy * k + dy)) * tile_stride +
                                                 static_cast<std::size_t>(ox * k) * 4;
                        for (int dx = 0; dx < k; ++dx)
                            for (int c = 0; c < 4; ++c) sum[c] += in[dx * 4 + c];
                    }
                    const unsigned n = static_cast<unsigned>(k * k);
                    for (int c = 0; c < 4; ++c) out[ox * 4 + c] = static_cast<std::uint8_t>((sum[c] + n / 2) / n);
                }
            }
            if (options.transparent) unpremultiply(out, out_w);
        }
    }

    static void unpremultiply(std::uint8_t* row, int width) {
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = row + static_cast<std::size_t>(x) * 4;
            const unsigned a = p[3];
            if (a == 0 || a == 255) continue;
            for (int c = 0; c < 3; ++c) p[c] = static_cast<std::uint8_t>(std::min(255U, (p[c] * 255U + a / 2) / a));
        }
    }
};

HeadlessMap::HeadlessMap(std::unique_ptr<State> state) : state_(std::move(state)) {}
HeadlessMap::~HeadlessMap() {
    if (state_ && state_->context) state_->context->make_current();
}

std::variant<std::unique_ptr<HeadlessMap>, std::string> HeadlessMap::create(const ExportOptions& options) {
    auto state = std::make_unique<State>();
    State& s = *state;
    s.options = options;
    auto projection = geo::Projection::create(options.view.projection);
    if (auto* error = std::get_if<std::string>(&projection)) return *error;
    s.projection.emplace(std::move(std::get<geo::Projection>(projection)));
    const geo::Projection& proj = *s.projection;

    s.camera = initial_camera(proj, options.view, options.width, options.height);
    if (options.camera) {
        // Same centre, and all of the camera's view inside the image (its width across it when the shapes agree).
        s.camera = *options.camera;
        s.camera.pixels_per_metre *=
            std::min(static_cast<double>(options.width) / std::max(options.camera->width, 1),
                     static_cast<double>(options.height) / std::max(options.camera->height, 1));
        s.camera.width = options.width;
        s.camera.height = options.height;
    }
    s.supersample = std::max(1, options.supersample);
    s.pixel_ratio = static_cast<float>(export_scale(options)) * static_cast<float>(s.supersample);
    if (options.panels) {
        const auto scale = static_cast<float>(export_scale(options));
        s.panels =
            layout_picture_panels(*options.panels, options.story.has_value(), static_cast<float>(options.width) / scale,
                                  static_cast<float>(options.height) / scale);
        // The map's centre goes to the middle of the part the panels leave free, as in the window; a given view
        // fits into that part.
        const PanelRect& free = s.panels->map;
        if (options.camera)
            s.camera.pixels_per_metre = options.camera->pixels_per_metre *
                                        std::min(free.width() * scale / std::max(options.camera->width, 1),
                                                 free.height() * scale / std::max(options.camera->height, 1));
        const double fx = 0.5 * (free.left + free.right) * scale, fy = 0.5 * (free.top + free.bottom) * scale;
        s.camera.center = s.camera.pixel_to_metres(options.width - fx, options.height - fy);
    }
    const Camera drawn = s.render_camera();
    // The Natural Earth level follows the image's own scale, so supersampling smooths the same map rather than
    // drawing a more detailed one; simplification below follows the pixels actually drawn.
    s.detail = detail_for_view(options.view, s.camera);
    s.layers = options.view.layers;
    if (options.transparent) {
        s.layers.set(Layer::Ocean, false);
        s.style.background = {0, 0, 0, 0};
    }

    // The basemap loads and projects on a second thread while this one starts EGL and compiles shaders: the two
    // take about as long as each other, so an export costs the longer of them, not their sum.
    auto scene_future = std::async(std::launch::async, [&]() -> std::variant<BasemapMesh, std::string> {
        auto assets = find_assets(options.view.assets);
        if (auto* error = std::get_if<std::string>(&assets)) return *error;
        auto basemap = geo::load_basemap(std::get<std::filesystem::path>(assets) / "basemap", s.detail);
        if (auto* error = std::get_if<std::string>(&basemap)) return *error;
        // The scale is fixed, so the mesh holds only the levels of detail this image is drawn at.
        const double metres_per_pixel = 1.0 / drawn.pixels_per_metre;
        return make_basemap_mesh(geo::build_scene(proj, std::get<geo::Basemap>(basemap), geo::make_graticule()),
                                 geo::fill_level_for_scale(metres_per_pixel), geo::level_for_scale(metres_per_pixel));
    });

    auto context = create_headless_gl_context();
    if (auto* error = std::get_if<std::string>(&context)) return *error;
    s.context = std::move(std::get<std::unique_ptr<GlContext>>(context));

    // Tiles: as wide as the image where GL allows, as tall as the budget allows; whole output pixels each.
    const int k = s.supersample;
    int side = largest_framebuffer_side();
    if (options.max_tile_side > 0) side = std::min(side, options.max_tile_side);
    const std::size_t budget = options.max_tile_pixels > 0 ? options.max_tile_pixels : kTilePixelBudget;
    if (side < k) return std::string("the graphics driver's largest framebuffer is too small");
    s.tile_width = std::min(drawn.width, side / k * k);
    const auto rows_in_budget = static_cast<int>(
        std::min<std::size_t>(budget / static_cast<std::size_t>(s.tile_width), static_cast<std::size_t>(drawn.height)));
    s.tile_height = std::min({drawn.height, side / k * k, std::max(k, rows_in_budget / k * k)});
    s.tiles_across = (drawn.width + s.tile_width - 1) / s.tile_width;
    s.tiles_down = (drawn.height + s.tile_height - 1) / s.tile_height;

    auto target = OffscreenTarget::create(s.tile_width, s.tile_height);
    if (auto* error = std::get_if<std::string>(&target)) return *error;
    s.target.emplace(std::move(std::get<OffscreenTarget>(target)));
    auto renderer = MapRenderer::create();
    if (auto* error = std::get_if<std::string>(&renderer)) return *error;
    s.map.emplace(std::move(std::get<MapRenderer>(renderer)));
    // A map of the basemap layers alone needs neither the story's shaders nor its geometry.
    const bool story_drawn = s.layers.has(Layer::Arcs) || s.layers.has(Layer::Routes) || s.layers.has(Layer::Markers) ||
                             s.layers.has(Layer::Labels);
    if (options.story && story_drawn) {
        auto created = StoryView::create();
        if (auto* error = std::get_if<std::string>(&created)) return *error;
        s.story_view.emplace(std::move(std::get<StoryView>(created)));
        s.story_view->set_projection(proj);
        s.story_view->set_story(*options.story);
        s.story_view->set_focus(options.focus);
    }
    s.overlay = std::make_unique<ImGuiOffscreen>(std::min(s.pixel_ratio, kMaxFontPixels / 15.0F));
    s.overlay_drawing = options.overlay;
    {
        const double metres_per_pixel = 1.0 / drawn.pixels_per_metre;
        s.uploaded = {proj.spec(), s.detail, geo::fill_level_for_scale(metres_per_pixel),
                      geo::level_for_scale(metres_per_pixel), 180.0};
    }

    auto prepared = scene_future.get();
    if (auto* error = std::get_if<std::string>(&prepared)) return *error;
    s.map->upload(std::get<BasemapMesh>(prepared));
    return std::unique_ptr<HeadlessMap>(new HeadlessMap(std::move(state)));
}

const Camera& HeadlessMap::camera() const { return state_->camera; }
geo::Detail HeadlessMap::detail() const { return state_->detail; }
std::vector<MarkerOnMap> HeadlessMap::markers() const { return state_->markers; }
std::vector<DrawnLabel> HeadlessMap::labels() const { return state_->labels; }
std::pair<int, int> HeadlessMap::tiles() const { return {state_->tiles_across, state_->tiles_down}; }
bool HeadlessMap::basemap_reused() const { return state_->basemap_reused; }
int HeadlessMap::meshes_built() const { return state_->meshes_built; }

void HeadlessMap::set_focus(const std::optional<geo::SlideHighlight>& focus) {
    if (state_->story_view) state_->story_view->set_focus(focus);
}

void HeadlessMap::set_overlay(std::function<void(ImDrawList& list, float width, float height)> overlay) {
    state_->overlay_drawing = std::move(overlay);
}

std::optional<std::string> HeadlessMap::set_projection(const geo::ProjectionSpec& spec, bool moving) {
    State& s = *state_;
    s.context->make_current();
    const double metres_per_pixel = 1.0 / s.render_camera().pixels_per_metre;
    // A moving view (a film's flight) is drawn as the still of that view would be, at the Natural Earth level and
    // levels of detail of its scale: a video has the time the window has not, and a coarser coast would jump when
    // the flight lands. A globe turning under a flight is another projection every frame, so only the cap in view
    // is built; a flat map keeps its projection and builds every level once, so that the zooming camera needs no
    // new mesh until it needs another Natural Earth level.
    MeshKey key{spec, detail_for_view(s.options.view, s.camera), geo::fill_level_for_scale(metres_per_pixel),
                geo::level_for_scale(metres_per_pixel), 180.0};
    if (moving && turns_globe(spec)) {
        key.cull_radius_deg = visible_cap_radius_deg(ViewState{spec, s.camera});
    } else if (moving) {
        key.finest = 0;
        key.coarsest = geo::kLevelCount - 1;
    }
    const bool comes_to_rest = s.moving && !moving;
    s.moving = moving;
    if (!(s.uploaded == key)) {
        auto created = geo::Projection::create(spec);
        if (auto* error = std::get_if<std::string>(&created)) return *error;
        const auto kept = std::find_if(s.kept.begin(), s.kept.end(), [&](const auto& k) { return k.first == key; });
        if (kept != s.kept.end()) {
            s.map->upload(kept->second);
        } else {
            auto basemap = s.basemaps.find(key.detail);
            if (basemap == s.basemaps.end()) {
                auto assets = find_assets(s.options.view.assets);
                if (auto* error = std::get_if<std::string>(&assets)) return *error;
                auto loaded = geo::load_basemap(std::get<std::filesystem::path>(assets) / "basemap", key.detail);
                if (auto* error = std::get_if<std::string>(&loaded)) return *error;
                basemap = s.basemaps.emplace(key.detail, std::move(std::get<geo::Basemap>(loaded))).first;
            }
            if (!s.graticule) s.graticule = geo::make_graticule();
            BasemapMesh mesh = make_basemap_mesh(geo::build_scene(std::get<geo::Projection>(created), basemap->second,
                                                                  *s.graticule, key.cull_radius_deg),
                                                 key.finest, key.coarsest);
            s.map->upload(mesh);
            ++s.meshes_built;
            if (!moving) {
                s.kept.emplace_front(key, std::move(mesh));
                if (s.kept.size() > kKeptMeshes) s.kept.pop_back();
            }
        }
        s.uploaded = key;
        s.detail = key.detail;
        if (!(s.projection->spec() == spec)) {
            s.projection.emplace(std::move(std::get<geo::Projection>(created)));
            if (s.story_view) s.story_view->set_projection(*s.projection);
        }
    }
    // A still builds the story's lines for its own scale; a view that comes to rest does the same, so that it looks
    // exactly like the still of that view, whatever scale the flight built them for.
    if (comes_to_rest && s.story_view) s.story_view->rebuild_geometry();
    return std::nullopt;
}

void HeadlessMap::set_camera(const Camera& camera) {
    state_->camera.center = camera.center;
    state_->camera.pixels_per_metre = camera.pixels_per_metre;
}

geo::Georeference HeadlessMap::georeference() const {
    const Camera& camera = state_->camera;
    const geo::XY top_left = camera.pixel_to_metres(0, 0);
    const double pixel = 1.0 / camera.pixels_per_metre;
    return {{top_left.x, pixel, 0.0, top_left.y, 0.0, -pixel}, state_->projection->wkt()};
}

std::optional<std::string> HeadlessMap::render(std::optional<double> seconds, const RowSink& sink) {
    State& s = *state_;
    s.context->make_current();
    const ExportOptions& options = s.options;
    const Camera whole = s.render_camera();
    const float units_per_pixel = 1.0F / s.pixel_ratio;

    StoryFrame frame;
    frame.seconds = seconds;
    frame.layers = s.layers;
    frame.language = options.language;
    frame.as_of = options.as_of;
    frame.previous_as_of = options.as_of;
    frame.relation_kinds = options.relation_kinds;
    frame.pixel_ratio = s.pixel_ratio;

    // Markers, labels and text are laid out once for the whole image, so that tiles cut through them cleanly.
    const auto build_overlay = [&] {
        s.overlay->build(
            whole.width, whole.height, s.pixel_ratio,
            [&](ImDrawList& list) {
                const float width = static_cast<float>(whole.width) * units_per_pixel;
                const float height = static_cast<float>(whole.height) * units_per_pixel;
                if (s.story_view) s.story_view->draw_marks(list, whole, frame);
                // Title, legend and credit in the part of the map that panels leave free, as in the window.
                const PanelRect free = s.panels ? s.panels->map : PanelRect{0.0F, 0.0F, width, height, true};
                float below_title = free.top;
                if (options.story && s.layers.has(Layer::Title))
                    below_title =
                        draw_map_title(list, *options.story, options.language, free.left, free.top, free.width(), 1.0F);
                if (options.story && s.layers.has(Layer::Legend))
                    draw_map_legend(list, *options.story, options.relation_kinds, options.language, free.left,
                                    below_title, free.bottom, 1.0F);
                if (options.credit) draw_map_credit(list, free.right, free.bottom, 1.0F);
                if (s.overlay_drawing) s.overlay_drawing(list, width, height);
                if (s.panels && options.panels)
                    draw_picture_panels(*options.panels, *s.panels,
                                        {options.story ? &*options.story : nullptr, s.layers, options.relation_kinds,
                                         seconds, options.as_of, options.language});
            },
            s.panels ? 2 : 1);
    };
    // An image drawn whole lays out its overlay right before drawing it, in one ImGui turn (ui_turns.hpp), so
    // that an export beside the viewer waits for one of the viewer's frames per picture, not two.
    const bool whole_at_once = s.tiles_across == 1 && s.tiles_down == 1;
    if (!whole_at_once) build_overlay();
    const auto note_marks = [&] {
        s.markers.clear();
        s.labels.clear();
        if (!s.story_view) return;
        const auto radii = s.story_view->overlay().marker_radii_px();
        const geo::StoryGeometry& geometry = s.story_view->geometry();
        const double k = s.supersample;
        for (std::size_t i = 0; i < radii.size(); ++i) {
            if (radii[i] <= 0 || !geometry.places[i]) continue;
            const geo::XY px = s.camera.metres_to_pixel(*geometry.places[i]);
            s.markers.push_back({i, px.x, px.y, radii[i] / k});
        }
        const auto labels = s.story_view->overlay().labels();
        s.labels.assign(labels.begin(), labels.end());
    };
    if (!whole_at_once) note_marks();

    const int k = s.supersample;
    const std::size_t tile_stride = static_cast<std::size_t>(s.tile_width) * 4;
    const std::size_t band_stride = static_cast<std::size_t>(s.camera.width) * 4;
    // One tile across, drawn at the output's size: the rows go out straight from what GL read, bottom up.
    const bool direct = k == 1 && s.tiles_across == 1;
    // Drawn in one tile: a view that stays put copies the basemap it drew for the frame before.
    const bool one_tile = s.tiles_across == 1 && s.tiles_down == 1;
    s.basemap_reused = false;
    if (!s.tile) s.tile.reset(new std::uint8_t[tile_stride * static_cast<std::size_t>(s.tile_height)]);
    if (!s.band && !direct) s.band.reset(new std::uint8_t[band_stride * static_cast<std::size_t>(s.tile_height / k)]);
    for (int ty = 0; ty < whole.height; ty += s.tile_height) {
        const int th = std::min(s.tile_height, whole.height - ty);
        for (int tx = 0; tx < whole.width; tx += s.tile_width) {
            const int tw = std::min(s.tile_width, whole.width - tx);
            // The whole image's camera, moved by whole pixels: every tile draws exactly its part of the picture.
            Camera part = whole;
            part.width = tw;
            part.height = th;
            part.center = whole.pixel_to_metres(tx + 0.5 * tw, ty + 0.5 * th);
            s.target->bind();
            glViewport(0, 0, tw, th);
            if (one_tile) {
                s.basemap_cache.draw(*s.map, part, s.layers, s.style, s.pixel_ratio, s.target->framebuffer());
                s.basemap_reused = s.basemap_cache.last_frame_from_cache();
            } else {
                s.map->draw(part, s.layers, s.style, s.pixel_ratio);
            }
            if (s.story_view) {
                s.target->bind();
                glViewport(0, 0, tw, th);
                s.story_view->draw_lines(part, frame);
            }
            s.target->bind();
            glViewport(0, 0, tw, th);
            if (whole_at_once) {
                const ImGuiTurn turn;
                build_overlay();
                note_marks();
                s.target->bind();
                glViewport(0, 0, tw, th);
                s.overlay->render_part(tx, ty, tw, th);
            } else {
                s.overlay->render_part(tx, ty, tw, th);
            }
            glBindFramebuffer(GL_FRAMEBUFFER, s.target->framebuffer());
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            glReadPixels(0, 0, tw, th, GL_RGBA, GL_UNSIGNED_BYTE, s.tile.get());
            if (!direct) s.resolve_tile(tw, th, tx / k);
        }
        std::optional<std::string> error;
        if (direct) {
            std::uint8_t* bottom = s.tile.get();
            if (options.transparent)
                for (int y = 0; y < th; ++y)
                    State::unpremultiply(bottom + static_cast<std::size_t>(y) * tile_stride, s.camera.width);
            const auto stride = static_cast<std::ptrdiff_t>(tile_stride);
            error = sink(ty, geo::RgbaRows{bottom + static_cast<std::ptrdiff_t>(th - 1) * stride, -stride, th});
        } else {
            error = sink(ty / k, geo::RgbaRows{s.band.get(), static_cast<std::ptrdiff_t>(band_stride), th / k});
        }
        if (error) return error;
    }
    return std::nullopt;
}

std::optional<std::string> HeadlessMap::render_into(std::optional<double> seconds, std::span<std::uint8_t> rgba) {
    const std::size_t stride = static_cast<std::size_t>(state_->camera.width) * 4;
    if (rgba.size() < stride * static_cast<std::size_t>(state_->camera.height))
        return "internal error: the frame buffer is smaller than the image";
    return render(seconds, [&](int first, const geo::RgbaRows& rows) -> std::optional<std::string> {
        for (int y = 0; y < rows.count; ++y)
            std::memcpy(rgba.data() + static_cast<std::size_t>(first + y) * stride, rows.row(y), stride);
        return std::nullopt;
    });
}

}  // namespace diplomap

#pragma once
// Which parts of the map are drawn; `--layers` and the layer panel both set this.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace diplomap {

// Basemap layers first, then the story's: routes and arcs are drawn by GL, markers and labels on top; last the
// story's title and the legend, drawn onto the map so that exports carry them.
enum class Layer : std::uint8_t {
    Ocean,
    Land,
    Borders,
    Coast,
    Graticule,
    Routes,
    Arcs,
    Markers,
    Labels,
    Title,
    Legend,
    Count
};

inline constexpr std::array<std::string_view, static_cast<std::size_t>(Layer::Count)> kLayerNames{
    "ocean", "land", "borders", "coast", "graticule", "routes", "arcs", "markers", "labels", "title", "legend"};

class LayerSet {
public:
    // Every layer of the map itself. The title and legend are left out: the viewer's panels already show them, so
    // they go on the map only when asked for (`--layers ...,title,legend`, the Layers menu).
    static LayerSet all() { return LayerSet((1U << static_cast<unsigned>(Layer::Title)) - 1); }
    static LayerSet none() { return LayerSet(0); }
    static LayerSet everything() { return LayerSet((1U << static_cast<unsigned>(Layer::Count)) - 1); }
    [[nodiscard]] bool has(Layer l) const { return (bits_ >> static_cast<unsigned>(l)) & 1U; }
    void set(Layer l, bool on) {
        const unsigned bit = 1U << static_cast<unsigned>(l);
        bits_ = on ? (bits_ | bit) : (bits_ & ~bit);
    }
    bool operator==(const LayerSet&) const = default;

private:
    explicit LayerSet(unsigned bits) : bits_(bits) {}
    unsigned bits_;
};

// Parses a comma list such as "ocean,land,coast"; the error names the bad entry and lists the valid ones.
std::variant<LayerSet, std::string> parse_layers(std::string_view list);

}  // namespace diplomap

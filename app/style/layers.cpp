#include "app/style/layers.hpp"

namespace diplomap {

std::variant<LayerSet, std::string> parse_layers(std::string_view list) {
    LayerSet set = LayerSet::none();
    std::size_t begin = 0;
    while (begin <= list.size()) {
        const std::size_t end = std::min(list.find(',', begin), list.size());
        const std::string_view item = list.substr(begin, end - begin);
        bool known = false;
        for (std::size_t i = 0; i < kLayerNames.size(); ++i)
            if (item == kLayerNames[i]) {
                set.set(static_cast<Layer>(i), true);
                known = true;
            }
        if (!known) {
            std::string valid;
            for (std::string_view name : kLayerNames) valid += (valid.empty() ? "" : ", ") + std::string(name);
            return "unknown layer '" + std::string(item) + "'; valid: " + valid;
        }
        begin = end + 1;
    }
    return set;
}

}  // namespace diplomap

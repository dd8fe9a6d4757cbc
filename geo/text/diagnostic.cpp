#include "geo/text/diagnostic.hpp"

namespace geo {

std::string Diagnostic::to_string() const {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    out += (severity == Severity::warning ? ": warning: " : ": error: ") + message;
    if (!id.empty()) out += " [" + id + "]";
    return out;
}

}  // namespace geo

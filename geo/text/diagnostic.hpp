#pragma once
// A problem found in an input file, reported as a value so that callers can collect many at once.
#include <string>
#include <vector>

namespace geo {

// An error makes a story unusable; a warning marks something still to review or fill in (a draft), which
// `check --strict` refuses and everything else accepts.
enum class Severity { error, warning };

struct Diagnostic {
    std::string file;  // path as the user gave it
    int line = 0;      // 1-based; 0 when the problem concerns the whole file
    int column = 0;    // 1-based byte column; 0 when unknown
    std::string id;    // id of the object concerned, empty when none
    std::string message;
    Severity severity = Severity::error;

    // "FILE:LINE:COLUMN: error: MESSAGE [ID]", or "warning:" for a warning (position and id left out where unknown)
    [[nodiscard]] std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace geo

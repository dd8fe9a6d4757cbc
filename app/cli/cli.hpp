#pragma once
#include <iosfwd>

#include "app/cli/command_line.hpp"

namespace diplomap {

// Runs a parsed command; returns the process exit code (0 ok, 1 input/output failure).
int run_command(const Command& command, std::ostream& out, std::ostream& err);

// Parses the command line (parse_cli) and runs the command; returns the process exit code (0 ok, 1 input/output
// failure, 2 bad arguments). main() only calls this.
int run_cli(int argc, char** argv);

}  // namespace diplomap

#pragma once

namespace diplomap {

// Parses the command line and runs the chosen mode; returns the process exit code (0 ok, 1 input/output failure,
// 2 bad arguments). main() only calls this, so tests can call it too.
int run_cli(int argc, char** argv);

}  // namespace diplomap

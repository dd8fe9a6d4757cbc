#pragma once
// The installed programs find each other: `diplomap` in bin/, diplomap-export and diplomap-full beside it (the build
// tree) or in ../libexec/diplomap/ (an install). Plain C library calls only, so that the launcher, which uses this
// and nothing else, loads no library but libc.
namespace diplomap {

// Replaces this process with the program `name` found beside this one, with the same arguments (argv[0] included)
// and environment, so it keeps this process id. Returns only when that failed, with the exit code after printing
// why on stderr.
int exec_sibling(const char* name, char** argv);

}  // namespace diplomap

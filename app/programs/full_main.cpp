// diplomap-full: the whole program (viewer, presentation, videos, slides, draft, bench, soak and stills). The
// `diplomap` launcher starts it for everything but a still export.
#include "app/cli/cli.hpp"

int main(int argc, char** argv) { return diplomap::run_cli(argc, argv); }

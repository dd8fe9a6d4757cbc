#include "app/cli/cli.hpp"

int main(int argc, char** argv) { return diplomap::run_cli(argc, argv); }

#include "app/modes/bench_stills.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>

extern char** environ;

namespace diplomap {
namespace {

struct ChildRun {
    double wall_ms = 0;
    double cpu_ms = 0;  // user + system, the child's threads and its own children
    long peak_mb = 0;
    double minor_faults = 0;  // page faults served without I/O: mostly memory touched for the first time
};

// Spawns `program` (searched on PATH) with `args` and measures it from spawn to exit; nullopt when it fails.
std::optional<ChildRun> run_child(const std::string& program, const std::vector<std::string>& args,
                                  const std::vector<std::string>& extra_env = {}) {
    std::vector<std::string> copy = args;
    std::string name = program;
    std::vector<char*> argv{name.data()};
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_copy = extra_env;
    std::vector<char*> env;
    for (char** e = environ; *e; ++e) env.push_back(*e);
    for (auto& e : env_copy) env.push_back(e.data());
    env.push_back(nullptr);
    posix_spawn_file_actions_t quiet;
    posix_spawn_file_actions_init(&quiet);
    posix_spawn_file_actions_addopen(&quiet, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&quiet, 2, "/dev/null", O_WRONLY, 0);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, program.c_str(), &quiet, nullptr, argv.data(), env.data());
    posix_spawn_file_actions_destroy(&quiet);
    if (spawned != 0) return std::nullopt;
    int status = 0;
    rusage usage{};
    if (::wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
    ChildRun run;
    run.wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    auto ms_of = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3;
    };
    run.cpu_ms = ms_of(usage.ru_utime) + ms_of(usage.ru_stime);
    run.peak_mb = usage.ru_maxrss / 1024;
    run.minor_faults = static_cast<double>(usage.ru_minflt);
    return run;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

std::string text(const char* format, double a, double b = 0) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, a, b);
    return buffer;
}

}  // namespace

std::vector<BenchFigure> bench_stills(const std::filesystem::path& assets, int repeats) {
    std::vector<BenchFigure> figures;
    // What users run: the `diplomap` launcher, which starts diplomap-export for a still (it says where it is in
    // DIPLOMAP_PROGRAM); this very executable when started some other way.
    const char* launcher = std::getenv("DIPLOMAP_PROGRAM");
    const std::string self = launcher && *launcher ? launcher : "/proc/self/exe";
    const std::string tmp =
        (std::filesystem::temp_directory_path() / ("diplomap-bench-stills-" + std::to_string(::getpid()))).string();
    std::error_code ec;

    // The same globe as GMT draws it: ortho over Korea, land, ocean, coast and borders at Natural Earth 50m (GMT:
    // GSHHG low, its closest). Runs alternate, so a busy moment of the machine hurts both alike.
    const std::vector<std::string> ours = {"export",
                                           "--assets",
                                           assets.string(),
                                           "--out",
                                           tmp + ".png",
                                           "--force",
                                           "--size",
                                           "1920x1080",
                                           "-p",
                                           "ortho",
                                           "-c",
                                           "127.5,38.5",
                                           "--detail",
                                           "50m",
                                           "--layers",
                                           "ocean,land,borders,coast"};
    // 1037 pixels across, as our globe is in a 1920x1080 image (0.96 x 1080), at 300 dpi.
    const std::vector<std::string> gmt = {"coast",     "-Rg",       "-JG127.5/38.5/3.456i", "-Dl",
                                          "-G#f3efe4", "-S#cfe0ec", "-N1/0.4p,#9a8f84",     "-W0.5p,#5f7f97",
                                          "-png",      tmp + "-gmt"};
    std::vector<double> our_wall, our_cpu, our_faults, gmt_wall, gmt_cpu, gmt_faults;
    bool gmt_ok = true;
    for (int i = 0; i < std::max(repeats, 3); ++i) {
        if (auto run = run_child(self, ours)) {
            our_wall.push_back(run->wall_ms);
            our_cpu.push_back(run->cpu_ms);
            our_faults.push_back(run->minor_faults);
        }
        if (!gmt_ok) continue;
        if (auto run = run_child("gmt", gmt, {"GMT_END_SHOW=off"})) {
            gmt_wall.push_back(run->wall_ms);
            gmt_cpu.push_back(run->cpu_ms);
            gmt_faults.push_back(run->minor_faults);
        } else {
            gmt_ok = false;
        }
    }
    figures.push_back({"still 1920x1080 PNG, ortho 50m + borders, whole process (median)",
                       our_wall.empty() ? "failed" : text("%.1f ms", median(our_wall)), ""});
    figures.push_back({"  CPU time, all threads", our_wall.empty() ? "failed" : text("%.1f ms", median(our_cpu)), ""});
    if (gmt_ok && !gmt_wall.empty() && !our_wall.empty()) {
        figures.push_back(
            {"  GMT 6 coast -JG, same globe, PNG, alternating (median)", text("%.1f ms", median(gmt_wall)), ""});
        figures.push_back({"  GMT CPU time (coast + Ghostscript)", text("%.1f ms", median(gmt_cpu)), ""});
        figures.push_back({"  minor page faults: ours, GMT (median)",
                           text("%.1fk, %.1fk", median(our_faults) / 1e3, median(gmt_faults) / 1e3), ""});
        figures.push_back({"  GMT time / ours: wall, CPU",
                           text("x%.2f, x%.2f", median(gmt_wall) / median(our_wall), median(gmt_cpu) / median(our_cpu)),
                           ">= x3"});
    } else {
        figures.push_back({"  GMT 6 same globe", "n/a (no gmt)", ">= x3"});
    }
    std::filesystem::remove(tmp + ".png", ec);
    std::filesystem::remove(tmp + "-gmt.png", ec);

    struct Size {
        const char* size;
        const char* target;
    };
    for (const Size& s :
         {Size{"3840x2160", "<= 1000 ms"}, Size{"7680x4320", "<= 4000 ms"}, Size{"16384x16384", "<= 20 s, 1.5 GB"}}) {
        for (const char* supersample : {"1", "2"}) {
            std::vector<std::string> args = {"export",  "--assets", assets.string(), "--out",         tmp + ".png",
                                             "--force", "--size",   s.size,          "--supersample", supersample};
            // The largest takes long enough that one run is a measurement.
            const int runs = std::string(s.size) == "16384x16384" ? 1 : std::min(std::max(repeats, 1), 3);
            std::vector<double> wall, cpu;
            long peak = 0;
            for (int i = 0; i < runs; ++i)
                if (auto run = run_child(self, args)) {
                    wall.push_back(run->wall_ms);
                    cpu.push_back(run->cpu_ms);
                    peak = std::max(peak, run->peak_mb);
                }
            const bool plain = std::string(supersample) == "1";
            const std::string what = std::string(plain ? "still " : "  ") + s.size + " PNG" +
                                     (plain ? ", whole process" : ", --supersample 2") +
                                     (runs > 1 ? " (median)" : " (one run)");
            figures.push_back(
                {what, wall.empty() ? "failed" : text("%.0f ms, %.0f MB", median(wall), static_cast<double>(peak)),
                 plain ? s.target : ""});
            // On a shared machine the wall time is partly other processes' time; the CPU time is the export's own.
            figures.push_back(
                {"    its CPU time, all threads", cpu.empty() ? "failed" : text("%.0f ms", median(cpu)), ""});
            std::filesystem::remove(tmp + ".png", ec);
        }
    }
    return figures;
}

}  // namespace diplomap

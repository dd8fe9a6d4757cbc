#!/usr/bin/env python3
"""Before/after for still exports (docs/PERFORMANCE.md): runs each program's `export` of the 1920x1080 ortho 50m
globe N times, alternating between them (and GMT 6 drawing the same globe, named "gmt"), and prints the median wall
time, CPU time (user + system of the process and its children), minor page faults and peak memory of each.

    tools/stills-ab.py 9 /path/to/old/diplomap build/app/diplomap gmt
    SIZE=3840x2160 PLAIN=1 tools/stills-ab.py 3 old/diplomap build/app/diplomap   # the bundled story, no GMT
"""
import os, sys, time, statistics, subprocess, tempfile

out = tempfile.mkdtemp(prefix="stills-ab-")
n = int(sys.argv[1]); bins = sys.argv[2:]
size = os.environ.get("SIZE", "1920x1080")
A = ["export", "--out", os.path.join(out, "map.png"), "--force", "--size", size, "-p", "ortho", "-c", "127.5,38.5", "--detail", "50m", "--layers", "ocean,land,borders,coast"]
if os.environ.get("PLAIN"): A = ["export", "--out", os.path.join(out, "map.png"), "--force", "--size", size, "--supersample", os.environ.get("SS","1")]
G = ["gmt", "coast", "-Rg", "-JG127.5/38.5/3.456i", "-Dl", "-G#f3efe4", "-S#cfe0ec", "-N1/0.4p,#9a8f84", "-W0.5p,#5f7f97", "-png", os.path.join(out, "gmt")]
res = {b: ([], [], [], []) for b in bins}
env = dict(os.environ, GMT_END_SHOW="off")
for i in range(n):
    for b in bins:
        cmd = G if b == "gmt" else [b] + A
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        _, status, ru = os.wait4(p.pid, 0)
        w = (time.perf_counter() - t0) * 1e3
        assert status == 0, (b, status)
        res[b][0].append(w); res[b][1].append((ru.ru_utime + ru.ru_stime) * 1e3); res[b][2].append(ru.ru_maxrss / 1024)
        res[b][3].append(ru.ru_minflt)
for b in bins:
    w, c, m, f = res[b]
    print(f"{b:40s} wall {statistics.median(w):8.1f} ms  cpu {statistics.median(c):7.1f} ms  "
          f"faults {statistics.median(f) / 1e3:5.1f}k  peak {max(m):6.0f} MB  walls {' '.join(f'{x:.0f}' for x in w)}")
if "gmt" in bins:
    g = res["gmt"]
    for b in bins:
        if b != "gmt": print(f"gmt/{b}: wall x{statistics.median(g[0])/statistics.median(res[b][0]):.2f} cpu x{statistics.median(g[1])/statistics.median(res[b][1]):.2f}")
for name in os.listdir(out):
    os.remove(os.path.join(out, name))
os.rmdir(out)

#!/usr/bin/env python3
"""Runs one benchmark scenario with wrk and appends one CSV row: throughput, latency and where the CPU went.

usage: measure.py --csv FILE --system NAME --setup NAME --rows N --scenario NAME --pid PID
                  [--warmup S] [--duration S] [--connections C] [--threads T] [--raw DIR] -- WRK_ARGS...

wrk runs twice with `-tT -cC --latency --timeout 10s`: a warm-up (discarded), then the measured run. Before the
warm-up it waits (at most QUIET_MAX s, default 60) until the machine is below 15% busy. CPU is read from /proc
around the measured run, as % of one core: `server` = PID and its descendants that are not PostgreSQL,
`postgres` = every PostgreSQL process (embedded or external), `loadgen` = wrk, `busy` = the whole machine.
RSS is the server group's resident memory after the run.
"""
import argparse
import csv
import os
import re
import resource
import subprocess
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")
FIELDS = ["system", "setup", "rows", "scenario", "rps", "p50_ms", "p99_ms", "requests", "non2xx", "socket_errors",
          "server_cpu", "postgres_cpu", "loadgen_cpu", "busy_cpu", "server_rss_mb", "date"]


def processes():
    """pid -> (comm, ppid, cpu ticks); the postmaster's counters include its exited backends."""
    out = {}
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open(f"/proc/{p}/stat") as f:
                s = f.read()
        except OSError:
            continue
        comm = s[s.index("(") + 1:s.rindex(")")]
        rest = s[s.rindex(")") + 2:].split()
        ticks = int(rest[11]) + int(rest[12])
        if comm.startswith("postgres"):
            ticks += int(rest[13]) + int(rest[14])
        out[int(p)] = (comm, int(rest[1]), ticks)
    return out


def server_group(procs, root):
    """The root pid and its descendants, without PostgreSQL processes."""
    group, frontier = set(), {root}
    while frontier:
        group |= frontier
        frontier = {p for p, (_, ppid, _) in procs.items() if ppid in frontier and p not in group}
    return {p for p in group if not procs.get(p, ("",))[0].startswith("postgres")}


def postgres_ticks(before, after):
    """CPU ticks PostgreSQL processes spent between two processes() snapshots."""
    return sum(t - (before[p][2] if p in before and before[p][0] == c else 0)
               for p, (c, _, t) in after.items() if c.startswith("postgres"))


def append_row(path, row):
    """Appends one result row to the CSV, writing the header first if the file is new."""
    new = not os.path.exists(path)
    with open(path, "a", newline="") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS)
        if new:
            w.writeheader()
        w.writerow(row)


def machine_ticks():
    with open("/proc/stat") as f:
        v = list(map(int, f.readline().split()[1:]))
    return sum(v), v[3] + v[4]


def wait_quiet(max_wait):
    start = time.time()
    while True:
        t0, i0 = machine_ticks()
        time.sleep(2)
        t1, i1 = machine_ticks()
        busy = 1 - (i1 - i0) / max(1, t1 - t0)
        if busy < 0.15 or time.time() - start > max_wait:
            return


def rss_mb(pids):
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/status") as f:
                m = re.search(r"VmRSS:\s+(\d+) kB", f.read())
            total += int(m.group(1)) if m else 0
        except OSError:
            pass
    return round(total / 1024)


def to_ms(v):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", v)
    x, unit = float(m.group(1)), m.group(2)
    return {"us": x / 1000, "ms": x, "s": x * 1000, "m": x * 60000}[unit]


def parse_wrk(text):
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: (.*)", text)
    return {
        "rps": round(float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)), 1),
        "p50_ms": round(to_ms(re.search(r"\n\s+50%\s+(\S+)", text).group(1)), 2),
        "p99_ms": round(to_ms(re.search(r"\n\s+99%\s+(\S+)", text).group(1)), 2),
        "requests": int(re.search(r"(\d+) requests in", text).group(1)),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": "|".join(errors.group(1).split()) if errors else "none",
    }


def main():
    ap = argparse.ArgumentParser()
    for name in ("--csv", "--system", "--setup", "--rows", "--scenario"):
        ap.add_argument(name, required=True)
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--raw", default=None)
    ap.add_argument("wrk_args", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    wrk_args = a.wrk_args[1:] if a.wrk_args[:1] == ["--"] else a.wrk_args
    base = ["wrk", f"-t{a.threads}", f"-c{a.connections}", "--latency", "--timeout", "10s"]

    wait_quiet(float(os.environ.get("QUIET_MAX", "60")))
    subprocess.run(base + [f"-d{a.warmup}s"] + wrk_args, check=True, capture_output=True)
    p0, (t0, i0) = processes(), machine_ticks()
    c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = subprocess.run(base + [f"-d{a.duration}s"] + wrk_args, check=True, capture_output=True, text=True)
    c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    p1, (t1, i1) = processes(), machine_ticks()

    secs = float(a.duration)
    group = server_group(p1, a.pid)
    def pct(ticks):
        return round(ticks * 100 / HZ / secs)
    server = sum(p1[p][2] - (p0[p][2] if p in p0 and p0[p][0] == p1[p][0] else 0) for p in group)
    pg = postgres_ticks(p0, p1)
    loadgen = (c1.ru_utime + c1.ru_stime) - (c0.ru_utime + c0.ru_stime)
    row = {"system": a.system, "setup": a.setup, "rows": a.rows, "scenario": a.scenario, **parse_wrk(run.stdout),
           "server_cpu": pct(server), "postgres_cpu": pct(pg), "loadgen_cpu": round(loadgen * 100 / secs),
           "busy_cpu": pct((t1 - t0) - (i1 - i0)), "server_rss_mb": rss_mb(group),
           "date": time.strftime("%Y-%m-%dT%H:%M:%S")}
    if a.raw:
        os.makedirs(a.raw, exist_ok=True)
        with open(os.path.join(a.raw, f"{a.system}-{a.setup}-{a.rows}-{a.scenario}.txt"), "w") as f:
            f.write(" ".join(base + wrk_args) + "\n" + run.stdout)
    append_row(a.csv, row)
    print(f"  {a.system:8} {a.setup:9} {a.rows:>6} {a.scenario:15} {row['rps']:>9} req/s  p50 {row['p50_ms']} ms"
          f"  p99 {row['p99_ms']} ms  non-2xx {row['non2xx']}  cpu server {row['server_cpu']}% pg {row['postgres_cpu']}%"
          f"  rss {row['server_rss_mb']} MB", flush=True)


if __name__ == "__main__":
    sys.exit(main())

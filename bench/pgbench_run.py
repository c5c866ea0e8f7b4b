#!/usr/bin/env python3
"""Runs one pgbench test the way measure.py runs wrk, and appends a row in the same CSV format (system pgbench).

usage: pgbench_run.py --csv FILE --setup NAME --rows N --scenario NAME [--warmup S] [--duration S]
                      [--connections C] -- PGBENCH_ARGS...
pgbench runs over TCP with the PG* environment, `-n -cC -j2`: a warm-up, then the measured run with a
per-transaction log (20% sampled) from which p50 and p99 come. Requests/s is pgbench's tps.
"""
import argparse
import glob
import os
import re
import resource
import subprocess
import tempfile
import time

from measure import append_row, machine_ticks, postgres_ticks, processes, wait_quiet


def main():
    ap = argparse.ArgumentParser()
    for name in ("--csv", "--setup", "--rows", "--scenario"):
        ap.add_argument(name, required=True)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("args", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    args = a.args[1:] if a.args[:1] == ["--"] else a.args
    base = ["pgbench", "-n", f"-c{a.connections}", "-j2", "-D", f"rows={a.rows}"]
    wait_quiet(float(os.environ.get("QUIET_MAX", "60")))
    subprocess.run(base + [f"-T{a.warmup}"] + args, check=True, capture_output=True)
    with tempfile.TemporaryDirectory() as logs:
        p0, (t0, i0) = processes(), machine_ticks()
        c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        run = subprocess.run(base + [f"-T{a.duration}", "--log", "--sampling-rate=0.2",
                                     f"--log-prefix={logs}/pgb"] + args, check=True, capture_output=True, text=True)
        c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        p1, (t1, i1) = processes(), machine_ticks()
        latencies = sorted(int(line.split()[2]) for f in glob.glob(f"{logs}/pgb*") for line in open(f))
    secs = float(a.duration)
    hz = os.sysconf("SC_CLK_TCK")
    busy = round(((t1 - t0) - (i1 - i0)) * 100 / hz / secs)
    loadgen = round(((c1.ru_utime + c1.ru_stime) - (c0.ru_utime + c0.ru_stime)) * 100 / secs)
    tps = float(re.search(r"tps = ([\d.]+)", run.stdout).group(1))
    failed = re.search(r"number of failed transactions: (\d+)", run.stdout)
    row = {"system": "pgbench", "setup": a.setup, "rows": a.rows, "scenario": a.scenario, "rps": round(tps, 1),
           "p50_ms": round(latencies[len(latencies) // 2] / 1000, 2) if latencies else "",
           "p99_ms": round(latencies[int(len(latencies) * 0.99)] / 1000, 2) if latencies else "",
           "requests": int(re.search(r"actually processed: (\d+)", run.stdout).group(1)),
           "non2xx": int(failed.group(1)) if failed else 0, "socket_errors": "none", "server_cpu": "",
           # The postmaster's counters include backends that exit in the window (the warm-up's connections,
           # parallel workers) with all their CPU: never more than the machine spent besides pgbench.
           "postgres_cpu": min(round(postgres_ticks(p0, p1) * 100 / hz / secs), busy - loadgen),
           "loadgen_cpu": loadgen, "busy_cpu": busy,
           "server_rss_mb": "", "date": time.strftime("%Y-%m-%dT%H:%M:%S")}
    append_row(a.csv, row)
    print(f"  pgbench  {a.setup:9} {a.rows:>6} {a.scenario:15} {row['rps']:>9} tps    p50 {row['p50_ms']} ms"
          f"  p99 {row['p99_ms']} ms  cpu pg {row['postgres_cpu']}% pgbench {row['loadgen_cpu']}%", flush=True)


if __name__ == "__main__":
    main()

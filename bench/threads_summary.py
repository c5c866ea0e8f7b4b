#!/usr/bin/env python3
"""Summarises bench/threads_ab.sh's results.tsv: per scenario and variant, the mean req/s, the median p99, the mean
JVM CPU µs per request with its ratio to
the first variant, the request threads' µs per request, the JIT's ms per run, GC pauses per 10 s and the mean pool wait.

usage: threads_summary.py results.tsv [VARIANT ...]   (default every variant, in the order they ran)
"""
import csv
import statistics
import sys


def ms(v):
    """wrk's latency text (e.g. 812.00us, 12.3ms, 1.2s) in ms."""
    for unit, f in (("us", 1e-3), ("ms", 1.0), ("s", 1e3)):
        if v.endswith(unit):
            return float(v[:-len(unit)]) * f
    return float("nan")


def main():
    rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
    variants = sys.argv[2:] or list(dict.fromkeys(r["variant"] for r in rows))
    scenarios = list(dict.fromkeys(r["scenario"] for r in rows))
    print("| scenario | variant | req/s (rounds) | p99 ms (median; rounds) | JVM µs/req | vs first | "
          "request threads µs/req | JIT ms per run | GC pauses / total ms / longest ms (per run) | pool wait µs | load |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in scenarios:
        first = None
        for v in variants:
            rs = [r for r in rows if r["scenario"] == s and r["variant"] == v]
            if not rs:
                continue
            rps = [float(r["req/s"]) for r in rs]
            # a thread that ended during the run takes its CPU with it: such a figure is left out
            reqs = [int(r.get("req_threads_us/req") or 0) for r in rs]
            reqs = [x for x in reqs if x > 0] or [0]
            p99 = [ms(r["p99"]) for r in rs]
            cpu = statistics.mean(int(r["jvm_us/req"]) for r in rs)
            first = first or cpu
            loads = [float(r["load1"]) for r in rs]
            gc = "%.1f / %.0f / %.0f" % (statistics.mean(int(r["gc_n"]) for r in rs),
                                         statistics.mean(float(r["gc_ms"]) for r in rs),
                                         max(float(r["gc_max_ms"]) for r in rs))
            req = statistics.mean(reqs)
            jit = statistics.mean(int(r.get("jit_ms") or 0) for r in rs)
            print("| %s | %s | %s (%s) | %.1f (%s) | %.0f | %.2f | %.0f | %.0f | %s | %.0f | %s |" % (
                s, v, f"{statistics.mean(rps):,.0f}", " / ".join(f"{x:,.0f}" for x in rps),
                statistics.median(p99), " / ".join(f"{x:.0f}" for x in p99), cpu, cpu / first, req, jit, gc,
                statistics.mean(float(r["acquire_us"]) for r in rs),
                "%s–%s" % (min(loads), max(loads))))


if __name__ == "__main__":
    main()

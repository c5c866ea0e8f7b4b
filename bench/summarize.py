#!/usr/bin/env python3
"""Turns one or more bench/results/<run>/results.csv into the Markdown table of docs/benchmarks.md.

usage: summarize.py [--label BASALT_LABEL] RESULT_DIR...
Sections: every Basalt run; Basalt beside the peers and pgbench (external PostgreSQL, 10,000 rows) with ratios;
the issue's targets, met or not; and, when the CSVs hold several Basalt builds (labels), each build's
throughput relative to the first one.
"""
import csv
import os
import sys

PEERS = ("directus", "parse")
PGBENCH_FOR = {"get": "get", "owner_get": None, "list": "list", "list_skiptotal": "list_skiptotal"}
PEER_FOR = {"get": "get", "list": "list", "list_skiptotal": "list", "create": "create", "update": "update"}


def load(dirs):
    rows = []
    for d in dirs:
        path = os.path.join(d, "results.csv")
        if os.path.exists(path):
            rows += list(csv.DictReader(open(path)))
    return rows


def ratio(a, b):
    return f"{float(a) / float(b):.2f}×" if a and b and float(b) > 0 else "–"


def find(rows, system, setup, nrows, scenario):
    for r in rows:
        if (r["system"], r["setup"], r["rows"], r["scenario"]) == (system, setup, nrows, scenario):
            return r
    return None


def basalt_section(rows, labels):
    out = ["## Basalt, every run", "",
           "| build | PostgreSQL | rows | scenario | req/s | p50 ms | p99 ms | non-2xx | server CPU % | PostgreSQL CPU % | machine busy % | server RSS MB |",
           "|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        if r["system"] in labels:
            out.append(f"| {r['system']} | {r['setup']} | {r['rows']} | {r['scenario']} | {float(r['rps']):,.0f} | "
                       f"{r['p50_ms']} | {r['p99_ms']} | {r['non2xx']} | {r['server_cpu']} | {r['postgres_cpu']} | "
                       f"{r['busy_cpu']} | {r['server_rss_mb']} |")
    return out


def side_by_side(rows, label):
    setup = "external"
    out = ["", f"## Side by side: {label} on the peers' PostgreSQL, 10,000 rows, wrk -t2 -c32", "",
           "Requests/s (p99 ms). pgbench runs the same SQL with the same 32 clients (prepared statements; "
           "`get_simple`: simple protocol). Peers' lists return no total.", "",
           "| scenario | Basalt | Directus | Parse Server | pgbench | Basalt ÷ Directus | Basalt ÷ Parse | Basalt ÷ pgbench |",
           "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        if r["system"] != label or r["setup"] != setup or r["rows"] != "10000":
            continue
        s = r["scenario"]
        peer = {p: find(rows, p, setup, "10000", PEER_FOR.get(s, "")) for p in PEERS}
        pgb = find(rows, "pgbench", setup, "10000", PGBENCH_FOR.get(s) or "")
        def cell(x):
            return f"{float(x['rps']):,.0f} ({x['p99_ms']})" if x else "–"
        out.append(f"| {s} | {cell(r)} | {cell(peer['directus'])} | {cell(peer['parse'])} | {cell(pgb)} | "
                   f"{ratio(r['rps'], peer['directus'] and peer['directus']['rps'])} | "
                   f"{ratio(r['rps'], peer['parse'] and peer['parse']['rps'])} | {ratio(r['rps'], pgb and pgb['rps'])} |")
        if s == "get":
            simple = find(rows, "pgbench", setup, "10000", "get_simple")
            if simple:
                out.append(f"| get (vs pgbench simple protocol) | {cell(r)} | | | {cell(simple)} | | | {ratio(r['rps'], simple['rps'])} |")
    return out


def targets(rows, label):
    def rps(system, scenario):
        r = find(rows, system, "external", "10000", scenario)
        return float(r["rps"]) if r else None
    checks = [("GET by id ≥ 20× Directus", "get", "directus", "get", 20),
              ("GET by id ≥ 5× Parse Server", "get", "parse", "get", 5),
              ("GET by id ≥ 0.5× pgbench (same query, prepared)", "get", "pgbench", "get", 0.5),
              ("list ≥ 10× Directus (with total)", "list", "directus", "list", 10),
              ("list ≥ 10× Directus (skipTotal)", "list_skiptotal", "directus", "list", 10),
              ("create ≥ 5× Parse Server", "create", "parse", "create", 5)]
    out = ["", "## Targets (external PostgreSQL, 10,000 rows)", "", "| target | measured | met |", "|---|---:|---|"]
    for name, mine, other, theirs, want in checks:
        a, b = rps(label, mine), rps(other, theirs)
        if a and b:
            out.append(f"| {name} | {a / b:.2f}× | {'yes' if a / b >= want else 'no'} |")
        else:
            out.append(f"| {name} | not measured | – |")
    slow = [f"{r['setup']}/{r['rows']}/{r['scenario']} {r['p99_ms']} ms" for r in rows
            if r["system"] == label and float(r["p99_ms"] or 0) >= 50]
    out.append(f"| p99 < 50 ms at 32 connections, every scenario | {'; '.join(slow) or 'all below'} | "
               f"{'no' if slow else 'yes'} |")
    return out


def builds(rows, labels):
    if len(labels) < 2:
        return []
    first = labels[0]
    out = ["", f"## Builds compared (req/s relative to {first})", "",
           "| PostgreSQL | rows | scenario | " + " | ".join(labels) + " |", "|---|---:|---|" + "---:|" * len(labels)]
    for r in rows:
        if r["system"] != first:
            continue
        cells = []
        for l in labels:
            o = find(rows, l, r["setup"], r["rows"], r["scenario"])
            cells.append(f"{float(o['rps']):,.0f} ({ratio(o['rps'], r['rps'])})" if o else "–")
        out.append(f"| {r['setup']} | {r['rows']} | {r['scenario']} | " + " | ".join(cells) + " |")
    return out


HOOKED = "+noop-js-hooks"


def cpu_us(r):
    """Server CPU µs per request: server_cpu is the percent of one core over the measured seconds."""
    rps = float(r["rps"] or 0)
    return float(r["server_cpu"] or 0) * 10_000 / rps if rps > 0 else None


def hook_overhead(rows, labels):
    """bench/run.sh --hook-overhead: each scenario without hooks beside the same with bench/hooks/noop."""
    out = []
    for base in labels:
        hooked = base + HOOKED
        if hooked not in labels:
            continue
        out += ["", f"## JS hook overhead per request ({base} without hooks, then with bench/hooks/noop)", "",
                "| PostgreSQL | rows | scenario | req/s without | req/s with | ratio | server CPU µs/req without | "
                "with | added by the hooks |", "|---|---:|---|---:|---:|---:|---:|---:|---:|"]
        for r in rows:
            if r["system"] != base:
                continue
            o = find(rows, hooked, r["setup"], r["rows"], r["scenario"])
            if not o:
                continue
            a, b = cpu_us(r), cpu_us(o)
            added = f"{b - a:,.0f}" if a is not None and b is not None else "–"
            out.append(f"| {r['setup']} | {r['rows']} | {r['scenario']} | {float(r['rps']):,.0f} | "
                       f"{float(o['rps']):,.0f} | {ratio(o['rps'], r['rps'])} | {a or 0:,.0f} | {b or 0:,.0f} | "
                       f"{added} |")
    return out


def main():
    args = sys.argv[1:]
    label = None
    if args[:1] == ["--label"]:
        label, args = args[1], args[2:]
    rows = load(args)
    labels = list(dict.fromkeys(r["system"] for r in rows if r["system"] not in PEERS + ("pgbench",)))
    label = label or (labels[-1] if labels else "basalt")
    lines = (basalt_section(rows, labels) + side_by_side(rows, label) + targets(rows, label) + builds(rows, labels)
             + hook_overhead(rows, labels))
    print("\n".join(lines))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Soak load for a Basalt cluster: a fixed request rate through the balancer for N minutes.

Per minute it records requests, errors, p50/p99 latency and the RSS of every node process to a CSV, then draws
the CSV as an SVG (no third-party packages: plain Python). The mix is 80 % reads (a page of the `soak` collection)
and 20 % creates. Requests are scheduled open-loop at the given rate (a slow server does not slow the schedule; late
requests count their waiting time), spread over a pool of worker threads.

Usage: load.py BASE_URL RATE MINUTES CSV SVG PID [PID...]
"""
import csv
import http.client
import json
import queue
import sys
import threading
import time
import urllib.parse

WORKERS = 64
READ_SHARE = 0.8


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return 0
    return 0


def percentile(values, p):
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.errors = 0

    def add(self, ms, ok):
        with self.lock:
            self.latencies.append(ms)
            if not ok:
                self.errors += 1

    def take(self):
        with self.lock:
            out = (self.latencies, self.errors)
            self.latencies, self.errors = [], 0
            return out


def worker(base, jobs, rec):
    url = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    while True:
        job = jobs.get()
        if job is None:
            return
        due, n = job
        if n % 5 < READ_SHARE * 5:
            method, path, body = "GET", "/api/collections/soak/records?perPage=20&skipTotal=1", None
        else:
            method, path, body = "POST", "/api/collections/soak/records", json.dumps({"n": n, "body": "soak " * 20})
        ok = False
        try:
            conn.request(method, path, body, {"Content-Type": "application/json"})
            resp = conn.getresponse()
            resp.read()
            ok = resp.status == 200
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        rec.add((time.monotonic() - due) * 1000.0, ok)


def main():
    base, rate, minutes, csv_path, svg_path = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5]
    pids = sys.argv[6:]
    jobs, rec = queue.Queue(), Recorder()
    threads = [threading.Thread(target=worker, args=(base, jobs, rec), daemon=True) for _ in range(WORKERS)]
    for t in threads:
        t.start()
    rows = []
    start = time.monotonic()
    n = 0
    with open(csv_path, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["minute", "requests", "errors", "p50_ms", "p99_ms"] + [f"rss_mib_node{i + 1}" for i in range(len(pids))])
        for minute in range(1, int(minutes) + 1):
            end = start + minute * 60
            while True:
                due = start + n / rate
                if due >= end:
                    break
                wait = due - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                jobs.put((due, n))
                n += 1
            time.sleep(max(0.0, end - time.monotonic()))
            lat, errors = rec.take()
            row = [minute, len(lat), errors, round(percentile(lat, 0.5), 1), round(percentile(lat, 0.99), 1)]
            row += [round(rss_kib(p) / 1024.0, 1) for p in pids]
            out.writerow(row)
            f.flush()
            rows.append(row)
            print("minute %d: %d requests, %d errors, p50 %.1f ms, p99 %.1f ms, RSS MiB %s"
                  % (row[0], row[1], row[2], row[3], row[4], row[5:]), flush=True)
    for _ in threads:
        jobs.put(None)
    svg(rows, len(pids), svg_path, rate)


def svg(rows, nodes, path, rate):
    """Two panels: p99 and errors per minute; RSS per node."""
    w, h, pad = 720, 520, 50
    panel = (h - 3 * pad) / 2
    xs = [r[0] for r in rows] or [1]
    xmax = max(xs)

    def x(m):
        return pad + (m - 1) / max(1, xmax - 1) * (w - 2 * pad)

    def line(points, color):
        return '<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (
            color, " ".join("%.1f,%.1f" % p for p in points))

    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">'
             % (w, h), '<rect width="100%" height="100%" fill="white"/>']
    top = pad
    pmax = max([r[4] for r in rows] + [1])
    emax = max([r[2] for r in rows] + [1])
    parts.append('<text x="%d" y="%d">p99 latency (ms, blue, max %.0f) and errors (red, max %d) per minute at %g req/s</text>'
                 % (pad, top - 10, pmax, emax, rate))
    parts.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#999"/>' % (pad, top, w - 2 * pad, panel))
    parts.append(line([(x(r[0]), top + panel - r[4] / pmax * panel) for r in rows], "#1f5fbf"))
    parts.append(line([(x(r[0]), top + panel - r[2] / emax * panel) for r in rows], "#c0392b"))
    top2 = top + panel + pad
    rmax = max([v for r in rows for v in r[5:]] + [1])
    parts.append('<text x="%d" y="%d">RSS per node (MiB, max %.0f)</text>' % (pad, top2 - 10, rmax))
    parts.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#999"/>' % (pad, top2, w - 2 * pad, panel))
    colors = ["#1f5fbf", "#27ae60", "#8e44ad", "#d35400", "#7f8c8d"]
    for i in range(nodes):
        parts.append(line([(x(r[0]), top2 + panel - r[5 + i] / rmax * panel) for r in rows], colors[i % len(colors)]))
    parts.append('<text x="%d" y="%d">minute 1 .. %d</text>' % (pad, h - 15, xmax))
    parts.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(parts))


if __name__ == "__main__":
    main()

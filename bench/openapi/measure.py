#!/usr/bin/env python3
"""OpenAPI regeneration time on a running Basalt: creates N collections (default 100, with the fields of a typical
posts collection and public rules), then, ROUNDS times, changes one collection's rule (a new schema version, so the
next document is built afresh) and times GET /api/docs/openapi.json as the superuser, against the same request
answered from the cache right after. Prints medians and the ratio. Leaves nothing behind (deletes its collections).
Usage: bench/openapi/measure.py [URL] [N] [ROUNDS]; BASALT_SUPERUSER_EMAIL / BASALT_SUPERUSER_PASSWORD."""
import json, os, statistics, sys, time, urllib.request, uuid

url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8090"
count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 15


def call(method, path, body=None, token=None):
    req = urllib.request.Request(url + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", token)
    with urllib.request.urlopen(req) as res:
        return res.read()


token = json.loads(call("POST", "/api/collections/_superusers/auth-with-password", {
    "identity": os.environ.get("BASALT_SUPERUSER_EMAIL", "admin@example.com"),
    "password": os.environ.get("BASALT_SUPERUSER_PASSWORD", "change-me-123456")}))["token"]
prefix = "oa" + uuid.uuid4().hex[:6]
fields = [{"name": "title", "type": "text", "required": True, "max": 200}, {"name": "views", "type": "number"},
          {"name": "published", "type": "bool"}, {"name": "tags", "type": "select", "maxSelect": 3,
                                                  "values": ["a", "b", "c"]},
          {"name": "meta", "type": "json"}, {"name": "when", "type": "date"}]
names = [f"{prefix}_{i}" for i in range(count)]
try:
    for n in names:
        call("POST", "/api/collections", {"name": n, "listRule": "", "viewRule": "", "fields": fields}, token)
    fresh, cached, size = [], [], 0
    for r in range(rounds):
        call("PATCH", f"/api/collections/{names[0]}", {"listRule": "" if r % 2 else "views > 0"}, token)
        start = time.perf_counter()
        size = len(call("GET", "/api/docs/openapi.json", token=token))
        fresh.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        call("GET", "/api/docs/openapi.json", token=token)
        cached.append((time.perf_counter() - start) * 1000)
    total = len(json.loads(call("GET", "/api/collections?perPage=1", token=token).decode())["items"]) and \
        json.loads(call("GET", "/api/collections?perPage=1", token=token))["totalItems"]
    f, c = statistics.median(fresh), statistics.median(cached)
    print(f"collections on the server: {total} ({count} made here); document: {size / 1e6:.2f} MB")
    print(f"regenerated (after a schema change): median {f:.1f} ms, min {min(fresh):.1f} ms ({rounds} rounds)")
    print(f"from the cache:                      median {c:.1f} ms, min {min(cached):.1f} ms")
    print(f"ratio regenerated / cached: {f / c:.1f}")
finally:
    for n in names:
        try:
            call("DELETE", f"/api/collections/{n}", token=token)
        except Exception:  # noqa: BLE001 - best effort clean-up
            pass

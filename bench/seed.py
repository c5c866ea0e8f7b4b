#!/usr/bin/env python3
"""Prepares a running Basalt for the benchmark (idempotent), then reseeds its rows.

Through the API, as the superuser: the auth collection `users` (with the bench user u00000000000001,
bench@example.com), `posts` (public list/view/create/update rules, like the peers' public permissions) and
`user_posts` (the same fields plus an `owner` relation; list/view rule `owner = @request.auth.id`). Then
seed.sql fills both tables with ROWS rows through psql (PG* environment variables name the database).

usage: seed.py BASE_URL SUPERUSER_EMAIL SUPERUSER_PASSWORD ROWS
"""
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request

BENCH_USER = {"id": "u00000000000001", "email": "bench@example.com", "password": "bench-password-123"}
POST_FIELDS = [
    {"name": "title", "type": "text"},
    {"name": "body", "type": "text"},
    {"name": "views", "type": "number"},
    {"name": "published", "type": "bool"},
    {"name": "created", "type": "autodate", "onCreate": True},
    {"name": "updated", "type": "autodate", "onCreate": True, "onUpdate": True},
]


def call(base, method, path, body=None, token=None):
    """One JSON request; returns (status, parsed body)."""
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", token)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def ensure(base, token, path, create_path, body):
    status, found = call(base, "GET", path, token=token)
    if status == 200:
        return found
    status, created = call(base, "POST", create_path, body, token)
    if status != 200:
        sys.exit(f"seed: POST {create_path} answered {status}: {created}")
    return created


def main():
    base, email, password, rows = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    status, auth = call(base, "POST", "/api/collections/_superusers/auth-with-password",
                        {"identity": email, "password": password})
    if status != 200:
        sys.exit(f"seed: superuser sign-in answered {status}: {auth}")
    token = auth["token"]
    users = ensure(base, token, "/api/collections/users", "/api/collections", {
        "name": "users", "type": "auth",
        "listRule": "id = @request.auth.id", "viewRule": "id = @request.auth.id"})
    ensure(base, token, "/api/collections/posts", "/api/collections", {
        "name": "posts", "type": "base", "fields": POST_FIELDS,
        "listRule": "", "viewRule": "", "createRule": "", "updateRule": "",
        "indexes": ["CREATE INDEX idx_posts_created ON posts (created)"]})
    ensure(base, token, "/api/collections/user_posts", "/api/collections", {
        "name": "user_posts", "type": "base",
        "fields": POST_FIELDS + [{"name": "owner", "type": "relation", "collectionId": users["id"], "maxSelect": 1}],
        "listRule": "owner = @request.auth.id", "viewRule": "owner = @request.auth.id",
        "indexes": ["CREATE INDEX idx_user_posts_owner ON user_posts (owner, created)"]})
    ensure(base, token, f"/api/collections/users/records/{BENCH_USER['id']}", "/api/collections/users/records",
           dict(BENCH_USER, passwordConfirm=BENCH_USER["password"], verified=True))
    sql = os.path.join(os.path.dirname(os.path.abspath(__file__)), "seed.sql")
    subprocess.run(["psql", "-q", "-X", "-v", f"rows={rows}", "-f", sql], check=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""PATCHes Basalt's settings as the superuser: settings.py BASE EMAIL PASSWORD JSON (used by run.sh --logs off)."""
import json
import sys

from seed import call


def main():
    base, email, password, patch = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
    status, auth = call(base, "POST", "/api/collections/_superusers/auth-with-password",
                        {"identity": email, "password": password})
    if status != 200:
        sys.exit(f"settings: superuser sign-in answered {status}: {auth}")
    status, body = call(base, "PATCH", "/api/settings", patch, auth["token"])
    if status != 200:
        sys.exit(f"settings: PATCH /api/settings answered {status}: {body}")


if __name__ == "__main__":
    main()

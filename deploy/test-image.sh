#!/bin/bash
# Runs the image built by `mvn -Pimage package jib:buildTar -DskipTests` (target/jib-image.tar): loads it into
# podman, starts it with the embedded PostgreSQL on PORT (default 18190, host network), waits for /api/health,
# runs the image's own health probe, then stops and removes the container. Not part of mvn verify.
# Usage: deploy/test-image.sh [PORT]     (extra podman options in PODMAN_OPTS, e.g. "--runtime runc")
set -euo pipefail
port="${1:-18190}"
tar="${IMAGE_TAR:-target/jib-image.tar}"
image="$(podman load -i "$tar" | sed -n 's/^Loaded image: //p' | tail -1)"
name="basalt-image-test-$$"
# shellcheck disable=SC2086
podman ${PODMAN_OPTS:-} run -d --name "$name" --network=host "$image" serve --http="127.0.0.1:$port" --dir=/basalt_data >/dev/null
trap 'podman ${PODMAN_OPTS:-} rm -f -v -t 20 "$name" >/dev/null' EXIT
for _ in $(seq 1 150); do
  curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break
  sleep 2
done
curl -sf "http://127.0.0.1:$port/api/health"; echo
podman ${PODMAN_OPTS:-} exec -e BASALT_HEALTH_PORT="$port" "$name" /usr/local/bin/basalt-healthcheck && echo "probe: healthy"
podman ${PODMAN_OPTS:-} exec "$name" id
curl -sf -o /dev/null "http://127.0.0.1:$port/api/docs" && echo "Swagger UI: 200"
podman image inspect "$image" --format 'image {{.Id}}: {{.Size}} bytes, user {{.Config.User}}'

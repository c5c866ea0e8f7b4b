#!/bin/bash
# Starts deploy/compose.yaml for real with podman-compose, checks it and removes it again. Not part of mvn verify
# (minutes, a container runtime, images). On a machine that reaches no container registry it uses
# deploy/compose.local.yaml on top: PostgreSQL and Prometheus from an image built from Debian's packages
# (mmdebstrap, once), Basalt from the Jib tar (mvn -Pimage package jib:buildTar ...), Grafana not started (no
# Debian package); its provisioning and dashboard are still checked, and every dashboard query is run against
# the stack's Prometheus.
# Usage: deploy/test-compose.sh            (LOCAL=0 to use the registry images of compose.yaml alone)
# Needs: podman, podman-compose, python3, curl; with LOCAL=1 (default) also mmdebstrap and target/jib-image.tar.
# Rootful podman in a container may need runc and lower rlimits: CONTAINERS_CONF below sets both.
set -euo pipefail
cd "$(dirname "$0")/.."
LOCAL="${LOCAL:-1}"
work="$(mktemp -d)"
project="basalt-compose-test-$$"
files=(-f deploy/compose.yaml)
services=(postgres basalt prometheus grafana)
if [[ "$LOCAL" == 1 ]]; then
  files+=(-f deploy/compose.local.yaml)
  services=(postgres basalt prometheus)
  if ! podman image exists localhost/basalt-deps:bookworm; then
    echo "== building localhost/basalt-deps:bookworm from Debian packages"
    mmdebstrap --variant=minbase --include=postgresql-15,redis-server,prometheus,ca-certificates bookworm \
      "$work/deps.tar"
    podman import "$work/deps.tar" localhost/basalt-deps:bookworm >/dev/null
  fi
  podman load -i "${IMAGE_TAR:-target/jib-image.tar}" | tail -1
fi
cat > "$work/containers.conf" <<'EOF'
[containers]
default_ulimits = ["nproc=4096:4096", "nofile=8192:8192"]
[engine]
runtime = "runc"
EOF
export CONTAINERS_CONF="${CONTAINERS_CONF:-$work/containers.conf}"
# the secrets of deploy/.env.example, made up for this run
cat > "$work/env" <<EOF
BASALT_DB_PASSWORD=db-$RANDOM$RANDOM
BASALT_ENCRYPTION_KEY=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
BASALT_METRICS_TOKEN=metrics-$RANDOM$RANDOM
GRAFANA_ADMIN_PASSWORD=grafana-$RANDOM
EOF
set -a; . "$work/env"; set +a
compose() { podman-compose -p "$project" "${files[@]}" "$@"; }
cleanup() { compose down -v >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

echo "== static checks"
python3 - "${files[@]}" <<'EOF'
import json, glob, sys, yaml
# podman-compose 1.0 has no `config`: parse the files, and check that an override only names compose.yaml's services
names = [a for a in sys.argv[1:] if a != '-f']
base = yaml.safe_load(open(names[0]))
for extra in names[1:]:
    unknown = set(yaml.safe_load(open(extra))['services']) - set(base['services'])
    assert not unknown, f'{extra} names services compose.yaml lacks: {unknown}'
print(f"compose: {', '.join(names)} parse; services {', '.join(base['services'])}")
d = json.load(open('deploy/grafana/dashboards/basalt.json'))
assert d['panels'] and all(t.get('expr') for p in d['panels'] for t in p.get('targets', [])), 'panel without a query'
for f in glob.glob('deploy/grafana/provisioning/*/*.yaml'):
    yaml.safe_load(open(f))
print(f"grafana: dashboard '{d['title']}' with {len(d['panels'])} panels, provisioning files parse")
EOF

echo "== up: ${services[*]}"
compose up -d "${services[@]}"
for _ in $(seq 1 90); do
  curl -sf http://127.0.0.1:8090/api/health >/dev/null && break
  sleep 2
done
curl -sf http://127.0.0.1:8090/api/health; echo
compose exec basalt /usr/local/bin/basalt-healthcheck && echo "basalt probe: healthy"
compose exec basalt java -cp @/app/jib-classpath-file dev.basalt.cli.BasaltMain \
  superuser upsert admin@example.com 'change-me-123456'
curl -sf -o /dev/null http://127.0.0.1:8090/api/docs && echo "Swagger UI: 200"
token=$(curl -sf -X POST http://127.0.0.1:8090/api/collections/_superusers/auth-with-password \
  -H 'Content-Type: application/json' -d '{"identity":"admin@example.com","password":"change-me-123456"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
curl -sf -X POST http://127.0.0.1:8090/api/collections -H "Authorization: $token" -H 'Content-Type: application/json' \
  -d '{"name":"compose_check","listRule":"","fields":[{"name":"title","type":"text"}]}' >/dev/null
echo "a collection on the compose PostgreSQL: $(curl -sf http://127.0.0.1:8090/api/collections/compose_check/records)"
curl -sf -H "Authorization: Bearer $BASALT_METRICS_TOKEN" http://127.0.0.1:8090/metrics | grep -c '^http_server' \
  | sed 's/^/metrics lines for http_server: /'

echo "== prometheus scrapes basalt, and every dashboard query runs"
for _ in $(seq 1 30); do
  up=$(curl -sf 'http://127.0.0.1:9090/api/v1/query?query=up%7Bjob%3D%22basalt%22%7D' | python3 -c \
    'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "")')
  [[ "$up" == 1 ]] && break
  sleep 2
done
echo "prometheus: up{job=\"basalt\"} = ${up:-none}"
[[ "$up" == 1 ]]
python3 - <<'EOF'
import json, urllib.parse, urllib.request
d = json.load(open('deploy/grafana/dashboards/basalt.json'))
for p in d['panels']:
    for t in p.get('targets', []):
        expr = t['expr'].replace('$__rate_interval', '1m').replace('$__interval', '1m')
        url = 'http://127.0.0.1:9090/api/v1/query?query=' + urllib.parse.quote(expr)
        r = json.load(urllib.request.urlopen(url))
        assert r['status'] == 'success', (p['title'], r)
        print(f"  {p['title']}: {len(r['data']['result'])} series")
EOF
compose ps
echo "== compose stack OK"

#!/usr/bin/env bash
# JMH micro-benchmarks of Basalt's server-free hot code (filter compilation, record JSON). No database, no server.
#
#   bench/jmh/run.sh [JMH args...]      e.g.  bench/jmh/run.sh Filter.*parse -wi 3 -i 5
#
# Builds target/benchmarks.jar from scratch (Basalt's sources are compiled into it, so a clean build always sees
# their latest state), then runs it. Arguments go to JMH unchanged: a benchmark regex, -f/-wi/-i/-w/-r, -p filter=rule,
# -prof gc, -l (list), -h (help). The defaults are in the benchmarks' annotations (1 fork, 3 x 2 s warm-up,
# 3 x 2 s measurement: about 3 minutes for all). Unless -rf/-rff is given, results are also written as JSON to
# bench/jmh/results/jmh-<time>.json. Set BENCH_SKIP_BUILD=1 to reuse the jar of the last build.
set -euo pipefail

readonly MIN_JAVA=21
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"

# Prints the major version of the java binary $1, or nothing if it does not run.
java_major() {
  local v
  v="$("$1" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')" || return 0
  v="${v#1.}"
  echo "${v%%[.+-]*}"
}

# Exports JAVA_HOME as a JDK >= MIN_JAVA: $JAVA_HOME, else the newest of /usr/lib/jvm/* (as .ci/run does).
select_jdk() {
  local candidate major best="" best_major=0
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]]; then
    major="$(java_major "$JAVA_HOME/bin/java")"
    if [[ -n "$major" && "$major" -ge $MIN_JAVA ]]; then
      export JAVA_HOME
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*/; do
    candidate="${candidate%/}"
    [[ -x "$candidate/bin/java" && -x "$candidate/bin/javac" ]] || continue
    major="$(java_major "$candidate/bin/java")"
    if [[ -n "$major" && "$major" -ge $MIN_JAVA && "$major" -gt $best_major ]]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [[ -z "$best" ]]; then
    echo "bench/jmh: no JDK $MIN_JAVA+ found (JAVA_HOME, /usr/lib/jvm/*)." >&2
    exit 1
  fi
  export JAVA_HOME="$best"
}

# True when the JMH arguments choose the result format or file themselves, or only list or print help.
has_result_option() {
  local arg
  for arg in "$@"; do
    case "$arg" in
      -rf | -rff | -l | -lp | -lprof | -lrf | -h) return 0 ;;
    esac
  done
  return 1
}

select_jdk
export PATH="$JAVA_HOME/bin:$PATH"
echo "bench/jmh: JDK $JAVA_HOME"

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 || ! -f "$here/target/benchmarks.jar" ]]; then
  echo "bench/jmh: building target/benchmarks.jar"
  mvn -q -B -f "$here/pom.xml" clean package
fi

result_args=()
if ! has_result_option "$@"; then
  mkdir -p "$here/results"
  result_file="$here/results/jmh-$(date +%Y%m%d-%H%M%S).json"
  result_args=(-rf json -rff "$result_file")
  echo "bench/jmh: JSON results to $result_file"
fi

exec "$JAVA_HOME/bin/java" -jar "$here/target/benchmarks.jar" "${result_args[@]}" "$@"

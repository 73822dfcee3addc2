#!/usr/bin/env bash
# Rolling deploys under load: a web tier of 3 replicas (with Redis sessions) takes `scaler load` at RATE req/s
# (open model, browse=80,login=20: the web tier has no database, so no notes), and WARMUP seconds in, `scaler deploy` rolls it over to a
# new version (the web.env RELEASE changes, which replaces every replica: a new image works the same way). Per run:
# failed requests of the whole load run, how long the deploy took, p99 before (the report's baseline phase) and during
# it (the fault phase: a deploy is journaled as `fault deploy web` ... `restore web`). Then one deploy to an image
# whose readiness never passes (/readyz 503 for ever: it waits for a database that is not there): the automatic
# rollback, its exit code (3) and the failed requests. The last line sums the failed requests of every run.
# Loopback and the project's own containers only; every run is bounded. Needs: the offline images, python3, a JDK 21+.
#
#   bash bench/deploy.sh                          # RUNS=5 RATE=200 DURATION=60s WARMUP=10
#   RUNS=2 DURATION=45s bash bench/deploy.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-5}"
RATE="${RATE:-200}"
DURATION="${DURATION:-60s}"
WARMUP="${WARMUP:-10}"
BROKEN=scaler/webapp-never-ready:bench
. bench/project.sh bench-deploy
bench_also_remove() { docker rmi -f "$BROKEN" >/dev/null 2>&1 || true; }

topology() { # RELEASE [IMAGE] -> a topology file
  local file="$work/v$1.yaml"
  { echo "name: $PROJECT"; echo "images: offline"; echo "loadBalancer: { port: 18680 }"; echo "cache: {}"
    echo "web:"; echo "  replicas: 3"; echo "  env: { RELEASE: '$1' }"
    [ -n "${2:-}" ] && echo "  image: $2"; } >"$file"
  echo "$file"
}

# An image whose /readyz never says ready: the web app waiting for the tables of a database that does not exist.
mkdir -p "$work/broken"
printf 'FROM scaler/webapp:offline\nENV SCALER_DB_PRIMARY_URL=jdbc:mariadb://127.0.0.1:9/none SCALER_DB_USER=nobody\n' \
  >"$work/broken/Dockerfile"
docker build -q -t "$BROKEN" "$work/broken" >/dev/null

echo "bench: scaler up $PROJECT (3 web replicas, Redis)" >&2
"$SCALER" up "$(topology 0)" >"$work/up.log" 2>&1 || { cat "$work/up.log" >&2; exit 3; }

total_failed=0
total_sent=0
one() { # RELEASE [IMAGE] -> prints one line; the deploy's exit code is the first field
  local file
  file="$(topology "$@")"
  "$SCALER" load "$PROJECT" --rate "$RATE" --duration "$DURATION" --journeys browse=80,login=20 >"$work/load.log" 2>&1 &
  local load=$!
  sleep "$WARMUP"
  local start end code=0
  start=$(date +%s.%N)
  "$SCALER" deploy --timeout 20 "$file" >"$work/deploy.log" 2>&1 || code=$?
  end=$(date +%s.%N)
  wait "$load" || true
  "$SCALER" report --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)
phase = {p["phase"]: p for p in r["phases"]}
def p99(name):
    p = phase.get(name)
    return "-" if p is None or p["latency"]["p99"] is None else "%.1f" % p["latency"]["p99"]
w = r["whole"]
print(sys.argv[1], "%.1f" % (float(sys.argv[3]) - float(sys.argv[2])), w["failed"] + w["dropped"], w["attempts"],
      p99("baseline"), p99("fault"), "%.2f" % float(open("/proc/loadavg").read().split()[0]))
' "$code" "$start" "$end"
}

echo
echo "rolling deploy 3 -> 3 web replicas to a new version under $RATE req/s ($DURATION load, deploy at ${WARMUP}s)"
printf '%-4s %-5s %-10s %-16s %-12s %-12s %s\n' run exit deploy-s failed/requests p99-before p99-during load-avg
for i in $(seq 1 "$RUNS"); do
  read -r code seconds failed attempts before during loadavg < <(one "$i")
  printf '%-4s %-5s %-10s %-16s %-12s %-12s %s\n' "$i" "$code" "$seconds" "$failed/$attempts" "$before" "$during" "$loadavg"
  total_failed=$((total_failed + failed))
  total_sent=$((total_sent + attempts))
done

echo
echo "deploy to an image whose readiness never passes (automatic rollback expected, exit 3)"
read -r code seconds failed attempts before during loadavg < <(one 99 "$BROKEN")
printf '%-4s %-5s %-10s %-16s %-12s %-12s %s\n' never "$code" "$seconds" "$failed/$attempts" "$before" "$during" "$loadavg"
grep -h "rolled back" "$work/deploy.log" | head -1
total_failed=$((total_failed + failed))
total_sent=$((total_sent + attempts))
echo
echo "failed requests during deploys: $total_failed of $total_sent"

#!/usr/bin/env bash
# `scaler load --generators N` against the starter topology (bench/starter-bench.yaml, under its own project name
# and ports): one run of RATE/s (default 300) for DURATION (default 30s), default journeys, seed 42, after `up`.
# Prints the total rate sent, the merged p99 next to each generator's own p99, the dropped arrivals per generator
# and the ledger read back as one (acknowledged, notes checked, lost). Offline images must exist
# (`./scaler images build`); run it under the Docker lock on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
rate="${RATE:-300}"
duration="${DURATION:-30s}"
generators="${GENERATORS:-3}"
project=bench-gen-starter
state=$(mktemp -d)
file="$state/$project.yaml"
sed "s/^name: bench-starter/name: $project/; s/port: 18280/port: 18480/" bench/starter-bench.yaml > "$file"
export SCALER_STATE_DIR="$state/.scaler"
cleanup() { ./scaler down "$project" >/dev/null 2>&1 || true; rm -rf "$state"; }
trap cleanup EXIT
./scaler down "$project" >/dev/null 2>&1 || true
./scaler up --images offline "$file" > "$state/up.log"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
./scaler load "$project" --generators "$generators" --rate "$rate" --duration "$duration" --seed 42 \
  > "$state/load.log" || { tail -40 "$state/load.log"; exit 1; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "generators ready" "$state/load.log" || true
./scaler report --format json > "$state/report.json"
leftover=$(docker ps -aq --filter "label=scaler.project=$project" --filter label=scaler.tier=generator | wc -l)
python3 - "$state/report.json" "$leftover" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
w, run, c = r["whole"], r["run"], r["consistency"]
print(f"generators: {run['generators']}, asked {run['rate']:g}/s for {run['durationSeconds']:g} s, seed {run['seed']}")
print(f"total: {w['attempts']} arrivals, {w['successes']} succeeded, {w['failed']} failed, {w['dropped']} dropped; "
      f"throughput {w['throughput']:.1f}/s, availability {100 * (w['availability'] or 0):.2f}%")
print(f"merged latency: p50 {w['latency']['p50']} ms, p99 {w['latency']['p99']} ms, max {w['latency']['max']} ms")
for g in r["generators"]:
    print(f"  generator {g['generator']}: seed {g['seed']}, {g['rate']:g}/s, {g['attempts']} arrivals, "
          f"{g['dropped']} dropped, {g['failed']} failed, p99 {g['p99Ms']} ms")
print(f"ledger, read back as one: {c['acknowledgedWrites']} acknowledged writes, {c['notesChecked']} notes checked, "
      f"{c['lostWrites']} lost, {c['staleReads']} stale reads, {c['lostSessions']} lost sessions")
print(f"generator containers left: {sys.argv[2]}")
PY

#!/usr/bin/env bash
# `scaler load --generators N` against the starter topology (bench/starter-bench.yaml, under its own project name
# and port): one run of RATE/s (default 300) for DURATION (default 30s), default journeys, seed 42, after `up`.
# Prints the total rate sent, the merged p99 next to each generator's own p99, the dropped arrivals per generator,
# the ledger read back as one (acknowledged, notes checked, lost), and that no generator container is left.
# With SINGLE=1 it then sends the same load (same seed) from this process alone, for comparison.
# Offline images must exist (`./scaler images build`); run it under the Docker lock on a shared machine.
#
#   bash bench/generators.sh             # RATE=300 DURATION=30s GENERATORS=3 SINGLE=0 WARMUP=10s (0: none)
set -euo pipefail
cd "$(dirname "$0")/.."
rate="${RATE:-300}"
duration="${DURATION:-30s}"
generators="${GENERATORS:-3}"
. bench/project.sh gen-bench-starter

file="$work/$PROJECT.yaml"
sed "s/^name: bench-starter/name: $PROJECT/; s/port: 18280/port: 18480/" bench/starter-bench.yaml > "$file"
"$SCALER" up --images offline "$file" > "$work/up.log" 2>&1 || { tail -40 "$work/up.log" >&2; exit 3; }

summary() { # report.json, leftover count
  python3 - "$1" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
w, run, c = r["whole"], r["run"], r["consistency"]
print(f"generators: {run['generators']}, asked {run['rate']:g}/s for {run['durationSeconds']:g} s, seed {run['seed']}")
print(f"total: {w['attempts']} requests, {w['successes']} succeeded, {w['failed']} failed, {w['dropped']} dropped; "
      f"throughput {w['throughput']:.1f}/s, availability {100 * (w['availability'] or 0):.2f}%")
print(f"merged latency: p50 {w['latency']['p50']} ms, p99 {w['latency']['p99']} ms, max {w['latency']['max']} ms")
for g in r["generators"]:
    print(f"  generator {g['generator']}: seed {g['seed']}, {g['rate']:g}/s, {g['attempts']} requests, "
          f"{g['dropped']} dropped, {g['failed']} failed, p99 {g['p99Ms']} ms")
ws = r.get("windows", [])
fails = [x["failed"] for x in ws]
print("failed per 5 s:", " ".join(str(sum(fails[i:i + 5])) for i in range(0, len(fails), 5)))
print(f"ledger, read back as one: {c['acknowledgedWrites']} acknowledged writes, {c['notesChecked']} notes checked, "
      f"{c['lostWrites']} lost, {c['staleReads']} stale reads, {c['lostSessions']} lost sessions")
if sys.argv[2] != "-":
    print(f"generator containers left: {sys.argv[2]}")
PY
}

# A system just up answers its first seconds slowly (the web replicas' JIT, the pools' first connections): without
# a warm-up, the 3 generators met all their failures in the first 5 s (310 of 11562) and the single run after them
# none, which said nothing about the generators.
warmup="${WARMUP:-10s}"
if [ "$warmup" != 0 ]; then
  "$SCALER" load "$PROJECT" --rate "$rate" --duration "$warmup" --seed 7 > "$work/warmup.log" 2>&1 || true
  echo "warm-up: $rate/s for $warmup from this process ($(grep -o 'availability *[0-9.]*%' "$work/warmup.log" | head -1 || true))"
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$SCALER" load "$PROJECT" --generators "$generators" --rate "$rate" --duration "$duration" --seed 42 \
  > "$work/load.log" 2>&1 || { tail -40 "$work/load.log" >&2; exit 1; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "generators ready" "$work/load.log" || true
"$SCALER" report --format json > "$work/report.json"
leftover=$(docker ps -aq --filter "label=scaler.project=$PROJECT" --filter label=scaler.tier=generator | wc -l)
summary "$work/report.json" "$leftover"

if [ "${SINGLE:-0}" = 1 ]; then
  echo "--- the same load from this process alone"
  "$SCALER" load "$PROJECT" --rate "$rate" --duration "$duration" --seed 42 \
    > "$work/single.log" 2>&1 || { tail -40 "$work/single.log" >&2; exit 1; }
  "$SCALER" report --format json > "$work/single.json"
  summary "$work/single.json" -
fi

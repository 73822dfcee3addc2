#!/usr/bin/env bash
# What does sampling the vital signs cost a run? The same `scaler load` (same rate, duration, journeys and seed)
# against the starter topology (under its own name and ports, bench-mon on 18580/18581), with the vital signs sampled
# every second (the default) and with --sample-interval 0s, in pairs whose order alternates (on/off, off/on, ...) so
# that the machine's other work falls on both alike. Prints each run's throughput and p99 (from `scaler report
# --format json`), the medians of each mode, and how long taking one sample took (the sampler's own figure). One
# unmeasured run goes first: the first run after `up` is slower either way.
# Loopback and the project's own containers only; every run is bounded. Needs: the offline images, python3, a JDK 21+.
#
#   bash bench/sampling.sh                      # RATE=150 DURATION=20s PAIRS=3
#   RATE=300 DURATION=30s PAIRS=4 bash bench/sampling.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v python3 >/dev/null || { echo "bench/sampling.sh needs python3" >&2; exit 2; }

RATE="${RATE:-150}"
DURATION="${DURATION:-20s}"
PAIRS="${PAIRS:-3}"
PROJECT=bench-mon
work="$(mktemp -d)"
export SCALER_STATE_DIR="$work/.scaler"
cleanup() {
  ./scaler down "$PROJECT" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

sed -e "s/^name: starter/name: $PROJECT/" -e 's/port: 8080 .*/port: 18580/' topologies/starter.yaml >"$work/$PROJECT.yaml"
./scaler down "$PROJECT" >/dev/null 2>&1 || true
echo "bench: scaler up $PROJECT (the starter topology)" >&2
./scaler up --images offline "$work/$PROJECT.yaml" >"$work/up.log" 2>&1 || { cat "$work/up.log" >&2; exit 3; }

run() { # MODE (on|off) -> one line: mode throughput p99 samples mean-sample-ms max-sample-ms
  local interval=1s
  [ "$1" = off ] && interval=0s
  ./scaler load "$PROJECT" --rate "$RATE" --duration "$DURATION" --seed 42 --sample-interval "$interval" \
    >"$work/load.log" 2>&1 || { tail -20 "$work/load.log" >&2; exit 3; }
  ./scaler report --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)
v = r["vitals"]
mean = v["meanCostMs"] if v["meanCostMs"] is not None else float("nan")
top = v["maxCostMs"] if v["maxCostMs"] is not None else float("nan")
print(sys.argv[1], round(r["whole"]["throughput"], 1), r["whole"]["latency"]["p99"], v["samples"], round(mean, 1), top)
' "$1"
}

# The first run after `up` is slower whatever it does (the replicas' JIT, pools filling, the schema): not counted.
echo "bench: one unmeasured run first (warm-up)" >&2
run off >/dev/null
: >"$work/results"
echo "bench: $PAIRS pairs of scaler load --rate $RATE --duration $DURATION (load average before: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
printf '%-4s %12s %10s %8s %15s %14s\n' mode "throughput/s" "p99 ms" samples "sample mean ms" "sample max ms"
results="$work/results"
for i in $(seq "$PAIRS"); do
  if [ $((i % 2)) = 1 ]; then order="on off"; else order="off on"; fi
  for mode in $order; do
    line=$(run "$mode")
    echo "$line" >>"$results"
    # shellcheck disable=SC2086
    printf '%-4s %12s %10s %8s %15s %14s\n' $line
  done
done
python3 - "$results" <<'EOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
def med(mode, col):
    return statistics.median(float(r[col]) for r in rows if r[0] == mode)
on_t, off_t, on_p, off_p = med("on", 1), med("off", 1), med("on", 2), med("off", 2)
print()
print(f"median throughput: sampled {on_t:.1f}/s, not sampled {off_t:.1f}/s ({(on_t - off_t) / off_t * 100:+.1f}%)")
print(f"median p99:        sampled {on_p:.1f} ms, not sampled {off_p:.1f} ms ({(on_p - off_p) / off_p * 100:+.1f}%)")
print(f"one sample of every container took {med('on', 4):.1f} ms (median of the runs' means)")
EOF
echo "bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

#!/usr/bin/env bash
# The worker tier scaling on its own: a fixed web tier (2 replicas, Redis sessions), 2 shards and a RabbitMQ queue,
# with 1, 2 and 4 workers in turn (`scaler up` after changing workers.replicas, which adds or removes only workers).
# For each count, one `scaler chaos` run of RATE req/s (browse=70,job=30) in which every worker is stopped from 5 s to
# 25 s: the queue keeps what users submit meanwhile, and once the workers are back the backlog drains. Per count:
# the backlog's peak, how long it took to fall to a tenth of it, the jobs done per second while it drained
# (peak * 0.9 / drain time, plus the jobs still arriving), lost and duplicate jobs, and the p99 of every request in
# the baseline phase (pages and submits, before the workers stop), which must not change with the number of workers:
# the two sides scale independently. Last, the memory of each queue node and worker.
# Loopback and the project's own containers only. Needs: the offline images, python3, a JDK 21+.
#
#   bash bench/workers.sh                      # COUNTS="1 2 4" RATE=100 QUEUE_NODES=1 WARMUP=15
# After each `up`, WARMUP seconds of the same load, not measured: JVMs just started answer slowly at first, which
# would show as the baseline p99 of the first count only.
#   QUEUE_NODES=3 bash bench/workers.sh        # on a 3-node cluster with a quorum queue
#   CONCURRENCY=1 bash bench/workers.sh        # one job at a time per worker (PREFETCH likewise; defaults 4 and 10)
set -euo pipefail
cd "$(dirname "$0")/.."

COUNTS="${COUNTS:-1 2 4}"
RATE="${RATE:-100}"
QUEUE_NODES="${QUEUE_NODES:-1}"
CONCURRENCY="${CONCURRENCY:-4}"
PREFETCH="${PREFETCH:-10}"
WARMUP="${WARMUP:-15}"
. bench/project.sh bench-workers

topology() { # WORKERS -> a topology file
  local file="$work/w$1.yaml"
  cat >"$file" <<YAML
name: $PROJECT
images: offline
loadBalancer: { port: 18695 }
web: { replicas: 2, sessions: redis }
cache: {}
shards: { count: 2, replicas: 0 }
queue: { nodes: $QUEUE_NODES }
workers: { replicas: $1, prefetch: $PREFETCH, concurrency: $CONCURRENCY }
YAML
  echo "$file"
}

experiment="$work/workers-drain.yaml"
cat >"$experiment" <<YAML
name: workers-drain
description: Every worker stops for 20 s, then the backlog drains.
load:
  rate: $RATE/s
  duration: 60s
  journeys: { browse: 70, job: 30 }
  timeout: 2s
steps:
  - at: 5s
    stop: workers[*]
  - at: 25s
    restore: workers[*]
hypothesis:
  lostJobs: 0
YAML

echo
echo "workers scaled under $RATE req/s (browse=70,job=30), every worker stopped 5 s..25 s, queue of $QUEUE_NODES node(s)," \
  "each worker prefetch $PREFETCH, concurrency $CONCURRENCY"
printf '%-8s %-34s %-12s %-10s %-12s %-12s %-10s %-10s %s\n' workers "up" backlog-peak drain-s "jobs/s-done" lost/dup \
  p99-baseline failed load-avg
for w in $COUNTS; do
  up_line="$("$SCALER" up --timeout 240 "$(topology "$w")" 2>"$work/up.err" | grep " is up in ")" \
    || { cat "$work/up.err" >&2; exit 3; }
  [ "$WARMUP" -eq 0 ] || "$SCALER" load "$PROJECT" --rate "$RATE" --duration "${WARMUP}s" \
    --journeys browse=70,job=30 >/dev/null 2>&1 || true
  code=0
  "$SCALER" chaos "$experiment" >"$work/chaos-$w.log" 2>&1 || code=$?
  "$SCALER" report --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)
j = r["jobs"]
rate = float(sys.argv[2]) * 0.3
peak, drain = j["backlogPeak"], j["backlogDrainSeconds"]
done = "-" if not drain else "%.0f" % (peak * 0.9 / drain + rate)
base = next((p for p in r["phases"] if p["phase"] == "baseline"), None)
p99 = "-" if base is None or base["latency"]["p99"] is None else "%.1fms" % base["latency"]["p99"]
w = r["whole"]
print("%-8s %-34s %-12s %-10s %-12s %-12s %-10s %-10s %s" % (sys.argv[1], sys.argv[3][:34], peak,
      "-" if drain is None else "%.1f" % drain, done, "%d/%d" % (j["lost"], j["duplicates"]), p99,
      "%d/%d" % (w["failed"] + w["dropped"], w["attempts"]), open("/proc/loadavg").read().split()[0]))
' "$w" "$RATE" "${up_line#* is }"
  [ "$code" -le 1 ] || { echo "scaler chaos exited $code:" >&2; tail -20 "$work/chaos-$w.log" >&2; }
done
echo
ids="$(docker ps -q --filter "label=scaler.project=$PROJECT" --filter label=scaler.tier=queue)"
ids="$ids $(docker ps -q --filter "label=scaler.project=$PROJECT" --filter label=scaler.tier=workers)"
# shellcheck disable=SC2086 # one argument per container id
echo "memory after the runs: $(docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' $ids | awk '{print $1"="$2}' \
  | tr '\n' ' ')"

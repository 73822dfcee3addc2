#!/usr/bin/env bash
# `scaler scale` under load: a web tier (Redis sessions) of FROM replicas takes `scaler load` at RATE req/s
# (browse=80,login=20), and WAIT seconds in `scaler scale PROJECT web=TO` runs. Prints how long the scale took, the
# memory each web replica uses once it serves (docker stats, mean and max), and the failed requests of the whole run
# (target 0). Loopback and the project's own containers only. Needs: the offline images, python3, a JDK 21+.
#
#   bash bench/scale.sh                  # FROM=3 TO=24 RATE=200 DURATION=90s WAIT=10
set -euo pipefail
cd "$(dirname "$0")/.."
command -v python3 >/dev/null || { echo "bench/scale.sh needs python3" >&2; exit 2; }

FROM="${FROM:-3}"
TO="${TO:-24}"
RATE="${RATE:-200}"
DURATION="${DURATION:-90s}"
WAIT="${WAIT:-10}"
SCALER="${SCALER:-./scaler}"
PROJECT=bench-scale
work="$(mktemp -d)"
export SCALER_STATE_DIR="$work/.scaler"
cleanup() {
  "$SCALER" down "$PROJECT" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

file="$work/$PROJECT.yaml"
printf 'name: %s\nimages: offline\nloadBalancer: { port: 18695 }\ncache: {}\nweb: { replicas: %s }\n' "$PROJECT" "$FROM" >"$file"
"$SCALER" down "$PROJECT" >/dev/null 2>&1 || true
echo "bench: scaler up $PROJECT ($FROM web replicas)" >&2
"$SCALER" up "$file" >"$work/up.log" 2>&1 || { cat "$work/up.log" >&2; exit 3; }
"$SCALER" load "$PROJECT" --rate "$RATE" --duration "$DURATION" --journeys browse=80,login=20 >"$work/load.log" 2>&1 &
load=$!
sleep "$WAIT"
code=0
start=$(date +%s.%N)
"$SCALER" scale "$PROJECT" "web=$TO" >"$work/scale.log" 2>&1 || code=$?
end=$(date +%s.%N)
tail -1 "$work/scale.log"
docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' | grep "^$PROJECT-web-" >"$work/mem.txt" || true
wait "$load" || true
"$SCALER" report --format json | python3 -c '
import json, re, sys
r = json.load(sys.stdin)
code, start, end, src, dst, rate, memfile = sys.argv[1:8]
units = {"B": 1, "KiB": 1024, "MiB": 1024 ** 2, "GiB": 1024 ** 3}
mem = []
for line in open(memfile):
    m = re.match(r"\S+ ([0-9.]+)([KMG]?i?B) /", line)
    if m:
        mem.append(float(m.group(1)) * units[m.group(2)] / 1024 ** 2)
w = r["whole"]
print("scale web=%s -> web=%s under %s req/s: exit %s, %.1fs" % (src, dst, rate, code, float(end) - float(start)))
if mem:
    print("memory per web replica (%d replicas, docker stats): mean %.0f MiB, max %.0f MiB" % (len(mem), sum(mem) / len(mem), max(mem)))
print("p99 of the run: %.1fms" % w["latency"]["p99"])
print("failed requests during the scale: %d of %d (dropped %d)" % (w["failed"] + w["dropped"], w["attempts"], w["dropped"]))
' "$code" "$start" "$end" "$FROM" "$TO" "$RATE" "$work/mem.txt"

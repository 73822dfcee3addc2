#!/usr/bin/env bash
# The autoscaler under a stage ramp: a web tier (Redis sessions) starts at MIN replicas with web.autoscale
# (target TARGET requests/s per replica, up at once by at most 4, down after WINDOW by at most 2), and
# `scaler load --autoscale` sends k6-style stages LOW -> PEAK -> LOW req/s (open model, browse=80,login=20).
# From the run's report: the replica count over time (the autoscaler's events), the time from the load crossing the
# target to the new replicas serving, p99 during the climb and at the peak, the scale-in after the window, and the
# failed requests (target 0). The HTML report (replicas against load and p99) is kept as autoscale-report.html.
# Loopback and the project's own containers only. Needs: the offline images, python3, a JDK 21+.
#
#   bash bench/autoscale.sh                          # LOW=50 PEAK=600 TARGET=100 MIN=2 MAX=8 WINDOW=30s
#   PEAK=300 bash bench/autoscale.sh                 # a lower peak when one machine cannot serve 600/s
set -euo pipefail
cd "$(dirname "$0")/.."
command -v python3 >/dev/null || { echo "bench/autoscale.sh needs python3" >&2; exit 2; }

LOW="${LOW:-50}"
PEAK="${PEAK:-600}"
TARGET="${TARGET:-100}"
MIN="${MIN:-2}"
MAX="${MAX:-8}"
WINDOW="${WINDOW:-30s}"
STAGES="${STAGES:-0s:$LOW,15s:$LOW,30s:$PEAK,30s:$PEAK,15s:$LOW,60s:$LOW}"
SCALER="${SCALER:-./scaler}"
OUT="${OUT:-autoscale-report.html}"
PROJECT=bench-autoscale
work="$(mktemp -d)"
export SCALER_STATE_DIR="$work/.scaler"
cleanup() {
  "$SCALER" down "$PROJECT" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

file="$work/$PROJECT.yaml"
cat >"$file" <<YAML
name: $PROJECT
images: offline
loadBalancer: { port: 18690 }
cache: {}
web:
  replicas: $MIN
  autoscale:
    min: $MIN
    max: $MAX
    target: { requestsPerReplica: $TARGET/s }
    scaleUp: { window: 0s, step: 4 }
    scaleDown: { window: $WINDOW, step: 2 }
YAML

"$SCALER" down "$PROJECT" >/dev/null 2>&1 || true
echo "bench: scaler up $PROJECT ($MIN web replicas, autoscale $MIN..$MAX at $TARGET req/s per replica)" >&2
"$SCALER" up "$file" >"$work/up.log" 2>&1 || { cat "$work/up.log" >&2; exit 3; }
echo "bench: scaler load $PROJECT --autoscale --stages $STAGES" >&2
code=0
"$SCALER" load "$PROJECT" --autoscale --stages "$STAGES" --journeys browse=80,login=20 >"$work/load.log" 2>&1 || code=$?
"$SCALER" report --format html --out "$OUT" >/dev/null
"$SCALER" report --format json | python3 -c '
import json, re, sys
r = json.load(sys.stdin)
code, stages, out = sys.argv[1], sys.argv[2], sys.argv[3]
w = r["whole"]
rows = r["windows"]
events = [e for e in r["events"] if e["type"] == "scale"]
print("stages %s (exit %s); report: %s" % (stages, code, out))
print()
print("%-7s %-11s %s" % ("t", "decision", "figures"))
for e in events:
    print("%-7s %-11s %s" % ("%.1fs" % e["t"], e["action"], e["detail"]))
print()
series = {s["signal"]: s["values"] for s in r["vitals"]["series"]}
reps = series.get("webReplicas", [])
print("replicas answering, every 5 s: " + " ".join("-" if v is None else "%d" % v for v in reps[::5]))
peak = max(x["targetRate"] for x in rows)
climb = [x for x in rows if x["targetRate"] > rows[0]["targetRate"] * 1.05 and x["targetRate"] < peak * 0.99]
climb = [x for x in climb if rows.index(x) < [y["targetRate"] for y in rows].index(peak)]
held = [x for x in rows if x["targetRate"] >= peak * 0.99]
def p99(ws):
    vals = [x["p99"] for x in ws if x["p99"] is not None]
    return "-" if not vals else "%.1fms (worst second %.1fms)" % (sorted(vals)[len(vals) // 2], max(vals))
print("p99 during the climb: median second %s" % p99(climb))
print("p99 at the peak:      median second %s" % p99(held))
lag = [float(m.group(1)) for e in events if e["action"] == "scaled"
       for m in [re.search(r"([0-9.]+)s after the reading that first crossed the target", e["detail"])] if m]
print("target crossed -> new replicas serving: %s" % (", ".join("%.1fs" % x for x in lag) or "-"))
downs = [e for e in events if e["action"] == "scale-down"]
print("scale-in: %s" % (", ".join("%.1fs" % e["t"] for e in downs) or "none"))
print()
print("failed requests during autoscaling: %d of %d (dropped %d)" % (w["failed"] + w["dropped"], w["attempts"], w["dropped"]))
' "$code" "$STAGES" "$OUT"

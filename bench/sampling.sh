#!/usr/bin/env bash
# What does sampling the vital signs cost a run? The same `scaler load` (same rate, duration, journeys and seed)
# against the starter topology (under its own name and ports, bench-mon on 18580/18581), with the vital signs sampled
# every second (the default, "on") and with --sample-interval 0s ("off"), interleaved in pairs whose order alternates
# (on off, off on, on off, ...) so that the shared machine's other work falls on both alike. For each run it prints
# throughput and p99 (from `scaler report --format json`), the CPU time of the whole `scaler load` JVM (user + system,
# from the kernel's accounting of the child process: load generation, and the sampler when on), how long one sample
# took, and the load average when the run ended; then per mode the median with the spread (min..max) and the
# difference of the medians. One unmeasured run goes first: the first run after `up` is slower either way.
# Loopback and the project's own containers only; every run is bounded. Needs: the offline images, python3, a JDK 21+.
#
#   bash bench/sampling.sh                      # RATE=150 DURATION=20s PAIRS=5
#   RATE=300 DURATION=30s PAIRS=4 bash bench/sampling.sh
#   SCALER=/path/to/launcher bash bench/sampling.sh   # another launcher (default: ./scaler of this checkout)
set -euo pipefail
cd "$(dirname "$0")/.."

RATE="${RATE:-150}"
DURATION="${DURATION:-20s}"
PAIRS="${PAIRS:-5}"
. bench/project.sh bench-mon

sed -e "s/^name: starter/name: $PROJECT/" -e 's/port: 8080 .*/port: 18580/' topologies/starter.yaml >"$work/$PROJECT.yaml"
echo "bench: scaler up $PROJECT (the starter topology)" >&2
"$SCALER" up --images offline "$work/$PROJECT.yaml" >"$work/up.log" 2>&1 || { cat "$work/up.log" >&2; exit 3; }

run() { # MODE (on|off) -> one line: mode throughput p99 cpu-s samples mean-sample-ms max-sample-ms load-average
  local interval=1s
  [ "$1" = off ] && interval=0s
  # The child's CPU time as the kernel accounts it (getrusage of the finished child): the whole JVM of `scaler load`.
  python3 -c '
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
u = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write(f"{u.ru_utime + u.ru_stime:.2f}\n")
sys.exit(code)
' "$work/cpu" "$SCALER" load "$PROJECT" --rate "$RATE" --duration "$DURATION" --seed 42 \
    --sample-interval "$interval" >"$work/load.log" 2>&1 || { tail -20 "$work/load.log" >&2; exit 3; }
  "$SCALER" report --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)
v = r["vitals"]
mean = v["meanCostMs"] if v["meanCostMs"] is not None else float("nan")
top = v["maxCostMs"] if v["maxCostMs"] is not None else float("nan")
print(sys.argv[1], round(r["whole"]["throughput"], 1), round(r["whole"]["latency"]["p99"], 1), sys.argv[2],
      v["samples"], round(mean, 1), top, sys.argv[3])
' "$1" "$(cat "$work/cpu")" "$(cut -d' ' -f1 /proc/loadavg)"
}

# The first run after `up` is slower whatever it does (the replicas' JIT, pools filling, the schema): not counted.
echo "bench: one unmeasured run first (warm-up)" >&2
run off >/dev/null
: >"$work/results"
echo "bench: $PAIRS pairs of scaler load --rate $RATE --duration $DURATION (load average before: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
fmt='%-4s %12s %10s %10s %8s %15s %14s %9s\n'
# shellcheck disable=SC2059
printf "$fmt" mode "throughput/s" "p99 ms" "JVM cpu s" samples "sample mean ms" "sample max ms" "load avg"
results="$work/results"
for i in $(seq "$PAIRS"); do
  if [ $((i % 2)) = 1 ]; then order="on off"; else order="off on"; fi
  for mode in $order; do
    line=$(run "$mode")
    echo "$line" >>"$results"
    # shellcheck disable=SC2059,SC2086
    printf "$fmt" $line
  done
done
python3 - "$results" "$DURATION" <<'EOF'
import os, statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
def col(mode, c):
    return [float(r[c]) for r in rows if r[0] == mode]
def line(name, c, unit, fmt="{:.1f}"):
    on, off = col("on", c), col("off", c)
    m_on, m_off = statistics.median(on), statistics.median(off)
    f = lambda x: fmt.format(x)
    print(f"{name:<11} sampled {f(m_on)}{unit} ({f(min(on))}..{f(max(on))}), not sampled {f(m_off)}{unit} "
          f"({f(min(off))}..{f(max(off))}): {m_on - m_off:+.2f}{unit} ({(m_on - m_off) / m_off * 100:+.1f}%)")
print()
print(f"medians of {len(col('on', 1))} runs each (min..max):")
line("throughput", 1, "/s")
line("p99", 2, " ms")
line("JVM cpu", 3, " s", "{:.2f}")
seconds = float(sys.argv[2].rstrip("s"))
d = statistics.median(col("on", 3)) - statistics.median(col("off", 3))
print(f"the sampler's own CPU: {d * 1000 / seconds:.0f} ms per second of run (difference of the medians / {seconds:.0f} s)")
print(f"one sample of every container took {statistics.median(col('on', 5)):.1f} ms (median of the runs' means)")
loads = [float(r[7]) for r in rows]
print(f"load average (1 min) at the end of the runs: {min(loads):.1f}..{max(loads):.1f} on {os.cpu_count()} cores")
EOF
echo "bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

#!/usr/bin/env bash
# The chaos guardrails on a real project (HAProxy, two web replicas, Redis behind Toxiproxy; offline images), for
# docs/report.md and docs/experiments.md:
#   1. a steady state the baseline cannot meet (a median of 10 µs, which no request through HAProxy meets): the
#      exit code, the verdict, and the toxics in effect right after (none: nothing was injected);
#   2. every web replica killed and Redis slowed under an abort line `availability over 2s < 50%`, REPEAT times
#      (default 3): when the breach was seen, when the rollback was done, the time between, the exit code;
#   3. the same guardrails around a mild fault (20 ms on Redis for 4 s): both hold, exit 0.
# Leaves nothing running. Port 18380 must be free.
#
#   REPEAT=3 bench/guardrails.sh
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=${REPEAT:-3}
experiments=cli/src/test/resources/experiments/guardrails   # the same files GuardrailsIT runs
tmp=$(mktemp -d)
export SCALER_STATE_DIR="$tmp/state"
trap './scaler down guard-bench >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT

cat > "$tmp/guard-bench.yaml" <<'YAML'
name: guard-bench
images: offline
loadBalancer: { port: 18380 }
web: { replicas: 2, sessions: redis }
cache: { replicas: 0 }
proxies: true
YAML

toxics() { # asked of the project's Toxiproxy, whose API is published on 127.0.0.1
  curl -s "http://$(docker port guard-bench-proxy 8474 | head -1)/proxies" \
    | python3 -c 'import json,sys; print(sum(len(p["toxics"]) for p in json.load(sys.stdin).values()))'
}
run() { # name: prints the exit code and the guardrail and verdict lines of the report
  local code=0
  ./scaler chaos "$experiments/$1.yaml" guard-bench --warmup 0s --seed 7 > "$tmp/$1.out" 2>&1 || code=$?
  grep -E 'steady state|abort line|rolled back|^(PASSED|DEVIATED|ABORTED|FAILED-PRECONDITION|no hypothesis)' \
    "$tmp/$1.out" | grep -v '^ *[0-9.]*s  ' || true
  echo "exit $code; toxics in effect after: $(toxics); web: $(docker inspect -f '{{.State.Status}}' guard-bench-web-1 guard-bench-web-2 | tr '\n' ' ')"
}

echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
./scaler up "$tmp/guard-bench.yaml" | grep ' is up in'
echo "== 1. steady state not met"; run unsteady
for i in $(seq 1 "$repeat"); do
  echo "== 2. abort line tripped ($i of $repeat)"; run breaking
  sleep 5
done
echo "== 3. both guardrails hold"; run mild
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"

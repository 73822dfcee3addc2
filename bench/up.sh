#!/usr/bin/env bash
# Wall time of `scaler up` (images present, until every container is healthy) and `scaler down` for the
# web tier, next to docker-compose on an equivalent compose file, and next to the slowest container's
# own time to ready. Prints medians of N runs (default 5). Needs: a Docker engine, the offline images
# (`./scaler images build`), docker-compose (Debian's package), python3.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v docker-compose >/dev/null || { echo "bench/up.sh needs docker-compose (apt-get install docker-compose)" >&2; exit 2; }
runs="${RUNS:-5}"
topology="bench/web-tier-bench.yaml"
work="$(mktemp -d)"
trap 'docker-compose -p scaler-bench-compose -f "$work/compose.yml" down -v >/dev/null 2>&1 || true; ./scaler down --project bench-web >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$(now)"; }
median() { python3 -c "import statistics,sys; print(f'{statistics.median(map(float, sys.argv[1:])):.2f}')" "$@"; }

all_healthy() { # all containers of a compose project healthy
  local ids; ids=$(docker ps -aq --filter "label=com.docker.compose.project=$1")
  [ -n "$ids" ] || return 1
  [ -z "$(docker inspect -f '{{.State.Health.Status}}' $ids | grep -v '^healthy$')" ]
}

wait_until() { # SECONDS COMMAND...: poll until the command succeeds; fail the benchmark after SECONDS
  local limit=$1; shift; local end=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $end ] || { echo "bench: gave up after ${limit}s waiting for: $*" >&2; exit 3; }
    sleep 0.05
  done
}

./scaler --version >/dev/null   # build the tool before timing anything
./scaler images list --images offline

# The compose file gets the very configuration files the plan holds, with a fixed bench password.
./scaler plan --format json --images offline "$topology" > "$work/plan.json"
python3 - "$work" <<'PY'
import json, sys, os
work = sys.argv[1]
plan = json.load(open(os.path.join(work, "plan.json")))["plan"]
secret = "benchpassword"
def fill(s): return s.replace("${secret:redis.password}", secret)
svc = {}
for c in plan["containers"]:
    for f in c["files"]:
        name = os.path.basename(f["path"])
        open(os.path.join(work, name), "w").write(fill(f["content"]))
hc = lambda c: {"test": c["healthCheck"]["test"], "interval": "1s", "timeout": "2s", "retries": 3, "start_period": "30s"}
web = [c for c in plan["containers"] if c["tier"] == "WEB"]
cache = next(c for c in plan["containers"] if c["tier"] == "CACHE")
lb = next(c for c in plan["containers"] if c["tier"] == "LB")
env = {k: fill(v).replace(cache["name"], "cache") for k, v in web[0]["env"].items() if k != "SCALER_INSTANCE"}
compose = {
  "version": "2.4",
  "services": {
    "cache": {"image": cache["image"], "command": cache["command"], "environment": {"REDISCLI_AUTH": secret},
              "volumes": [f"{work}/redis.conf:/usr/local/etc/redis/redis.conf:ro", "cache-data:/data"],
              "healthcheck": hc(cache)},
    "web": {"image": web[0]["image"], "scale": len(web), "environment": env, "healthcheck": hc(web[0]),
            "depends_on": {"cache": {"condition": "service_healthy"}}},
    "lb": {"image": lb["image"], "command": lb["command"],
           "volumes": [f"{work}/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro"],
           "ports": ["127.0.0.1:18181:8080"], "healthcheck": hc(lb),
           "depends_on": {"web": {"condition": "service_healthy"}}},
  },
  "volumes": {"cache-data": {}},
}
# Compose needs $$ for a literal $ in the health check's shell text.
text = json.dumps(compose, indent=2).replace("$(", "$$(").replace("$status", "$$status")
open(os.path.join(work, "compose.yml"), "w").write(text)
PY
web_check=$(python3 -c "import json,sys; p=json.load(open(sys.argv[1]))['plan']; print(next(c for c in p['containers'] if c['tier']=='WEB')['healthCheck']['test'][3])" "$work/plan.json")

scaler_up=(); scaler_down=(); compose_up=(); compose_down=(); single=()
for i in $(seq "$runs"); do
  t=$(now); ./scaler up --images offline "$topology" >/dev/null; scaler_up+=("$(since "$t")")
  t=$(now); ./scaler down --project bench-web >/dev/null; scaler_down+=("$(since "$t")")

  t=$(now); docker-compose -p scaler-bench-compose -f "$work/compose.yml" up -d >/dev/null 2>&1
  wait_until 120 all_healthy scaler-bench-compose; compose_up+=("$(since "$t")")
  t=$(now); docker-compose -p scaler-bench-compose -f "$work/compose.yml" down -v >/dev/null 2>&1; compose_down+=("$(since "$t")")

  # The slowest container on its own: the web app (a JVM), from `docker run` until its own health
  # check script first passes (polled with docker exec, finer than Docker's 1 s health interval).
  t=$(now); id=$(docker run -d --label scaler.bench=1 scaler/webapp:offline)
  wait_until 60 docker exec "$id" bash -c "$web_check"
  single+=("$(since "$t")"); docker rm -f -v "$id" >/dev/null
done

su=$(median "${scaler_up[@]}"); sd=$(median "${scaler_down[@]}")
cu=$(median "${compose_up[@]}"); cd_=$(median "${compose_down[@]}"); sg=$(median "${single[@]}")
echo
echo "web tier (LB + 3 web + Redis), offline images present, median of $runs runs"
printf '%-34s %8s\n' "what" "seconds"
printf '%-34s %8s\n' "scaler up (to all healthy)" "$su"
printf '%-34s %8s\n' "docker-compose up -d + healthy" "$cu"
printf '%-34s %8s\n' "ratio scaler/compose (up)" "$(python3 -c "print(f'{$su/$cu:.2f}')")"
printf '%-34s %8s\n' "slowest container alone (webapp)" "$sg"
printf '%-34s %8s\n' "ratio scaler up/slowest alone" "$(python3 -c "print(f'{$su/$sg:.2f}')")"
printf '%-34s %8s\n' "scaler down" "$sd"
printf '%-34s %8s\n' "docker-compose down -v" "$cd_"
echo "runs: scaler up ${scaler_up[*]} | compose up ${compose_up[*]} | alone ${single[*]}"

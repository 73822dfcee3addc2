#!/usr/bin/env bash
# A local Swarm of `scaler cluster up`, measured: the time `cluster up --nodes 3` takes, the memory of
# each idle node, then with a 3-replica dnsrr service of the Redis image: a killed node's time until a
# manager marks it Down, until its task runs elsewhere, and after `docker start` until it is Ready
# again; then `cluster down`. Runs under the shared Docker lock like every Docker command here.
#
#   bench/cluster.sh [RUNS]     (default 1; each run makes and removes its own cluster)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-1}
name=bench-swarm
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
# until CMD prints WANT, for at most 90 s
until_is() { local want=$1 i; shift; for i in $(seq 360); do [ "$("$@" 2>/dev/null)" = "$want" ] && return 0; sleep 0.25; done; return 1; }
trap './scaler cluster down "$name" >/dev/null 2>&1 || true' EXIT

for run in $(seq "$runs"); do
  t0=$(now)
  ./scaler -q cluster up --nodes 3 --name "$name" --images redis >/dev/null
  up=$(since "$t0")
  mem=$(for n in 1 2 3; do docker stats --no-stream --format '{{.MemUsage}}' "$name-node-$n" | cut -d/ -f1; done | paste -sd' ')
  m="docker -H tcp://172.29.$(docker network inspect -f '{{(index .IPAM.Config 0).Subnet}}' "scaler-cluster-$name" | cut -d. -f3).11:2375"
  $m service create -q --detach --name echo --replicas 3 --endpoint-mode dnsrr --no-resolve-image scaler/redis:offline >/dev/null
  until_is 3 sh -c "$m service ps --filter desired-state=running --format '{{.CurrentState}}' echo | grep -c ^Running"
  victim=$name-node-3
  t1=$(now)
  docker kill "$victim" >/dev/null
  until_is down $m node inspect -f '{{.Status.State}}' "$victim"
  down=$(since "$t1")
  until_is 3 sh -c "$m service ps --filter desired-state=running --format '{{.Node}} {{.CurrentState}}' echo | grep -v '^$victim ' | grep -c ' Running'"
  moved=$(since "$t1")
  t2=$(now)
  docker start "$victim" >/dev/null
  until_is ready $m node inspect -f '{{.Status.State}}' "$victim"
  ready=$(since "$t2")
  t3=$(now)
  ./scaler -q cluster down "$name" >/dev/null
  gone=$(since "$t3")
  left=$( (ls -d /sys/fs/cgroup/*/"$name"-node-* 2>/dev/null || true) | wc -l)
  echo "run $run: up ${up}s; idle nodes $mem; kill-node: down after ${down}s, task elsewhere after ${moved}s; restart: ready after ${ready}s; down ${gone}s, cgroup dirs left $left"
done

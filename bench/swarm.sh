#!/usr/bin/env bash
# The starter topology on a real 3-node Swarm of `scaler cluster up`, and node faults under load:
#
#   1. `scaler cluster up --nodes 3` (every offline image copied in), `scaler up --cluster` of the
#      starter with `proxies: false` (the swarm backend does not set up Toxiproxy): up time, which
#      node runs what, memory per node;
#   2. RUNS times, each on a fresh `up` (Swarm does not move tasks back to a node that returns): the
#      built-in `scaler chaos kill-node` (a node that runs no load balancer, killed at 10 s under
#      100/s and started again at 45 s): availability, recovery, lost writes, and when each task the
#      node ran was running again on another node (Swarm's own task timestamps);
#   3. once, on a fresh `up`: the built-in `partition-node`: what users felt, and the leader before,
#      during, after;
#   4. `scaler down` and `scaler cluster down`, then what is left on the host.
#
#   bench/swarm.sh              RUNS=3 by default
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
runs=${RUNS:-3}
cluster=bench-swarm-starter
project=swarm-starter
work=$(mktemp -d)
cd "$work"
# The runs stay in $work/.scaler/runs for `scaler report` (the path is printed at the end).
trap '"$root/scaler" -q down --cluster "$cluster" "$project" >/dev/null 2>&1 || true; "$root/scaler" -q cluster down "$cluster" >/dev/null 2>&1 || true; echo "runs kept in $work/.scaler/runs (cd there and scaler report --run ID)"' EXIT
scaler() { "$root/scaler" "$@"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

t0=$(now)
scaler -q cluster up --nodes 3 --name "$cluster" >/dev/null
echo "cluster up --nodes 3 (every offline image): $(since "$t0") s"
subnet=$(docker network inspect -f '{{(index .IPAM.Config 0).Subnet}}' "scaler-cluster-$cluster" | cut -d. -f1-3)
api() { curl -sf "http://$subnet.$1:2375$2"; }

sed -e "s/^name: starter/name: $project/" -e 's/^proxies: true.*/proxies: false/' "$root/topologies/starter.yaml" > starter.yaml
scaler up --cluster "$cluster" starter.yaml > up.log
grep " is up on cluster " up.log
sed -n '/ is up on cluster /,$p' up.log | tail -n +2
scaler cluster status "$cluster" | awk '{ printf "  %s", $1; for (i = 9; i <= NF; i++) printf " %s", $i; print "" }'

summary() { # LOG
  awk '/^  availability/ { print "  availability whole/baseline/fault/recovery: " $2 " " $3 " " $4 " " $5 }
       /^  p99 / { print "  p99 whole/baseline/fault/recovery: " $2 " " $3 " " $4 " " $5 }
       / (kill|partition)-node node/ && /recover/ { sub(/^ +/, ""); print "  fault: " $0 }
       /^consistency/ { sub(/^consistency +/, ""); print "  consistency: " $0 }
       /^(CONFIRMED|DEVIATED)/ { print "  " $0 }' "$1"
}
# The node a run's fault landed on, from its timeline (the fault event's detail names it).
victim() { python3 -c 'import json,sys; print([e for e in map(json.loads, open(sys.argv[1])) if e["type"] == "fault"][0]["detail"])' "$1/events.jsonl"; }
fresh_up() { # every run starts from the same placement: Swarm does not move tasks back after a node returns
  scaler -q down --cluster "$cluster" "$project" >/dev/null 2>&1 || true
  scaler -q up --cluster "$cluster" starter.yaml >/dev/null
}
# Each run is the built-in experiment as shipped (chaos-scripts/), on a fresh `up`.
for run in $(seq "$runs"); do
  [ "$run" = 1 ] || fresh_up
  before=$(scaler cluster status "$cluster")
  code=0; scaler chaos --cluster "$cluster" kill-node "$project" > chaos.log 2>&1 || code=$?
  run_dir=$(ls -td .scaler/runs/* | head -1)
  node=$(victim "$run_dir")
  echo "kill-node run $run: $node (no load balancer), leader before: $(awk '$7 == "yes" { print $1 }' <<<"$before"); exit $code, run $(basename "$run_dir")"
  echo "  it ran: $(awk -v node="$node" '$1 == node { for (i = 11; i <= NF; i++) print $i }' <<<"$before" | sed "s/^$project-//" | paste -sd' ')"
  summary chaos.log
  python3 -c 'import json,sys,collections; v=json.load(open(sys.argv[1])); print("  lost writes by reason:", dict(collections.Counter(l["reason"] for l in v["lost"])) or "-")' "$run_dir/verification.json"
  n=${node##*-}
  started=$(grep -o '"startedAt" *: *"[^"]*"' "$run_dir/run.json" | head -1 | cut -d'"' -f4)
  inject=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["inEffect"])' "$run_dir/injections.jsonl")
  # When each task the node ran was running on another node, from Swarm's own task timestamps,
  # relative to the moment the fault was in effect (the run's injections.jsonl).
  for m in 11 12 13; do [ "$m" = "1$n" ] || { api "$m" /tasks && break; }; done | python3 -c '
import json, sys, datetime
tasks = json.load(sys.stdin)
victim, started, inject = sys.argv[1], sys.argv[2], float(sys.argv[3])
def at(ts):
    ts = ts.rstrip("Z")
    base, _, frac = ts.partition(".")
    return datetime.datetime.fromisoformat(base).replace(tzinfo=datetime.timezone.utc).timestamp() + float("0." + (frac or "0"))
kill = at(started) + inject
moved = []
for t in tasks:
    if t.get("NodeID") == victim or t["DesiredState"] != "running" or t["Status"]["State"] != "running":
        continue
    # a task created after the kill whose slot (or service) had one on the victim before it
    if at(t["CreatedAt"]) < kill:
        continue
    same = [o for o in tasks if o["ServiceID"] == t["ServiceID"] and o.get("Slot") == t.get("Slot")
            and o.get("NodeID") == victim and at(o["CreatedAt"]) < kill]
    if same:
        moved.append(at(t["Status"]["Timestamp"]) - kill)
print("  tasks of the killed node running on another node: %d, after %s s" % (len(moved),
      ", ".join("%.1f" % m for m in sorted(moved)) or "-"))
' "$(api 1$((n == 1 ? 2 : 1)) /nodes | python3 -c 'import json,sys; print([x["ID"] for x in json.load(sys.stdin) if x["Description"]["Hostname"] == sys.argv[1]][0])' "$node")" "$started" "$inject"
done

fresh_up
leaders() { scaler cluster status "$cluster" 2>/dev/null | awk '$7 == "yes" { print $1 }' | paste -sd, ; }
before=$(scaler cluster status "$cluster")
echo "partition-node: leader before: $(leaders)"
(for i in $(seq 16); do sleep 5; echo "    +$((i * 5))s leader: $(leaders || true)"; done) > leaders.log &
code=0; scaler chaos --cluster "$cluster" partition-node "$project" > chaos.log 2>&1 || code=$?
wait
run_dir=$(ls -td .scaler/runs/* | head -1)
node=$(victim "$run_dir")
echo "  $node (no load balancer) cut off; exit $code, run $(basename "$run_dir")"
echo "  it ran: $(awk -v node="$node" '$1 == node { for (i = 11; i <= NF; i++) print $i }' <<<"$before" | sed "s/^$project-//" | paste -sd' ')"
summary chaos.log
python3 -c 'import json,sys,collections; v=json.load(open(sys.argv[1])); print("  lost writes by reason:", dict(collections.Counter(l["reason"] for l in v["lost"])) or "-")' "$run_dir/verification.json"
cat leaders.log

t0=$(now)
scaler -q down --cluster "$cluster" "$project" >/dev/null
echo "down: $(since "$t0") s"
left=0
for m in 11 12 13; do
  c=$(DOCKER_HOST=tcp://$subnet.$m:2375 docker ps -aq --filter "label=scaler.project=$project" | wc -l)
  v=$(DOCKER_HOST=tcp://$subnet.$m:2375 docker volume ls -q --filter "label=scaler.project=$project" | wc -l)
  left=$((left + c + v))
done
echo "  left on the nodes: $left containers and volumes of $project"
t0=$(now)
scaler -q cluster down "$cluster" >/dev/null
echo "cluster down: $(since "$t0") s"
echo "  left on the host: $(docker ps -aq --filter "label=scaler.cluster=$cluster" | wc -l) containers, $(docker volume ls -q --filter "label=scaler.cluster=$cluster" | wc -l) volumes, $(docker network ls -q --filter "label=scaler.cluster=$cluster" | wc -l) networks, $( (ls -d /sys/fs/cgroup/*/"$cluster"-node-* 2>/dev/null || true) | wc -l) cgroup dirs"

#!/usr/bin/env bash
# What the failover agent costs while nothing fails: the starter brought up, then for SECONDS (20 by
# default) the CPU time of the agent's container and of each MySQL/MariaDB server it probes, read
# from their cgroups (cpu.stat usage_usec) before and after, printed as a share of one core.
# The agent probes every server twice a second; this is what that costs, on both sides.
#
#   bench/agent.sh             SECONDS_IDLE=20 by default
#
# No peer tool is run: Orchestrator and MHA are not packaged for these machines.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
window=${SECONDS_IDLE:-20}
project=bench-agent
work=$(mktemp -d)
trap '"$root/scaler" -q down "$project" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
cd "$work"
sed -e "s/^name: starter/name: $project/" -e 's/port: 8080/port: 18280/' \
  "$root/topologies/starter.yaml" > starter.yaml
"$root/scaler" -q up starter.yaml > up.log

usage() { # CONTAINER: microseconds of CPU its cgroup used so far
  local id dir
  id=$(docker inspect -f '{{.Id}}' "$1")
  dir=$(find /sys/fs/cgroup -maxdepth 4 -type d -name "*$id*" -print -quit)
  awk '$1 == "usage_usec" { print $2 }' "$dir/cpu.stat"
}

agent="$project-agent"
mapfile -t servers < <(docker ps --filter "label=scaler.project=$project" --format '{{.Names}}' \
  | grep -E -- "-(db-[0-9]+|shard-[0-9]+-[0-9]+)$" | sort)
sleep 5 # past the agent's set-up rounds
declare -A before
for c in "$agent" "${servers[@]}"; do before[$c]=$(usage "$c"); done
sleep "$window"
total=0
printf '%-28s %s\n' "container" "CPU, share of one core over ${window} s"
for c in "$agent" "${servers[@]}"; do
  used=$(( $(usage "$c") - ${before[$c]} ))
  if [ "$c" = "$agent" ]; then agent_used=$used; else total=$(( total + used )); fi
  awk -v c="$c" -v u="$used" -v w="$window" 'BEGIN { printf "%-28s %.3f\n", c, u / 1e6 / w }'
done
awk -v n="${#servers[@]}" -v u="$total" -v w="$window" \
  'BEGIN { printf "%d servers together: %.3f of a core\n", n, u / 1e6 / w }'
awk -v u="$agent_used" -v w="$window" 'BEGIN { printf "agent idle CPU: %.3f of a core\n", u / 1e6 / w }'

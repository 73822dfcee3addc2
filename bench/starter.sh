#!/usr/bin/env bash
# The starter topology (topologies/starter.yaml): `scaler up` wall time from nothing to every
# container healthy (median of RUNS, default 3), then memory per container and per tier from
# `docker stats` with the system idle after 20 s. Offline images must exist (`./scaler images build`).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-3}"
file=topologies/starter.yaml
now() { date +%s.%N; }
times=()
./scaler down --project starter >/dev/null 2>&1 || true
for i in $(seq "$runs"); do
  t=$(now); ./scaler up --images offline "$file" >/dev/null
  times+=("$(python3 -c "print(f'{$(now) - $t:.1f}')")")
  [ "$i" = "$runs" ] || ./scaler down --project starter >/dev/null
done
sleep 20
docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' $(docker ps -q --filter label=scaler.project=starter) > /tmp/starter-stats.txt
./scaler down --project starter >/dev/null
python3 - "${times[@]}" <<'PY'
import re, statistics, sys
times = [float(t) for t in sys.argv[1:]]
unit = {"B": 1 / 2**20, "KiB": 1 / 1024, "MiB": 1, "GiB": 1024}
tiers = {}
rows = []
for line in open("/tmp/starter-stats.txt"):
    name, usage = line.split(" ", 1)
    m = re.match(r"([\d.]+)(\w+)", usage)
    mib = float(m.group(1)) * unit[m.group(2)]
    tier = re.sub(r"^starter-", "", name)
    tier = re.sub(r"-\d+(-\d+)?$", "", tier)
    tiers[tier] = tiers.get(tier, 0) + mib
    rows.append((name, mib))
print(f"starter: scaler up to all healthy, median of {len(times)}: {statistics.median(times):.1f} s (runs {times})")
print(f"memory after 20 s idle, total {sum(m for _, m in rows):.0f} MiB in {len(rows)} containers")
for tier, mib in sorted(tiers.items(), key=lambda x: -x[1]):
    print(f"  {tier:20} {mib:7.1f} MiB")
PY

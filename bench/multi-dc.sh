#!/usr/bin/env bash
# topologies/multi-dc.yaml (two datacenters and the CDN): `scaler up` wall time from nothing to every container
# healthy, memory per container from `docker stats` (summed), then 20 s of warm-up load, `scaler chaos
# cdn-origin-down` and `scaler chaos dc-partition` with their asset and per-datacenter figures. Offline images must
# exist (`./scaler images build`); ports 8080, 8081 and 8180 must be free. Leaves nothing running.
set -euo pipefail
cd "$(dirname "$0")/.."
file=topologies/multi-dc.yaml
trap './scaler down multi-dc >/dev/null 2>&1 || true' EXIT
./scaler down multi-dc >/dev/null 2>&1 || true
t=$(date +%s.%N)
./scaler up --images offline "$file" | tail -4
python3 -c "print(f'scaler up, wall time: {$(date +%s.%N) - $t:.1f} s')"
docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' $(docker ps -q --filter label=scaler.project=multi-dc) \
  | python3 -c '
import re, sys
unit = {"B": 1 / 2**20, "KiB": 1 / 1024, "MiB": 1, "GiB": 1024, "kB": 1 / 1024, "MB": 1}
rows = []
for line in sys.stdin:
    name, usage = line.split(" ", 1)
    m = re.match(r"([\d.]+)(\w+)", usage)
    rows.append((name, float(m.group(1)) * unit[m.group(2)]))
for name, mib in sorted(rows, key=lambda r: -r[1]):
    print(f"  {name:34} {mib:7.1f} MiB")
print(f"memory right after up: {sum(m for _, m in rows):.0f} MiB in {len(rows)} containers")
'
./scaler load multi-dc --rate 50 --duration 20s >/dev/null
./scaler chaos cdn-origin-down multi-dc --seed "${SEED:-11}" | grep -v '^\[' || true
./scaler chaos dc-partition multi-dc --seed "${SEED:-11}" | grep -v '^\[' || true

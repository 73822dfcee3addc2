#!/usr/bin/env bash
# topologies/multi-dc.yaml without its cdn section (until the CDN can be provisioned): `scaler up` wall time from
# nothing to every container healthy, memory per container from `docker stats` (summed), then 20 s of warm-up
# load and `scaler chaos dc-partition` with its per-datacenter figures. Offline images must exist
# (`./scaler images build`); ports 8080 and 8081 must be free. Leaves nothing running.
set -euo pipefail
cd "$(dirname "$0")/.."
file=$(mktemp --suffix=.yaml)
trap 'rm -f "$file"; ./scaler down multi-dc >/dev/null 2>&1 || true' EXIT
sed '/^cdn:/,/^$/d' topologies/multi-dc.yaml > "$file"
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
./scaler chaos dc-partition multi-dc --seed "${SEED:-11}" | grep -v '^\[' || true

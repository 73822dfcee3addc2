#!/usr/bin/env bash
# Wall time of `scaler up` (images present, until every container is healthy, split into its phases) and
# `scaler down` for 5, 20 and 40 containers (bench/web-tier-bench.yaml, bench/starter-bench.yaml,
# bench/large-bench.yaml), next to docker-compose on `scaler export --format compose` of the same plan, and for the
# web tier next to the slowest container's own time to ready and to the CPU the machine spends on it (the floor no schedule
# on this many cores can beat). Medians of RUNS runs (default 3; RUNS_LARGE, default 1,
# for 20 and 40 containers); ONLY=web-tier|starter|large measures one. The last line:
#   web-tier up ratio scaler/compose: X.XX, scaler/slowest container: Y.YY
# Needs: a Docker engine (run it under the project's Docker lock), the offline images (`./scaler images build`),
# docker-compose (Debian's package), python3. See bench/up.py.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v docker-compose >/dev/null || { echo "bench/up.sh needs docker-compose (apt-get install docker-compose)" >&2; exit 2; }
./scaler --version >/dev/null   # build the tool before timing anything
./scaler images list --images offline
exec python3 bench/up.py

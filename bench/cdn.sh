#!/usr/bin/env bash
# The CDN's figures for docs/performance.md, against topologies/cdn.yaml (the web tier plus MinIO and the nginx
# edge, ttl 60s), offline images:
#   1. `up` from nothing, with the cdn and without it (the same file minus its cdn section), and the memory of the
#      cdn containers (docker stats --no-stream);
#   2. hit ratio after warm-up: 30 s of load (100/s, browse 80 / login 20; each browse fetches one of the assets its
#      page references, through the edge), then `scaler status` (the edge's own access log, counted);
#   3. `scaler chaos cdn-origin-down cdn`: MinIO stopped for 30 s under load; asset availability by phase.
# Leaves nothing running. Ports 8080, 8180 (and 18080 for the run without a cdn) must be free.
#
#   bench/cdn.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap './scaler down cdn >/dev/null 2>&1 || true; ./scaler down cdnless >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT

sed -e 's/^name: cdn$/name: cdnless/' -e 's/port: 8080/port: 18080/' -e '/^cdn:/,$d' topologies/cdn.yaml > "$tmp/cdnless.yaml"
echo "== up without the cdn"; ./scaler up --images offline "$tmp/cdnless.yaml" | grep ' is up in'
./scaler down cdnless >/dev/null
echo "== up with the cdn";    ./scaler up --images offline topologies/cdn.yaml | grep -E ' is up in|assets:|cdn:'
echo "== memory"
docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' cdn-cdn-origin cdn-cdn-edge cdn-web-1 cdn-web-2 cdn-cache-1 cdn-lb-1
echo "== 30 s of load, then the edge's hit ratio"
./scaler load cdn --rate 100 --duration 30s --journeys browse=80,login=20 | grep -E 'availability|asset'
./scaler status cdn | sed -n '/^cdn of/,$p'
echo "== cdn-origin-down"
./scaler chaos cdn-origin-down cdn --seed 6 | sed -n '/^run /,$p' | grep -vE '^\s+(p50|p90|p99\.9|max|successes|failed|5xx|dropped|throughput)\b' || true
./scaler status cdn | sed -n '/^cdn of/,$p'

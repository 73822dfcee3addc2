#!/usr/bin/env bash
# How good a load generator is `scaler load`? Against a static target on loopback (nginx from Debian, started here
# with its own config and pid file in a temp dir, stopped by PID at the end):
#   1. the generator's highest sustained rate with under 1% dropped (the rate stepped up, STEP_SECONDS each),
#   2. wrk's maximum throughput on the same target in the same run (just before and just after step 1; the higher
#      of the two counts, so a machine that got busier during step 1 does not flatter the generator), and the ratio,
#   3. both tools' p99 at one fixed rate: the generator at FIXED_RATE; plain wrk (4.1) has no fixed-rate mode
#      (that is wrk2's -R), so its p99 is printed at its own, maximum, rate and said so.
# Then a target that stalls for 1 s every 10 s (a small Python server on loopback): the generator's p99 shows the
# stall (latency from the scheduled start), a closed loop of sequential requests on the same target does not.
# Then what one request costs each tool in CPU time and system calls (perf stat, when the machine has it).
# Loopback only, no Docker; every loop is bounded. Needs: nginx, wrk (apt-get install -y nginx wrk), python3, a JDK 21+.
# The last line is `max rate ratio scaler/wrk: X.XX`. The machine's load average is printed beside every figure:
# on a shared machine the figures move with it, so run it more than once.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nginx >/dev/null && command -v wrk >/dev/null || {
  echo "bench/load.sh needs nginx and wrk: apt-get install -y nginx wrk" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench/load.sh needs python3" >&2; exit 2; }

STEP_SECONDS="${STEP_SECONDS:-5}"
RATES="${RATES:-1000 2000 4000 8000 16000 24000 32000 40000 48000 56000 64000 68000 72000 76000 80000 88000 96000 112000 128000}"
FIXED_RATE="${FIXED_RATE:-1000}"
STALL_SECONDS="${STALL_SECONDS:-30}"
COST_RATE="${COST_RATE:-30000}"
COST_SECONDS="${COST_SECONDS:-10}"
source bench/loopback.sh

# ---- nginx: static target, its own config, pid and logs under $work ----------------------------------------------
port=$(free_port)
mkdir -p "$work/nginx"
cat > "$work/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$port;
    location = /whoami { default_type application/json; return 200 '{"instance":"nginx","datacenter":"dc1"}'; }
    location / { default_type text/plain; return 200 'ok'; }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
started "$nginx_pid"
wait_port "$port"
target="http://127.0.0.1:$port/"
echo "target: nginx $(nginx -v 2>&1 | sed 's/.*nginx\///') on $target (pid $nginx_pid), 1 worker"

./scaler --version >/dev/null   # build before measuring anything
load() { cut -d' ' -f1 /proc/loadavg; }

# wrk's maximum throughput; prints "requests/s p99".
run_wrk() {
  wrk -t2 -c64 -d"${STEP_SECONDS}s" --latency "${target}whoami" > "$work/wrk.out"
  echo "$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.out") $(awk '$1=="99%" {print $2}' "$work/wrk.out")"
}
read -r wrk_before wrk_p99_before < <(run_wrk)
wrk_load_before=$(load)

# One run of the generator; prints "attempts dropped failed p99ms throughput".
run_load() { # RATE SECONDS TARGET
  ./scaler load --target "$3" --rate "$1" --duration "${2}s" --journeys browse=1 --timeout 2s --seed 1 \
    > "$work/load.out" 2>&1 || { cat "$work/load.out" >&2; return 1; }
  ./scaler report --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)["whole"]
print(r["attempts"], r["dropped"], r["failed"], r["latency"]["p99"], round(r["throughput"]))'
}

# ---- 1. highest sustained rate with < 1% dropped ----------------------------------------------------------------
echo
echo "1. scaler load, rate stepped up, ${STEP_SECONDS}s each (sustained: < 1% dropped and < 1% failed)"
printf '   %8s %10s %9s %8s %10s %10s %6s\n' rate requests dropped failed p99 achieved load
best=0
for rate in $RATES; do
  read -r attempts dropped failed p99 achieved < <(run_load "$rate" "$STEP_SECONDS" "$target")
  printf '   %8s %10s %9s %8s %8sms %8s/s %6s\n' "$rate" "$attempts" "$dropped" "$failed" "$p99" "$achieved" "$(load)"
  if python3 -c 'import sys; a,d,f=map(float,sys.argv[1:]); sys.exit(0 if a>0 and d/a<0.01 and f/a<0.01 else 1)' \
      "$attempts" "$dropped" "$failed"; then
    best=$rate
  else
    break
  fi
done
echo "   highest sustained rate: ${best}/s"

# ---- 2. wrk's maximum throughput on the same target --------------------------------------------------------------
echo
echo "2. wrk -t2 -c64 -d${STEP_SECONDS}s --latency (closed loop, as fast as it can), before and after step 1"
read -r wrk_after wrk_p99_after < <(run_wrk)
echo "   wrk before: ${wrk_before} requests/s, p99 ${wrk_p99_before} (load ${wrk_load_before})"
echo "   wrk after:  ${wrk_after} requests/s, p99 ${wrk_p99_after} (load $(load))"
read -r wrk_rps wrk_p99 < <(python3 -c 'import sys; a,pa,b,pb=sys.argv[1:]; print(*((a,pa) if float(a)>=float(b) else (b,pb)))' \
  "$wrk_before" "$wrk_p99_before" "$wrk_after" "$wrk_p99_after")

# ---- 3. p99 at one fixed rate -----------------------------------------------------------------------------------
echo
echo "3. p99 at a fixed rate of ${FIXED_RATE}/s"
read -r attempts dropped failed p99 achieved < <(run_load "$FIXED_RATE" "$STEP_SECONDS" "$target")
echo "   scaler load at ${FIXED_RATE}/s: p99 ${p99}ms (${attempts} requests, ${dropped} dropped, load $(load))"
echo "   wrk 4.1 has no fixed-rate mode (no -R; that is wrk2): its p99 is ${wrk_p99} at its own rate of ${wrk_rps}/s"

# ---- 4. a target that stalls 1 s every 10 s -----------------------------------------------------------------------
stall_port=$(free_port)
cat > "$work/stall.py" <<'PY'
import http.server, socketserver, sys, time
T0 = time.monotonic()
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    def do_GET(self):
        phase = (time.monotonic() - T0) % 10.0
        if phase >= 9.0:                       # the last second of every ten: stalled
            time.sleep(10.0 - phase)
        body = b'{"instance":"stall","datacenter":"dc1"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *a):
        pass
class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    request_queue_size = 1024
S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
python3 "$work/stall.py" "$stall_port" &
stall_pid=$!
started "$stall_pid"
wait_port "$stall_port"
echo
echo "4. a target that stalls for 1 s every 10 s (127.0.0.1:$stall_port), ${STALL_SECONDS}s each"
read -r attempts dropped failed p99 achieved < <(run_load 100 "$STALL_SECONDS" "http://127.0.0.1:$stall_port/")
echo "   scaler load, open model at 100/s: p99 ${p99}ms (${attempts} requests, ${failed} failed)"
python3 - "$stall_port" "$STALL_SECONDS" <<'PY'
import http.client, sys, time
port, seconds = int(sys.argv[1]), float(sys.argv[2])
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
lat = []
end = time.monotonic() + seconds
while time.monotonic() < end and len(lat) < 1_000_000:   # bounded in time and count
    t = time.monotonic()
    conn.request("GET", "/whoami")
    conn.getresponse().read()
    lat.append((time.monotonic() - t) * 1000)
lat.sort()
p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
print(f"   closed loop (one request after another): p99 {p99:.2f}ms ({len(lat)} requests, max {lat[-1]:.0f}ms)")
PY

# ---- 5. what each request costs the machine (perf stat: CPU time and system calls per request) ------------------
if command -v perf >/dev/null && perf stat -e syscalls:sys_enter_futex true >/dev/null 2>&1; then
  echo
  echo "5. per request, from perf stat (scaler at ${COST_RATE}/s and wrk flat out, ${COST_SECONDS}s each, nginx's own cost left out;"
  echo "   each tool's whole process: scaler's start, compilation and run files are in its figure)"
  # The system calls either tool makes per request (wrk reads and writes; the JVM's blocking I/O reads and writes too;
  # Netty's epoll transport sends, receives and waits with epoll_pwait / epoll_pwait2), those this kernel can trace.
  calls=""
  for c in futex read write sendto recvfrom epoll_wait epoll_pwait epoll_pwait2 poll; do
    perf stat -e "syscalls:sys_enter_$c" true >/dev/null 2>&1 && calls="$calls $c"
  done
  events="$(printf 'syscalls:sys_enter_%s,' $calls)context-switches"
  cost() { # NAME REQUESTS: per-request figures from $work/perf.out
    python3 - "$1" "$2" "$work/perf.out" $calls <<'PY'
import re, sys
name, n, text, calls = sys.argv[1], float(sys.argv[2]), open(sys.argv[3]).read(), sys.argv[4:]
def count(event):
    m = re.search(r"^\s*([\d,]+)\s+" + re.escape(event) + r"\s", text, re.M)
    return float(m.group(1).replace(",", "")) if m else 0.0
def secs(kind):
    m = re.search(r"([\d.]+) seconds " + kind, text)
    return float(m.group(1)) if m else 0.0
per = " ".join(f"{c} {count('syscalls:sys_enter_' + c) / n:.2f}" for c in calls)
print(f"   {name:7} {int(n):>9} requests: CPU {1e6 * (secs('user') + secs('sys')) / n:5.1f} us (user {1e6 * secs('user') / n:.1f},"
      f" system {1e6 * secs('sys') / n:.1f}); calls: {per}; context switches {count('context-switches') / n:.2f}")
PY
  }
  perf stat -e "$events" -o "$work/perf.out" ./scaler load --target "$target" --rate "$COST_RATE" \
    --duration "${COST_SECONDS}s" --journeys browse=1 --timeout 2s --seed 1 > "$work/load.out" 2>&1
  cost scaler "$(./scaler report --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["whole"]["attempts"])')"
  perf stat -e "$events" -o "$work/perf.out" wrk -t2 -c64 -d"${COST_SECONDS}s" "${target}whoami" > "$work/wrk.out"
  cost wrk "$(awk '/requests in/ {print $1}' "$work/wrk.out")"
else
  echo
  echo "5. skipped: perf (linux-perf) with syscall tracepoints is not available here"
fi

echo
echo "highest sustained rate: scaler ${best}/s, wrk ${wrk_rps}/s (the higher of its two runs); load average now $(load)"
python3 -c 'import sys; b,w=float(sys.argv[1]),float(sys.argv[2]); print(f"max rate ratio scaler/wrk: {b/w:.2f}")' "$best" "$wrk_rps"

#!/usr/bin/env bash
# A long run in flat memory: `scaler load` at RATE/s (default 300) for MINUTES minutes (default 30) with the default
# journeys (browse 70, write 20, login 10) against a small notes server on loopback (Python, in memory: the web app's
# /whoami, /login, /me and /notes answers, so writes are acknowledged, ledgered and verified). Prints the tool's
# resident memory (RSS) at 1 minute, half way and at the end, the run directory's size (and per file), and how long
# `scaler report` takes to render the run as text, JSON and HTML. No Docker; loopback only; every loop is bounded.
#   MINUTES=5 bash bench/long-run.sh      # a shortened run
set -euo pipefail
cd "$(dirname "$0")/.."
RATE="${RATE:-300}"
MINUTES="${MINUTES:-30}"
source bench/loopback.sh

port=$(free_port)
cat > "$work/notes.py" <<'PY'
import http.server, json, socketserver, sys, threading, urllib.parse, uuid
lock = threading.Lock()
sessions, notes = {}, {}
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    def answer(self, status, body, cookie=None):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if cookie:
            self.send_header("Set-Cookie", f"sid={cookie}; Path=/; HttpOnly")
        self.end_headers()
        self.wfile.write(data)
    def user(self):
        for part in self.headers.get("Cookie", "").split(";"):
            k, _, v = part.strip().partition("=")
            if k == "sid":
                return sessions.get(v)
        return None
    def body(self):
        return self.rfile.read(int(self.headers.get("Content-Length", "0") or 0)).decode()
    def do_GET(self):
        path = urllib.parse.urlparse(self.path).path
        if path == "/whoami":
            return self.answer(200, {"instance": "notes", "datacenter": "dc1"})
        if path == "/":
            return self.answer(200, {"page": "no assets"})
        user = self.user()
        if user is None:
            return self.answer(401, {"error": "no session"})
        if path == "/me":
            return self.answer(200, {"user": user})
        if path == "/notes":
            with lock:
                return self.answer(200, {"notes": [n for n in notes.values() if n["user"] == user][:20]})
        if path.startswith("/notes/"):
            with lock:
                n = notes.get(urllib.parse.unquote(path[7:]))
            return self.answer(200, n) if n else self.answer(404, {"error": "no such note"})
        self.answer(404, {"error": "not found"})
    def do_POST(self):
        body = self.body()
        if self.path == "/login":
            user = urllib.parse.parse_qs(body).get("user", [""])[0]
            sid = uuid.uuid4().hex
            with lock:
                sessions[sid] = user
            return self.answer(200, {"user": user}, cookie=sid)
        user = self.user()
        if user is None:
            return self.answer(401, {"error": "no session"})
        with lock:
            nid = uuid.uuid4().hex[:12]
            notes[nid] = {"id": nid, "user": user, "version": 1, "text": json.loads(body)["text"]}
            return self.answer(201, notes[nid])
    def do_PUT(self):
        body = self.body()
        user = self.user()
        if user is None:
            return self.answer(401, {"error": "no session"})
        with lock:
            n = notes.get(self.path[7:])
            if n is None:
                return self.answer(404, {"error": "no such note"})
            n["version"] += 1
            n["text"] = json.loads(body)["text"]
            return self.answer(200, n)
    def log_message(self, *a):
        pass
class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    request_queue_size = 1024
S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
python3 "$work/notes.py" "$port" &
started $!
wait_port "$port"

./scaler --version >/dev/null   # build before measuring anything
load() { cut -d' ' -f1 /proc/loadavg; }
rss() { awk '/^VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "-"; }

echo "scaler load at ${RATE}/s for ${MINUTES} min against a notes server on 127.0.0.1:$port (load $(load))"
./scaler load --target "http://127.0.0.1:$port/" --rate "$RATE" --duration "${MINUTES}m" --seed 7 --quiet \
  > "$work/load.out" 2>&1 &
load_pid=$!
started "$load_pid"
t0=$SECONDS
sleep 1
java_pid=$(pgrep -P "$load_pid" java || echo "$load_pid")   # ./scaler execs java, so usually the same process
total=$((MINUTES * 60))
for at in 60 $((total / 2)) $((total - 5)); do
  while [ $((SECONDS - t0)) -lt "$at" ] && kill -0 "$load_pid" 2>/dev/null; do sleep 1; done
  echo "  at $((at / 60))m$((at % 60))s: tool RSS $(rss "$java_pid") (load $(load))"
done
wait "$load_pid" || { cat "$work/load.out" >&2; exit 1; }
run_dir=$(ls -d "$SCALER_STATE_DIR"/runs/*/ | head -1)
echo "run directory: $(du -sh "$run_dir" | cut -f1) ($(du -sk "$run_dir" | cut -f1) KiB for $total s)"
(cd "$run_dir" && ls -l | awk 'NR>1 {printf "  %-20s %10d bytes\n", $9, $5}')
for format in table json html; do
  start=$(date +%s.%N)
  ./scaler report --format "$format" > "$work/report.$format"
  echo "scaler report --format $format: $(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" \
    "$start" "$(date +%s.%N)") s ($(wc -c < "$work/report.$format") bytes, load $(load))"
done
grep -E "requests|availability|lost|writes" "$work/report.table" | head -6 || true

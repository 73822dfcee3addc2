# Sourced by the loopback benches (bench/load.sh, bench/long-run.sh): a temporary work directory holding the run's
# state, processes the bench started (`started PID`) stopped by PID on exit, and loopback port helpers.
work="$(mktemp -d)"
export SCALER_STATE_DIR="$work/.scaler"
bench_pids=()
started() { bench_pids+=("$1"); }
cleanup() {
  for pid in "${bench_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 0.2
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { # PORT: until something answers on it, at most 10 s
  for _ in $(seq 100); do
    python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1",int(sys.argv[1])),0.2)' "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench: nothing answers on 127.0.0.1:$1" >&2; exit 3
}

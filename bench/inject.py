#!/usr/bin/env python3
"""Time from a step's scheduled moment to its fault being in effect, for scaler chaos, with the raw operations
(docker kill, a Toxiproxy API call) timed the same way as the peer figure.

usage: python3 bench/inject.py [PROJECT]        (default: starter; it must be up, with proxies: true)
       N=20 python3 bench/inject.py starter

One `scaler chaos` run holds N kills of web[1] (each restored 2 s later) and N latency faults on
web -> database.primary (each healing after 500 ms), under light load. Its injections.jsonl says, for each
fault, when it was scheduled, when the call that applies it returned, and when the tool saw it in effect
(a killed container no longer running; a toxic is in effect once Toxiproxy acknowledged it). Then the same
N kills with `docker kill` and N toxics with one HTTP POST to Toxiproxy, timed from just before the
command to the same "in effect" moment.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROJECT = sys.argv[1] if len(sys.argv) > 1 else "starter"
N = int(os.environ.get("N", "20"))


def experiment():
    steps = []
    for k in range(N):
        t = 2 + 4 * k
        steps.append(f"  - at: {t}s\n    kill: web[1]\n")
        steps.append(f"  - at: {t + 1}s\n    latency: {{ link: web -> database.primary, ms: 50 }}\n    duration: 500ms\n")
        steps.append(f"  - at: {t + 2}s\n    restore: web[1]\n")
    return (f"name: bench-inject\nload: {{ rate: 20/s, duration: {4 * N + 4}s }}\nsteps:\n" + "".join(steps))


def figures(name, values):
    ms = [v * 1000 for v in values]
    return f"{name:44s} n={len(ms):3d}  median {statistics.median(ms):7.1f} ms  max {max(ms):7.1f} ms"


def scaler_run(state):
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
        f.write(experiment())
        path = f.name
    env = dict(os.environ, SCALER_STATE_DIR=state)
    out = subprocess.run([os.path.join(ROOT, "scaler"), "chaos", path, PROJECT, "--warmup", "0s", "--seed", "1"],
                         env=env, capture_output=True, text=True)
    run_line = next((l for l in out.stdout.splitlines() if l.startswith("run ")), None)
    if run_line is None:
        sys.exit("scaler chaos did not start a run:\n" + out.stdout + out.stderr)
    run = run_line.split()[1].rstrip(":")
    rows = [json.loads(l) for l in open(os.path.join(state, "runs", run, "injections.jsonl"))]
    return run, rows


def container_state(name):
    return subprocess.run(["docker", "inspect", "-f", "{{.State.Status}}", name], capture_output=True,
                          text=True).stdout.strip()


def peer_kills():
    name = f"{PROJECT}-web-1"
    times = []
    for _ in range(N):
        t0 = time.monotonic()
        subprocess.run(["docker", "kill", name], capture_output=True, check=True)
        while container_state(name) == "running":
            time.sleep(0.002)
        times.append(time.monotonic() - t0)
        subprocess.run(["docker", "start", name], capture_output=True, check=True)
        time.sleep(1)
    return times


def peer_toxics():
    port = subprocess.run(["docker", "port", f"{PROJECT}-proxy", "8474"], capture_output=True, text=True,
                          check=True).stdout.split()[0].rsplit(":", 1)[1]
    api = f"http://127.0.0.1:{port}/proxies/database-primary/toxics"
    body = json.dumps({"name": "bench", "type": "latency", "stream": "downstream", "toxicity": 1.0,
                       "attributes": {"latency": 50}}).encode()
    times = []
    for _ in range(N):
        t0 = time.monotonic()
        urllib.request.urlopen(urllib.request.Request(api, data=body, method="POST",
                                                      headers={"Content-Type": "application/json"})).read()
        times.append(time.monotonic() - t0)
        urllib.request.urlopen(urllib.request.Request(api + "/bench", method="DELETE")).read()
        time.sleep(0.2)
    return times


def main():
    state = tempfile.mkdtemp(prefix="scaler-bench-inject-")
    print(f"project {PROJECT}, {N} injections of each kind, state in {state}")
    run, rows = scaler_run(state)
    print(f"scaler chaos run {run}")
    for action in ("kill", "latency"):
        mine = [r for r in rows if r["action"] == action]
        if not mine:
            sys.exit(f"no {action} was applied; see {state}/runs/{run}")
        late = [r for r in mine if r.get("resolvedAt", 0) > r["scheduled"]]
        print(f"scaler {action}: targets known after the moment in {len(late)} of {len(mine)}")
        print(figures(f"scaler {action}: scheduled -> call returned", [r["applied"] - r["scheduled"] for r in mine]))
        print(figures(f"scaler {action}: scheduled -> in effect", [r["inEffect"] - r["scheduled"] for r in mine]))
    print(figures("peer: docker kill CLI -> container not running", peer_kills()))
    print(figures("peer: one POST to Toxiproxy -> acknowledged", peer_toxics()))


if __name__ == "__main__":
    main()

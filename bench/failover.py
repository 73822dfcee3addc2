#!/usr/bin/env python3
"""Failover under a steady stream of writes, measured the way a user feels it.

For each replication mode (async, semi-sync): `scaler up` a topology with a database of one
primary and two replicas, log in, write notes through the load balancer ~20 times a second,
`docker kill` whichever node is primary, and measure the seconds from the kill to the first
acknowledged write, and how many acknowledged writes cannot be read back from the primary
afterwards (lost writes). `scaler up` then restarts the old primary, which must rejoin as a
replica. Then the same for one shard primary, and for the Redis primary (are sessions kept?).
Prints median and max over TRIES (default 5). Loopback only; every loop is bounded.

usage: bench/failover.py [--tries N]        (ONLY=cache: just the Redis case)
"""
import argparse, http.cookiejar, json, os, statistics, subprocess, sys, threading, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCALER = os.path.join(ROOT, "scaler")
PORT = 18580


def sh(*args, check=True):
    r = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    if check and r.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{r.stdout}{r.stderr}")
    return r.stdout


class Client:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def call(self, method, path, body=None, form=False):
        data = None
        headers = {}
        if body is not None:
            data = (urllib.parse.urlencode(body) if form else json.dumps(body)).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded" if form else "application/json"
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with self.opener.open(req, timeout=2) as r:
                return r.status, json.loads(r.read() or b"{}")
        except urllib.error.HTTPError as e:
            return e.code, {}
        except Exception:
            return 0, {}


def role_of(project, prefix):
    rows = json.loads(sh(SCALER, "status", "--format", "json", project))["containers"]
    return [r["container"] for r in rows if r["container"].startswith(prefix) and r["role"] == "primary"]


def wait_settled(project, prefix, nodes, limit=90):
    end = time.time() + limit
    while time.time() < end:
        rows = json.loads(sh(SCALER, "status", "--format", "json", project))["containers"]
        group = [r for r in rows if r["container"].startswith(prefix) and "router" not in r["container"]]
        if len(group) == nodes and sum(r["role"] == "primary" for r in group) == 1 and all(
                r["role"] == "primary" or r["role"].startswith("replica of") for r in group):
            return
        time.sleep(0.5)
    sys.exit(f"{project}: {prefix}* did not settle within {limit}s")


def kill_under_writes(project, client, prefix):
    """Kill the primary of the group named by prefix while writing; returns (recovery s, lost, writes)."""
    acked, stop = [], threading.Event()
    marks = []

    def writer():
        while not stop.is_set():
            t = time.time()
            status, body = client.call("POST", "/notes", {"text": "bench"})
            marks.append((t, status))
            if status == 201:
                acked.append(body["id"])
            time.sleep(0.05)

    th = threading.Thread(target=writer)
    th.start()
    time.sleep(3)
    primary = role_of(project, prefix)
    killed_at = time.time()
    sh("docker", "kill", primary[0])
    time.sleep(12)
    stop.set()
    th.join()
    # docker kill returns before the process is gone, so a write sent just after it may still land:
    # the outage ends at the first acknowledged write after the first failed one.
    failed = [t for t, s in marks if t > killed_at and s != 201]
    if not failed:
        recovery = 0.0
    else:
        ok_after = [t for t, s in marks if t > failed[0] and s == 201]
        recovery = (ok_after[0] - killed_at) if ok_after else float("inf")
    time.sleep(2)  # replication catches up
    lost = sum(1 for i in acked if client.call("GET", f"/notes/{i}?consistency=primary")[0] != 200)
    return recovery, lost, len(acked), primary[0]


def topology(path, name, body):
    with open(path, "w") as f:
        f.write(f"name: {name}\nimages: offline\nloadBalancer: {{ port: {PORT} }}\nweb: {{ replicas: 2 }}\n{body}")


def summary(label, rows):
    rec = [r[0] for r in rows]
    lost = [r[1] for r in rows]
    print(f"{label:34} recovery median {statistics.median(rec):5.2f}s max {max(rec):5.2f}s | "
          f"lost writes {sum(lost)} of {sum(r[2] for r in rows)} acknowledged (per try {lost})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tries", type=int, default=int(os.environ.get("TRIES", 5)))
    tries = ap.parse_args().tries
    work = f"/tmp/scaler-bench-failover-{os.getpid()}"
    os.makedirs(work, exist_ok=True)
    results = []
    cases = [
        ("database primary, async", "bench-fo-async", "database: { kind: mariadb, replicas: 2, replication: async }\n", "bench-fo-async-db-", 3),
        ("database primary, semi-sync", "bench-fo-semi", "database: { kind: mariadb, replicas: 2, replication: semi-sync }\n", "bench-fo-semi-db-", 3),
        ("shard primary (2 shards of 1+1)", "bench-fo-shard", "database: { kind: mariadb, replicas: 1 }\nshards: { count: 2, replicas: 1 }\n", None, 2),
    ]
    if os.environ.get("ONLY") == "cache":
        cases = []
    for label, name, body, prefix, nodes in cases:
        path = f"{work}/{name}.yaml"
        topology(path, name, body)
        sh(SCALER, "down", "--project", name, check=False)
        sh(SCALER, "up", path)
        client = Client(PORT)
        assert client.call("POST", "/login", {"user": "bench"}, form=True)[0] == 200
        if prefix is None:  # the shard that holds this user's notes
            _, note = client.call("POST", "/notes", {"text": "where"})
            prefix = f"{name}-shard-{note['shard'] + 1}-"
        rows = []
        last_kill = 0.0
        for i in range(tries):
            wait_settled(name, prefix, nodes)
            # The agent blocks a second automatic failover of a group for 30 s (anti-flapping);
            # each try measures an independent failure, so it waits that out.
            time.sleep(max(0.0, last_kill + 31 - time.time()))
            last_kill = time.time() + 3
            rec, lost, n, killed = kill_under_writes(name, client, prefix)
            rows.append((rec, lost, n))
            print(f"  {label} try {i + 1}: killed {killed}, writes back after {rec:.2f}s, {lost} of {n} lost", flush=True)
            sh(SCALER, "up", path)  # the killed node comes back and must rejoin as a replica
        wait_settled(name, prefix, nodes)
        results.append((label, rows))
        sh(SCALER, "down", "--project", name)

    # Redis: kill the primary under a logged-in user; do sessions survive?
    name = "bench-fo-cache"
    path = f"{work}/{name}.yaml"
    topology(path, name, "cache: { replicas: 1, sentinels: 3 }\n")
    sh(SCALER, "down", "--project", name, check=False)
    sh(SCALER, "up", path)
    client = Client(PORT)
    assert client.call("POST", "/login", {"user": "bench"}, form=True)[0] == 200
    cache_rows = []
    for i in range(tries):
        time.sleep(3)
        primary = role_of(name, f"{name}-cache-")
        killed_at = time.time()
        sh("docker", "kill", primary[0])
        statuses, back = [], None
        while time.time() - killed_at < 30:
            s, _ = client.call("GET", "/me")
            statuses.append(s)
            if s == 200:
                back = time.time() - killed_at
                break
            time.sleep(0.1)
        cache_rows.append((back if back else float("inf"), statuses.count(401), len(statuses)))
        print(f"  redis primary try {i + 1}: killed {primary[0]}, session answered after "
              f"{back if back else float('inf'):.2f}s, 401s (session lost): {statuses.count(401)}", flush=True)
        sh(SCALER, "up", path)
        time.sleep(12)  # Sentinel turns the restarted node into a replica
    sh(SCALER, "down", "--project", name)

    print(f"\nfailover under writes, {tries} tries each (bench/failover.py)")
    for label, rows in results:
        summary(label, rows)
    rec = [r[0] for r in cache_rows]
    print(f"{'redis primary (sentinel)':34} session back median {statistics.median(rec):5.2f}s max {max(rec):5.2f}s | "
          f"sessions lost {sum(r[1] for r in cache_rows)} of {tries}")


if __name__ == "__main__":
    main()

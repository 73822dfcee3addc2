#!/usr/bin/env python3
"""The built-in experiments against the starter (or TOPOLOGY=services), as shipped: each one's verdict and figures.

`scaler up` topologies/starter.yaml (project `starter`, offline images), then `scaler chaos NAME starter --seed S`
for each built-in that runs on the starter, one after another with SETTLE seconds between them (the failover agent
refuses a second failover of a group within 30 s), after WARMUP (default 20s) of unmeasured load at 100/s. For each: exit code, availability, failed and dropped requests,
p99, worst recovery, lost writes/sessions, and every hypothesis line with its observed value, from the stored run
(`scaler report --run ID --format json`). For kill-primary also the failover agent's own figures from its log
(`docker logs --timestamps starter-agent`): from the kill to "failover done", and the promotion itself.
Then `scaler down`. Loopback only.

With TOPOLOGY=services, topologies/services.yaml (project `services`) and the queue's built-ins, with each run's
job ledger (submitted, confirmed, done, lost, duplicates, late, job p99, backlog peak and drain).

usage: bench/experiments.py [NAME...]       (default: every built-in the topology can run)
       SEED=7 SETTLE=35 WARMUP=20s bench/experiments.py kill-primary
       TOPOLOGY=services bench/experiments.py
"""
import datetime, json, os, re, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCALER = os.path.join(ROOT, "scaler")
PROJECT = os.environ.get("TOPOLOGY", "starter")
BUILT_INS = {
    "starter": ["kill-primary", "kill-web", "kill-cache", "cache-latency", "db-latency", "partition-shard",
                "kill-shard-primary", "lb-restart"],
    "services": ["kill-workers", "kill-queue-node", "queue-latency", "partition-queue"],
}


def sh(*args, check=True):
    r = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    if check and r.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{r.stdout}{r.stderr}")
    return r


def instant(text):
    """An ISO instant with up to 9 fraction digits, as Java and Docker print them."""
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z", text)
    return datetime.datetime.fromisoformat(m.group(1) + "." + (m.group(2) or "0").ljust(6, "0")[:6] + "+00:00")


def agent_failover(started_at, kill_at):
    """From the agent's own log (each line starts with its clock's instant): seconds from the kill to "is dead;
    promoting" and to "failover done" of the main database's group (not a shard's), or None."""
    kill = started_at + datetime.timedelta(seconds=kill_at)
    r = sh("docker", "logs", PROJECT + "-agent", check=False)
    dead = done = None
    for line in (r.stdout + r.stderr).splitlines():
        m = re.match(r"(\S+Z) (\S+): (.*)", line)
        if not m or m.group(2).startswith("shard") or instant(m.group(1)) < kill:
            continue
        if dead is None and " is dead; promoting " in m.group(3):
            dead = (instant(m.group(1)) - kill).total_seconds()
        if done is None and m.group(3).startswith("failover done in "):
            done = (instant(m.group(1)) - kill).total_seconds()
            return dead, done, m.group(2) + ": " + m.group(3)
    return None


def main():
    names = sys.argv[1:] or BUILT_INS[PROJECT]
    seed = os.environ.get("SEED", "7")
    settle = int(os.environ.get("SETTLE", "35"))
    load = subprocess.run(["cat", "/proc/loadavg"], capture_output=True, text=True).stdout.split()[:3]
    print(f"machine load before: {' '.join(load)} ({os.cpu_count()} cores)")
    sh(SCALER, "down", "--project", PROJECT, check=False)
    sh(SCALER, "up", "--images", "offline", "--timeout", "300", f"topologies/{PROJECT}.yaml")
    # A freshly started starter times out requests for its first seconds (JIT, pools, a busy machine): warmed like
    # a system that has been serving, so that the first experiment's baseline is not its cold start.
    warm = os.environ.get("WARMUP", "20s")
    if warm not in ("0", "0s"):
        sh(SCALER, "load", PROJECT, "--rate", "100", "--duration", warm, "--sample-interval", "0s", check=False)
    rows = []
    try:
        for i, name in enumerate(names):
            if i:
                time.sleep(settle)
            chaos = sh(SCALER, "chaos", name, PROJECT, "--seed", seed, check=False)
            run_id = next((l.split()[1].rstrip(":") for l in chaos.stdout.splitlines() if l.startswith("run ")), None)
            if run_id is None:
                print(f"{name}: exit {chaos.returncode}, no run stored\n{chaos.stdout}{chaos.stderr}")
                continue
            report = json.loads(sh(SCALER, "report", "--run", run_id, "--format", "json", check=False).stdout)
            whole = report["whole"]
            worst = [f["recoverySeconds"] for f in report["faults"]]
            recovery = "did not recover" if any(r is None for r in worst) else (
                f"{max(worst):.1f} s" if worst else "-")
            print(f"\n{name} (run {run_id}, seed {seed}): exit {chaos.returncode}, verdict {report['verdict']}")
            print(f"  availability {whole['availability'] * 100:.2f}% ({whole['failed']} failed, {whole['dropped']} dropped"
                  f" of {whole['attempts']}), p99 {whole['latency']['p99']:.1f} ms, recovery {recovery},"
                  f" lost writes {report['consistency']['lostWrites']}, lost sessions {report['consistency']['lostSessions']}")
            jobs = report.get("jobs") or {}
            if jobs.get("submitted"):
                drain = jobs["backlogDrainSeconds"]
                p99 = jobs["latency"]["p99"]
                print(f"  jobs: {jobs['submitted']} submitted, {jobs['confirmed']} confirmed, {jobs['done']} done,"
                      f" {jobs['lost']} lost, {jobs['duplicates']} duplicates, {jobs['late']} late;"
                      f" p99 {'-' if p99 is None else f'{p99:.0f} ms'}; backlog peak {jobs['backlogPeak']}"
                      f" at {jobs['backlogPeakAt']:.0f} s, {'did not drain' if drain is None else f'drained in {drain:.1f} s'}")
            for h in report["hypothesis"]:
                print(f"  {'PASS' if h['passed'] else 'FAIL'} {h['name']} {h['expression']}: {h['observed']}")
            if name == "kill-primary":
                kill = next(f for f in report["faults"] if f["action"] == "kill")
                agent = agent_failover(instant(report["run"]["startedAt"]), kill["at"])
                if agent is None:
                    print("  agent: no failover of the main database in its log after the kill")
                else:
                    print(f"  agent: primary declared dead {agent[0]:.1f} s after the kill, failover done {agent[1]:.1f} s"
                          f" after it ({agent[2]}); the report's recovery {recovery}")
            rows.append((name, chaos.returncode))
    finally:
        sh(SCALER, "down", "--project", PROJECT, check=False)
    load = subprocess.run(["cat", "/proc/loadavg"], capture_output=True, text=True).stdout.split()[:3]
    print(f"\nmachine load after: {' '.join(load)}")
    print("exit codes: " + ", ".join(f"{n} {c}" for n, c in rows))


if __name__ == "__main__":
    main()

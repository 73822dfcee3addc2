"""How `scaler up` and `scaler down` grow with the number of containers, next to docker-compose (bench/up.sh runs it).

For 5, 20 and 40 containers (bench/web-tier-bench.yaml, bench/starter-bench.yaml, bench/large-bench.yaml): the wall
time of `scaler up` from nothing until every container is healthy, split into its phases from its own timestamped
lines, and of `scaler down`; the same for docker-compose on `scaler export --format compose` of the same plan (same
images, commands, files and health checks; `docker-compose up -d`, then polled until every container is healthy or
running); for the web tier also the slowest container alone (the web app: `docker run` until its own health check
first passes). Medians of RUNS runs (RUNS_LARGE for 20 and 40 containers), with the load average beside each figure.
The last line: `web-tier up ratio scaler/compose: X.XX, scaler/slowest container: Y.YY`.
"""
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(os.environ.get("RUNS", "3"))
RUNS_LARGE = int(os.environ.get("RUNS_LARGE", "1"))
ONLY = os.environ.get("ONLY", "")  # e.g. ONLY=web-tier to measure one topology
TOPOLOGIES = [  # label, file, project, runs
    ("web-tier", "bench/web-tier-bench.yaml", "bench-web", RUNS),
    ("starter", "bench/starter-bench.yaml", "bench-starter", RUNS_LARGE),
    ("large", "bench/large-bench.yaml", "bench-large", RUNS_LARGE),
]
LINE = re.compile(r"^\[\s*([0-9.]+)s\] (\S+)\s+(.*)$")


def load():
    return open("/proc/loadavg").read().split()[0]


def busy():
    """CPU seconds the whole machine has spent outside idle and iowait since boot (every process, the engine too)."""
    fields = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw).stdout


def timed_up(topology):
    """scaler up, each output line stamped with the wall time since the command started; returns (total, phases)."""
    t0, cpu0 = time.monotonic(), busy()
    proc = subprocess.Popen(["./scaler", "up", "--images", "offline", topology], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    lines = []
    for raw in proc.stdout:
        lines.append((time.monotonic() - t0, raw.rstrip("\n")))
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit("bench: scaler up failed:\n" + "\n".join(l for _, l in lines))
    total, cpu = time.monotonic() - t0, busy() - cpu0
    steps = [(wall, float(m.group(1)), m.group(3)) for wall, l in lines if (m := LINE.match(l))]
    if not steps:
        sys.exit("bench: scaler up printed no progress lines:\n" + "\n".join(l for _, l in lines))
    clock0 = steps[0][0] - steps[0][1]  # wall time of the progress clock's zero: the tool has started

    def last(word):
        return max((wall for wall, _, what in steps if what.startswith(word)), default=clock0)

    created, started = last("created"), last("started")
    ready = max(last("healthy"), last("running"))
    return total, {
        "tool start": clock0,
        "pre-flight": steps[0][0] - clock0,
        "create": created - steps[0][0],
        "start": max(0.0, started - created),
        "health wait": max(0.0, ready - max(created, started)),
        "provision": total - ready,
        "cpu": cpu,
        "tool cpu": usage.ru_utime + usage.ru_stime,
    }


def wall(cmd, **kw):
    t0 = time.monotonic()
    run(cmd, **kw)
    return time.monotonic() - t0


def compose_ready(project, limit=300):
    """Polls until every container of a compose project is healthy (or running, without a health check)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        ids = run(["docker", "ps", "-aq", "--filter", f"label=com.docker.compose.project={project}"]).split()
        if ids:
            states = run(["docker", "inspect", "-f",
                          "{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}", *ids]).split()
            if all(s in ("healthy", "running") for s in states):
                return
        time.sleep(0.05)
    sys.exit(f"bench: compose project {project} not healthy after {limit}s")


def single_webapp(check):
    """Seconds from `docker run` until the web app's check passes, and the machine's CPU seconds in that time."""
    t0, cpu0 = time.monotonic(), busy()
    cid = run(["docker", "run", "-d", "--label", "scaler.bench=1", "scaler/webapp:offline"]).strip()
    try:
        end = time.monotonic() + 60
        while subprocess.run(["docker", "exec", cid, "bash", "-c", check], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL).returncode != 0:
            if time.monotonic() > end:
                sys.exit("bench: the web app alone never passed its health check")
            time.sleep(0.05)
        return time.monotonic() - t0, busy() - cpu0
    finally:
        subprocess.run(["docker", "rm", "-f", "-v", cid], stdout=subprocess.DEVNULL)


def med(xs):
    return statistics.median(xs)


def main():
    # Stopped from outside (a timeout): still take down what was started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("bench: stopped"))
    work = tempfile.mkdtemp()
    results = {}
    cleanups = []
    try:
        for label, topology, project, runs in TOPOLOGIES:
            if ONLY and label != ONLY:
                continue
            plan = json.loads(run(["./scaler", "plan", "--format", "json", "--images", "offline", topology]))["plan"]
            out = os.path.join(work, label)
            run(["./scaler", "export", topology, "--images", "offline", "--format", "compose", "--out", out])
            cproject = "scaler-bench-" + label
            compose = ["docker-compose", "-p", cproject, "-f", os.path.join(out, "docker-compose.yml")]
            cleanups.append((project, compose))
            r = {"containers": len(plan["containers"]), "up": [], "down": [], "cup": [], "cdown": [], "alone": [],
                 "phases": [], "load": []}
            for i in range(runs):
                r["load"].append(load())
                total, phases = timed_up(topology)
                r["up"].append(total)
                r["phases"].append(phases)
                r["down"].append(wall(["./scaler", "down", "--project", project]))
                t0 = time.monotonic()
                run(compose + ["up", "-d"], cwd=out)
                compose_ready(cproject)
                r["cup"].append(time.monotonic() - t0)
                r["cdown"].append(wall(compose + ["down", "-v"], cwd=out))
                if label == "web-tier":
                    web = next(c for c in plan["containers"] if c["tier"] == "WEB")
                    alone, alone_cpu = single_webapp(web["healthCheck"]["test"][-1])
                    r["alone"].append(alone)
                    r.setdefault("alone_cpu", []).append(alone_cpu)
                print(f"  {label} run {i + 1}: scaler up {total:.2f}s, down {r['down'][-1]:.2f}s, compose up "
                      f"{r['cup'][-1]:.2f}s, down {r['cdown'][-1]:.2f}s"
                      + (f", web app alone {r['alone'][-1]:.2f}s" if r["alone"] else "") + f" (load {r['load'][-1]})",
                      flush=True)
            results[label] = r
    finally:
        for project, compose in cleanups:
            subprocess.run(["./scaler", "down", "--project", project], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            subprocess.run(compose + ["down", "-v"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)

    print()
    print("medians (seconds); load average at the start of each run")
    print(f"{'topology':10} {'containers':>10} {'scaler up':>10} {'compose up':>11} {'ratio':>6} {'scaler down':>12}"
          f" {'compose down':>13}  load")
    for label, r in results.items():
        print(f"{label:10} {r['containers']:>10} {med(r['up']):>10.2f} {med(r['cup']):>11.2f} "
              f"{med(r['up']) / med(r['cup']):>6.2f} {med(r['down']):>12.2f} {med(r['cdown']):>13.2f}  "
              f"{' '.join(r['load'])}")
    print()
    print("phases of scaler up (medians, seconds; cpu: CPU seconds of the whole machine during up, tool cpu: of the tool's own process)")
    names = ["tool start", "pre-flight", "create", "start", "health wait", "provision", "cpu", "tool cpu"]
    print(f"{'topology':10} " + " ".join(f"{n:>11}" for n in names))
    for label, r in results.items():
        print(f"{label:10} " + " ".join(f"{med([p[n] for p in r['phases']]):>11.2f}" for n in names))
    if "web-tier" in results:
        r = results["web-tier"]
        print()
        print(f"web app alone (docker run until its health check passes): {med(r['alone']):.2f}s "
              f"(runs {' '.join(f'{x:.2f}' for x in r['alone'])})")
        # No schedule can finish sooner than the CPU work divided among the cores: the floor `up` could reach here.
        cores, cpu = os.cpu_count(), med([p["cpu"] for p in r["phases"]])
        rest = med([p["cpu"] - p["tool cpu"] for p in r["phases"]])
        print(f"CPU seconds of the whole machine during scaler up: {cpu:.2f}, {rest:.2f} without the tool's own "
              f"process (web app alone: {med(r['alone_cpu']):.2f}); on {cores} cores no schedule ends before "
              f"{cpu / cores:.2f}s ({cpu / cores / med(r['alone']):.2f}x the web app alone), nor before "
              f"{rest / cores:.2f}s ({rest / cores / med(r['alone']):.2f}x) with a tool that cost nothing")
        print(f"web-tier up ratio scaler/compose: {med(r['up']) / med(r['cup']):.2f}, "
              f"scaler/slowest container: {med(r['up']) / med(r['alone']):.2f}")


if __name__ == "__main__":
    main()

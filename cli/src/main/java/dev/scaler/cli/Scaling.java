package dev.scaler.cli;

import dev.scaler.engine.Apply;
import dev.scaler.engine.DockerEngine;
import dev.scaler.plan.Diff;
import dev.scaler.plan.Plan;
import dev.scaler.plan.Planner;
import dev.scaler.provision.BuildRecords;
import dev.scaler.provision.Scale;
import dev.scaler.provision.Up;
import dev.scaler.state.Deployments.Deployed;
import dev.scaler.state.Secrets;
import dev.scaler.topology.Topology;
import dev.scaler.topology.TopologyException;
import java.time.Duration;
import java.util.HashMap;

/**
 * Changes the web replica count of a running project and records it, the one way `scale` and the autoscaler do it:
 * new replicas join once ready and served, replicas that go are drained first ({@link Scale}); Ctrl-C cancels the
 * containers being created.
 */
final class Scaling {
    private Scaling() {
    }

    /** What a change did: the count before and after, and how long it took. */
    record Done(int before, int now, int added, int removed, double seconds) {
    }

    static Done to(DockerEngine engine, String project, int replicas, ProgressPrinter progress, Duration readiness)
            throws TopologyException {
        long started = System.nanoTime();
        Deployed deployed = DeployedTopology.current(project);
        Topology before = DeployedTopology.load(deployed);
        Plan plan = Planner.plan(before.withWebReplicas(replicas));
        var hashes = new HashMap<String, String>();
        Diff diff = new Up(engine, BuildRecords.read()).prepare(plan, hashes);
        var scale = new Scale(engine, progress);
        scale.check(plan, diff);
        var apply = new Apply(engine, Secrets.open(StateDir.resolve(), project)::fill, progress, readiness);
        Scale.Result result;
        try (var stop = Interrupts.onInterrupt(apply::cancel)) {
            result = scale.run(plan, diff, hashes, apply, before.loadBalancer().healthCheck().path());
        }
        DeployedTopology.store().replace(project, deployed.withWebReplicas(replicas));
        int now = before.web().replicas() + result.added().size() - result.removed().size();
        return new Done(before.web().replicas(), now, result.added().size(), result.removed().size(),
                (System.nanoTime() - started) / 1e9);
    }
}

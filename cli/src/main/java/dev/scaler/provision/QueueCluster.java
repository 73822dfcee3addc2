package dev.scaler.provision;

import dev.scaler.engine.Engine;
import dev.scaler.engine.EngineException;
import dev.scaler.plan.ContainerSpec;
import dev.scaler.plan.Plan;
import dev.scaler.plan.QueueTier;
import dev.scaler.plan.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What `up` makes sure of once the queue's containers are healthy: every node is a running member of one cluster, and
 * the jobs queue exists with the planned type (a quorum queue with every node as a member).
 */
public final class QueueCluster {
    private static final Duration POLL = Duration.ofMillis(500);

    /** The cluster as `up` left it: its running members and the jobs queue. */
    public record Formed(List<QueueApi.Node> nodes, QueueApi.Jobs jobs) {
    }

    private QueueCluster() {
    }

    /** Waits (at most {@code timeout}) for the cluster to form, declares the jobs queue; empty when the plan has no queue. */
    public static Optional<Formed> ensure(Engine engine, Plan plan, String type, Duration timeout) {
        List<ContainerSpec> nodes = plan.containers().stream().filter(c -> c.tier() == Tier.QUEUE).toList();
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        var api = new QueueApi(engine, nodes.get(0).name());
        Instant deadline = Instant.now().plus(timeout);
        List<QueueApi.Node> members = List.of();
        while (true) {
            members = api.nodes().orElse(List.of());
            long running = members.stream().filter(QueueApi.Node::running).count();
            if (running == nodes.size()) {
                break;
            }
            waitOrFail(deadline, "the queue cluster of " + plan.project() + " has " + running + " of " + nodes.size()
                    + " nodes running after " + timeout.toSeconds() + "s");
        }
        while (true) {
            if (api.declareJobs(type)) {
                var jobs = api.jobs();
                if (jobs.isPresent() && (!type.equals("quorum") || jobs.get().members().size() == nodes.size())) {
                    return Optional.of(new Formed(members, jobs.get()));
                }
            }
            waitOrFail(deadline, "the " + type + " queue " + QueueTier.JOBS + " of " + plan.project()
                    + " could not be declared with every node as a member within " + timeout.toSeconds() + "s");
        }
    }

    private static void waitOrFail(Instant deadline, String problem) {
        if (Instant.now().isAfter(deadline)) {
            throw new EngineException(problem, "see `docker logs` of the queue containers and `scaler status`");
        }
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.scaler.engine.CancelledException();
        }
    }
}

package dev.scaler.failover;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** `scaler failover`: promote a replica now, whether or not the primary is dead, and re-point the rest. */
public final class ManualFailover {
    private ManualFailover() {
    }

    /** Promotes {@code to}, or the most advanced reachable replica; returns the node promoted. */
    public static String promote(Group group, Optional<String> to, Cluster cluster, Positions positions,
            Consumer<String> log) {
        List<NodeView> views = cluster.probe(group);
        String old = views.stream().filter(NodeView::actsAsPrimary).map(NodeView::name).findFirst()
                .orElse(group.nodes().get(0));
        var replicas = views.stream().filter(v -> v.reachable() && !v.name().equals(old)).toList();
        String chosen = to.orElseGet(() -> FailoverPolicy.choose(old, replicas, positions)
                .orElseThrow(() -> new IllegalStateException(group.name() + ": no reachable replica to promote")));
        if (replicas.stream().noneMatch(v -> v.name().equals(chosen))) {
            throw new IllegalArgumentException(group.name() + ": " + chosen + " is not a reachable replica");
        }
        log.accept(group.name() + ": promoting " + chosen + " by hand (primary was " + old + ")");
        views.stream().filter(v -> v.name().equals(old) && v.reachable()).findFirst()
                .ifPresent(v -> cluster.fence(group, old));
        cluster.promote(group, chosen);
        cluster.route(group, chosen);
        for (NodeView v : views) {
            if (v.reachable() && !v.name().equals(chosen)) {
                cluster.repoint(group, v.name(), chosen);
            }
        }
        log.accept(group.name() + ": " + chosen + " is primary");
        return chosen;
    }
}

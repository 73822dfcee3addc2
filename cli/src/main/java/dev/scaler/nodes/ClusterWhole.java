package dev.scaler.nodes;

import java.util.List;
import java.util.Optional;

/**
 * Whether a swarm is whole again after a node fault: a leader, every manager reachable from it, every node of the
 * cluster Ready and active. Reachability matters: a manager cut off from the others kept campaigning, and when it
 * came back its higher term deposed the leader the others had kept (no leader for seconds after the rollback).
 */
public final class ClusterWhole {
    private ClusterWhole() {
    }

    /** What is still missing in a manager's view of a cluster of {@code nodes} node containers; empty when whole. */
    public static Optional<String> missing(List<SwarmNodeView> view, int nodes) {
        var wrong = new java.util.ArrayList<String>();
        if (view.stream().noneMatch(SwarmNodeView::leader)) {
            wrong.add("no leader");
        }
        long ready = view.stream().filter(SwarmNodeView::ready).count();
        if (ready < nodes) {
            wrong.add(ready + " of " + nodes + " nodes ready");
        }
        view.stream().filter(v -> v.role().equals("manager") && !v.reachability().equals("reachable"))
                .forEach(v -> wrong.add(v.hostname() + " " + (v.reachability().isEmpty() ? "not reachable"
                        : v.reachability())));
        view.stream().filter(v -> !v.availability().equals("active"))
                .forEach(v -> wrong.add(v.hostname() + " " + v.availability()));
        return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", wrong));
    }
}

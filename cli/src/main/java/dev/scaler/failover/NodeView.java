package dev.scaler.failover;

import java.util.Optional;

/**
 * One database node as the agent saw it in one probe: whether it answered, whether it accepts
 * writes (read_only off), whom it replicates from, and how far it has got (its GTID position).
 */
public record NodeView(String name, boolean reachable, boolean writable, Optional<ReplicaLink> replicating,
        String gtidPosition) {

    /** A node that did not answer. */
    public static NodeView unreachable(String name) {
        return new NodeView(name, false, false, Optional.empty(), "");
    }

    /** True when it answers, takes writes and replicates from no one: it acts as a primary. */
    public boolean actsAsPrimary() {
        return reachable && writable && replicating.isEmpty();
    }
}

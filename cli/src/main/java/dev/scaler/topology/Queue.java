package dev.scaler.topology;

/** RabbitMQ, one node or one cluster of 3 to 7, holding the {@code jobs} queue that web replicas publish to. */
public record Queue(int nodes) {
    /** The most nodes a queue cluster may have. */
    public static final int MAX_NODES = 7;
    /** The fewest nodes of a quorum queue that survives losing one. */
    public static final int QUORUM_NODES = 3;

    /** True when the jobs go on a quorum queue (Raft-replicated on every node), false for one classic queue. */
    public boolean quorum() {
        return nodes >= QUORUM_NODES;
    }
}

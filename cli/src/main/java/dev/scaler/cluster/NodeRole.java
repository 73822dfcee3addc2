package dev.scaler.cluster;

/** A Swarm node's role: managers keep the cluster's state (a Raft quorum), workers only run tasks. */
public enum NodeRole {
    MANAGER, WORKER;

    /** As Swarm and the labels write it: {@code manager}, {@code worker}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package dev.scaler.cluster;

/** The label keys that make Docker the source of truth for a cluster: on its node containers, volumes and network. */
public final class ClusterLabels {
    /** The cluster's name, on every object `cluster up` makes; `cluster down` removes only what carries it. */
    public static final String CLUSTER = "scaler.cluster";
    /** The node's number, 1 for the first. */
    public static final String INDEX = "scaler.index";
    /** manager or worker, as `cluster up` planned it (Swarm's own view is in `cluster status`). */
    public static final String ROLE = "scaler.role";
    /** The datacenter the node stands for; also a Swarm node label, for placement constraints. */
    public static final String DATACENTER = "scaler.datacenter";
    /** The node's fixed address on the cluster network. */
    public static final String ADDRESS = "scaler.address";

    private ClusterLabels() {
    }
}

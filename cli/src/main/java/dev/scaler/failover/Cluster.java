package dev.scaler.failover;

import java.util.List;

/** What the agent can do to a group's nodes; the JDBC adapter implements it, tests fake it. */
public interface Cluster {

    /** Probes every node of the group once, within a short timeout each. */
    List<NodeView> probe(Group group);

    /** Makes a replica the primary: stops replication, forgets its source, accepts writes. */
    void promote(Group group, String node);

    /** Points a node at the primary and starts replication; read-only first, so it can never take writes. */
    void repoint(Group group, String node, String primary);

    /** Makes a node read-only at once (an old primary back from the dead). */
    void fence(Group group, String node);

    /** Moves the group's stable address (the router) to the primary. */
    void route(Group group, String primary);
}

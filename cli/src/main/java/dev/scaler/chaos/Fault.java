package dev.scaler.chaos;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A fault that is (or was) in effect, as the journal records it before it is applied: what undoing it needs. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(value = Fault.OnContainer.class, name = "container"),
        @JsonSubTypes.Type(value = Fault.OnLink.class, name = "network"),
        @JsonSubTypes.Type(value = Fault.OnNode.class, name = "node")})
public sealed interface Fault {
    /** Numbered in the order the run applied them. */
    int id();

    /** The action as the experiment names it: kill, stop, pause, latency, partition... */
    String action();

    /** What people read: the selector as written and what it resolved to. */
    String target();

    /**
     * A container killed, stopped or paused.
     *
     * @param restart for kill and stop: start it again when the experiment ends (false: left to failover and `up`)
     */
    record OnContainer(int id, String action, String target, String containerId, String container, boolean restart)
            implements Fault {
    }

    /** A toxic on one proxy. */
    record OnLink(int id, String action, String target, String proxy, String toxic) implements Fault {
    }

    /**
     * A cluster node killed, stopped, paused, cut off its network or drained: what undoing it needs, so a crashed run's
     * leftover is undone by the next command.
     *
     * @param network the cluster network (a partition reconnects the node to it)
     * @param address the node's fixed address on it
     */
    record OnNode(int id, String action, String target, String cluster, String node, String containerId,
            String network, String address) implements Fault {
    }
}

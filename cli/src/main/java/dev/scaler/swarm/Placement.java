package dev.scaler.swarm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which node each pinned service goes to: round the nodes of its datacenter in order, so the members of a data
 * group (a primary and its replicas, the shards) land on different nodes as long as there are enough.
 */
final class Placement {
    private final List<SwarmNode> nodes;
    private final Map<Optional<String>, Integer> next = new HashMap<>();

    Placement(List<SwarmNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** How many nodes a service of this datacenter (any, when empty) may run on. */
    int eligible(Optional<String> datacenter) {
        return (int) nodes.stream().filter(n -> datacenter.isEmpty() || n.datacenter().equals(datacenter)).count();
    }

    String next(Optional<String> datacenter, String service) {
        var eligible = nodes.stream().filter(n -> datacenter.isEmpty() || n.datacenter().equals(datacenter)).toList();
        if (eligible.isEmpty()) {
            throw new PlacementException("no node of the swarm is labelled " + Services.DATACENTER_NODE_LABEL + "="
                    + datacenter.orElseThrow() + " for " + service,
                    "label one: `docker node update --label-add " + Services.DATACENTER_NODE_LABEL + "="
                            + datacenter.orElseThrow() + " NODE`, or start the cluster with that datacenter");
        }
        int i = next.merge(datacenter, 1, Integer::sum) - 1;
        return eligible.get(i % eligible.size()).hostname();
    }
}

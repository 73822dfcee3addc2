package dev.scaler.plan;

import java.util.List;
import java.util.Optional;

/**
 * A replicated group of database nodes: the database ("db") or one shard ("shard-N"). Its first
 * node starts as primary; its route is the router port that always leads to the current primary.
 */
public record DataGroup(String name, Tier tier, Optional<Integer> shard, List<String> nodes, int routePort,
        boolean automaticFailover, boolean semiSync) {
    public DataGroup {
        nodes = List.copyOf(nodes);
    }
}

package dev.scaler.failover;

import java.util.List;

/** A replicated group the agent watches (the database, or one shard): its nodes and its route's name. */
public record Group(String name, List<String> nodes, boolean automatic) {
    public Group {
        nodes = List.copyOf(nodes);
    }
}

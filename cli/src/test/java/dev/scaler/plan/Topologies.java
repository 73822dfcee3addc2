package dev.scaler.plan;

import dev.scaler.topology.Topology;
import dev.scaler.topology.TopologyException;
import dev.scaler.topology.TopologyLoader;

/** Topologies written as YAML in tests, the way users write them. */
public final class Topologies {
    private Topologies() {
    }

    public static Topology of(String yaml) {
        try {
            return TopologyLoader.parse(yaml, "test.yaml");
        } catch (TopologyException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}

package dev.scaler.plan;

import dev.scaler.topology.Topology;
import dev.scaler.topology.TopologyException;
import dev.scaler.topology.TopologyLoader;
import java.nio.file.Path;

/** Topologies written as YAML in tests, the way users write them. */
public final class Topologies {
    private Topologies() {
    }

    public static Topology of(String yaml) {
        try {
            return TopologyLoader.parse(yaml, Path.of("test.yaml"));
        } catch (TopologyException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}

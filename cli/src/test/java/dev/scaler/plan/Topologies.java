package dev.scaler.plan;

import dev.scaler.topology.ImageProfile;
import dev.scaler.topology.Topology;
import dev.scaler.topology.TopologyException;
import dev.scaler.topology.TopologyLoader;

/** Topologies written as YAML in tests, the way users write them. */
public final class Topologies {
    private Topologies() {
    }

    /**
     * The topology, ready to plan: {@code images: auto} (the default) is taken as upstream, as `scaler up` would
     * where the registry answers; AutoProfileTest covers how auto is chosen.
     */
    public static Topology of(String yaml) {
        Topology t = declared(yaml);
        return t.images() == ImageProfile.AUTO ? t.withImages(ImageProfile.UPSTREAM) : t;
    }

    /** The topology exactly as loaded, profile unresolved. */
    public static Topology declared(String yaml) {
        try {
            return TopologyLoader.parse(yaml, "test.yaml");
        } catch (TopologyException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}

package dev.scaler.plan;

import java.util.List;
import java.util.Map;

/**
 * A container the engine reports for a project, as read from Docker.
 *
 * @param networks the container's address on each network it is attached to (network name to IP), empty when it
 *                 does not run
 */
public record ObservedContainer(String id, String name, String image, Map<String, String> labels, String state,
        String health, List<PortBinding> ports, Map<String, String> networks) {

    public ObservedContainer {
        labels = Map.copyOf(labels);
        ports = List.copyOf(ports);
        networks = Map.copyOf(networks);
    }

    /** One with no known network address. */
    public ObservedContainer(String id, String name, String image, Map<String, String> labels, String state,
            String health, List<PortBinding> ports) {
        this(id, name, image, labels, state, health, ports, Map.of());
    }

    /** The spec digest it was created from, empty when the label is missing. */
    public String specHash() {
        return labels.getOrDefault(Labels.SPEC, "");
    }

    /** True when Docker says it runs. */
    public boolean running() {
        return "running".equals(state);
    }

    /** Its tier label value. */
    public String tier() {
        return labels.getOrDefault(Labels.TIER, "?");
    }
}

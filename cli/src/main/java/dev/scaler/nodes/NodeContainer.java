package dev.scaler.nodes;

import com.github.dockerjava.api.model.Container;
import dev.scaler.cluster.ClusterLabels;
import java.util.Map;

/** A node container as the host's engine shows it, read back from its labels. */
public record NodeContainer(String id, String name, String cluster, int index, String role, String datacenter,
        String address, String state) {

    static NodeContainer of(Container c) {
        Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
        String name = c.getNames() != null && c.getNames().length > 0 ? c.getNames()[0].replaceFirst("^/", "") : c.getId();
        int index;
        try {
            index = Integer.parseInt(labels.getOrDefault(ClusterLabels.INDEX, "0"));
        } catch (NumberFormatException e) {
            index = 0;
        }
        return new NodeContainer(c.getId(), name, labels.getOrDefault(ClusterLabels.CLUSTER, ""), index,
                labels.getOrDefault(ClusterLabels.ROLE, ""), labels.getOrDefault(ClusterLabels.DATACENTER, ""),
                labels.getOrDefault(ClusterLabels.ADDRESS, ""), c.getState() == null ? "" : c.getState());
    }

    /** Where its engine answers the Docker API. */
    public String engineHost() {
        return "tcp://" + address + ":" + dev.scaler.cluster.ClusterPlan.ENGINE_PORT;
    }

    /** True when the container runs (not paused, not stopped). */
    public boolean running() {
        return state.equals("running");
    }
}

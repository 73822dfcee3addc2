package dev.scaler.swarm;

import dev.scaler.plan.HealthCheck;
import dev.scaler.plan.Mount;
import dev.scaler.plan.Tier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One Swarm service of a plan: a replicated stateless tier, or one stateful node pinned to a node.
 *
 * @param hostname       the tasks' hostname, a Swarm template for a replicated tier ({@code {{.Task.Slot}}})
 * @param labels         the service's labels, {@code scaler.spec} included
 * @param containerLabels the labels of each task's container (the plan's, without the index a replicated tier's
 *                       tasks take from their slot)
 * @param constraints    placement constraints, e.g. {@code node.hostname==scaler-node-2}
 * @param maxPerNode     at most this many tasks on one node, 0 for no limit
 * @param networks       each overlay network the tasks join, with their aliases there
 * @param dependsOn      the services that must be healthy before this one is created
 */
public record Service(String name, Tier tier, String image, List<String> command, Map<String, String> env,
        String hostname, Map<String, String> labels, Map<String, String> containerLabels, int replicas,
        List<String> constraints, int maxPerNode, Map<String, List<String>> networks, List<HostPort> ports,
        List<ServiceFile> files, List<Mount> mounts, Optional<HealthCheck> healthCheck, UpdateOrder order,
        List<String> dependsOn) {

    public Service {
        command = List.copyOf(command);
        env = java.util.Collections.unmodifiableMap(new TreeMap<>(env));
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        containerLabels = java.util.Collections.unmodifiableMap(new TreeMap<>(containerLabels));
        constraints = List.copyOf(constraints);
        var nets = new TreeMap<String, List<String>>();
        networks.forEach((n, a) -> nets.put(n, List.copyOf(a)));
        networks = java.util.Collections.unmodifiableMap(nets);
        ports = List.copyOf(ports);
        files = List.copyOf(files);
        mounts = List.copyOf(mounts);
        dependsOn = List.copyOf(dependsOn);
    }

    /** The spec digest the service carries as its {@code scaler.spec} label. */
    public String specHash() {
        return labels.getOrDefault(dev.scaler.plan.Labels.SPEC, "");
    }
}

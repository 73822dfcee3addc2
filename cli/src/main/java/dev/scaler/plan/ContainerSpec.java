package dev.scaler.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One container of the plan. Environment values and file contents may hold {@code ${secret:KEY}}
 * placeholders, so a printed plan never shows a secret. {@code otherNetworks} are the networks it joins
 * besides {@code network}, each with its aliases there (only the links between datacenters and the global
 * load balancer have any).
 */
public record ContainerSpec(
        String name,
        Tier tier,
        int index,
        String image,
        List<String> command,
        Map<String, String> env,
        List<PortBinding> ports,
        Map<String, String> labels,
        Optional<HealthCheck> healthCheck,
        List<String> dependsOn,
        List<Mount> mounts,
        List<ContainerFile> files,
        String network,
        List<String> aliases,
        Map<String, List<String>> otherNetworks) {

    public ContainerSpec {
        command = List.copyOf(command);
        env = Map.copyOf(env);
        ports = List.copyOf(ports);
        labels = Map.copyOf(labels);
        dependsOn = List.copyOf(dependsOn);
        mounts = List.copyOf(mounts);
        files = List.copyOf(files);
        aliases = List.copyOf(aliases);
        var others = new java.util.TreeMap<String, List<String>>();
        otherNetworks.forEach((n, a) -> others.put(n, List.copyOf(a)));
        otherNetworks = java.util.Collections.unmodifiableMap(others);
    }

    /** A container on one network only. */
    public ContainerSpec(String name, Tier tier, int index, String image, List<String> command,
            Map<String, String> env, List<PortBinding> ports, Map<String, String> labels,
            Optional<HealthCheck> healthCheck, List<String> dependsOn, List<Mount> mounts, List<ContainerFile> files,
            String network, List<String> aliases) {
        this(name, tier, index, image, command, env, ports, labels, healthCheck, dependsOn, mounts, files, network,
                aliases, Map.of());
    }

    /** The role this container starts in (roles that change at run time are asked of the service). */
    public String role() {
        return labels.getOrDefault(Labels.ROLE, tier.label());
    }
}

package dev.scaler.plan;

import java.util.List;
import java.util.Optional;

/**
 * Everything `up` would create for a topology: printable data, computed without touching Docker. The
 * proxies are what `up` makes sure the proxy container's Toxiproxy has (empty without {@code proxies: true}).
 */
public record Plan(String project, String imageProfile, List<NetworkSpec> networks, List<VolumeSpec> volumes,
        List<ContainerSpec> containers, List<ProxyRoute> proxies) {

    public Plan {
        networks = List.copyOf(networks);
        volumes = List.copyOf(volumes);
        containers = List.copyOf(containers);
        proxies = List.copyOf(proxies);
    }

    /** A plan without proxies. */
    public Plan(String project, String imageProfile, List<NetworkSpec> networks, List<VolumeSpec> volumes,
            List<ContainerSpec> containers) {
        this(project, imageProfile, networks, volumes, containers, List.of());
    }

    /** The container of that name, if the plan has one. */
    public Optional<ContainerSpec> container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Every distinct image the plan needs, in first-use order. */
    public List<String> images() {
        return containers.stream().map(ContainerSpec::image).distinct().toList();
    }
}

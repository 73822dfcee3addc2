package dev.scaler.swarm;

import dev.scaler.plan.NetworkSpec;
import java.util.List;

/** What `up --engine swarm` creates for a plan: overlay networks, the files' configs and secrets, services in start order. */
public record Deployment(String project, List<NetworkSpec> networks, List<ServiceFile> files, List<Service> services) {
    public Deployment {
        networks = List.copyOf(networks);
        files = List.copyOf(files);
        services = List.copyOf(services);
    }
}

package dev.scaler.plan;

import java.util.List;
import java.util.Map;

/** What one tier adds to a plan: its containers and volumes, and what web replicas must be told about it. */
record TierPlan(List<ContainerSpec> containers, List<VolumeSpec> volumes, Map<String, String> webEnv) {
    TierPlan {
        containers = List.copyOf(containers);
        volumes = List.copyOf(volumes);
        webEnv = Map.copyOf(webEnv);
    }
}

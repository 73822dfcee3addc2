package dev.scaler.cli;

import dev.scaler.engine.Engine;
import dev.scaler.engine.EngineException;
import dev.scaler.plan.Tier;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Where users reach a project: the published addresses of its running load balancers, in name order. */
final class Balancers {
    private Balancers() {
    }

    static List<URI> of(Engine engine, String project) {
        List<URI> uris = engine.containers(Optional.of(project)).stream()
                .filter(c -> Tier.LB.label().equals(c.tier()) && c.running())
                .sorted(java.util.Comparator.comparing(c -> c.name()))
                .flatMap(c -> c.ports().stream().map(p -> p.address()).distinct())
                .map(a -> URI.create("http://" + a + "/")).toList();
        if (uris.isEmpty()) {
            throw new EngineException(project + " has no running load balancer with a published port",
                    "start it with `scaler up FILE`, or give --target URL");
        }
        return uris;
    }

    /** Whether the project is entered through a global load balancer: one address per datacenter, users stay home. */
    static boolean global(Engine engine, String project) {
        return engine.containers(Optional.of(project)).stream().anyMatch(c -> Tier.LB.label().equals(c.tier())
                && "global".equals(c.labels().get(dev.scaler.plan.Labels.ROLE)));
    }
}

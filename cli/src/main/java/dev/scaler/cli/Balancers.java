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

    /**
     * The same load balancers as {@link #of}, in the same order, as a container on the project's network reaches
     * them: by container name and the port inside it.
     */
    static List<URI> internal(Engine engine, String project) {
        return engine.containers(Optional.of(project)).stream()
                .filter(c -> Tier.LB.label().equals(c.tier()) && c.running())
                .sorted(java.util.Comparator.comparing(c -> c.name()))
                .flatMap(c -> c.ports().stream()
                        .collect(java.util.stream.Collectors.toMap(p -> p.address(), p -> p.containerPort(),
                                (a, b) -> a, java.util.LinkedHashMap::new))
                        .values().stream().map(port -> URI.create("http://" + c.name() + ":" + port + "/")))
                .toList();
    }

    /**
     * The datacenter each address of {@link #of} is the entry point of, in the same order, when the project is
     * entered through a global load balancer; empty otherwise. Its frontend for datacenter k listens on
     * {@code 8080 + k} in the container, and its label {@code scaler.datacenters} lists them in that order.
     */
    static List<String> homes(Engine engine, String project) {
        var global = engine.containers(Optional.of(project)).stream().filter(c -> Tier.LB.label().equals(c.tier())
                && c.labels().containsKey(dev.scaler.plan.Labels.DATACENTERS) && c.running()).findFirst();
        if (global.isEmpty()) {
            return List.of();
        }
        List<String> names = List.of(global.get().labels().get(dev.scaler.plan.Labels.DATACENTERS).split(","));
        return global.get().ports().stream().map(p -> names.get(p.containerPort() - dev.scaler.plan.HaproxyConfig.PORT))
                .distinct().toList();
    }
}

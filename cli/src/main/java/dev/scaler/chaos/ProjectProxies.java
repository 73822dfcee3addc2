package dev.scaler.chaos;

import dev.scaler.engine.Engine;
import dev.scaler.plan.Labels;
import dev.scaler.plan.Tier;
import java.util.Optional;

/** A project's proxies, when it has a Toxiproxy container that runs. */
public final class ProjectProxies {
    private ProjectProxies() {
    }

    /** Empty when the project has no proxy container: then it has no network faults either. */
    public static Optional<Faults> open(Engine engine, String project) {
        var proxy = engine.containers(Optional.of(project)).stream()
                .filter(c -> Tier.PROXY.label().equals(c.labels().get(Labels.TIER)) && c.running()).findFirst();
        if (proxy.isEmpty()) {
            return Optional.empty();
        }
        // The Toxiproxy adapter arrives with the proxy tier (branch proxies).
        return Optional.empty();
    }
}

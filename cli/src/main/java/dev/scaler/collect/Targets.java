package dev.scaler.collect;

import dev.scaler.engine.Engine;
import dev.scaler.monitor.Target;
import dev.scaler.plan.Labels;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.Tier;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every container of a project as a {@link Target}, listed again at each call: Docker is the source of truth. */
public final class Targets {
    private Targets() {
    }

    /** The project's containers, load balancers first, then by tier and name. */
    public static List<Target> of(Engine engine, String project) {
        // A run's own load generators are not the system under test.
        return engine.containers(Optional.of(project)).stream().filter(c -> !Tier.GENERATOR.label().equals(c.tier()))
                .sorted(Comparator.comparing((ObservedContainer c) -> Tier.fromLabel(c.tier()).map(Enum::ordinal)
                        .orElse(99)).thenComparing(ObservedContainer::name))
                .map(c -> target(c, project)).toList();
    }

    static Target target(ObservedContainer c, String project) {
        String role = c.labels().getOrDefault(Labels.ROLE, c.tier());
        // The project's own network (several with datacenters: any of them reaches the container).
        Optional<String> address = c.networks().entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().startsWith(project) ? 0 : 1))
                .map(java.util.Map.Entry::getValue).findFirst();
        return new Target(c.name(), c.tier(), role, c.image(), c.state(), c.health().isEmpty() ? "-" : c.health(),
                c.running() ? address : Optional.empty());
    }
}

package dev.scaler.provision;

import dev.scaler.engine.Engine;
import dev.scaler.plan.Labels;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.Tier;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** `scaler status`: one row per container of a project (or of every project), from Docker's labels. */
public final class Status {

    /** One container as users see it. */
    public record Row(String project, String container, String tier, int index, String role, String state,
            String health, List<String> addresses) {
    }

    private final Engine engine;

    public Status(Engine engine) {
        this.engine = engine;
    }

    /** Rows sorted by project, tier (load balancer first) and index. */
    public List<Row> rows(Optional<String> project) {
        return engine.containers(project).stream().map(this::row)
                .sorted(Comparator.comparing(Row::project)
                        .thenComparing(r -> Tier.fromLabel(r.tier()).map(Enum::ordinal).orElse(99))
                        .thenComparing(Row::container))
                .toList();
    }

    private Row row(ObservedContainer c) {
        var labels = c.labels();
        int index = parse(labels.getOrDefault(Labels.INDEX, "0"));
        List<String> addresses = c.ports().stream().map(p -> p.address()).distinct().collect(Collectors.toList());
        return new Row(labels.getOrDefault(Labels.PROJECT, "?"), c.name(), c.tier(), index,
                Roles.of(c, engine), c.state(), c.health().isEmpty() ? "-" : c.health(),
                addresses);
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

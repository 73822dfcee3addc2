package dev.scaler.provision;

import dev.scaler.engine.Engine;
import dev.scaler.plan.Labels;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.Tier;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Roles that change at run time (which Redis node is primary) are asked of the service, never remembered. */
final class Roles {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private Roles() {
    }

    /** The container's role now: asked of Redis for cache nodes, the label's for everything else. */
    static String of(ObservedContainer c, Engine engine) {
        String labelled = c.labels().getOrDefault(Labels.ROLE, c.tier());
        boolean redisNode = Tier.CACHE.label().equals(c.tier()) && !"sentinel".equals(labelled);
        if (!redisNode) {
            return labelled;
        }
        if (!c.running()) {
            return "-";
        }
        var info = engine.exec(c.id(), List.of("redis-cli", "info", "replication"), TIMEOUT);
        return info.ok() ? redisRole(info.output()).orElse("unknown") : "unknown";
    }

    /** The role in the output of Redis' INFO replication: master is "primary", slave is "replica". */
    static Optional<String> redisRole(String info) {
        for (String line : info.split("\\R")) {
            if (line.startsWith("role:")) {
                return switch (line.substring(5).trim()) {
                    case "master" -> Optional.of("primary");
                    case "slave" -> Optional.of("replica");
                    default -> Optional.empty();
                };
            }
        }
        return Optional.empty();
    }
}

package dev.scaler.provision;

import dev.scaler.engine.Engine;
import dev.scaler.plan.Labels;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.Planner;
import dev.scaler.plan.Tier;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Roles that change at run time (which Redis node is primary) are asked of the service, never remembered. */
public final class Roles {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private Roles() {
    }

    /** Asks a MySQL/MariaDB server whether it is read-only and whom it replicates from (both flavours). */
    private static final List<String> SQL_ROLE = dev.scaler.sql.ServerImage.rootQuery(
            "SELECT CONCAT(\"read_only:\", @@read_only); SHOW REPLICA STATUS\\G");

    /** The container's role now: asked of Redis or SQL for data nodes, the label's for everything else. */
    public static String of(ObservedContainer c, Engine engine) {
        String labelled = c.labels().getOrDefault(Labels.ROLE, c.tier());
        if (Tier.QUEUE.label().equals(c.tier())) {
            return c.running() ? queueRole(c, new QueueApi(engine, c.id()).jobs()) : "-";
        }
        boolean redisNode = Tier.CACHE.label().equals(c.tier()) && !"sentinel".equals(labelled);
        boolean sqlNode = (Tier.DATABASE.label().equals(c.tier()) || Tier.SHARD.label().equals(c.tier()))
                && !"router".equals(labelled);
        if (!redisNode && !sqlNode) {
            return labelled;
        }
        if (!c.running()) {
            return "-";
        }
        if (sqlNode) {
            var answer = engine.exec(c.id(), SQL_ROLE, TIMEOUT);
            return answer.ok() ? sqlRole(answer.output()).orElse("unknown") : "unknown";
        }
        var info = engine.exec(c.id(), List.of("bash", "-c", Planner.REDIS_CLI + " info replication"), TIMEOUT);
        return info.ok() ? redisRole(info.output()).orElse("unknown") : "unknown";
    }

    /** A queue node's role: "leader" or "member" of the jobs queue, "node" while that queue does not exist. */
    static String queueRole(ObservedContainer c, Optional<QueueApi.Jobs> jobs) {
        String me = "rabbit@" + c.name();
        return jobs.map(j -> j.leader().filter(me::equals).isPresent() ? "leader"
                : j.members().contains(me) ? "member" : "node").orElse("node");
    }

    /**
     * The role from a server's read_only flag and replica status: replicating makes a replica
     * (of whom), writable and replicating from no one a primary, read-only and alone "fenced".
     */
    static Optional<String> sqlRole(String output) {
        Optional<String> source = Optional.empty();
        Optional<Boolean> readOnly = Optional.empty();
        for (String raw : output.split("\\R")) {
            String line = raw.trim();
            if (line.startsWith("read_only:")) {
                // MariaDB says OFF/ON, MySQL 0/1.
                readOnly = Optional.of(!(line.endsWith(":0") || line.endsWith(":OFF")));
            } else if (line.startsWith("Source_Host:") || line.startsWith("Master_Host:")) {
                source = Optional.of(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        if (source.isPresent()) {
            return Optional.of("replica of " + source.get());
        }
        return readOnly.map(ro -> ro ? "fenced" : "primary");
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

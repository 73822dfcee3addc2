package dev.scaler.plan;

import java.util.Optional;

/**
 * The names of the Toxiproxy proxies in front of the web tier's data paths; the planner names proxies with these and
 * experiments find them with these, so a link such as {@code web -> cache.primary} lands on the right proxy.
 *
 * <ul>
 *   <li>{@code cache-<i>}: web to Redis node i ({@code <project>-cache-<i>});</li>
 *   <li>{@code database-primary}: web to the router's route for the main database's primary;</li>
 *   <li>{@code database-<i>}: web to database node i ({@code <project>-db-<i>}), used for reads from replicas;</li>
 *   <li>{@code shard-<n>-primary}: web to the router's route for shard n's primary;</li>
 *   <li>{@code shard-<n>-<i>}: web to node i of shard n ({@code <project>-shard-<n>-<i>}).</li>
 *   <li>{@code queue-<i>}: web to queue node i ({@code <project>-queue-<i>});</li>
 *   <li>{@code workers-queue-<i>}: the workers to queue node i.</li>
 *   <li>{@code link.<from>.<to>.<endpoint>}: from datacenter {@code from} to an endpoint that lives in
 *       datacenter {@code to} ({@code db-1}, {@code db-router-3306}); datacenter names hold no dot.</li>
 * </ul>
 */
public final class ProxyNames {
    private ProxyNames() {
    }

    /** The proxy in front of one node, when that tier's nodes have proxies (cache, database, shard). */
    public static Optional<String> node(Tier tier, Optional<Integer> shard, int index) {
        return switch (tier) {
            case CACHE -> Optional.of("cache-" + index);
            case DATABASE -> Optional.of("database-" + index);
            case SHARD -> shard.map(n -> "shard-" + n + "-" + index);
            case QUEUE -> Optional.of(queue(index));
            default -> Optional.empty();
        };
    }

    /** The web tier's proxy to queue node {@code index}. */
    public static String queue(int index) {
        return "queue-" + index;
    }

    /** The workers' proxy to queue node {@code index}. */
    public static String workerQueue(int index) {
        return "workers-queue-" + index;
    }

    /** The proxy in front of a group's primary route through the router: the main database when shard is empty. */
    public static String primaryRoute(Optional<Integer> shard) {
        return shard.map(n -> "shard-" + n + "-primary").orElse("database-primary");
    }

    /** Whether a proxy belongs to the group (the main database when shard is empty) or to the cache when tier is CACHE. */
    public static boolean inGroup(String proxy, Tier tier, Optional<Integer> shard) {
        return switch (tier) {
            case CACHE -> proxy.startsWith("cache-");
            case DATABASE -> proxy.startsWith("database-");
            case SHARD -> shard.map(n -> proxy.startsWith("shard-" + n + "-")).orElse(proxy.startsWith("shard-"));
            case QUEUE -> proxy.startsWith("queue-");
            default -> false;
        };
    }

    /** The proxy that carries traffic from datacenter {@code from} to an endpoint of datacenter {@code to}. */
    public static String link(String from, String to, String endpoint) {
        return "link." + from + "." + to + "." + endpoint;
    }

    /** Whether a proxy is a link between the two datacenters, in either direction. */
    public static boolean joins(String proxy, String a, String b) {
        String[] parts = proxy.split("\\.", 4);
        return parts.length == 4 && parts[0].equals("link")
                && (parts[1].equals(a) && parts[2].equals(b) || parts[1].equals(b) && parts[2].equals(a));
    }
}

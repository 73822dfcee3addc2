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
            default -> Optional.empty();
        };
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
            default -> false;
        };
    }
}

package dev.scaler.monitor;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.DoubleStream;

/**
 * The tier-wide series a run's report shows next to availability, each one number per sample made from every
 * container of its tier: backends up at the worst load balancer, the cache primary's hit ratio, the largest replica
 * lag, and so on. Empty when no container of the tier said it.
 */
public enum Signal {
    BACKENDS_UP("backendsUp", "lb", "web backends up (worst load balancer)", "", v -> isLb(v), Vitals::backendsUp,
            Aggregate.MIN),
    WEB_REPLICAS("webReplicas", "web", "web replicas answering", "", v -> is(v, "web"),
            v -> OptionalDouble.of(v.silent() ? 0 : 1), Aggregate.SUM),
    WEB_REQUESTS("webRequestsPerSecond", "web", "requests/s answered by the web replicas", "/s", v -> is(v, "web"),
            Vitals::requestsPerSecond, Aggregate.SUM),
    WEB_ERRORS("webErrorsPerSecond", "web", "5xx/s answered by the web replicas", "/s", v -> is(v, "web"),
            Vitals::errorsPerSecond, Aggregate.SUM),
    WEB_P99("webP99Ms", "web", "p99 inside the slowest web replica", "ms", v -> is(v, "web"), Vitals::p99Ms,
            Aggregate.MAX),
    DB_POOL_ACTIVE("dbPoolActive", "web", "database connections in use by the web replicas", "",
            v -> is(v, "web"), Vitals::dbPoolActive, Aggregate.SUM),
    CACHE_HIT_RATIO("cacheHitRatio", "cache", "Redis primary hit ratio", "ratio",
            v -> is(v, "cache") && "primary".equals(v.role()), Vitals::hitRatio, Aggregate.MAX),
    CACHE_MEMORY("cacheMemoryBytes", "cache", "Redis primary memory used", "bytes",
            v -> is(v, "cache") && "primary".equals(v.role()), Vitals::memoryBytes, Aggregate.MAX),
    REPLICA_LAG("replicaLagSeconds", "database", "largest replica lag (database and shards)", "s",
            v -> is(v, "database") || is(v, "shard"), Vitals::lagSeconds, Aggregate.MAX),
    ROUTES_UP("databaseRoutesUp", "database", "database router routes up", "",
            v -> is(v, "database") && "router".equals(v.role()), Vitals::backendsUp, Aggregate.MIN),
    TOXICS_ACTIVE("toxicsActive", "proxy", "toxics active (Toxiproxy)", "", v -> is(v, "proxy"),
            Vitals::toxicsActive, Aggregate.SUM),
    EDGE_HIT_RATIO("edgeHitRatio", "cdn", "CDN edge hit ratio (fresh or stale)", "ratio",
            v -> is(v, "cdn") && "edge".equals(v.role()), Vitals::hitRatio, Aggregate.MAX),
    SILENT("containersSilent", "all", "containers not answering", "",
            v -> true, v -> OptionalDouble.of(v.silent() ? 1 : 0), Aggregate.SUM);

    /** How a tier's containers make one number. */
    enum Aggregate {
        MIN, MAX, SUM
    }

    private final String key;
    private final String tier;
    private final String title;
    private final String unit;
    private final Predicate<Vitals> from;
    private final Function<Vitals, OptionalDouble> value;
    private final Aggregate aggregate;

    Signal(String key, String tier, String title, String unit, Predicate<Vitals> from,
            Function<Vitals, OptionalDouble> value, Aggregate aggregate) {
        this.key = key;
        this.tier = tier;
        this.title = title;
        this.unit = unit;
        this.from = from;
        this.value = value;
        this.aggregate = aggregate;
    }

    /** Its name in JSON. */
    public String key() {
        return key;
    }

    /** The tier it describes (a panel per tier in the HTML report). */
    public String tier() {
        return tier;
    }

    public String title() {
        return title;
    }

    /** "", "/s", "ms", "s", "ratio" or "bytes". */
    public String unit() {
        return unit;
    }

    /** This signal's value in one sample. */
    public OptionalDouble of(List<Vitals> containers) {
        DoubleStream values = containers.stream().filter(from).map(value).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble);
        return switch (aggregate) {
            case MIN -> values.min();
            case MAX -> values.max();
            case SUM -> {
                double[] all = values.toArray();
                yield all.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(DoubleStream.of(all).sum());
            }
        };
    }

    private static boolean is(Vitals v, String tier) {
        return tier.equals(v.tier());
    }

    private static boolean isLb(Vitals v) {
        return is(v, "lb");
    }
}

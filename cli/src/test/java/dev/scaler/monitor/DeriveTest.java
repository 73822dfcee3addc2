package dev.scaler.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The arithmetic from readings to vital signs: rates, resets, quantiles, and what each kind of server shows. */
class DeriveTest {
    static final Target WEB = new Target("p-web-1", "web", "replica", "scaler/webapp:offline", "running", "healthy",
            Optional.of("172.18.0.4"));

    static List<Reading.Bucket> buckets(double... cumulative) {
        double[] bounds = {0.01, 0.1, 1, Double.POSITIVE_INFINITY};
        return java.util.stream.IntStream.range(0, bounds.length)
                .mapToObj(i -> new Reading.Bucket(bounds[i], cumulative[i])).toList();
    }

    static Reading.Web web(double ok, double errors, List<Reading.Bucket> latency, double hits, double misses) {
        return new Reading.Web(Map.of("2xx", ok, "5xx", errors), latency,
                Map.of("main-primary", new Reading.Pool(3, 1, 16), "shard-0-primary", new Reading.Pool(2, 0, 16),
                        "redis", new Reading.Pool(4, 0, 32)), hits, misses, 0);
    }

    @Test
    void ratesAreTheCounterDeltaPerSecondAndARestartCountsFromZero() {
        assertThat(Derive.rate(150, 50, 2).getAsDouble()).isEqualTo(50);
        assertThat(Derive.rate(30, 500, 2).getAsDouble()).as("reset: the counter went down").isEqualTo(15);
        assertThat(Derive.rate(1, 0, 0)).isEmpty();
    }

    @Test
    void theQuantileInterpolatesInsideItsBucketLikeHistogramQuantile() {
        // 100 observations between the readings: 90 under 10 ms, 10 between 10 and 100 ms.
        var before = buckets(10, 10, 10, 10);
        var now = buckets(100, 110, 110, 110);
        // rank 99 of 100 falls in (0.01, 0.1], 9 of its 10 observations in: 0.01 + 0.09 * 9/10.
        assertThat(Derive.quantile(0.99, now, before).getAsDouble()).isCloseTo(0.091, within(1e-9));
        assertThat(Derive.quantile(0.5, now, before).getAsDouble()).isCloseTo(0.01 * 50 / 90, within(1e-9));
        assertThat(Derive.quantile(0.99, now, now)).as("nothing observed").isEmpty();
        // All in +Inf: the highest finite bound is all that can be said.
        assertThat(Derive.quantile(0.99, buckets(0, 0, 0, 5), buckets(0, 0, 0, 0)).getAsDouble()).isEqualTo(1);
        // A restarted replica's histogram went down: the new one counts alone.
        assertThat(Derive.quantile(0.99, buckets(1, 1, 1, 1), buckets(50, 60, 60, 60)).getAsDouble())
                .isCloseTo(0.0099, within(1e-9));
    }

    @Test
    void aWebReplicaShowsRequestsErrorsP99PoolsAndNoteCacheHitsOverTheInterval() {
        var before = web(1000, 10, buckets(10, 10, 10, 10), 40, 60);
        var now = web(1190, 20, buckets(100, 110, 110, 110), 70, 70);
        Vitals v = Derive.vitals(WEB, now, Optional.of(before), 2.0);
        assertThat(v.status()).isEqualTo(Vitals.OK);
        assertThat(v.requestsPerSecond().getAsDouble()).isEqualTo(100); // (1210 - 1010) / 2
        assertThat(v.errorsPerSecond().getAsDouble()).isEqualTo(5);
        assertThat(v.p99Ms().getAsDouble()).isCloseTo(91, within(1e-6));
        assertThat(v.noteCacheHitRatio().getAsDouble()).isCloseTo(0.75, within(1e-9)); // 30 hits, 10 misses
        assertThat(v.dbPoolActive().getAsDouble()).isEqualTo(5);
        assertThat(v.dbPoolWaiting().getAsDouble()).isEqualTo(1);
        assertThat(v.redisPoolActive().getAsDouble()).isEqualTo(4);

        Vitals first = Derive.vitals(WEB, now, Optional.empty(), 0);
        assertThat(first.requestsPerSecond()).as("one reading gives no rate").isEmpty();
        assertThat(first.dbPoolActive().getAsDouble()).as("gauges need only one").isEqualTo(5);
    }

    @Test
    void serversSayTheirOwnRoleAndWhatIsWrong() {
        var db = new Target("p-db-2", "database", "replica", "scaler/mariadb:offline", "running", "healthy",
                Optional.of("172.18.0.9"));
        Vitals lagging = Derive.vitals(db, new Reading.Sql("replica of p-db-1", OptionalLong.of(7), "0-1-99", 4, true),
                Optional.empty(), 0);
        assertThat(lagging.role()).isEqualTo("replica of p-db-1");
        assertThat(lagging.lagSeconds().getAsDouble()).isEqualTo(7);
        assertThat(lagging.gtid()).contains("0-1-99");
        Vitals promoted = Derive.vitals(db, new Reading.Sql("primary", OptionalLong.empty(), "0-2-3", 9, true),
                Optional.empty(), 0);
        assertThat(promoted.role()).as("asked of the server, not the label").isEqualTo("primary");
        assertThat(promoted.lagSeconds()).isEmpty();
        Vitals stopped = Derive.vitals(db, new Reading.Sql("replica of p-db-1", OptionalLong.empty(), "", 1, false),
                Optional.empty(), 0);
        assertThat(stopped.silent()).isTrue();
        assertThat(stopped.status()).isEqualTo("replication stopped");

        var lb = new Target("p-lb-1", "lb", "lb", "scaler/haproxy:offline", "running", "healthy", Optional.of("x"));
        Vitals balancer = Derive.vitals(lb, new Reading.Balancer(2, 1, 40, 12, 3, 1),
                Optional.of(new Reading.Balancer(3, 0, 30, 2, 3, 0)), 1);
        assertThat(balancer.backendsUp().getAsDouble()).isEqualTo(2);
        assertThat(balancer.backendsDown().getAsDouble()).isEqualTo(1);
        assertThat(balancer.retriesPerSecond().getAsDouble()).isEqualTo(10);

        var cache = new Target("p-cache-1", "cache", "primary", "scaler/redis:offline", "running", "healthy",
                Optional.of("x"));
        Vitals redis = Derive.vitals(cache, new Reading.Cache("primary", 1, 180, 20, 2_000_000, 0, true),
                Optional.of(new Reading.Cache("primary", 1, 100, 0, 1_000_000, 0, true)), 1);
        assertThat(redis.hitRatio().getAsDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(redis.replicas().getAsDouble()).isEqualTo(1);

        Vitals gone = Derive.vitals(WEB, new Reading.Silent("exited"), Optional.empty(), 0);
        assertThat(gone.silent()).isTrue();
        assertThat(Derive.vitals(WEB, new Reading.Unwatched(), Optional.empty(), 0).silent()).isFalse();
    }

    @Test
    void tierSignalsAggregateTheirContainers() {
        var lb = new Target("p-lb-1", "lb", "lb", "i", "running", "healthy", Optional.of("x"));
        var lb2 = new Target("p-lb-2", "lb", "lb", "i", "running", "healthy", Optional.of("y"));
        var r1 = new Target("p-db-2", "database", "replica", "i", "running", "healthy", Optional.of("z"));
        var r2 = new Target("p-shard-1-2", "shard", "replica", "i", "running", "healthy", Optional.of("w"));
        var vitals = List.of(
                Derive.vitals(lb, new Reading.Balancer(3, 0, 1, 0, 0, 0), Optional.empty(), 0),
                Derive.vitals(lb2, new Reading.Balancer(2, 1, 1, 0, 0, 0), Optional.empty(), 0),
                Derive.vitals(r1, new Reading.Sql("replica of a", OptionalLong.of(2), "", 1, true), Optional.empty(), 0),
                Derive.vitals(r2, new Reading.Sql("replica of b", OptionalLong.of(9), "", 1, true), Optional.empty(), 0),
                Derive.vitals(WEB, new Reading.Silent("exited"), Optional.empty(), 0));
        assertThat(Signal.BACKENDS_UP.of(vitals).getAsDouble()).as("the worst load balancer").isEqualTo(2);
        assertThat(Signal.REPLICA_LAG.of(vitals).getAsDouble()).as("the largest lag, shards too").isEqualTo(9);
        assertThat(Signal.SILENT.of(vitals).getAsDouble()).isEqualTo(1);
        assertThat(Signal.CACHE_HIT_RATIO.of(vitals)).as("no cache in this sample").isEmpty();
    }

    @Test
    void theTableShowsOneRowPerContainerAndSaysWhatIsWrong() {
        var snapshot = new Snapshot(0, 5, List.of(
                Derive.vitals(WEB, web(10, 0, buckets(1, 1, 1, 1), 0, 0), Optional.of(web(0, 0, buckets(0, 0, 0, 0), 0,
                        0)), 1),
                Derive.vitals(new Target("p-web-2", "web", "replica", "i", "exited", "-", Optional.empty()),
                        new Reading.Silent("exited"), Optional.empty(), 0)));
        var rows = VitalsTable.rows(snapshot);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo(VitalsTable.HEADER);
        assertThat(rows.get(1)).startsWith("p-web-1", "web", "replica", "healthy", "10.0", "0.0", "9.9ms");
        assertThat(rows.get(2)).contains("exited", "! exited");
        assertThat(VitalsTable.alarming(snapshot.containers().get(1))).isTrue();
        assertThat(VitalsTable.alarming(snapshot.containers().get(0))).isFalse();
    }

    @Test
    void aToxiproxySaysEveryToxicInEffectAndEveryDisabledProxyAsAFault() {
        var proxy = new Target("p-proxy", "proxy", "proxy", "i", "running", "healthy", Optional.of("x"));
        Vitals clean = Derive.vitals(proxy, new Reading.Proxies(List.of(new Reading.Proxy("cache-1", true, List.of()),
                new Reading.Proxy("database-primary", true, List.of()))), Optional.empty(), 0);
        assertThat(clean.toxicsActive()).hasValue(0);
        assertThat(clean.faults()).isEmpty();
        assertThat(VitalsTable.alarming(clean)).isFalse();
        assertThat(VitalsTable.rows(new Snapshot(0, 1, List.of(clean))).get(1)).endsWith("no toxics");

        Vitals faulty = Derive.vitals(proxy, new Reading.Proxies(List.of(
                new Reading.Proxy("cache-1", true, List.of("scaler-3-partition-up=timeout(timeout=0) upstream",
                        "scaler-3-partition-down=timeout(timeout=0) downstream")),
                new Reading.Proxy("database-primary", false, List.of()))), Optional.empty(), 0);
        assertThat(faulty.toxicsActive()).hasValue(3);
        assertThat(faulty.faults()).containsExactly("cache-1: scaler-3-partition-up=timeout(timeout=0) upstream",
                "cache-1: scaler-3-partition-down=timeout(timeout=0) downstream", "database-primary: disabled");
        assertThat(VitalsTable.alarming(faulty)).as("a fault in effect is shown in red").isTrue();
        assertThat(VitalsTable.rows(new Snapshot(0, 1, List.of(faulty))).get(1).getLast())
                .startsWith("! 3 faults: cache-1: scaler-3-partition-up");
        assertThat(Signal.TOXICS_ACTIVE.of(List.of(faulty, clean))).hasValue(3);
        assertThat(Signal.TOXICS_ACTIVE.of(List.of(Derive.vitals(WEB, new Reading.Silent("exited"), Optional.empty(),
                0)))).as("no proxy in this sample").isEmpty();
    }
}

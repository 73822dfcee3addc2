package dev.scaler.webapp;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The app's vital signs for GET /metrics (Prometheus text, OpenMetrics or protobuf, as the scraper asks): requests by
 * status class, their latency, database and Redis pool use, note cache hits and misses. One registry per app, so
 * two apps in one JVM (the tests) do not share counters. Names are a contract: docs/monitoring.md lists them.
 */
final class AppMetrics {
    /** Seconds; around what a page on a healthy tier takes and what a 1 s timeout makes of it. */
    private static final double[] LATENCY_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
            5};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder().name("scaler_http_requests_total")
            .help("HTTP requests answered, by status class (2xx, 3xx, 4xx, 5xx); /healthz and /metrics not counted")
            .labelNames("code").register(registry);
    private final Histogram latency = Histogram.builder().name("scaler_http_request_duration_seconds")
            .help("Time from reading a request to having written its answer; /healthz and /metrics not counted")
            .classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
    private final Counter cache = Counter.builder().name("scaler_note_cache_requests_total")
            .help("Note cache lookups by result: hit, miss, or error (Redis did not answer; served as a miss)")
            .labelNames("result").register(registry);

    private final Counter jobs = Counter.builder().name("scaler_jobs_total")
            .help("Digest jobs by outcome: published (handed to the queue), confirmed (the queue confirmed; 202), refused (503)")
            .labelNames("outcome").register(registry);

    AppMetrics() {
        // Zero series exist from the start, so a rate over the first minutes is not missing data.
        for (String code : new String[] {"2xx", "3xx", "4xx", "5xx"}) {
            requests.labelValues(code);
        }
        for (String result : new String[] {"hit", "miss", "error"}) {
            cache.labelValues(result);
        }
        for (String outcome : new String[] {"published", "confirmed", "refused"}) {
            jobs.labelValues(outcome);
        }
    }

    PrometheusRegistry registry() {
        return registry;
    }

    /** One answered request: its status and how long it took. */
    void answered(int status, long nanos) {
        requests.labelValues(status / 100 + "xx").inc();
        latency.observe(nanos / 1e9);
    }

    void jobPublished() {
        jobs.labelValues("published").inc();
    }

    void jobConfirmed() {
        jobs.labelValues("confirmed").inc();
    }

    void jobRefused() {
        jobs.labelValues("refused").inc();
    }

    void cacheHit() {
        cache.labelValues("hit").inc();
    }

    void cacheMiss() {
        cache.labelValues("miss").inc();
    }

    void cacheError() {
        cache.labelValues("error").inc();
    }

    /**
     * A connection pool's use, read when scraped: {@code name} is what it connects to (e.g. redis, main-primary,
     * shard-0-replica-0), labelled {@code pool}.
     */
    void pool(String name, IntSupplier active, IntSupplier waiting, int max) {
        gauge("scaler_pool_active_connections", "Connections in use", name, active);
        gauge("scaler_pool_waiting_threads", "Requests waiting for a connection", name, waiting);
        gauge("scaler_pool_max_connections", "The pool's limit", name, () -> max);
    }

    /** Metric name to its pools' readers: one gauge per name reads every pool registered under it. */
    private final Map<String, Map<String, IntSupplier>> pools = new ConcurrentHashMap<>();

    private void gauge(String metric, String help, String pool, IntSupplier value) {
        pools.computeIfAbsent(metric, m -> {
            var byPool = new ConcurrentHashMap<String, IntSupplier>();
            GaugeWithCallback.builder().name(m).help(help).labelNames("pool")
                    .callback(cb -> byPool.forEach((p, v) -> cb.call(v.getAsInt(), p))).register(registry);
            return byPool;
        }).put(pool, value);
    }
}

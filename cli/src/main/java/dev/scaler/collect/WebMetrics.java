package dev.scaler.collect;

import dev.scaler.monitor.Collector;
import dev.scaler.monitor.Reading;
import dev.scaler.plan.Planner;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/** A web replica's GET /metrics on the app port, in Prometheus' protobuf format ({@link Prometheus}). */
final class WebMetrics {
    private WebMetrics() {
    }

    /** The web tier's collector. */
    static Collector collector(HttpClient http, Duration timeout) {
        return new Prometheus(http, timeout, t -> t.tier().equals("web"), Planner.WEB_PORT, WebMetrics::parse);
    }

    /** The families this collector knows, from a stream of length-delimited MetricFamily messages. */
    static Reading.Web parse(InputStream in) throws IOException {
        var requests = new LinkedHashMap<String, Double>();
        var buckets = new ArrayList<Reading.Bucket>();
        var active = new LinkedHashMap<String, Double>();
        var waiting = new LinkedHashMap<String, Double>();
        var max = new LinkedHashMap<String, Double>();
        var cache = new LinkedHashMap<String, Double>();
        Prometheus.families(in, family -> {
            // Counter names come without "_total" in this format (the family is named after the metric).
            switch (family.getName()) {
                case "scaler_http_requests", "scaler_http_requests_total" ->
                        Prometheus.counters(family, "code", requests);
                case "scaler_http_request_duration_seconds" -> buckets.addAll(Prometheus.buckets(family));
                case "scaler_note_cache_requests", "scaler_note_cache_requests_total" ->
                        Prometheus.counters(family, "result", cache);
                case "scaler_pool_active_connections" -> Prometheus.gauges(family, "pool", active);
                case "scaler_pool_waiting_threads" -> Prometheus.gauges(family, "pool", waiting);
                case "scaler_pool_max_connections" -> Prometheus.gauges(family, "pool", max);
                default -> {
                }
            }
        });
        var pools = new LinkedHashMap<String, Reading.Pool>();
        active.forEach((pool, a) -> pools.put(pool, new Reading.Pool(a, waiting.getOrDefault(pool, 0.0),
                max.getOrDefault(pool, 0.0))));
        return new Reading.Web(requests, buckets, pools, cache.getOrDefault("hit", 0.0),
                cache.getOrDefault("miss", 0.0), cache.getOrDefault("error", 0.0));
    }
}

package dev.scaler.collect;

import dev.scaler.monitor.Collector;
import dev.scaler.monitor.Reading;
import dev.scaler.monitor.Target;
import dev.scaler.plan.Planner;
import io.prometheus.metrics.expositionformats.generated.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A web replica's GET /metrics, straight to the replica's address on the project network (through the load balancer
 * one scrape would see a different replica each time). Asked for Prometheus' protobuf format, because the Prometheus
 * Java client parses that ({@code Metrics.MetricFamily.parseDelimitedFrom}) and has no parser for its text format.
 */
final class WebMetrics implements Collector {
    static final String PROTOBUF = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; "
            + "encoding=delimited";

    private final HttpClient http;
    private final Duration timeout;

    WebMetrics(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public boolean reads(Target target) {
        return target.tier().equals("web");
    }

    @Override
    public Reading read(Target target) {
        var request = HttpRequest.newBuilder(URI.create("http://" + target.address().orElseThrow() + ":"
                + Planner.WEB_PORT + "/metrics")).timeout(timeout).header("Accept", PROTOBUF).build();
        return HttpGet.read(http, request, HttpResponse.BodyHandlers.ofInputStream(), "/metrics", answer -> {
            try (InputStream body = answer.body()) {
                if (answer.statusCode() != 200) {
                    return new Reading.Silent("/metrics answered " + answer.statusCode());
                }
                if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.google.protobuf")) {
                    return new Reading.Silent("/metrics does not speak Prometheus' protobuf format");
                }
                return parse(body);
            }
        });
    }

    /** The families this collector knows, from a stream of length-delimited MetricFamily messages. */
    static Reading.Web parse(InputStream in) throws IOException {
        var requests = new LinkedHashMap<String, Double>();
        var buckets = new ArrayList<Reading.Bucket>();
        var active = new LinkedHashMap<String, Double>();
        var waiting = new LinkedHashMap<String, Double>();
        var max = new LinkedHashMap<String, Double>();
        var cache = new LinkedHashMap<String, Double>();
        for (var family = Metrics.MetricFamily.parseDelimitedFrom(in); family != null;
                family = Metrics.MetricFamily.parseDelimitedFrom(in)) {
            // Counter names come without "_total" in this format (the family is named after the metric).
            switch (family.getName()) {
                case "scaler_http_requests", "scaler_http_requests_total" -> family.getMetricList()
                        .forEach(m -> requests.put(label(m, "code"), m.getCounter().getValue()));
                case "scaler_http_request_duration_seconds" -> family.getMetricList().forEach(m -> {
                    var h = m.getHistogram();
                    h.getBucketList().forEach(b -> buckets.add(new Reading.Bucket(b.getUpperBound(),
                            b.getCumulativeCount())));
                    // The format may leave out the +Inf bucket: its count is the histogram's.
                    if (buckets.isEmpty() || !Double.isInfinite(buckets.getLast().le())) {
                        buckets.add(new Reading.Bucket(Double.POSITIVE_INFINITY, h.getSampleCount()));
                    }
                });
                case "scaler_note_cache_requests", "scaler_note_cache_requests_total" -> family.getMetricList()
                        .forEach(m -> cache.put(label(m, "result"), m.getCounter().getValue()));
                case "scaler_pool_active_connections" -> gauges(family, active);
                case "scaler_pool_waiting_threads" -> gauges(family, waiting);
                case "scaler_pool_max_connections" -> gauges(family, max);
                default -> {
                }
            }
        }
        var pools = new LinkedHashMap<String, Reading.Pool>();
        active.forEach((pool, a) -> pools.put(pool, new Reading.Pool(a, waiting.getOrDefault(pool, 0.0),
                max.getOrDefault(pool, 0.0))));
        return new Reading.Web(requests, buckets, pools, cache.getOrDefault("hit", 0.0),
                cache.getOrDefault("miss", 0.0), cache.getOrDefault("error", 0.0));
    }

    private static void gauges(Metrics.MetricFamily family, Map<String, Double> into) {
        family.getMetricList().forEach(m -> into.put(label(m, "pool"), m.getGauge().getValue()));
    }

    private static String label(Metrics.Metric metric, String name) {
        for (var pair : metric.getLabelList()) {
            if (pair.getName().equals(name)) {
                return pair.getValue();
            }
        }
        return "";
    }
}

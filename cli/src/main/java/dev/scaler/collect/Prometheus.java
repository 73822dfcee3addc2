package dev.scaler.collect;

import dev.scaler.monitor.Collector;
import dev.scaler.monitor.Reading;
import dev.scaler.monitor.Target;
import io.prometheus.metrics.expositionformats.generated.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A tier whose containers serve GET /metrics in Prometheus' protobuf format, read straight at each container's address
 * (through a load balancer one scrape would see a different container each time); and the pieces of its families that
 * every parser needs. Protobuf because the Prometheus Java client parses that ({@code
 * Metrics.MetricFamily.parseDelimitedFrom}) and has no parser for its text format.
 */
final class Prometheus implements Collector {
    static final String PROTOBUF = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; "
            + "encoding=delimited";

    /** What a tier's parser makes of the families in a body. */
    interface Body {
        Reading parse(InputStream in) throws IOException;
    }

    private final HttpClient http;
    private final Duration timeout;
    private final Predicate<Target> reads;
    private final int port;
    private final Body body;

    /** Reads the containers {@code reads} accepts on {@code port}, their answer made a reading by {@code body}. */
    Prometheus(HttpClient http, Duration timeout, Predicate<Target> reads, int port, Body body) {
        this.http = http;
        this.timeout = timeout;
        this.reads = reads;
        this.port = port;
        this.body = body;
    }

    @Override
    public boolean reads(Target target) {
        return reads.test(target);
    }

    /** Silent unless the container answers 200 in protobuf. */
    @Override
    public Reading read(Target target) {
        var request = HttpRequest.newBuilder(URI.create("http://" + target.address().orElseThrow() + ":" + port
                + "/metrics")).timeout(timeout).header("Accept", PROTOBUF).build();
        return HttpGet.read(http, request, HttpResponse.BodyHandlers.ofInputStream(), "/metrics", answer -> {
            try (InputStream in = answer.body()) {
                if (answer.statusCode() != 200) {
                    return new Reading.Silent("/metrics answered " + answer.statusCode());
                }
                if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.google.protobuf")) {
                    return new Reading.Silent("/metrics does not speak Prometheus' protobuf format");
                }
                return body.parse(in);
            }
        });
    }

    /** Each family of a stream of length-delimited MetricFamily messages, in order. */
    static void families(InputStream in, Consumer<Metrics.MetricFamily> each) throws IOException {
        for (var family = Metrics.MetricFamily.parseDelimitedFrom(in); family != null;
                family = Metrics.MetricFamily.parseDelimitedFrom(in)) {
            each.accept(family);
        }
    }

    /** A counter family's values by one of its labels. */
    static void counters(Metrics.MetricFamily family, String label, Map<String, Double> into) {
        family.getMetricList().forEach(m -> into.put(label(m, label), m.getCounter().getValue()));
    }

    /** A gauge family's values by one of its labels. */
    static void gauges(Metrics.MetricFamily family, String label, Map<String, Double> into) {
        family.getMetricList().forEach(m -> into.put(label(m, label), m.getGauge().getValue()));
    }

    /** A gauge family's series added up (its one value when it has no labels). */
    static double gauge(Metrics.MetricFamily family) {
        return family.getMetricList().stream().mapToDouble(m -> m.getGauge().getValue()).sum();
    }

    /** A histogram family's cumulative buckets, ending with +Inf. */
    static List<Reading.Bucket> buckets(Metrics.MetricFamily family) {
        var buckets = new ArrayList<Reading.Bucket>();
        family.getMetricList().forEach(m -> {
            var h = m.getHistogram();
            h.getBucketList().forEach(b -> buckets.add(new Reading.Bucket(b.getUpperBound(), b.getCumulativeCount())));
            // The format may leave out the +Inf bucket: its count is the histogram's.
            if (buckets.isEmpty() || !Double.isInfinite(buckets.getLast().le())) {
                buckets.add(new Reading.Bucket(Double.POSITIVE_INFINITY, h.getSampleCount()));
            }
        });
        return buckets;
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

package dev.scaler.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.monitor.Reading;
import dev.scaler.monitor.Target;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The reference worker's /metrics as the collector reads it, from a body the Prometheus client writes for a registry
 * made the way the worker makes its own (webapp's WorkerMetrics: the same names, labels and bucket bounds).
 */
class WorkerMetricsTest {
    private static final double[] SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private static byte[] body() throws Exception {
        var registry = new PrometheusRegistry();
        var jobs = Counter.builder().name("scaler_worker_jobs_total").labelNames("outcome").register(registry);
        var duration = Histogram.builder().name("scaler_worker_job_duration_seconds").classicOnly()
                .classicUpperBounds(SECONDS).register(registry);
        var inFlight = Gauge.builder().name("scaler_worker_jobs_in_flight").register(registry);
        Counter.builder().name("jvm_something_else_total").register(registry).inc();
        jobs.labelValues("done").inc(42);
        jobs.labelValues("already_done").inc(3);
        jobs.labelValues("dropped").inc(1);
        jobs.labelValues("requeued").inc(2);
        for (int i = 0; i < 9; i++) {
            duration.observe(0.004);
        }
        duration.observe(0.3);
        duration.observe(7); // beyond the highest bound: only +Inf counts it
        inFlight.set(4);
        var out = new ByteArrayOutputStream();
        new PrometheusProtobufWriter().write(out, registry.scrape());
        return out.toByteArray();
    }

    @Test
    void theWorkersFamiliesAreReadFromTheBodyThePrometheusClientWrites() throws Exception {
        Reading.Worker w = WorkerMetrics.parse(new ByteArrayInputStream(body()));

        assertThat(w.jobsByOutcome()).isEqualTo(Map.of("done", 42.0, "already_done", 3.0, "dropped", 1.0,
                "requeued", 2.0));
        assertThat(w.done()).as("a redelivery, a drop or a requeue is no job done").isEqualTo(42);
        assertThat(w.inFlight()).isEqualTo(4);
        assertThat(w.duration()).hasSize(SECONDS.length + 1);
        assertThat(w.duration().get(1)).as("9 observations of 4 ms are above 2.5 ms")
                .isEqualTo(new Reading.Bucket(0.0025, 0));
        assertThat(w.duration().get(2)).isEqualTo(new Reading.Bucket(0.005, 9));
        assertThat(w.duration().get(7)).isEqualTo(new Reading.Bucket(0.25, 9));
        assertThat(w.duration().get(8)).isEqualTo(new Reading.Bucket(0.5, 10));
        assertThat(w.duration().getLast()).isEqualTo(new Reading.Bucket(Double.POSITIVE_INFINITY, 11));
    }

    @Test
    void onlyTheReferenceWorkerIsRead() {
        var collector = WorkerMetrics.collector(java.net.http.HttpClient.newHttpClient(), Collectors.TIMEOUT);
        assertThat(collector.reads(worker("scaler/webapp:offline"))).isTrue();
        assertThat(collector.reads(worker("scaler/webapp:upstream"))).isTrue();
        assertThat(collector.reads(worker("acme/digest-worker:1.2"))).as("a user's image may serve no /metrics")
                .isFalse();
        assertThat(collector.reads(new Target("p-web-1", "web", "replica", "scaler/webapp:offline", "running",
                "healthy", Optional.of("10.0.0.2")))).as("the web replicas have their own collector").isFalse();
    }

    private static Target worker(String image) {
        return new Target("p-worker-1", "workers", "worker", image, "running", "healthy", Optional.of("10.0.0.9"));
    }
}

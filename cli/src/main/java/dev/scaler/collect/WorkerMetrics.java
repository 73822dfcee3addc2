package dev.scaler.collect;

import dev.scaler.monitor.Collector;
import dev.scaler.monitor.Reading;
import dev.scaler.monitor.Target;
import dev.scaler.plan.Tier;
import dev.scaler.plan.WorkersTier;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * The reference worker's GET /metrics on its health port, in Prometheus' protobuf format ({@link Prometheus}). A
 * worker running an image of the user's is not read: nothing says it serves /metrics, so it is shown as not read
 * rather than as silent.
 */
final class WorkerMetrics {
    private WorkerMetrics() {
    }

    /** The workers tier's collector. */
    static Collector collector(HttpClient http, Duration timeout) {
        return new Prometheus(http, timeout, WorkerMetrics::reads, WorkersTier.PORT, WorkerMetrics::parse);
    }

    private static boolean reads(Target target) {
        return target.tier().equals(Tier.WORKERS.label()) && WorkersTier.reference(target.image());
    }

    /** The worker's families, from a stream of length-delimited MetricFamily messages. */
    static Reading.Worker parse(InputStream in) throws IOException {
        var jobs = new LinkedHashMap<String, Double>();
        var duration = new ArrayList<Reading.Bucket>();
        double[] inFlight = {0};
        Prometheus.families(in, family -> {
            switch (family.getName()) {
                case "scaler_worker_jobs", "scaler_worker_jobs_total" -> Prometheus.counters(family, "outcome", jobs);
                case "scaler_worker_job_duration_seconds" -> duration.addAll(Prometheus.buckets(family));
                case "scaler_worker_jobs_in_flight" -> inFlight[0] = Prometheus.gauge(family);
                default -> {
                }
            }
        });
        return new Reading.Worker(jobs, duration, inFlight[0]);
    }
}

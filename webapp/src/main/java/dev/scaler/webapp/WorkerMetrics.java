package dev.scaler.webapp;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The worker's vital signs for GET /metrics: jobs by outcome, processing time, jobs in hand. Names: docs/monitoring.md. */
final class WorkerMetrics {
    private static final double[] SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter jobs = Counter.builder().name("scaler_worker_jobs_total")
            .help("Deliveries by outcome: done, already_done (a redelivery), dropped (no such job or note), requeued")
            .labelNames("outcome").register(registry);
    private final Histogram duration = Histogram.builder().name("scaler_worker_job_duration_seconds")
            .help("Time to process one delivery, from taking it to acking it")
            .classicOnly().classicUpperBounds(SECONDS).register(registry);
    private final Gauge inFlight = Gauge.builder().name("scaler_worker_jobs_in_flight")
            .help("Deliveries taken and not yet acked or returned").register(registry);

    WorkerMetrics() {
        for (String outcome : new String[] {"done", "already_done", "dropped", "requeued"}) {
            jobs.labelValues(outcome);
        }
    }

    PrometheusRegistry registry() {
        return registry;
    }

    void started() {
        inFlight.inc();
    }

    void finished(String outcome, long nanos) {
        inFlight.dec();
        jobs.labelValues(outcome).inc();
        duration.observe(nanos / 1e9);
    }
}

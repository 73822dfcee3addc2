package dev.scaler.topology;

import java.time.Duration;

/**
 * How a scalable tier follows its load ({@code autoscale:} under {@code web:}; the worker tier takes the same section
 * with its own metrics): between {@code min} and {@code max} replicas, aiming at {@code target} of one vital sign.
 *
 * @param scaleUp   how fast replicas are added: the lowest recommendation over {@code window} (0s: at once), at most
 *                  {@code step} at a time
 * @param scaleDown how slowly they go: the highest recommendation over {@code window}, at most {@code step} at a time
 */
public record Autoscale(int min, int max, Target target, Behavior scaleUp, Behavior scaleDown) {

    /** The vital signs a target can be set on, as the YAML spells them. */
    public enum Metric {
        /** Requests per second answered by each replica (the web app's own /metrics, averaged over the replicas). */
        REQUESTS_PER_REPLICA("requestsPerReplica", "/s", "requests/s per replica"),
        /** The p99 latency inside the slowest replica, milliseconds (the web app's /metrics). */
        P99("p99", "ms", "p99");

        private final String yaml;
        private final String unit;
        private final String words;

        Metric(String yaml, String unit, String words) {
            this.yaml = yaml;
            this.unit = unit;
            this.words = words;
        }

        public String yaml() {
            return yaml;
        }

        /** "/s" or "ms". */
        public String unit() {
            return unit;
        }

        /** For people: "requests/s per replica". */
        public String words() {
            return words;
        }
    }

    /** The value of {@code metric} one replica should see: requests per second, or milliseconds of p99. */
    public record Target(Metric metric, double value) {
    }

    /** A stabilization window and a step limit. */
    public record Behavior(Duration window, int step) {
    }

    public static final Behavior DEFAULT_UP = new Behavior(Duration.ZERO, 4);
    public static final Behavior DEFAULT_DOWN = new Behavior(Duration.ofSeconds(300), 1);
}

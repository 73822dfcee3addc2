package dev.scaler.chaos;

import dev.scaler.yaml.Durations;
import java.time.Duration;

/**
 * A fault on a link, through Toxiproxy. The figures are Toxiproxy's own toxics, in the units users write;
 * the step's {@code toxicity} and {@code duration} apply to every one.
 */
public sealed interface NetworkFault extends Action {

    /** The path it degrades. */
    Link link();

    private static String ms(Duration d) {
        return Durations.format(d);
    }

    /** Every response is delayed by {@code delay}, give or take {@code jitter} (Toxiproxy latency). */
    record Latency(Link link, Duration delay, Duration jitter) implements NetworkFault {
        @Override
        public String keyword() {
            return "latency";
        }

        @Override
        public String summary() {
            return "latency " + ms(delay) + (jitter.isZero() ? "" : " jitter " + ms(jitter));
        }
    }

    /** At most {@code kilobytesPerSecond} KB/s each way (Toxiproxy bandwidth; written {@code kbps}). */
    record Bandwidth(Link link, long kilobytesPerSecond) implements NetworkFault {
        @Override
        public String keyword() {
            return "bandwidth";
        }

        @Override
        public String summary() {
            return "bandwidth " + kilobytesPerSecond + " KB/s";
        }
    }

    /** Data stops flowing; the connection closes after {@code after}, or never when it is zero (Toxiproxy timeout). */
    record Timeout(Link link, Duration after) implements NetworkFault {
        @Override
        public String keyword() {
            return "timeout";
        }

        @Override
        public String summary() {
            return after.isZero() ? "timeout (never closes)" : "timeout, closed after " + ms(after);
        }
    }

    /** Connections are reset (TCP RST), after {@code after} (Toxiproxy reset_peer). */
    record Reset(Link link, Duration after) implements NetworkFault {
        @Override
        public String keyword() {
            return "reset";
        }

        @Override
        public String summary() {
            return after.isZero() ? "reset" : "reset after " + ms(after);
        }
    }

    /** The link goes down: nothing passes, in either direction. */
    record Partition(Link link) implements NetworkFault {
        @Override
        public String keyword() {
            return "partition";
        }
    }

    /** A closing connection lingers {@code delay} before it closes (Toxiproxy slow_close). */
    record SlowClose(Link link, Duration delay) implements NetworkFault {
        @Override
        public String keyword() {
            return "slow-close";
        }

        @Override
        public String summary() {
            return "slow-close " + ms(delay);
        }
    }

    /** A connection is closed once {@code bytes} have passed (Toxiproxy limit_data). */
    record LimitData(Link link, long bytes) implements NetworkFault {
        @Override
        public String keyword() {
            return "limit-data";
        }

        @Override
        public String summary() {
            return "limit-data " + bytes + " bytes";
        }
    }

    /**
     * Data is cut into slices of about {@code bytes} (give or take {@code variation}), {@code delayMicros} apart
     * (Toxiproxy slicer).
     */
    record Slicer(Link link, int bytes, int variation, int delayMicros) implements NetworkFault {
        @Override
        public String keyword() {
            return "slicer";
        }

        @Override
        public String summary() {
            return "slicer " + bytes + " bytes" + (variation == 0 ? "" : " (variation " + variation + ")")
                    + (delayMicros == 0 ? "" : ", " + delayMicros + "us apart");
        }
    }
}

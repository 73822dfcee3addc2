package dev.scaler.load;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One second of a run, [second, second+1) after its start, holding the requests SCHEDULED in it.
 *
 * @param latency microseconds from each sent request's scheduled start to its end (successes and failures;
 *                dropped requests were never sent and are only counted)
 */
public record Window(int second, long successes, Map<FailureKind, Long> failures, long dropped, Histogram latency) {

    public Window {
        var copy = new EnumMap<FailureKind, Long>(FailureKind.class);
        for (FailureKind k : FailureKind.values()) {
            copy.put(k, failures.getOrDefault(k, 0L));
        }
        failures = Collections.unmodifiableMap(copy);
    }

    public long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Successes + failures + dropped. */
    public long attempts() {
        return successes + failed() + dropped;
    }

    /** A histogram of the precision every window uses (3 significant digits, microseconds, auto-resizing). */
    public static Histogram newHistogram() {
        var h = new Histogram(3);
        h.setAutoResize(true);
        return h;
    }
}

package dev.scaler.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Counts and latencies by one-second window of scheduled start, written by many threads at once. */
final class Recording {
    private final long startNanos;
    private final Slot[] slots;
    private final Recorder live = new Recorder(3);
    final AtomicLong completed = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();

    private static final class Slot {
        long successes;
        final long[] failures = new long[FailureKind.values().length];
        long dropped;
        final Histogram latency = Window.newHistogram();
    }

    Recording(long startNanos, int windows) {
        this.startNanos = startNanos;
        this.slots = new Slot[windows];
        for (int i = 0; i < windows; i++) {
            slots[i] = new Slot();
        }
    }

    private Slot slot(long scheduledNanos) {
        long i = (scheduledNanos - startNanos) / 1_000_000_000L;
        return slots[(int) Math.max(0, Math.min(slots.length - 1, i))];
    }

    /** A request scheduled at {@code scheduled} that ended at {@code end}; failure null for a success. */
    void sent(long scheduled, long end, FailureKind failure) {
        long micros = Math.max(0, (end - scheduled) / 1000);
        Slot s = slot(scheduled);
        synchronized (s) {
            if (failure == null) {
                s.successes++;
            } else {
                s.failures[failure.ordinal()]++;
            }
            s.latency.recordValue(micros);
        }
        live.recordValue(micros);
        completed.incrementAndGet();
        if (failure != null) {
            failed.incrementAndGet();
        }
    }

    void dropped(long scheduled) {
        Slot s = slot(scheduled);
        synchronized (s) {
            s.dropped++;
        }
        dropped.incrementAndGet();
    }

    /** Latencies recorded since the last call (for the live line). */
    Histogram interval() {
        return live.getIntervalHistogram();
    }

    /** A copy of window {@code i} as it stands now; recording goes on. */
    Window window(int i) {
        return window(i, true);
    }

    /** The windows, handing over their histograms (the run is over; nothing records any more). */
    List<Window> windows() {
        var out = new ArrayList<Window>(slots.length);
        for (int i = 0; i < slots.length; i++) {
            out.add(window(i, false));
        }
        return out;
    }

    private Window window(int i, boolean copy) {
        Slot s = slots[i];
        synchronized (s) {
            var failures = new EnumMap<FailureKind, Long>(FailureKind.class);
            for (FailureKind k : FailureKind.values()) {
                failures.put(k, s.failures[k.ordinal()]);
            }
            return new Window(i, s.successes, failures, s.dropped, copy ? s.latency.copy() : s.latency);
        }
    }
}

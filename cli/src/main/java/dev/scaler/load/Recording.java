package dev.scaler.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/** Counts and latencies by one-second window of scheduled start, written by many threads at once. */
final class Recording {
    private final long startNanos;
    private final Slot[] slots;
    /** Latencies since the live line last asked; a plain histogram under its own lock is cheaper than a Recorder. */
    private final Histogram live = Window.newHistogram();
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
        synchronized (live) {
            live.recordValue(micros);
        }
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
        synchronized (live) {
            Histogram copy = live.copy();
            live.reset();
            return copy;
        }
    }

    /** The windows, handing over their histograms (the run is over; nothing records any more). */
    List<Window> windows() {
        var out = new ArrayList<Window>(slots.length);
        for (int i = 0; i < slots.length; i++) {
            Slot s = slots[i];
            synchronized (s) {
                var failures = new EnumMap<FailureKind, Long>(FailureKind.class);
                for (FailureKind k : FailureKind.values()) {
                    failures.put(k, s.failures[k.ordinal()]);
                }
                out.add(new Window(i, s.successes, failures, s.dropped, s.latency));
            }
        }
        return out;
    }
}

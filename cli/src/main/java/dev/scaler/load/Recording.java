package dev.scaler.load;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Counts and latencies by one-second window of scheduled start, written by many threads at once. A window's latencies
 * are a histogram only while requests can still land in it; once it has settled they are kept compressed (a few
 * hundred bytes instead of up to 100 KB), so a long run's memory grows with its windows' counts, not their histograms.
 */
final class Recording {
    private final long startNanos;
    /** After a window's end, how long until no request scheduled in it can still end (its timeout, and a margin). */
    private final long settleNanos;
    private final Slot[] slots;
    /** Latencies since the live line last asked; a plain histogram under its own lock is cheaper than a Recorder. */
    private final Histogram live = Window.newHistogram();
    /** Windows before this one have been compressed (guarded by this). */
    private int settled;
    private volatile long nextSettleCheck;
    final AtomicLong completed = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();

    private static final class Slot {
        long successes;
        final long[] failures = new long[FailureKind.values().length];
        long dropped;
        /** Null until the first request, and while compressed. */
        Histogram latency;
        byte[] compressed;

        /** The histogram to record into or read; a compressed one is expanded again (a very late request). */
        Histogram latency() {
            if (latency == null) {
                latency = compressed == null ? Window.newHistogram() : decode(compressed);
                compressed = null;
            }
            return latency;
        }

        void compress() {
            if (latency != null) {
                var buffer = ByteBuffer.allocate(latency.getNeededByteBufferCapacity());
                int length = latency.encodeIntoCompressedByteBuffer(buffer);
                compressed = Arrays.copyOf(buffer.array(), length);
                latency = null;
            }
        }

        private static Histogram decode(byte[] bytes) {
            try {
                Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
                h.setAutoResize(true);
                return h;
            } catch (DataFormatException e) {
                throw new IllegalStateException("a window's own compressed histogram does not decode", e);
            }
        }
    }

    Recording(long startNanos, int windows, Duration timeout) {
        this.startNanos = startNanos;
        this.settleNanos = timeout.toNanos() + 2_000_000_000L;
        this.slots = new Slot[windows];
        for (int i = 0; i < windows; i++) {
            slots[i] = new Slot();
        }
        this.nextSettleCheck = startNanos + 1_000_000_000L + settleNanos;
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
            s.latency().recordValue(micros);
        }
        synchronized (live) {
            live.recordValue(micros);
        }
        completed.incrementAndGet();
        if (failure != null) {
            failed.incrementAndGet();
        }
        if (end >= nextSettleCheck) {
            settle(end);
        }
    }

    /** Compresses every window that has settled by {@code now}; the last window stays as it is. */
    private synchronized void settle(long now) {
        long settledUpTo = (now - settleNanos - startNanos) / 1_000_000_000L; // windows before this one have settled
        int until = (int) Math.min(slots.length - 1, settledUpTo);
        for (; settled < until; settled++) {
            Slot s = slots[settled];
            synchronized (s) {
                s.compress();
            }
        }
        nextSettleCheck = startNanos + (settled + 1) * 1_000_000_000L + settleNanos;
    }

    /** How many windows are kept compressed (for tests). */
    synchronized int compressedWindows() {
        int n = 0;
        for (Slot s : slots) {
            synchronized (s) {
                n += s.compressed != null ? 1 : 0;
            }
        }
        return n;
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
            return new Window(i, s.successes, failures, s.dropped, copy ? s.latency().copy() : s.latency());
        }
    }
}

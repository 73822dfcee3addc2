package dev.scaler.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Windows by scheduled start: settled windows are kept compressed and read back exactly, late requests still count. */
class RecordingTest {
    private static final long T0 = 1_000_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void settledWindowsAreKeptCompressedAndReadBackExactly() {
        var r = new Recording(T0, 10, Duration.ofSeconds(1)); // a window settles 1 s + 2 s after its end
        r.sent(T0, T0 + 5 * MS, null);
        r.sent(T0 + 100 * MS, T0 + 107 * MS, null);
        r.sent(T0 + 200 * MS, T0 + 1700 * MS, FailureKind.TIMEOUT);
        r.sent(T0 + 1200 * MS, T0 + 1210 * MS, null);
        r.dropped(T0 + 1300 * MS);
        assertThat(r.compressedWindows()).isZero();

        // Ending at 4.5 s: window 0 ([0, 1) s) settled at 4 s, window 1 settles only at 5 s.
        r.sent(T0 + 3400 * MS, T0 + 4500 * MS, null);
        assertThat(r.compressedWindows()).isEqualTo(1);

        var windows = r.windows();
        assertThat(windows.get(0).successes()).isEqualTo(2);
        assertThat(windows.get(0).failures().get(FailureKind.TIMEOUT)).isEqualTo(1);
        var h = windows.get(0).latency();
        assertThat(h.getTotalCount()).isEqualTo(3);
        assertThat((double) h.getMaxValue()).isCloseTo(1_500_000, withinPercentage(0.1));
        assertThat((double) h.getMinValue()).isCloseTo(5_000, withinPercentage(0.1));
        assertThat(windows.get(1).successes()).isEqualTo(1);
        assertThat(windows.get(1).dropped()).isEqualTo(1);
        assertThat(windows.get(3).successes()).isEqualTo(1);
    }

    @Test
    void aRequestThatEndsAfterItsWindowSettledStillCountsThere() {
        var r = new Recording(T0, 10, Duration.ofSeconds(1));
        r.sent(T0, T0 + 5 * MS, null);
        r.sent(T0 + 3500 * MS, T0 + 5000 * MS, null); // windows 0 and 1 settle; 1 holds nothing to compress
        assertThat(r.compressedWindows()).isEqualTo(1);
        r.sent(T0 + 900 * MS, T0 + 5100 * MS, FailureKind.RESET); // scheduled in window 0, ended very late
        var w = r.windows().get(0);
        assertThat(w.successes()).isEqualTo(1);
        assertThat(w.failures().get(FailureKind.RESET)).isEqualTo(1);
        assertThat(w.latency().getTotalCount()).isEqualTo(2);
        assertThat((double) w.latency().getMaxValue()).isCloseTo(4_200_000, withinPercentage(0.1));
    }
}

package dev.scaler.sql;

import java.math.BigDecimal;
import java.time.Duration;

/** Durations the way server variables and statements take them. */
final class Durations {
    private Durations() {
    }

    /** Seconds with up to three decimals and no trailing zeros: {@code 2}, {@code 0.5}. */
    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    /** Whole seconds, at least 1. */
    static long wholeSeconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}

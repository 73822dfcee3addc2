package dev.scaler.report;

import java.util.Locale;

/** How figures are written for people, the same in every format. */
public final class Format {
    private Format() {
    }

    /** A fraction as a percentage with two decimals: 0.99934 as 99.93%; "-" for null. */
    public static String percent(Double fraction) {
        if (fraction == null) {
            return "-";
        }
        if (fraction.isInfinite()) {
            return "inf";
        }
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /** Milliseconds as people read them: 0.84ms, 12.3ms, 1.52s; "-" for null. */
    public static String millis(Double ms) {
        if (ms == null) {
            return "-";
        }
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.2fs", ms / 1000);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.1fms", ms);
        }
        return String.format(Locale.ROOT, "%.2fms", ms);
    }

    public static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1fs", s);
    }

    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 100 ? "%.0f/s" : "%.1f/s", perSecond);
    }
}

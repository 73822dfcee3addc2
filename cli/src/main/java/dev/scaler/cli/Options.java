package dev.scaler.cli;

import java.util.Locale;

/** Option values as users write them: rates (200, 200/s), percentages (99.9%). */
final class Options {
    private Options() {
    }

    static double rate(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replaceFirst("/s$", "");
        try {
            double r = Double.parseDouble(t);
            if (r > 0 && r <= 1_000_000) {
                return r;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("--rate must be requests per second above 0 and at most 1000000, like 200 or 200/s, not '"
                + text + "'");
    }

    /** 200 as "200", 12.5 as "12.5". */
    static String rateText(double r) {
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    static double percent(String option, String text) {
        String t = text.strip();
        if (t.endsWith("%")) {
            try {
                double p = new java.math.BigDecimal(t.substring(0, t.length() - 1)).doubleValue();
                if (p > 0 && p < 100 || p == 100 && option.equals("--steady-state")) {
                    return new java.math.BigDecimal(t.substring(0, t.length() - 1)).movePointLeft(2).doubleValue();
                }
            } catch (NumberFormatException e) {
                // below
            }
        }
        throw new UsageException(option + " must be a percentage like 99.9%, not '" + text + "'");
    }

    static java.time.Duration duration(String option, String text) {
        return dev.scaler.yaml.Durations.parse(text).filter(d -> !d.isZero()).orElseThrow(() -> new UsageException(option
                + " must be a whole number with a unit (ms, s, m, h), like 30s, not '" + text + "'"));
    }
}

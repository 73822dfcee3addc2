package dev.scaler.autoscale;

import java.util.Locale;

/** What the autoscaler decided at one reading, with the figures that made it decide so. */
public sealed interface Decision {

    /** The figures behind a decision: what was observed against what target, and what it recommends. */
    record Figures(double observed, double target, String metric, String unit, int current, int recommended,
            int stabilized) {

        /** "requests/s per replica 142 against 100: ceil(2 x 142 / 100) = 3". */
        public String text() {
            return String.format(Locale.ROOT, "%s %s%s against %s%s: ceil(%d x %s / %s) = %d", metric, num(observed),
                    unit, num(target), unit, current, num(observed), num(target), recommended);
        }

        private static String num(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
        }
    }

    /** How many replicas there are now. */
    int current();

    /** Why, in a sentence with its figures. */
    String why();

    /** Keep the count as it is. */
    record Hold(int current, String why) implements Decision {
    }

    /** Change the count from {@code current} to {@code to}. */
    record Scale(int current, int to, String why, Figures figures) implements Decision {
        public boolean up() {
            return to > current;
        }
    }
}

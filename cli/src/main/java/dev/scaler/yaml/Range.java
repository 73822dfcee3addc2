package dev.scaler.yaml;

/** Whole numbers from {@code min} to {@code max}, both included. */
public record Range(int min, int max) {

    /** Just {@code n}. */
    public static Range only(int n) {
        return new Range(n, n);
    }

    boolean contains(int n) {
        return n >= min && n <= max;
    }
}

package dev.scaler.load;

/**
 * One stage of a load shape, as k6 users write it ({@code 60s:400}): over {@code seconds} the arrival rate moves in a
 * straight line from where the previous stage ended (0 before the first) to {@code target} arrivals per second. A
 * stage of 0 seconds jumps to its target.
 */
public record Stage(double seconds, double target) {
    public Stage {
        if (!(seconds >= 0) || seconds > 86_400) {
            throw new IllegalArgumentException("a stage lasts from 0s to 24h, not " + seconds + "s");
        }
        if (!(target >= 0) || target > 1_000_000) {
            throw new IllegalArgumentException("a stage's target is from 0 to 1000000 arrivals per second, not " + target);
        }
    }
}

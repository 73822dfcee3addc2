package dev.scaler.load;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What a load run does: arrivals at the rate {@code shape} gives over time (a constant rate, or k6-style stages),
 * spread round-robin over {@code targets}, each arrival one journey picked by {@code mix}.
 *
 * @param maxInFlight arrivals beyond this many unfinished journeys are dropped (counted, never queued)
 * @param users       the size of the pool of simulated users u1..uN
 */
public record LoadSpec(List<URI> targets, LoadShape shape, JourneyMix mix, Duration timeout, long seed,
        int maxInFlight, int users, List<String> homes) {

    /** {@code rate} arrivals per second for {@code duration}, users spread over the targets request by request. */
    public LoadSpec(List<URI> targets, double rate, Duration duration, JourneyMix mix, Duration timeout, long seed,
            int maxInFlight, int users) {
        this(targets, constant(rate, duration), mix, timeout, seed, maxInFlight, users, List.of());
    }

    /** Arrivals as {@code shape} gives them, users spread over the targets request by request. */
    public LoadSpec(List<URI> targets, LoadShape shape, JourneyMix mix, Duration timeout, long seed, int maxInFlight,
            int users) {
        this(targets, shape, mix, timeout, seed, maxInFlight, users, List.of());
    }

    private static LoadShape constant(double rate, Duration duration) {
        if (!(rate > 0) || rate > 1_000_000) {
            throw new IllegalArgumentException("the rate must be above 0 and at most 1000000/s, not " + rate);
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("the duration must be above 0 and at most 24h");
        }
        return LoadShape.constant(rate, duration);
    }

    /** The highest arrival rate of the run (the only one, at a constant rate). */
    public double rate() {
        return shape.peak();
    }

    /** How long arrivals are scheduled. */
    public Duration duration() {
        return shape.duration();
    }

    /**
     * The same load with every user kept on one target, its home (user i on target i mod n), each target named
     * by {@code homes} (in target order): the targets are datacenters' entry points, a user's session and reads live
     * in its own datacenter, and the result is also counted per home.
     */
    public LoadSpec withHomes(List<String> names) {
        return new LoadSpec(targets, shape, mix, timeout, seed, maxInFlight, users, names);
    }

    public LoadSpec {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no target to send load to");
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("the timeout must be above 0 and at most 5m");
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("max in flight must be at least 1");
        }
        homes = List.copyOf(homes);
        if (!homes.isEmpty() && homes.size() != targets.size()) {
            throw new IllegalArgumentException("one home name per target: " + homes.size() + " for " + targets.size());
        }
        if (users < 1 || users > 1_000_000) {
            throw new IllegalArgumentException("users must be between 1 and 1000000");
        }
    }

    /** The default cap on unfinished journeys: enough for every arrival to wait its full timeout, plus 10 %. */
    public static int defaultMaxInFlight(double rate, Duration timeout) {
        return (int) Math.min(100_000, Math.max(64, Math.ceil(1.1 * rate * timeout.toNanos() / 1e9)));
    }

    /** How many arrivals the run schedules: the integral of the rate, rounded down, at least one. */
    public long arrivals() {
        return shape.arrivals();
    }

    /** How many one-second windows the run has. */
    public int windowCount() {
        return (int) Math.max(1, (duration().toNanos() + 999_999_999L) / 1_000_000_000L);
    }
}

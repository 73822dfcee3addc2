package dev.scaler.plan;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The plan of a rolling deploy as a pure function: from the state of every web replica, the limits and what
 * HAProxy saw, the next batch to carry out. The adapter only carries steps out and reports what became of them.
 */
public final class Rollout {
    private Rollout() {
    }

    /**
     * How a rollout may proceed.
     *
     * @param maxSurge       replicas that may run above the wanted count while old ones are replaced
     * @param maxUnavailable replicas that may be out of rotation below the wanted count
     * @param maxErrorRate   the share of requests HAProxy answered with a 5xx during the rollout above which it is
     *                       rolled back (0.01 is 1%)
     * @param minRequests    requests HAProxy must have seen before that share is judged
     */
    public record Limits(int maxSurge, int maxUnavailable, double maxErrorRate, long minRequests) {
        public Limits {
            if (maxSurge < 0 || maxUnavailable < 0 || maxSurge + maxUnavailable < 1) {
                throw new IllegalArgumentException("--max-surge and --max-unavailable are 0 or more and not both 0"
                        + " (with both 0 no replica could ever be replaced), got " + maxSurge + " and " + maxUnavailable);
            }
        }
    }

    /** Where the old replica of one index stands. */
    public enum Old { SERVING, GONE }

    /** Where the new replica of one index stands. */
    public enum New { NONE, SERVING, FAILED }

    /** One web replica index (1 to N): its old replica and its replacement. */
    public record Slot(int index, Old old, New replacement) {
        boolean serving() {
            return old == Old.SERVING || replacement == New.SERVING;
        }

        boolean surging() {
            return old == Old.SERVING && replacement != New.NONE;
        }
    }

    /** What HAProxy counted since the rollout began. */
    public record Vitals(long requests, long errors) {
        double errorRate() {
            return requests == 0 ? 0 : (double) errors / requests;
        }
    }

    /** The next thing to do. */
    public sealed interface Step {
    }

    /** Start the replacements of these indices, wait until each is ready and served by every load balancer. */
    public record Start(List<Integer> indices) implements Step {
        public Start {
            indices = List.copyOf(indices);
        }
    }

    /** Drain the old replicas of these indices, stop them, and give their replacements their names. */
    public record Retire(List<Integer> indices) implements Step {
        public Retire {
            indices = List.copyOf(indices);
        }
    }

    /** Stop: go back to the previous spec, for this reason. */
    public record RollBack(String reason) implements Step {
    }

    /** Every index runs its new replica and no old one is left. */
    public record Done() implements Step {
    }

    /** The reason of a rollback after Ctrl-C. */
    public static final String INTERRUPTED = "interrupted (Ctrl-C): the batch under way was finished first";

    /** The next step for this state. */
    public static Step next(List<Slot> slots, Limits limits, Vitals vitals) {
        return next(slots, limits, vitals, false);
    }

    /**
     * The next step for this state; {@code interrupted} when Ctrl-C stopped the deploy after the batch under way: it
     * then rolls back like a failed one, so the project ends on the spec it had, never half replaced.
     */
    public static Step next(List<Slot> slots, Limits limits, Vitals vitals, boolean interrupted) {
        if (interrupted) {
            return new RollBack(INTERRUPTED);
        }
        Optional<Slot> failed = slots.stream().filter(s -> s.replacement() == New.FAILED).findFirst();
        if (failed.isPresent()) {
            return new RollBack("the new replica " + failed.get().index() + " did not become ready");
        }
        if (vitals.requests() >= limits.minRequests() && vitals.errorRate() > limits.maxErrorRate()) {
            return new RollBack("HAProxy answered %d of %d requests with a 5xx (%.1f%%, the bound is %.1f%%)".formatted(
                    vitals.errors(), vitals.requests(), 100 * vitals.errorRate(), 100 * limits.maxErrorRate()));
        }
        if (slots.stream().allMatch(s -> s.old() == Old.GONE && s.replacement() == New.SERVING)) {
            return new Done();
        }
        long serving = slots.stream().filter(Slot::serving).count();
        // Old replicas that may go with no replacement serving yet: the unavailable budget.
        int spare = (int) Math.max(0, serving - (slots.size() - limits.maxUnavailable()));
        List<Integer> unreplaced = indices(slots.stream()
                .filter(s -> s.old() == Old.SERVING && s.replacement() == New.NONE).limit(spare));
        // A replaced index first gives its old replica up: that frees surge room and costs no capacity.
        List<Integer> replaced = indices(slots.stream().filter(s -> s.old() == Old.SERVING && s.replacement() == New.SERVING));
        if (!replaced.isEmpty()) {
            var batch = new java.util.ArrayList<>(replaced);
            batch.addAll(unreplaced);
            return new Retire(batch);
        }
        long containers = slots.stream().mapToLong(s -> (s.old() == Old.SERVING ? 1 : 0)
                + (s.replacement() == New.NONE ? 0 : 1)).sum();
        long room = slots.size() + limits.maxSurge() - containers;
        // Indices whose old replica is gone first: they restore capacity.
        var waiting = slots.stream().filter(s -> s.replacement() == New.NONE)
                .sorted(java.util.Comparator.comparing(s -> s.old() == Old.GONE ? 0 : 1)).toList();
        if (room > 0 && !waiting.isEmpty()) {
            return new Start(indices(waiting.stream().limit(room)));
        }
        if (!unreplaced.isEmpty()) {
            return new Retire(unreplaced);
        }
        return new RollBack("no step is possible within --max-surge " + limits.maxSurge() + " and --max-unavailable "
                + limits.maxUnavailable());
    }

    /** The slots of a rollout that has not begun: every index with its old replica serving. */
    public static List<Slot> begin(int replicas) {
        return IntStream.rangeClosed(1, replicas).mapToObj(i -> new Slot(i, Old.SERVING, New.NONE)).toList();
    }

    private static List<Integer> indices(java.util.stream.Stream<Slot> slots) {
        return slots.map(Slot::index).toList();
    }
}

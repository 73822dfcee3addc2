package dev.scaler.chaos;

import java.time.Duration;
import java.util.Optional;

/**
 * One step of an experiment: at {@code at} after the load starts, do {@code action}.
 *
 * @param index    its position in the file's {@code steps} list, counted from 0 as in messages ({@code steps[2]})
 * @param duration for a network fault: it heals by itself this long after it started
 * @param toxicity for a network fault: the share of connections it applies to, from 0 to 1 (1 when not written)
 */
public record Step(int index, Duration at, Action action, Optional<Duration> duration, double toxicity) {

    public Step {
        if (index < 0 || at.isNegative()) {
            throw new IllegalArgumentException("a step needs an index and a time from 0");
        }
        if (!(toxicity >= 0 && toxicity <= 1)) {
            throw new IllegalArgumentException("toxicity is from 0 to 1, not " + toxicity);
        }
        if ((duration.isPresent() || toxicity != 1) && !(action instanceof NetworkFault)) {
            throw new IllegalArgumentException("duration and toxicity apply to network faults only");
        }
        if (duration.isPresent() && (duration.get().isNegative() || duration.get().isZero())) {
            throw new IllegalArgumentException("a duration is above 0");
        }
    }

    /** A step with no duration and full toxicity. */
    public Step(int index, Duration at, Action action) {
        this(index, at, action, Optional.empty(), 1);
    }

    /** When it heals by itself, if it does. */
    public Optional<Duration> healsAt() {
        return duration.map(at::plus);
    }
}

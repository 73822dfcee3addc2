package dev.scaler.load;

import java.util.OptionalDouble;

/**
 * What became of one confirmed job by the end of a run: when it was submitted (seconds into the run), how many times a
 * worker finished it, and, once done, seconds from submission to the first result (the app's own timestamps).
 */
public record JobOutcome(String id, double submittedAt, int completions, OptionalDouble latencySeconds) {
    public JobOutcome {
        if (completions > 0 && latencySeconds.isEmpty()) {
            throw new IllegalArgumentException("a done job has a latency");
        }
    }

    /** A job no worker finished (yet). */
    public static JobOutcome pending(String id, double submittedAt) {
        return new JobOutcome(id, submittedAt, 0, OptionalDouble.empty());
    }

    public boolean done() {
        return completions > 0;
    }
}

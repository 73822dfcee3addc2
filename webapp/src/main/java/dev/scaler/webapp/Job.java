package dev.scaler.webapp;

import java.time.Instant;
import java.util.Optional;

/**
 * A digest job: computed by a worker from a note, stored on the note's shard. {@code completions} counts how many
 * times a worker finished it: 1 when done once, more when a redelivered job was processed again (a duplicate).
 */
record Job(String id, String note, String user, Instant submittedAt, int completions, Optional<JobResult> result) {
    /** A job just submitted: not done yet. */
    static Job queued(String id, String note, String user, Instant at) {
        return new Job(id, note, user, at, 0, Optional.empty());
    }

    boolean done() {
        return result.isPresent();
    }
}

package dev.scaler.webapp;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What a worker does with one job, apart from the queue: computes the note's digest and stores it on the note's
 * shard. Idempotent by the job id: a job already done is not done again, so a second delivery is harmless.
 */
final class JobProcessor {
    /** What became of a delivery; the worker acks every outcome but {@link #RETRY}, which goes back to the queue. */
    enum Outcome {
        /** Digest computed and stored. */
        DONE,
        /** Done before (a redelivery): nothing to do. */
        ALREADY_DONE,
        /** No such job or note (a submission refused after all, or not a job): nothing can ever be done with it. */
        DROPPED,
        /** The shard did not answer: the job goes back to the queue. */
        RETRY
    }

    /** One shard's primary: the note's text comes from there, the result goes there. */
    record Shard(NoteTable notes, JobTable jobs) {}

    private final List<Shard> shards;
    private final ShardRouter router;
    private final Clock clock;

    JobProcessor(List<Shard> shards, ShardRouter router, Clock clock) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("a worker needs at least one shard");
        }
        this.shards = List.copyOf(shards);
        this.router = router;
        this.clock = clock;
    }

    Outcome process(byte[] body) {
        Optional<JobMessage> message = JobMessage.parse(body);
        if (message.isEmpty()) {
            return Outcome.DROPPED;
        }
        JobMessage m = message.get();
        Shard shard = shards.get(router.shardOf(m.user()));
        try {
            Optional<Job> job = shard.jobs().find(m.job()).filter(j -> j.user().equals(m.user()) && j.note().equals(m.note()));
            if (job.isEmpty()) {
                return Outcome.DROPPED;
            }
            if (job.get().done()) {
                return Outcome.ALREADY_DONE;
            }
            Optional<Note> note = shard.notes().find(m.note()).filter(n -> n.user().equals(m.user()));
            if (note.isEmpty()) {
                return Outcome.DROPPED;
            }
            JobResult result = new JobResult(NoteDigest.of(note.get().text()), note.get().version(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            return shard.jobs().complete(m.job(), result) ? Outcome.DONE : Outcome.DROPPED;
        } catch (DatabaseUnavailableException e) {
            return Outcome.RETRY;
        }
    }
}

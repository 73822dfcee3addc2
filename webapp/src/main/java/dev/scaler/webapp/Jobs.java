package dev.scaler.webapp;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Digest jobs of notes: a submission is recorded on the note's shard, then published on the queue and acknowledged
 * only once the queue confirmed it; a refused publication forgets the job again. Status reads come from the shard
 * primary, where the worker writes the result.
 */
final class Jobs {
    /** A job accepted by the queue, and the shard that holds it. */
    record Submitted(Job job, int shard) {}

    /** A job as read, and its shard. */
    record Status(Job job, int shard) {}

    private final Notes notes;
    private final List<JobTable> tables;
    private final ShardRouter router;
    private final JobQueue queue;
    private final Clock clock;
    private final Supplier<String> ids;

    Jobs(Notes notes, List<JobTable> tables, ShardRouter router, JobQueue queue, Clock clock, Supplier<String> ids) {
        this.notes = notes;
        this.tables = List.copyOf(tables);
        this.router = router;
        this.queue = queue;
        this.clock = clock;
        this.ids = ids;
    }

    static Jobs create(Notes notes, List<JobTable> tables, ShardStrategy strategy, JobQueue queue) {
        return new Jobs(notes, tables, strategy.router(tables.size()), queue, Clock.systemUTC(),
                () -> UUID.randomUUID().toString());
    }

    /**
     * Empty when the user has no such note.
     *
     * @throws QueueUnavailableException when the queue did not confirm (the job is then forgotten)
     */
    Optional<Submitted> submit(String user, String note) {
        if (notes.read(user, note, Notes.Consistency.PRIMARY).isEmpty()) {
            return Optional.empty();
        }
        int shard = router.shardOf(user);
        JobTable table = tables.get(shard);
        Job job = Job.queued(ids.get(), note, user, clock.instant().truncatedTo(ChronoUnit.MICROS));
        table.insert(job);
        try {
            queue.publish(new JobMessage(job.id(), note, user));
        } catch (QueueUnavailableException e) {
            forget(table, job.id(), e);
            throw e;
        }
        return Optional.of(new Submitted(job, shard));
    }

    /** Empty for an unknown job and for another user's job alike. */
    Optional<Status> status(String user, String id) {
        int shard = router.shardOf(user);
        return tables.get(shard).find(id).filter(job -> job.user().equals(user)).map(job -> new Status(job, shard));
    }

    private static void forget(JobTable table, String id, QueueUnavailableException cause) {
        try {
            table.delete(id);
        } catch (DatabaseUnavailableException e) {
            cause.addSuppressed(e); // an orphan row nobody was given the id of: harmless
        }
    }

    Instant now() {
        return clock.instant();
    }
}

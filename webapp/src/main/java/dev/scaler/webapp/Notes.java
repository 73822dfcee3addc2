package dev.scaler.webapp;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The notes of each user, on the user's shard. Writes go to the shard primary, then invalidate
 * the cache and remember the acknowledged version. Reads try the cache, then a replica (when
 * reads go to replicas), then the primary; an answer older than what this user was acknowledged,
 * or a replica that does not have the note yet, is retried on the primary. So a user never reads
 * an older version of a note than one they were told was written (read-your-writes).
 */
final class Notes {
    /** Where a read was answered from, as the API reports it. */
    enum Source {
        CACHE, REPLICA, PRIMARY;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How fresh a read must be. */
    enum Consistency {
        /** Cache, then replica, then primary; read-your-writes for the user's own acknowledged writes. */
        DEFAULT,
        /** Straight from the shard primary, bypassing cache and replicas. */
        PRIMARY
    }

    /** One shard: its primary and replicas. The index is the position in SCALER_SHARD_URLS (0 without shards). */
    record Shard(int index, NoteTable primary, List<NoteTable> replicas) {
        Shard {
            replicas = List.copyOf(replicas);
        }
    }

    record Written(Note note, int shard) {}

    record Read(Note note, int shard, Source source) {}

    record Listing(List<NoteVersion> notes, int shard, Source source) {}

    private final List<Shard> shards;
    private final ShardRouter router;
    private final NoteCache cache;
    private final AckedVersions acked;
    private final ReadsFrom readsFrom;
    private final Clock clock;
    private final Supplier<String> ids;
    private final AtomicInteger nextReplica = new AtomicInteger();

    Notes(List<Shard> shards, ShardRouter router, NoteCache cache, AckedVersions acked, ReadsFrom readsFrom,
            Clock clock, Supplier<String> ids) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("notes need at least one shard");
        }
        this.shards = List.copyOf(shards);
        this.router = router;
        this.cache = cache;
        this.acked = acked;
        this.readsFrom = readsFrom;
        this.clock = clock;
        this.ids = ids;
    }

    static Notes create(List<Shard> shards, ShardStrategy strategy, NoteCache cache, AckedVersions acked, ReadsFrom readsFrom) {
        return new Notes(shards, strategy.router(shards.size()), cache, acked, readsFrom, Clock.systemUTC(),
                () -> UUID.randomUUID().toString());
    }

    int shardOf(String user) {
        return router.shardOf(user);
    }

    Written create(String user, String text) {
        Shard shard = shardFor(user);
        Note note = new Note(ids.get(), user, text, 1, now());
        shard.primary().insert(note);
        acked.record(user, note.id(), note.version());
        return new Written(note, shard.index());
    }

    /** Empty when the user has no note with this id. */
    Optional<Written> update(String user, String id, String text) {
        Shard shard = shardFor(user);
        Optional<Note> updated = shard.primary().update(id, user, text, now());
        updated.ifPresent(note -> {
            // Before acknowledging: a read after this answer must not find the old copy in the cache.
            cache.evict(id);
            acked.record(user, id, note.version());
        });
        return updated.map(note -> new Written(note, shard.index()));
    }

    /** Empty for an unknown note and for another user's note alike, so ids of others leak nothing. */
    Optional<Read> read(String user, String id, Consistency consistency) {
        Shard shard = shardFor(user);
        if (consistency == Consistency.PRIMARY) {
            return shard.primary().find(id).filter(n -> n.user().equals(user))
                    .map(n -> new Read(n, shard.index(), Source.PRIMARY));
        }
        OptionalLong known = acked.get(user, id);

        Optional<Note> cached = cache.get(id);
        if (cached.isPresent()) {
            if (!cached.get().user().equals(user)) {
                return Optional.empty(); // the owner of a note never changes
            }
            if (isFresh(cached.get(), known)) {
                return Optional.of(new Read(cached.get(), shard.index(), Source.CACHE));
            }
        }

        if (readsFrom == ReadsFrom.REPLICAS) {
            Optional<Optional<Note>> answer = fromAnyReplica(shard, replica -> replica.find(id));
            if (answer.isPresent() && answer.get().isPresent()) {
                Note note = answer.get().get();
                if (!note.user().equals(user)) {
                    return Optional.empty();
                }
                if (isFresh(note, known)) {
                    cache.put(note);
                    return Optional.of(new Read(note, shard.index(), Source.REPLICA));
                }
            }
            // No replica answered, it lags behind this user's write, or it does not have the note
            // yet (a replica's "not found" may be a create it has not applied): ask the primary.
        }

        Optional<Note> fromPrimary = shard.primary().find(id).filter(n -> n.user().equals(user));
        fromPrimary.ifPresent(cache::put);
        return fromPrimary.map(n -> new Read(n, shard.index(), Source.PRIMARY));
    }

    /** The user's notes with their versions; a replica's list missing or behind an acknowledged write is retried on the primary. */
    Listing list(String user) {
        Shard shard = shardFor(user);
        if (readsFrom == ReadsFrom.REPLICAS) {
            Map<String, Long> known = acked.all(user);
            Optional<List<NoteVersion>> answer = fromAnyReplica(shard, replica -> replica.listByUser(user));
            if (answer.isPresent() && covers(answer.get(), known)) {
                return new Listing(answer.get(), shard.index(), Source.REPLICA);
            }
        }
        return new Listing(shard.primary().listByUser(user), shard.index(), Source.PRIMARY);
    }

    /** The read-your-writes rule: an answer is good for this user unless it is older than what they were acknowledged. */
    static boolean isFresh(Note note, OptionalLong acknowledged) {
        return acknowledged.isEmpty() || note.version() >= acknowledged.getAsLong();
    }

    /** The list rule: every note the user was acknowledged is there, at that version or newer. */
    static boolean covers(List<NoteVersion> listed, Map<String, Long> acknowledged) {
        if (acknowledged.isEmpty()) {
            return true;
        }
        Map<String, Long> seen = new java.util.HashMap<>();
        listed.forEach(n -> seen.put(n.id(), n.version()));
        return acknowledged.entrySet().stream().allMatch(e -> seen.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    /** The first replica that answers, starting from a rotating one to spread load; empty when none does. */
    private <T> Optional<T> fromAnyReplica(Shard shard, Function<NoteTable, T> query) {
        List<NoteTable> replicas = shard.replicas();
        int start = replicas.isEmpty() ? 0 : Math.floorMod(nextReplica.getAndIncrement(), replicas.size());
        for (int i = 0; i < replicas.size(); i++) {
            try {
                return Optional.of(query.apply(replicas.get((start + i) % replicas.size())));
            } catch (DatabaseUnavailableException e) {
                // Try the next replica, then the primary; the table logged the outage.
            }
        }
        return Optional.empty();
    }

    private Shard shardFor(String user) {
        return shards.get(router.shardOf(user));
    }

    // TIMESTAMP(6) keeps microseconds; the answer must equal what a later read returns.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The read and write paths against fakes: shard choice, cache-aside, invalidation and read-your-writes. */
class NotesTest {
    private final InMemoryNoteTable primary0 = new InMemoryNoteTable("p0");
    private final InMemoryNoteTable replica0 = new InMemoryNoteTable("r0");
    private final InMemoryNoteTable primary1 = new InMemoryNoteTable("p1");
    private final InMemoryNoteTable replica1a = new InMemoryNoteTable("r1a");
    private final InMemoryNoteTable replica1b = new InMemoryNoteTable("r1b");
    private final InMemoryNoteCache cache = new InMemoryNoteCache();
    private final InMemoryAckedVersions acked = new InMemoryAckedVersions();
    private final AtomicInteger ids = new AtomicInteger();
    // Users starting with a..m on shard 0, the rest on shard 1: easy to reason about in tests.
    private final ShardRouter byFirstLetter = user -> user.charAt(0) <= 'm' ? 0 : 1;

    private Notes notes(ReadsFrom readsFrom) {
        return new Notes(
                List.of(new Notes.Shard(0, primary0, List.of(replica0)), new Notes.Shard(1, primary1, List.of(replica1a, replica1b))),
                byFirstLetter, cache, acked, readsFrom, Clock.fixed(Instant.parse("2026-01-02T03:04:05.123456789Z"), ZoneOffset.UTC),
                () -> "00000000-0000-0000-0000-%012d".formatted(ids.incrementAndGet()));
    }

    private final Notes notes = notes(ReadsFrom.REPLICAS);

    @Test
    void createGoesToTheUsersShardPrimaryAsVersionOneAndIsRemembered() {
        Notes.Written alice = notes.create("alice", "hello");
        Notes.Written zoe = notes.create("zoe", "hi");

        assertThat(alice.shard()).isZero();
        assertThat(alice.note().version()).isEqualTo(1);
        assertThat(alice.note().updatedAt()).as("micros, as TIMESTAMP(6) stores").isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
        assertThat(zoe.shard()).isEqualTo(1);
        assertThat(primary0.size()).isEqualTo(1);
        assertThat(primary1.size()).isEqualTo(1);
        assertThat(acked.get("alice", alice.note().id())).hasValue(1);
    }

    @Test
    void aNoteTheReplicaDoesNotHaveYetIsReadFromThePrimaryAndCached() {
        String id = notes.create("alice", "hello").note().id();

        Notes.Read read = notes.read("alice", id, Notes.Consistency.DEFAULT).orElseThrow();

        assertThat(read.source()).isEqualTo(Notes.Source.PRIMARY);
        assertThat(read.note().text()).isEqualTo("hello");
        assertThat(cache.entries).containsKey(id);
        assertThat(notes.read("alice", id, Notes.Consistency.DEFAULT).orElseThrow().source()).isEqualTo(Notes.Source.CACHE);
    }

    @Test
    void aCaughtUpReplicaAnswersAndFillsTheCache() {
        String id = notes.create("alice", "hello").note().id();
        replica0.catchUpWith(primary0);

        Notes.Read read = notes.read("alice", id, Notes.Consistency.DEFAULT).orElseThrow();

        assertThat(read.source()).isEqualTo(Notes.Source.REPLICA);
        assertThat(cache.entries.get(id).version()).isEqualTo(1);
    }

    @Test
    void updateBumpsTheVersionEvictsTheCacheAndIsRemembered() {
        String id = notes.create("alice", "v1").note().id();
        replica0.catchUpWith(primary0);
        notes.read("alice", id, Notes.Consistency.DEFAULT); // cached at version 1

        Notes.Written updated = notes.update("alice", id, "v2").orElseThrow();

        assertThat(updated.note().version()).isEqualTo(2);
        assertThat(cache.entries).doesNotContainKey(id);
        assertThat(acked.get("alice", id)).hasValue(2);
    }

    @Test
    void aLaggingReplicaIsNeverServedToTheUserWhoWroteNewer() {
        String id = notes.create("alice", "v1").note().id();
        replica0.catchUpWith(primary0); // the replica has v1 and then stops applying
        notes.update("alice", id, "v2");

        Notes.Read read = notes.read("alice", id, Notes.Consistency.DEFAULT).orElseThrow();

        assertThat(replica0.find(id).orElseThrow().version()).as("the replica lags").isEqualTo(1);
        assertThat(read.note().version()).isEqualTo(2);
        assertThat(read.note().text()).isEqualTo("v2");
        assertThat(read.source()).isEqualTo(Notes.Source.PRIMARY);
        assertThat(cache.entries.get(id).version()).as("the cache gets the primary's answer").isEqualTo(2);
    }

    @Test
    void aStaleCacheEntryIsNeverServedToTheUserWhoWroteNewer() {
        String id = notes.create("alice", "v1").note().id();
        Note v1 = primary0.find(id).orElseThrow();
        notes.update("alice", id, "v2");
        cache.entries.put(id, v1); // a fill that raced the invalidation

        Notes.Read read = notes.read("alice", id, Notes.Consistency.DEFAULT).orElseThrow();

        assertThat(read.note().version()).isEqualTo(2);
        assertThat(read.source()).isEqualTo(Notes.Source.PRIMARY);
    }

    @Test
    void withoutAnAcknowledgedVersionTheReplicasAnswerStands() {
        // The boundary of the guarantee: it covers what this user was acknowledged, nothing more.
        String id = notes.create("alice", "v1").note().id();
        replica0.catchUpWith(primary0);
        notes.update("alice", id, "v2");
        acked.forget("alice");

        Notes.Read read = notes.read("alice", id, Notes.Consistency.DEFAULT).orElseThrow();

        assertThat(read.source()).isEqualTo(Notes.Source.REPLICA);
        assertThat(read.note().version()).isEqualTo(1);
    }

    @Test
    void consistencyPrimaryBypassesCacheAndReplicas() {
        String id = notes.create("alice", "v1").note().id();
        replica0.catchUpWith(primary0);
        notes.read("alice", id, Notes.Consistency.DEFAULT); // cached
        int replicaReads = replica0.reads.get();

        Notes.Read read = notes.read("alice", id, Notes.Consistency.PRIMARY).orElseThrow();

        assertThat(read.source()).isEqualTo(Notes.Source.PRIMARY);
        assertThat(replica0.reads.get()).isEqualTo(replicaReads);
    }

    @Test
    void readsFromPrimaryNeverAskAReplica() {
        Notes primaryOnly = notes(ReadsFrom.PRIMARY);
        String id = primaryOnly.create("zoe", "v1").note().id();
        replica1a.catchUpWith(primary1);
        replica1b.catchUpWith(primary1);

        assertThat(primaryOnly.read("zoe", id, Notes.Consistency.DEFAULT).orElseThrow().source()).isEqualTo(Notes.Source.PRIMARY);
        assertThat(primaryOnly.list("zoe").source()).isEqualTo(Notes.Source.PRIMARY);
        assertThat(replica1a.reads.get() + replica1b.reads.get()).isZero();
    }

    @Test
    void aDownReplicaIsSkippedForTheNextThenThePrimary() {
        String id = notes.create("zoe", "v1").note().id();
        replica1a.catchUpWith(primary1);
        replica1b.catchUpWith(primary1);
        replica1a.down(true);

        for (int i = 0; i < 4; i++) {
            cache.entries.clear();
            assertThat(notes.read("zoe", id, Notes.Consistency.DEFAULT).orElseThrow().source()).isEqualTo(Notes.Source.REPLICA);
        }
        replica1b.down(true);
        cache.entries.clear();
        assertThat(notes.read("zoe", id, Notes.Consistency.DEFAULT).orElseThrow().source()).isEqualTo(Notes.Source.PRIMARY);
    }

    @Test
    void readsRotateOverTheReplicas() {
        String id = notes.create("zoe", "v1").note().id();
        replica1a.catchUpWith(primary1);
        replica1b.catchUpWith(primary1);

        for (int i = 0; i < 4; i++) {
            cache.entries.clear();
            notes.read("zoe", id, Notes.Consistency.DEFAULT);
        }

        assertThat(replica1a.reads.get()).isEqualTo(2);
        assertThat(replica1b.reads.get()).isEqualTo(2);
    }

    @Test
    void aDownPrimaryFailsWritesButCachedAndReplicatedNotesStillRead() {
        String id = notes.create("alice", "v1").note().id();
        replica0.catchUpWith(primary0);
        primary0.down(true);

        assertThatThrownBy(() -> notes.create("alice", "more")).isInstanceOf(DatabaseUnavailableException.class);
        assertThatThrownBy(() -> notes.update("alice", id, "v2")).isInstanceOf(DatabaseUnavailableException.class);
        assertThat(notes.read("alice", id, Notes.Consistency.DEFAULT).orElseThrow().source()).isEqualTo(Notes.Source.REPLICA);
        assertThatThrownBy(() -> notes.read("alice", id, Notes.Consistency.PRIMARY)).isInstanceOf(DatabaseUnavailableException.class);
    }

    @Test
    void aReadOnlyPrimaryRefusesWritesAsReadOnly() {
        primary0.readOnly(true);

        assertThatThrownBy(() -> notes.create("alice", "x"))
                .isInstanceOfSatisfying(DatabaseUnavailableException.class, e -> assertThat(e.readOnly()).isTrue());
    }

    @Test
    void anotherUsersNoteIsNotFoundWhereverItIsRead() {
        String id = notes.create("alice", "secret").note().id();
        // bob shares alice's shard (both a..m), so the row is really there for him to miss.

        assertThat(notes.read("bob", id, Notes.Consistency.DEFAULT)).as("primary").isEmpty();
        replica0.catchUpWith(primary0);
        assertThat(notes.read("bob", id, Notes.Consistency.DEFAULT)).as("replica").isEmpty();
        notes.read("alice", id, Notes.Consistency.DEFAULT);
        assertThat(cache.entries).containsKey(id);
        assertThat(notes.read("bob", id, Notes.Consistency.DEFAULT)).as("cache").isEmpty();
        assertThat(notes.read("bob", id, Notes.Consistency.PRIMARY)).as("primary consistency").isEmpty();
        assertThat(notes.update("bob", id, "mine now")).isEmpty();
        assertThat(primary0.find(id).orElseThrow().text()).isEqualTo("secret");
    }

    @Test
    void unknownNoteIsEmpty() {
        assertThat(notes.read("alice", "00000000-0000-0000-0000-999999999999", Notes.Consistency.DEFAULT)).isEmpty();
        assertThat(notes.update("alice", "00000000-0000-0000-0000-999999999999", "x")).isEmpty();
    }

    @Test
    void listComesFromAReplicaThatHasEveryAcknowledgedWriteElseFromThePrimary() {
        String first = notes.create("alice", "one").note().id();
        notes.create("alice", "two");
        notes.create("bob", "not alice's");

        Notes.Listing lagging = notes.list("alice");
        assertThat(lagging.source()).isEqualTo(Notes.Source.PRIMARY);
        assertThat(lagging.notes()).hasSize(2);

        replica0.catchUpWith(primary0);
        Notes.Listing caughtUp = notes.list("alice");
        assertThat(caughtUp.source()).isEqualTo(Notes.Source.REPLICA);
        assertThat(caughtUp.notes()).extracting(NoteVersion::id).contains(first).hasSize(2);

        notes.update("alice", first, "one, again");
        assertThat(notes.list("alice").source()).as("replica behind on a version").isEqualTo(Notes.Source.PRIMARY);
    }

    @Test
    void freshnessRule() {
        Note v2 = new Note("id", "alice", "t", 2, Instant.EPOCH);

        assertThat(Notes.isFresh(v2, OptionalLong.empty())).isTrue();
        assertThat(Notes.isFresh(v2, OptionalLong.of(1))).isTrue();
        assertThat(Notes.isFresh(v2, OptionalLong.of(2))).isTrue();
        assertThat(Notes.isFresh(v2, OptionalLong.of(3))).isFalse();
    }

    @Test
    void coverageRule() {
        List<NoteVersion> listed = List.of(new NoteVersion("a", 2), new NoteVersion("b", 1));

        assertThat(Notes.covers(listed, Map.of())).isTrue();
        assertThat(Notes.covers(listed, Map.of("a", 2L, "b", 1L))).isTrue();
        assertThat(Notes.covers(listed, Map.of("a", 3L))).isFalse();
        assertThat(Notes.covers(listed, Map.of("c", 1L))).isFalse();
    }
}

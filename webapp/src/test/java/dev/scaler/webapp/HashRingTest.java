package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HashRingTest {
    private static final int KEYS = 10_000;

    private static String key(int i) {
        return "user-" + i;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void spreadsTenThousandKeysWithinTwentyPercentOfEven(int shards) {
        ShardRouter ring = new HashRing(shards, HashRing.DEFAULT_VIRTUAL_NODES);
        int[] counts = new int[shards];
        for (int i = 0; i < KEYS; i++) {
            counts[ring.shardOf(key(i))]++;
        }
        double even = (double) KEYS / shards;
        for (int shard = 0; shard < shards; shard++) {
            assertThat(counts[shard]).as("shard %d of %d", shard, shards).isBetween((int) (even * 0.8), (int) Math.ceil(even * 1.2));
        }
    }

    @Test
    void everyKeyIsOnExactlyOneShardInRange() {
        ShardRouter ring = new HashRing(3, HashRing.DEFAULT_VIRTUAL_NODES);
        for (int i = 0; i < KEYS; i++) {
            int shard = ring.shardOf(key(i));
            assertThat(shard).isBetween(0, 2);
            assertThat(ring.shardOf(key(i))).as("asked twice").isEqualTo(shard);
        }
    }

    @Test
    void aNewRingGivesTheSameAnswers() {
        // What a restart, or another replica, builds: the mapping depends on nothing but the shard count.
        ShardRouter before = new HashRing(4, HashRing.DEFAULT_VIRTUAL_NODES);
        ShardRouter after = new HashRing(4, HashRing.DEFAULT_VIRTUAL_NODES);
        for (int i = 0; i < KEYS; i++) {
            assertThat(after.shardOf(key(i))).isEqualTo(before.shardOf(key(i)));
        }
    }

    @Test
    void mappingIsPinnedAcrossReleases() {
        // Changing the hash or the point names would strand every stored note on the wrong shard.
        assertThat(HashRing.hash64("")).isEqualTo(0xEF46DB3751D8E999L);
        ShardRouter ring = new HashRing(4, HashRing.DEFAULT_VIRTUAL_NODES);
        assertThat(IntStream.range(0, 12).map(i -> ring.shardOf(key(i))).toArray())
                .containsExactly(PINNED_FOUR_SHARDS);
    }

    private static final int[] PINNED_FOUR_SHARDS = {2, 1, 0, 2, 3, 2, 0, 3, 1, 1, 0, 3};

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7})
    void addingAShardMovesAboutOneNthOfKeysAllToTheNewShard(int shards) {
        ShardRouter before = new HashRing(shards, HashRing.DEFAULT_VIRTUAL_NODES);
        ShardRouter after = new HashRing(shards + 1, HashRing.DEFAULT_VIRTUAL_NODES);
        int moved = 0;
        for (int i = 0; i < KEYS; i++) {
            int from = before.shardOf(key(i));
            int to = after.shardOf(key(i));
            if (from != to) {
                moved++;
                assertThat(to).as("a moved key goes to the new shard").isEqualTo(shards);
            }
        }
        double ideal = (double) KEYS / (shards + 1);
        assertThat((double) moved).isBetween(ideal * 0.8, ideal * 1.2);
    }

    @Test
    void hashSpreadsSimilarKeysOverTheWholeWord() {
        // Neighbouring names must not land next to each other on the ring.
        long a = HashRing.hash64("user-1");
        long b = HashRing.hash64("user-2");
        assertThat(Long.bitCount(a ^ b)).isBetween(16, 48);
    }
}
